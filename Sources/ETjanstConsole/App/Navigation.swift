import ETjanstDomain

/// Where the user is: the screen shown and every screen's own state (what it shows,
/// the item open, its filters and selection). A jump keeps where it started, and q
/// or Esc where it landed puts that back (lazygit's habit): overview → finding →
/// the item, and q is the overview again at the same finding, with every filter the
/// user had set.
public struct NavigationPlace {
  var screen: ScreenID
  var overview: OverviewState
  var catalogue: CatalogueState
  var staffScreen: StaffState
  var outagesScreen: OutagesState
  var ordersScreen: OrdersState

  init(_ state: AppState) {
    screen = state.screen
    overview = state.overview
    catalogue = state.catalogue
    staffScreen = state.staffScreen
    outagesScreen = state.outagesScreen
    ordersScreen = state.ordersScreen
  }

  func restore(into state: inout AppState) {
    state.screen = screen
    state.overview = overview
    state.catalogue = catalogue
    state.staffScreen = staffScreen
    state.outagesScreen = outagesScreen
    state.ordersScreen = ordersScreen
  }
}

/// One step back: where the user was, and the place the jump took them to.
public struct BackStep {
  var from: NavigationPlace
  var landing: String
}

/// Moving between the screens: jumps that can be gone back on, the screen keys,
/// and leaving the console.
public enum Navigation {
  /// The keys that go back where a jump came from.
  public static let backKeys: [Key] = [.character("q"), .escape]
  /// The key that leaves the console from a screen's top level.
  public static let quitKey = Key.character("q")

  /// Goes somewhere else in the console, so that q and Esc where it lands come back.
  static func jump(_ state: inout AppState, _ go: (inout AppState) -> Void) {
    let from = NavigationPlace(state)
    go(&state)
    state.backStack.append(BackStep(from: from, landing: location(state)))
  }

  /// q or Esc where the last jump landed (the item, not opened further, no filter
  /// set since): back where the jump came from. False when the key is not that.
  static func back(_ key: Key, _ state: inout AppState) -> Bool {
    guard backKeys.contains(key), let step = state.backStack.last,
      step.landing == location(state)
    else { return false }
    state.backStack.removeLast()
    step.from.restore(into: &state)
    return true
  }

  /// A screen's key or command: that screen's list, as the user left it. The way
  /// back from jumps is forgotten: the user has chosen where to be.
  static func show(_ screen: ScreenID, _ state: inout AppState) {
    state.backStack.removeAll()
    state.screen = screen
    screen.view.showList(&state)
  }

  /// What tells one place from another for going back: the screen, what it shows
  /// and its filters; not the selection.
  static func location(_ state: AppState) -> String {
    "\(state.screen)|" + state.screen.view.location(state)
  }

  /// The overview's list, with nothing open over it: where q quits at once.
  static func atTop(_ state: AppState) -> Bool {
    state.screen == .overview && !state.overview.admin.isOpen
  }

  /// A second q counts only as the very next key: any other key disarms it, and the
  /// flash that said "press q again" goes with it, so it never stands over a screen
  /// where q means back.
  static func disarmQuit(_ key: Key, _ state: inout AppState) {
    guard let armed = state.quitArmedAt, key != quitKey || armed != state.keysPressed - 1
    else { return }
    state.quitArmedAt = nil
    if state.flash?.text == Texts.quitAgain(quitKey.description) { state.flash = nil }
  }

  /// q at a screen's top level: quits from the overview's, elsewhere asks first
  /// or waits for a second q, as the user prefers.
  static func quit(_ state: inout AppState) -> [Effect] {
    if atTop(state) { return [.quit] }
    switch state.quitPreference {
    case .ask:
      state.overlays.append(
        QuestionOverlay(Texts.quitEtjanst) { _ in [.quit] })
    case .secondKey:
      if state.quitArmedAt == state.keysPressed - 1 { return [.quit] }
      state.quitArmedAt = state.keysPressed
      state.show(Texts.quitAgain(quitKey.description))
    }
    return []
  }
}

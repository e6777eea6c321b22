import ETjanstDomain

/// Keys that work on every screen, after the screen's own.
public enum GlobalKeys {
  public static var bindings: [Binding] {
    ScreenID.allCases.map { screen in
      Binding(
        [.character(Character(String(screen.rawValue)))], keysLabel: "1–5", label: Texts.keyScreens,
        help: Texts.helpScreens, bar: false
      ) { state in
        Navigation.show(screen, &state)
        return []
      }.doing(screen.keyAction)
    } + [
      Binding([.tab], label: Texts.keyNextScreen, bar: false) { state in
        state.backStack.removeAll()
        state.screen = state.screen.next
        return []
      },
      Binding([.backTab], label: Texts.keyPreviousScreen, bar: false) { state in
        state.backStack.removeAll()
        state.screen = state.screen.previous
        return []
      },
      Binding(
        [.character("u")], label: Texts.keyUndo, help: Texts.helpUndo, bar: false, edits: true
      ) { state in undo(&state) }.doing(.undo),
      Binding([.character(":")], label: Texts.keyCommand, help: Texts.helpCommand, bar: false) {
        state in
        state.overlays.append(CommandLineOverlay())
        return []
      },
      Binding([.character("?"), .function(1)], label: Texts.keyHelp, help: Texts.helpHelp) {
        state in
        state.overlays.append(HelpOverlay())
        return []
      },
      Binding(
        [.character("q"), .function(10), .control("c")], label: Texts.keyQuit, help: Texts.helpQuit
      ) {
        state in Navigation.quit(&state)
      },
      Binding([.control("l")], label: Texts.keyRedraw, bar: false) { _ in [.redraw] },
      Binding([.control("z")], label: Texts.keySuspend, help: Texts.helpSuspend, bar: false) {
        _ in [.suspendToShell]
      },
    ]
  }

  /// The first binding of each label, so "1–5" is listed once in help.
  public static var distinct: [Binding] {
    var seen = Set<String>()
    return bindings.filter { seen.insert($0.label.en).inserted }
  }

  /// Undoes the last change of this session not yet undone, if there is one; `u`
  /// again goes one change further back. A change that cannot be undone (someone
  /// else has changed the same field since) is said so and left behind.
  static func undo(_ state: inout AppState) -> [Effect] {
    guard let change = state.undoStack.popLast() else {
      state.show(Texts.nothingToUndo)
      return []
    }
    state.undoing = change
    return [.perform(change.undo)]
  }
}

extension ScreenID {
  /// The action of the key that switches to this screen, for texts that name it.
  var keyAction: KeyAction? {
    switch self {
    case .catalogue: return .screenCatalogue
    case .staff: return .screenStaff
    case .outages: return .screenOutages
    default: return nil
    }
  }
}

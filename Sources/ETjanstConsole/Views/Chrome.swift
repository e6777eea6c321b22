import ETjanstDomain
import Foundation
import Synchronization

/// The frame around every screen: title line, tab bar, status line and key hints.
enum Chrome {
  static func drawTitle(_ state: AppState, into frame: inout Frame, area: Rect) {
    let style = state.theme.style(.title)
    frame.clear(area, style: style)
    let role: LocalizedText
    switch state.user.role {
    case .eCoordinator: role = Texts.roleCoordinator
    case .manager(let department): role = Texts.roleManager(state.data.departmentName(department))
    }
    let readOnly = state.readOnly ? "[\(state.t(Texts.readOnlyMark))] " : ""
    // The name as the newest data has it: a user named in the users form (the first
    // user starts named by their login) is shown so at once.
    let name = (state.data.user(login: state.user.login) ?? state.user).name
    let who = "\(name) (\(state.t(role)))"
    // On a narrow terminal the program's name goes first, then the date, then the
    // municipality, so who you are and in which role stays readable.
    // A new store has no name until its set-up form is answered.
    let named = state.data.name.isEmpty ? "" : " \(state.data.name) ·"
    let candidates = [
      ("\(named) etjanst", "\(readOnly)\(who)  \(time(state.now)) "),
      (" \(state.data.name)", "\(readOnly)\(who)  \(time(state.now)) "),
      (" \(state.data.name)", "\(readOnly)\(who) "),
      ("", " \(readOnly)\(who) "),
    ]
    let (left, right) =
      candidates.first { TextWidth.of($0.0) + 1 + TextWidth.of($0.1) <= area.width }
      ?? candidates[3]
    frame.put(left, x: area.x, y: area.y, style: style, maxWidth: area.width)
    let rightWidth = min(TextWidth.of(right), max(0, area.width - TextWidth.of(left) - 1))
    let shown = TextWidth.truncate(right, to: rightWidth)
    frame.put(shown, x: area.maxX - TextWidth.of(shown), y: area.y, style: style)
  }

  /// The title's clock: the minute's text, made when the minute turns (a date
  /// formatter on every frame was a twentieth of a key's time).
  static func time(_ now: Date) -> String {
    let minute = Int((now.timeIntervalSince1970 / 60).rounded(.down))
    return clock.withLock {
      if $0.minute != minute { $0 = (minute, Format.dateTime(now)) }
      return $0.text
    }
  }

  // Views are drawn on the key loop, and by tests on threads of their own.
  private static let clock = Mutex<(minute: Int, text: String)>((Int.min, ""))

  static func drawTabs(_ state: AppState, into frame: inout Frame, area: Rect) {
    let full = ScreenID.allCases.map { " \($0.rawValue) \(state.t($0.title)) " }
    let fits = full.reduce(0) { $0 + TextWidth.of($1) + 1 } <= area.width
    var x = area.x
    for screen in ScreenID.allCases {
      let label = " \(screen.rawValue) \(state.t(fits ? screen.title : screen.shortTitle)) "
      let style = state.theme.style(screen == state.screen ? .tabActive : .tabInactive)
      x += frame.put(label, x: x, y: area.y, style: style, maxWidth: area.maxX - x) + 1
    }
  }

  static func drawStatus(_ state: AppState, into frame: inout Frame, area: Rect) {
    // After a blank, as much of the text as fits (put, not joined: a joined line was a
    // new string at every frame).
    func line(_ text: String, _ role: Theme.Role) {
      let style = state.theme.style(role)
      frame.put(" ", x: area.x, y: area.y, style: style)
      frame.put(TextWidth.shorten(text, to: area.width - 1), x: area.x + 1, y: area.y, style: style)
    }
    if let flash = state.flash {
      line(
        state.t(flash.text),
        flash.kind == .error ? .danger : (flash.kind == .success ? .ok : .accent))
      return
    }
    // A running outage is shown on every screen, until it is resolved (4.3).
    if state.screen != .outages, let banner = OutageBanner.line(state) {
      line(banner.text, banner.role)
      return
    }
    line(state.screen.view.status(state), .muted)
  }

  /// The hint bar: the keys of the topmost dialog, or of the screen then the global
  /// ones, as many as fit; `?` always shows, since help lists the rest.
  static func drawHints(_ state: AppState, into frame: inout Frame, area: Rect) {
    // A dialog's keys, and every hint while a test listens for the keys texts name (so
    // each is heard), are drawn at each frame.
    guard state.overlays.isEmpty, KeyMentionLog.current == nil else {
      frame.copy(bar(hints(state), width: area.width, state), x: area.x, y: area.y)
      return
    }
    let bindings = state.screen.view.bindings(state)
    // Bindings a screen keeps (`Binding.kept`) are the same list from frame to frame
    // (its storage, which the kept bar holds, is its name): the bar drawn from them is
    // kept too, and copied at every other frame.
    let kept = state.derived(
      "hints",
      inputs: Both(
        Both(bindings.storageAddress, Both(state.screen, area.width)),
        Both(state.readOnly, state.missingKeys))
    ) { (bindings, bar(hints(state, bindings), width: area.width, state)) }
    assert(
      kept.1 == bar(hints(state, bindings), width: area.width, state),
      "the hint bar read something its memo does not name")
    frame.copy(kept.1, x: area.x, y: area.y)
  }

  /// The hints of the topmost dialog, or of the screen then the global ones.
  static func hints(_ state: AppState) -> [(key: String, label: String)] {
    if let top = state.overlays.last {
      return top.bindings(state).map { ($0.key, state.t($0.label)) }
    }
    return hints(state, state.screen.view.bindings(state))
  }

  /// The hints as one row `width` wide: as many as fit, each key then its label.
  private static func bar(_ hints: [(key: String, label: String)], width: Int, _ state: AppState)
    -> Frame
  {
    var bar = Frame(width: width, height: 1)
    var x = 1
    for var hint in hints {
      hint.key = KeyNames.shown(hint.key)
      let needed = TextWidth.of(hint.key) + 1 + TextWidth.of(hint.label) + 2
      if x + needed > width { break }
      x += bar.put(hint.key, x: x, y: 0, style: state.theme.style(.hintKey))
      x += 1
      x += bar.put(hint.label, x: x, y: 0, style: state.theme.style(.hintLabel))
      x += 2
    }
    return bar
  }

  private static func hints(_ state: AppState, _ bindings: [Binding]) -> [(
    key: String, label: String
  )] {
    let screen = Binding.visible(bindings, in: state)
    // A global key the screen binds itself (q in a detail view means "back") is
    // the screen's; its global hint would promise what the key does not do.
    let taken = Set(screen.flatMap(\.keys))
    let global = GlobalKeys.distinct.filter {
      $0.showInBar && !$0.keys.contains(where: taken.contains)
    }
    let help = global.filter { $0.keys.contains(.character("?")) }
    var seen = Set<String>()
    return (help + screen.filter(\.showInBar) + global)
      .filter { seen.insert($0.keyText).inserted }
      .map { ($0.keyText, state.t($0.label)) }
  }
}

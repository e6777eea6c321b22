import ETjanstDomain

/// A message the user must see, such as why a rule refused a change; Enter or Esc
/// closes it. A text taller than the screen scrolls with ↑ ↓ PgUp PgDn Home End.
public struct MessageOverlay: Overlay {
  public var title: LocalizedText
  public var text: LocalizedText
  /// The first line shown.
  var offset = 0
  static let width = 72

  public init(title: LocalizedText, text: LocalizedText) {
    self.title = title
    self.text = text
  }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .escape, .enter, .character("q"), .character(" "): return .closeOnly
    default:
      let page = DialogPage(
        text: state.t(text), in: RootView.mainArea(state), width: Self.width)
      if let moved = page.scrolled(offset, by: key) { offset = moved }
      return .stay
    }
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let buttons = Box.dialog(
      state.t(title), text: state.t(text), in: area, width: Self.width, frame: &frame,
      theme: state.theme, from: offset)
    let ok = "[ \(state.t(Texts.ok)) ]"
    frame.put(
      ok, x: buttons.x + (buttons.width - TextWidth.of(ok)) / 2, y: buttons.y,
      style: state.theme.style(.selection))
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    let page = DialogPage(text: state.t(text), in: RootView.mainArea(state), width: Self.width)
    return [OverlayKey("Enter", Texts.ok), OverlayKey("Esc", Texts.close)]
      + (page.scrolls ? [OverlayKey("↑↓", Texts.scroll)] : [])
  }
}

import ETjanstDomain

/// A message the user must see, such as why a rule refused a change; Enter or Esc
/// closes it.
public struct MessageOverlay: Overlay {
  public var title: LocalizedText
  public var text: LocalizedText

  public init(title: LocalizedText, text: LocalizedText) {
    self.title = title
    self.text = text
  }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .escape, .enter, .character("q"), .character(" "): return .closeOnly
    default: return .stay
    }
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let buttons = Box.dialog(
      state.t(title), text: state.t(text), in: area, width: 72, frame: &frame, theme: state.theme)
    let ok = "[ \(state.t(Texts.ok)) ]"
    frame.put(
      ok, x: buttons.x + (buttons.width - TextWidth.of(ok)) / 2, y: buttons.y,
      style: state.theme.style(.selection))
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [OverlayKey("Enter", Texts.ok), OverlayKey("Esc", Texts.close)]
  }
}

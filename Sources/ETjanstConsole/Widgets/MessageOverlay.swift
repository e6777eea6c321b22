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
    let width = min(area.width - 4, 72)
    let lines = TextWidth.wrap(state.t(text), to: width - 4)
    let box = area.centered(width: width, height: min(area.height, lines.count + 4))
    let inner = Box.draw(state.t(title), in: box, frame: &frame, theme: state.theme)
    for (i, line) in lines.prefix(inner.height - 1).enumerated() {
      frame.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
    let ok = "[ \(state.t(Texts.ok)) ]"
    frame.put(ok, x: inner.x + (inner.width - TextWidth.of(ok)) / 2, y: inner.maxY - 1, style: state.theme.style(.selection))
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [OverlayKey("Enter", Texts.ok), OverlayKey("Esc", Texts.close)]
  }
}

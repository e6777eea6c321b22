import ETjanstDomain

/// Asks before a destructive action. The action travels as data: OK sends exactly
/// the effects it was opened with, and Cancel is focused, so a stray Enter is safe.
public struct ConfirmOverlay: Overlay {
  public var title: LocalizedText
  public var question: LocalizedText
  public var confirmLabel: LocalizedText
  public var effects: [Effect]
  var okFocused = false

  public init(title: LocalizedText, question: LocalizedText, confirmLabel: LocalizedText, effects: [Effect]) {
    self.title = title
    self.question = question
    self.confirmLabel = confirmLabel
    self.effects = effects
  }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .left, .right, .tab, .backTab, .character("h"), .character("l"):
      okFocused.toggle()
      return .stay
    case .enter:
      return okFocused ? .closeAnd(effects) : .closeOnly
    case .escape, .character("q"), .character("n"):
      return .closeOnly
    default:
      return .stay
    }
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let width = min(area.width - 4, 64)
    let lines = TextWidth.wrap(state.t(question), to: width - 4)
    let box = area.centered(width: width, height: min(area.height, lines.count + 4))
    let inner = Box.draw(state.t(title), in: box, frame: &frame, theme: state.theme)
    for (i, line) in lines.prefix(inner.height - 1).enumerated() {
      frame.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
    let cancel = "[ \(state.t(Texts.cancel)) ]"
    let ok = "[ \(state.t(confirmLabel)) ]"
    let total = TextWidth.of(cancel) + 3 + TextWidth.of(ok)
    var x = inner.x + max(0, (inner.width - total) / 2)
    let y = inner.maxY - 1
    x += frame.put(cancel, x: x, y: y, style: state.theme.style(okFocused ? .normal : .selection)) + 3
    frame.put(ok, x: x, y: y, style: state.theme.style(okFocused ? .danger : .normal).with(okFocused ? [.reverse] : []))
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [OverlayKey("←→", Texts.choose), OverlayKey("Enter", Texts.ok), OverlayKey("Esc", Texts.cancel)]
  }
}

extension CellStyle {
  /// The style with extra attributes.
  public func with(_ extra: Attributes) -> CellStyle {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }
}

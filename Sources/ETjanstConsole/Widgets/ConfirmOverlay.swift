import ETjanstDomain

/// Asks before a destructive action. The action travels as data: OK sends exactly
/// the effects it was opened with, and Cancel is focused, so a stray Enter is safe.
public struct ConfirmOverlay: Overlay {
  public var title: LocalizedText
  public var question: LocalizedText
  public var confirmLabel: LocalizedText
  public var effects: [Effect]
  /// The change can be undone afterwards: the question ends with the undo key,
  /// named from the keymap of the screen beneath when drawn.
  public var undoable: Bool
  /// The question ends in "j/n" (y/n): j or y confirms, as OK does.
  public var yesNo: Bool
  /// Run on OK before the effects: opens what the answer leads to (a form).
  var then: ((inout AppState) -> Void)?
  var okFocused = false

  public init(
    title: LocalizedText, question: LocalizedText, confirmLabel: LocalizedText, effects: [Effect],
    undoable: Bool = false, yesNo: Bool = false, then: ((inout AppState) -> Void)? = nil
  ) {
    self.title = title
    self.question = question
    self.confirmLabel = confirmLabel
    self.effects = effects
    self.undoable = undoable
    self.yesNo = yesNo
    self.then = then
  }

  private var confirmed: OverlayOutcome {
    .close { [effects, then] state in
      then?(&state)
      return effects
    }
  }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .left, .right, .tab, .backTab, .character("h"), .character("l"):
      okFocused.toggle()
      return .stay
    case .enter:
      return okFocused ? confirmed : .closeOnly
    case .character("j"), .character("y"):
      return yesNo ? confirmed : .stay
    case .escape, .character("q"), .character("n"):
      return .closeOnly
    default:
      return .stay
    }
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    var text = state.t(question)
    if undoable, let key = state.keyNames[.undo] { text += " " + state.t(Texts.canUndo(key)) }
    let buttons = Box.dialog(
      state.t(title), text: text, in: area, width: 64, frame: &frame,
      theme: state.theme)
    let cancel = "[ \(state.t(Texts.cancel)) ]"
    let ok = "[ \(state.t(confirmLabel)) ]"
    let total = TextWidth.of(cancel) + 3 + TextWidth.of(ok)
    var x = buttons.x + max(0, (buttons.width - total) / 2)
    x +=
      frame.put(
        cancel, x: x, y: buttons.y, style: state.theme.style(okFocused ? .normal : .selection)) + 3
    frame.put(
      ok, x: x, y: buttons.y,
      style: state.theme.style(okFocused ? .danger : .normal).with(okFocused ? [.reverse] : []))
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [
      OverlayKey("←→", Texts.choose), OverlayKey("Enter", Texts.ok),
      OverlayKey("Esc", Texts.cancel),
    ]
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

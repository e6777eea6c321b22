import ETjanstDomain

/// A yes-or-no question ("Avsluta etjanst? j/n"): j or y does it, n or Esc does
/// not. The answer keys follow the language shown, and both languages' work.
public struct QuestionOverlay: Overlay {
  public var question: LocalizedText
  /// What yes does, on the state with this question closed.
  let yes: (inout AppState) -> [Effect]
  /// The question Ctrl-C asks, so Ctrl-C again while it is asked quits.
  var quits = false

  public init(_ question: LocalizedText, yes: @escaping (inout AppState) -> [Effect]) {
    self.question = question
    self.yes = yes
  }

  /// Leaving `overlay` (Esc on a form): at once when nothing in it changed, else
  /// after "Kasta ändringarna? j/n", asked over it; no keeps it open as it was.
  static func leaving(_ overlay: some Overlay) -> OverlayOutcome {
    guard overlay.hasUnsavedChanges else { return .closeOnly }
    return .close { state in
      state.overlays.append(overlay)
      state.overlays.append(
        QuestionOverlay(Texts.discardChanges) { state in
          state.overlays.removeLast()
          return []
        })
      return []
    }
  }

  public static let yesKeys: [Key] = [.character("j"), .character("y")]
  public static let noKeys: [Key] = [.character("n"), .escape]

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    if Self.yesKeys.contains(key) { return .close(yes) }
    if Self.noKeys.contains(key) { return .closeOnly }
    return .stay
  }

  /// The question with its answer keys: "Avsluta etjanst? j/n".
  public func text(_ language: Language) -> String {
    question(language) + " " + Texts.yesNo(language)
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let answers = Box.dialog(
      state.t(Texts.questionTitle), text: text(state.language), in: area, width: 56,
      frame: &frame, theme: state.theme)
    // The answer keys under the question, as a dialog's buttons stand.
    let keys = bindings(state).map { "\($0.key) \(state.t($0.label))" }.joined(separator: "   ")
    frame.put(
      keys, x: answers.x + max(0, (answers.width - TextWidth.of(keys)) / 2), y: answers.y,
      style: state.theme.style(.muted), maxWidth: answers.width)
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [
      OverlayKey(state.language == .swedish ? "j" : "y", Texts.yes),
      OverlayKey("n Esc", Texts.no, does: .cancel),
    ]
  }
}

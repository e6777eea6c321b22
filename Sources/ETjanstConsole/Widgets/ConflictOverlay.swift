import ETjanstDomain

/// The choice a conflict opens over its form: for each field someone else changed
/// since the form opened, their value and yours; the user picks, then saves. Esc
/// goes back to the form, which asks again on the next save: never a silent overwrite.
public struct ConflictOverlay: Overlay {
  var choices: [(conflict: FieldConflict, keepYours: Bool)]
  var focus = 0
  /// Who saved their value, named beside it; nil when the store did not say.
  var savedBy: String?

  init(_ choices: [(conflict: FieldConflict, keepYours: Bool)], savedBy: String? = nil) {
    self.choices = choices
    self.savedBy = savedBy
  }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .up, .backTab: focus = (focus - 1 + choices.count) % max(1, choices.count)
    case .down, .tab: focus = (focus + 1) % max(1, choices.count)
    case .left, .right, .character(" "):
      if choices.indices.contains(focus) { choices[focus].keepYours.toggle() }
    case .enter, .function(2), .control("s"):
      let choices = self.choices
      return .close { state in
        guard let i = state.overlays.lastIndex(where: { $0 is FormOverlay }),
          var form = state.overlays[i] as? FormOverlay
        else { return [] }
        for c in choices { form.resolutions[c.conflict.name] = c }
        let outcome = form.trySubmit(state)
        state.overlays[i] = form
        if case .stayAnd(let effects) = outcome { return effects }
        if case .close(let then) = outcome {
          state.overlays.remove(at: i)
          return then(&state)
        }
        return []
      }
    case .escape:
      return .close { state in
        guard let i = state.overlays.lastIndex(where: { $0 is FormOverlay }),
          var form = state.overlays[i] as? FormOverlay
        else { return [] }
        form.resolutions = [:]
        state.overlays[i] = form
        return []
      }
    default: break
    }
    return .stay
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let width = min(area.width - 4, 90)
    let textWidth = width - 8
    var lines: [(String, Theme.Role, Bool)] = [(state.t(Texts.conflictIntro), .normal, false)]
    for (i, c) in choices.enumerated() {
      let focused = i == focus
      lines.append((state.t(c.conflict.label), focused ? .accent : .normal, false))
      for (yours, word, text) in [
        (false, Texts.conflictTheirs(savedBy), c.conflict.theirsText),
        (true, Texts.conflictYours, c.conflict.yoursText),
      ] {
        let value = text.sv.isEmpty ? state.t(Texts.conflictEmpty) : state.t(text)
        let mark = c.keepYours == yours ? "(•)" : "( )"
        for (j, line) in TextWidth.wrap("\(mark) \(state.t(word)): \(value)", to: textWidth)
          .enumerated()
        {
          lines.append(
            ((j == 0 ? "  " : "      ") + line, .normal, focused && c.keepYours == yours))
        }
      }
    }
    lines.append(
      (state.t(Texts.conflictKeys(KeyNames(overlayKeys: bindings(state)))), .muted, false))
    let box = area.centered(width: width, height: min(area.height, lines.count + 2))
    let inner = Box.draw(
      state.t(Texts.conflictTitle(savedBy)), in: box, frame: &frame, theme: state.theme, over: area)
    for (i, line) in lines.prefix(inner.height).enumerated() {
      let style = line.2 ? state.theme.style(.selection) : state.theme.style(line.1)
      frame.put(line.0, x: inner.x, y: inner.y + i, style: style, maxWidth: inner.width)
    }
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [
      OverlayKey("↑↓", Texts.next, does: .nextField), OverlayKey("←→", Texts.choose, does: .choose),
      OverlayKey("Enter", Texts.save, does: .save), OverlayKey("Esc", Texts.cancel, does: .cancel),
    ]
  }
}

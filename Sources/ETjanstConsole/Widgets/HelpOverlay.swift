import ETjanstDomain

/// Every key of the current screen and the global ones, generated from the same
/// bindings as the hint bar.
public struct HelpOverlay: Overlay {
  var scroll = 0

  public init() {}

  func lines(_ state: AppState) -> [(key: String, text: String, heading: Bool)] {
    var out: [(String, String, Bool)] = [("", state.t(state.screen.title), true)]
    // Two bindings that read the same (←→ for both directions) are one line.
    var seen = Set<String>()
    for b in Binding.visible(state.screen.view.bindings(state), in: state)
    where seen.insert(Self.keys(b) + "\u{0}" + state.t(b.help)).inserted {
      out.append((Self.keys(b), state.t(b.help), false))
    }
    out.append(("", "", false))
    out.append(("", state.t(Texts.helpGlobal), true))
    for b in Binding.visible(GlobalKeys.distinct, in: state) {
      out.append((Self.keys(b), state.t(b.help), false))
    }
    out.append(("", "", false))
    out.append(("", state.t(Texts.helpCommands), true))
    for c in ConsoleCommand.all where !(c.edits && state.readOnly) {
      let name = ":" + c.names.shown(in: state.language)
      out.append((name + (c.argument.map { " " + $0 } ?? ""), state.t(c.help), false))
    }
    return out
  }

  static func keys(_ b: Binding) -> String {
    if let label = b.keysLabel { return label }
    return b.keys.map(\.description).joined(separator: " ")
  }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .down, .character("j"): scroll += 1
    case .up, .character("k"): scroll = max(0, scroll - 1)
    case .pageDown, .character(" "): scroll += 10
    case .pageUp: scroll = max(0, scroll - 10)
    case .escape, .enter, .character("q"), .character("?"), .function(1): return .closeOnly
    default: break
    }
    return .stay
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let entries = lines(state)
    // The key column fits the keys; a longer one (":beställningar") takes a row
    // of its own rather than pushing every text to the right.
    let keyWidth = min(11, (entries.map { TextWidth.of($0.key) }.max() ?? 0))
    let boxWidth = min(area.width - 4, 96)
    let textWidth = boxWidth - 4 - keyWidth - 2
    // Long help texts wrap under themselves rather than being cut.
    var rows: [(key: String, text: String, heading: Bool)] = []
    for entry in entries {
      if entry.heading {
        rows.append(entry)
        continue
      }
      let ownRow = TextWidth.of(entry.key) > keyWidth
      if ownRow { rows.append((entry.key, "", false)) }
      for (i, part) in TextWidth.wrap(entry.text, to: max(10, textWidth)).enumerated() {
        rows.append((i == 0 && !ownRow ? entry.key : "", part, false))
      }
    }
    let box = area.centered(width: boxWidth, height: min(area.height, rows.count + 2))
    let inner = Box.draw(state.t(Texts.helpTitle), in: box, frame: &frame, theme: state.theme)
    let first = min(scroll, max(0, rows.count - inner.height))
    for (row, line) in rows.dropFirst(first).prefix(inner.height).enumerated() {
      let y = inner.y + row
      if line.heading {
        frame.put(
          line.text, x: inner.x, y: y, style: state.theme.style(.header), maxWidth: inner.width)
      } else {
        frame.put(
          line.key, x: inner.x, y: y, style: state.theme.style(.hintKey), maxWidth: inner.width)
        frame.put(line.text, x: inner.x + keyWidth + 2, y: y, maxWidth: inner.width - keyWidth - 2)
      }
    }
    if rows.count > inner.height {
      let marker = " \(first + 1)–\(first + inner.height)/\(rows.count) "
      frame.put(
        marker, x: box.maxX - TextWidth.of(marker) - 2, y: box.maxY - 1,
        style: state.theme.style(.muted))
    }
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [OverlayKey("↑↓", Texts.scroll), OverlayKey("Esc", Texts.close)]
  }
}

import ETjanstDomain

/// Every key of the current screen and the global ones, generated from the same
/// bindings as the hint bar.
public struct HelpOverlay: Overlay {
  var scroll = 0

  public init() {}

  func lines(_ state: AppState) -> [(key: String, text: String, heading: Bool)] {
    var out: [(String, String, Bool)] = [("", state.t(state.screen.title), true)]
    for (keys, b) in Self.grouped(Binding.visible(state.screen.view.bindings(state), in: state)) {
      out.append((keys, state.t(b.help), false))
    }
    out.append(("", "", false))
    out.append(("", state.t(Texts.helpGlobal), true))
    for (keys, b) in Self.grouped(Binding.visible(GlobalKeys.bindings, in: state)) {
      out.append((keys, state.t(b.help), false))
    }
    out.append(("", "", false))
    out.append(("", state.t(Texts.helpCommands), true))
    for c in ConsoleCommand.all where !(c.edits && state.readOnly) {
      let name = ":" + c.names.shown(in: state.language)
      out.append((name + (c.argument.map { " " + $0 } ?? ""), state.t(c.help), false))
    }
    return out
  }

  /// One row per help sentence, with every key bound to it, as the keymap has them
  /// ("↓ ↑ j k PgDn …" for moving), so the sentence itself names no key.
  static func grouped(_ bindings: [Binding]) -> [(keys: String, binding: Binding)] {
    var order: [String] = []
    var groups: [String: (keys: [String], binding: Binding)] = [:]
    for b in bindings {
      let id = b.help.en
      let keys = b.keysLabelOnly ? [b.keysLabel!] : b.keys.map(\.description)
      if var g = groups[id] {
        g.keys += keys.filter { !g.keys.contains($0) }
        groups[id] = g
      } else {
        order.append(id)
        groups[id] = (keys, b)
      }
    }
    return order.map { (groups[$0]!.keys.joined(separator: " "), groups[$0]!.binding) }
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
    let inner = Box.draw(
      state.t(Texts.helpTitle), in: box, frame: &frame, theme: state.theme, over: area)
    let first = min(scroll, max(0, rows.count - inner.height))
    for (row, line) in rows.dropFirst(first).prefix(inner.height).enumerated() {
      let y = inner.y + row
      if line.heading {
        frame.put(
          line.text, x: inner.x, y: y, style: state.theme.style(.header), maxWidth: inner.width)
      } else {
        frame.put(
          KeyNames.shown(line.key), x: inner.x, y: y, style: state.theme.style(.hintKey),
          maxWidth: inner.width)
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

import ETjanstDomain

/// The console's own editor for long texts (a fallback routine, an order's need),
/// used when no $EDITOR is set. Small on purpose: type, move, save, cancel.
public struct TextAreaOverlay: Overlay {
  let request: EditRequest
  var lines: [[Character]]
  var row = 0
  var column = 0
  var top = 0
  /// Characters held, line breaks counted, kept as keys change them (bounded by
  /// `TextInput.multilineLimit`).
  var count: Int
  /// What a paste or a key over the limit was refused, shown in place of the hint.
  var note: LocalizedText?

  public init(_ request: EditRequest) {
    self.request = request
    lines = request.text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    if lines.isEmpty { lines = [[]] }
    count = lines.reduce(lines.count - 1) { $0 + $1.count }
  }

  public var text: String { lines.map { String($0) }.joined(separator: "\n") }
  /// True when the text differs from the one the editor was opened with.
  public var hasUnsavedChanges: Bool { text != request.text }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .escape: return QuestionOverlay.leaving(self)
    case .control("s"), .function(2):
      let text = TextCleaning.multiline(self.text)
      let request = self.request
      return .close { state in request.apply(text, &state) }
    case .character, .paste:
      let limit = TextInput.multilineLimit
      guard
        let (piece, refused) = TextInput.insertion(
          key, multiline: true, count: count, limit: limit)
      else { break }
      note = refused > 0 ? TextInput.refusedNote(limit: limit, refused: refused) : nil
      insert(piece)
    case .enter:
      guard count < TextInput.multilineLimit else { break }
      insert("\n")
    case .backspace:
      count = max(0, count - (column > 0 || row > 0 ? 1 : 0))
      if column > 0 {
        lines[row].remove(at: column - 1)
        column -= 1
      } else if row > 0 {
        column = lines[row - 1].count
        lines[row - 1] += lines.remove(at: row)
        row -= 1
      }
    case .delete:
      count = max(0, count - (column < lines[row].count || row + 1 < lines.count ? 1 : 0))
      if column < lines[row].count {
        lines[row].remove(at: column)
      } else if row + 1 < lines.count {
        lines[row] += lines.remove(at: row + 1)
      }
    case .left:
      if column > 0 {
        column -= 1
      } else if row > 0 {
        row -= 1
        column = lines[row].count
      }
    case .right:
      if column < lines[row].count {
        column += 1
      } else if row + 1 < lines.count {
        row += 1
        column = 0
      }
    case .up: row = max(0, row - 1)
    case .down: row = min(lines.count - 1, row + 1)
    case .pageUp: row = max(0, row - 10)
    case .pageDown: row = min(lines.count - 1, row + 10)
    case .home, .control("a"): column = 0
    case .end, .control("e"): column = lines[row].count
    default: break
    }
    column = min(column, lines[row].count)
    return .stay
  }

  /// Inserts text at the cursor, line breaks splitting the line, in one step.
  mutating func insert(_ text: String) {
    var pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    guard !pieces.isEmpty else { return }
    if pieces.count == 1 {
      lines[row].insert(contentsOf: pieces[0], at: column)
      column += pieces[0].count
    } else {
      // The new lines replace this one in one step (one insert per line moved
      // every line below once per line of the paste).
      let rest = Array(lines[row][column...])
      pieces[0] = Array(lines[row][..<column]) + pieces[0]
      column = pieces[pieces.count - 1].count
      pieces[pieces.count - 1] += rest
      lines.replaceSubrange(row...row, with: pieces)
      row += pieces.count - 1
    }
    count += text.count
  }

  func box(_ area: Rect) -> (box: Rect, inner: Rect, top: Int) {
    let box = area.centered(width: min(area.width - 2, 100), height: area.height)
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 3)
    let top = min(max(0, row - inner.height + 1), max(0, row))
    return (box, inner, max(self.top, top) > row ? row : top)
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let (box, inner, top) = self.box(area)
    Box.draw(state.t(request.title), in: box, frame: &frame, theme: state.theme, over: area)
    for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
      let text = String(line)
      let start = TextWidth.of(String(line.prefix(column)))
      let shift = i + top == row ? max(0, start - inner.width + 1) : 0
      frame.put(String(text.dropFirst(shift)), x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
    frame.put(
      state.t(note ?? Texts.textEditorHint(KeyNames(overlayKeys: bindings(state)))), x: inner.x,
      y: box.maxY - 2, style: state.theme.style(note == nil ? .muted : .danger),
      maxWidth: inner.width)
  }

  public func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? {
    let (_, inner, top) = box(area)
    let start = TextWidth.of(String(lines[row].prefix(column)))
    return (inner.x + min(start, inner.width - 1), inner.y + row - top)
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [OverlayKey("C-S/F2", Texts.save, does: .save), OverlayKey("Esc", Texts.cancel, does: .cancel)]
  }
}

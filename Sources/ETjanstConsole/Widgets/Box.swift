/// A framed box for dialogs, drawn with line characters that ncurses passes through
/// on every UTF-8 terminal.
public enum Box {
  /// Beside a dialog's blank margin, a strip of what lies beneath narrower than this
  /// is blanked as well: it would hold only pieces of cells ("s på pappersbl…"),
  /// which read as part of the dialog.
  public static let narrowestStrip = 20

  /// Clears `rect`, draws its border and title, and returns the inside. A dialog
  /// passes the `area` it floats over: one blank column and row around the box,
  /// within that area, keep what lies beneath from touching the border (a table's
  /// last letter showing right of "┐" read as part of the dialog).
  @discardableResult
  public static func draw(
    _ title: String, in rect: Rect, frame: inout Frame, theme: Theme, over area: Rect? = nil
  ) -> Rect {
    if let area {
      // A strip beside that margin too narrow to say anything (a "›", a digit, a
      // corner of the pane beneath) would read as part of the dialog: it is cleared too.
      let x0 = rect.x - 1 - area.x < Self.narrowestStrip ? area.x : rect.x - 1
      let x1 = area.maxX - rect.maxX - 1 < Self.narrowestStrip ? area.maxX : rect.maxX + 1
      let y0 = max(area.y, rect.y - 1)
      let y1 = min(area.maxY, rect.maxY + 1)
      frame.clear(Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
    }
    frame.clear(rect)
    frame.boxes.append(rect)
    let border = theme.style(.border)
    guard rect.width >= 2, rect.height >= 2 else { return rect }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    frame.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
    frame.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      frame.put("│", x: rect.x, y: y, style: border)
      frame.put("│", x: rect.maxX - 1, y: y, style: border)
    }
    if !title.isEmpty {
      // A title longer than the box ends in "…", never cut off mid-word.
      frame.put(
        " " + TextWidth.truncate(title, to: max(1, rect.width - 6)) + " ", x: rect.x + 2,
        y: rect.y, style: theme.style(.header), maxWidth: rect.width - 4)
    }
    return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
  }

  /// A dialog of wrapped text with one free row at the bottom for its buttons;
  /// returns that row's rectangle.
  @discardableResult
  public static func dialog(
    _ title: String, text: String, in area: Rect, width: Int, frame: inout Frame, theme: Theme,
    from offset: Int = 0
  ) -> Rect {
    let page = DialogPage(text: text, in: area, width: width)
    let box = area.centered(width: page.width, height: page.visible + 3)
    let inner = draw(title, in: box, frame: &frame, theme: theme, over: area)
    let first = page.clamped(offset)
    for (i, line) in page.lines.dropFirst(first).prefix(page.visible).enumerated() {
      frame.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
    let buttons = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
    // Text taller than the box scrolls (↑ ↓ PgUp PgDn): where the view is, and how long.
    if page.scrolls {
      let position = "↑↓ \(first + 1)–\(first + page.visible)/\(page.lines.count)"
      frame.put(
        position, x: buttons.maxX - TextWidth.of(position), y: buttons.y,
        style: theme.style(.muted))
    }
    return buttons
  }
}

/// A dialog's text wrapped to its width, and how many of its lines the area shows
/// at once (the rest scroll).
public struct DialogPage: Sendable {
  public let width: Int
  public let lines: [String]
  public let visible: Int

  public init(text: String, in area: Rect, width: Int) {
    self.width = min(area.width - 4, width)
    lines = TextWidth.wrap(text, to: self.width - 4)
    // Borders, the free row and the buttons' row take 4 of the area's rows.
    visible = max(1, min(area.height, lines.count + 4) - 3)
  }

  public var scrolls: Bool { lines.count > visible }
  public var lastOffset: Int { max(0, lines.count - visible) }
  public func clamped(_ offset: Int) -> Int { min(max(0, offset), lastOffset) }

  /// The first line shown after `key`, from `offset`; nil for a key that does not scroll.
  public func scrolled(_ offset: Int, by key: Key) -> Int? {
    switch key {
    case .down: return clamped(offset + 1)
    case .up: return clamped(offset - 1)
    case .pageDown: return clamped(offset + max(1, visible - 1))
    case .pageUp: return clamped(offset - max(1, visible - 1))
    case .home: return 0
    case .end: return lastOffset
    default: return nil
    }
  }
}

import CNcursesw
import ETjanstConsole

extension CursesTerminal {
  /// Copies the frame's rows that changed since the last one into stdscr and lets
  /// doupdate send the difference to the terminal; never clear(), which would resend
  /// everything and flicker over SSH. A frame of another size than the screen is drawn
  /// as far as it fits.
  ///
  /// Rows the last frame had the same are not copied: stdscr still holds them (only
  /// this function writes its cells; after a resize every row is copied again).
  /// Copying all of them was a third of a key's time: a moved highlight changes two
  /// rows of twenty-four, and each cell copied costs a conversion, a width lookup and
  /// a call into ncurses, which then compares it again.
  ///
  /// What a selection move costs on the wire (about 240 bytes at 80×24 on a region's
  /// catalogue): both rows' text again, since every cell's colours change and no
  /// portable terminal sequence recolours cells in place, plus the moves, attribute
  /// changes and the changed digits of the position counter. Two things here keep it
  /// at that: blanks at the end of a row that look plain are sent as plain blanks (so
  /// ncurses can end the row with one clear-to-end-of-line instead of coloured
  /// spaces), and with no visible cursor the cursor is left where the update ends
  /// (leaveok) rather than moved to a corner after every frame.
  public func present(_ frame: Frame) {
    guard screen != nil, let window = etj_stdscr() else { return }
    let columns = Int(getmaxx(window))
    let rows = Int(getmaxy(window))
    // Parts of the screen the frame does not cover must not keep old text.
    let last = copied.flatMap {
      $0.columns == columns && $0.rows == rows && $0.frame.width == frame.width
        && $0.frame.height == frame.height ? $0.frame : nil
    }
    if frame.width < columns || frame.height < rows, last == nil { werase(window) }
    copied = (frame, columns, rows)
    var character = cchar_t()
    var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    // Neighbouring cells mostly share a style: resolved once per run of them, not
    // hashed per cell.
    var lastStyle: CellStyle?
    var resolved: (attr_t, Int16) = (0, 0)
    let drawn = min(columns, frame.width)
    for y in 0..<min(rows, frame.height) {
      let row = y * frame.width..<y * frame.width + drawn
      if let last, last.cells[row] == frame.cells[row] { continue }
      // Columns up to here are taken by the previous wide character.
      var coveredUntil = 0
      // Blanks from here to the end of the row look plain: sent as plain blanks, they
      // let ncurses end the row with one clear-to-end-of-line. (Only at the end: a
      // plain blank between two bold words would cost two attribute changes.)
      var plainFrom = min(columns, frame.width)
      while plainFrom > 0, frame[plainFrom - 1, y].text == " ",
        Self.blankLooksPlain(frame[plainFrom - 1, y].style)
      {
        plainFrom -= 1
      }
      for x in 0..<min(columns, frame.width) {
        let cell = frame[x, y]
        if cell.text.isEmpty && x < coveredUntil { continue }
        let width = fill(&text, with: cell.text, room: columns - x)
        let style = x >= plainFrom ? .plain : cell.style
        if style != lastStyle {
          resolved = palette.resolve(style)
          lastStyle = style
        }
        let (attributes, pair) = resolved
        if setcchar(&character, text, attributes, pair, nil) != OK {
          // More combining marks than a cell holds: keep the base character.
          text[1] = 0
          setcchar(&character, text, attributes, pair, nil)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &character)
        coveredUntil = x + width
      }
    }
    if let cursor, cursor.x < columns, cursor.y < rows {
      wmove(window, Int32(cursor.y), Int32(cursor.x))
    }
    leaveok(window, cursor == nil)
    wnoutrefresh(window)
    doupdate()
  }

  /// Whether a blank in `style` looks the same as a plain blank: no background, no
  /// reverse video, no underline (a foreground colour, bold or dim shows on no blank).
  static func blankLooksPlain(_ style: CellStyle) -> Bool {
    style.background == nil && style.attributes.isDisjoint(with: [.reverse, .underline])
  }

  /// Puts the cell's grapheme into `buffer` as a NUL-terminated wide string and
  /// returns the columns it takes as the C library measures it (what ncurses
  /// will use). An empty cell that no wide character covers, and a wide
  /// character that would not fit, become a space.
  private func fill(_ buffer: inout [wchar_t], with text: String, room: Int) -> Int {
    var count = 0
    for scalar in text.unicodeScalars where count < buffer.count - 1 {
      buffer[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    buffer[count] = 0
    let width = count == 0 ? -1 : Int(etj_wcwidth(buffer[0]))
    if width < 1 || width > room {
      buffer[0] = wchar_t(UInt8(ascii: " "))
      buffer[1] = 0
      return 1
    }
    return width
  }
}

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
  /// rows of twenty-four, and ncurses compares every row copied again. A list
  /// scrolled by a row is scrolled in stdscr as well (`scroll`), so its rows that only
  /// moved are not copied either.
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
    // A row goes to ncurses as runs of cells of one style, each with one wattr_set and
    // one waddnwstr: ncurses converts, measures and places the characters in C, rather
    // than a conversion, setcchar and mvwadd_wch per cell here. Both buffers are kept
    // from frame to frame: nothing is allocated here per frame.
    var run = presentBuffers.run
    var copy = presentBuffers.copy
    presentBuffers = ([], [])
    defer { presentBuffers = (run, copy) }
    run.removeAll(keepingCapacity: true)
    copy.removeAll(keepingCapacity: true)
    let drawn = min(columns, frame.width)
    let cells = frame.cells
    let height = min(rows, frame.height)
    for y in 0..<height {
      copy.append(last.map { !frame.sameRow(y, as: $0, row: y, columns: 0..<drawn) } ?? true)
    }
    if let last, let (shift, band) = Self.scroll(to: frame, from: last, &copy, drawn) {
      // The rows that moved are moved in stdscr too, as tig scrolls its window: a list
      // scrolled by one row copies the row that came in and the highlight's, not the
      // eighteen that moved (doupdate then sends the scroll as it always did).
      wsetscrreg(window, Int32(band.lowerBound), Int32(band.upperBound))
      scrollok(window, true)
      wscrl(window, Int32(shift))
      scrollok(window, false)
      wsetscrreg(window, 0, Int32(rows - 1))
    }
    for y in 0..<height where copy[y] {
      // Columns up to here are taken by the previous wide character.
      var coveredUntil = 0
      // Blanks from here to the end of the row look plain: sent as plain blanks, they
      // let ncurses end the row with one clear-to-end-of-line. (Only at the end: a
      // plain blank between two bold words would cost two attribute changes.)
      var plainFrom = drawn
      let start = y * frame.width
      while plainFrom > 0, cells[start + plainFrom - 1].ascii == UInt8(ascii: " "),
        Self.blankLooksPlain(cells[start + plainFrom - 1].style)
      {
        plainFrom -= 1
      }
      var runStyle = CellStyle.plain
      var runStart = 0
      for x in 0..<drawn {
        let cell = cells[start + x]
        if cell.isEmpty && x < coveredUntil { continue }
        let style = x >= plainFrom ? .plain : cell.style
        if style != runStyle {
          add(run: &run, style: runStyle, x: runStart, y: y, to: window)
          runStyle = style
          runStart = x
        }
        coveredUntil = x + Self.append(cell, to: &run, room: columns - x)
      }
      add(run: &run, style: runStyle, x: runStart, y: y, to: window)
    }
    wattr_set(window, etj_a_normal(), 0, nil)
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

  /// Whether the rows that changed (`copy`) are mostly rows of `last` moved up or down
  /// by one (a list scrolled by a row): the shift (1: up, as `wscrl` counts) and the
  /// band of rows it moves, from the first to the last row that changed, when fewer
  /// rows are left to copy after it; `copy` then says which. A row that moves in from
  /// outside the band is copied.
  static func scroll(to frame: Frame, from last: Frame, _ copy: inout [Bool], _ drawn: Int) -> (
    Int, ClosedRange<Int>
  )? {
    guard let top = copy.firstIndex(of: true), let bottom = copy.lastIndex(of: true),
      bottom - top >= 2
    else { return nil }
    func left(_ y: Int, _ shift: Int) -> Bool {
      let from = y + shift
      return from < top || from > bottom
        || !frame.sameRow(y, as: last, row: from, columns: 0..<drawn)
    }
    var best: (shift: Int, left: Int)?
    let changed = copy[top...bottom].lazy.filter { $0 }.count
    for turn in 0..<2 {
      let shift = 1 - 2 * turn  // up, then down
      let count = (top...bottom).lazy.filter { left($0, shift) }.count
      if count < (best?.left ?? changed) { best = (shift, count) }
    }
    guard let best else { return nil }
    for y in top...bottom { copy[y] = left(y, best.shift) }
    return (best.shift, top...bottom)
  }

  /// Hands a run of cells of one style to ncurses at (x, y) and empties it.
  private func add(
    run: inout [wchar_t], style: CellStyle, x: Int, y: Int, to window: UnsafeMutablePointer<WINDOW>
  ) {
    guard !run.isEmpty else { return }
    let (attributes, pair) = palette.resolve(style)
    wattr_set(window, attributes, pair, nil)
    mvwaddnwstr(window, Int32(y), Int32(x), run, Int32(run.count))
    run.removeAll(keepingCapacity: true)
  }

  /// Appends the cell's grapheme to `run` as ncurses will show it in one cell, and
  /// returns the columns it takes as the C library measures it (what ncurses uses):
  /// its first character and the zero-width ones after it (combining marks, a joiner),
  /// at most `CCHARW_MAX`, as setcchar keeps them; a spacing character inside the
  /// grapheme would take a cell of its own and push the row right. An empty cell that
  /// no wide character covers, a character of no width, and a wide character that
  /// would not fit become a space.
  static func append(_ cell: Cell, to run: inout [wchar_t], room: Int) -> Int {
    // Printable ASCII is one column: no lookup.
    if let byte = cell.ascii, byte >= 0x20, byte < 0x7F {
      run.append(wchar_t(byte))
      return 1
    }
    let text = cell.text
    let scalars = text.unicodeScalars
    guard let first = scalars.first else {
      run.append(wchar_t(UInt8(ascii: " ")))
      return 1
    }
    let width = Int(etj_wcwidth(wchar_t(bitPattern: first.value)))
    guard width >= 1, width <= room else {
      run.append(wchar_t(UInt8(ascii: " ")))
      return 1
    }
    run.append(wchar_t(bitPattern: first.value))
    var kept = 1
    for scalar in scalars.dropFirst() {
      let character = wchar_t(bitPattern: scalar.value)
      guard kept < Int(CCHARW_MAX), etj_wcwidth(character) == 0 else { break }
      run.append(character)
      kept += 1
    }
    return width
  }
}

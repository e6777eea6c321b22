import CNcursesw
import ETjanstConsole
import Foundation
import TestSupport
import Testing

@testable import ETjanstCurses

/// ncurses keeps one current screen per process: these run one at a time.
@Suite(.serialized)
struct CursesTerminalTests {
  @Test func swedishTextReachesTheScreen() throws {
    let headless = try Headless()
    var frame = Frame(width: 80, height: 24)
    frame.put("Översikt – å ä ö", x: 2, y: 1, style: CellStyle([.bold]))
    frame.put("漢字 ok", x: 0, y: 3)
    headless.terminal.present(frame)

    #expect(headless.terminal.screenLine(1).hasPrefix("  Översikt – å ä ö   "))
    #expect(headless.terminal.screenLine(3).hasPrefix("漢字 ok"))
    let sent = String(decoding: headless.output, as: UTF8.self)
    #expect(sent.contains("Översikt – å ä ö"))
    #expect(sent.contains("漢字 ok"))
  }

  @Test func keysAreDecoded() throws {
    let headless = try Headless()
    let f1 = try #require(headless.terminal.capability("kf1"))
    let backTab = try #require(headless.terminal.capability("kcbt"))
    // ESC O A is xterm's keypad-mode Up (kcuu1).
    headless.type("aä\u{1B}OA\r\n\u{03}" + f1 + "\t" + backTab + "\u{7F}\u{08}\u{1B}[5~")
    let keys = try headless.readKeys(11)
    #expect(
      keys == [
        .character("a"), .character("ä"), .up, .enter, .enter, .control("c"), .function(1),
        .tab, .backTab, .backspace, .backspace,
      ])
    #expect(try headless.readKeys(1) == [.pageUp])

    // A lone Esc is a key after the 25 ms escape delay, not after ncurses' 1 s.
    let clock = ContinuousClock()
    let started = clock.now
    headless.type("\u{1B}")
    #expect(try headless.terminal.readKey(timeout: .seconds(2)) == .escape)
    let waited = started.duration(to: clock.now)
    print("Esc arrived after \(waited)")
    #expect(waited < .milliseconds(500))

    // No key: nil after the timeout.
    #expect(try headless.terminal.readKey(timeout: .milliseconds(30)) == nil)
  }

  @Test func resizeIsReportedAndPresentDrawsWhatFits() throws {
    let headless = try Headless(width: 80, height: 24)
    #expect(headless.terminal.size == (80, 24))
    headless.terminal.resize(width: 100, height: 30)
    #expect(try headless.terminal.readKey(timeout: .seconds(1)) == .resize)
    #expect(headless.terminal.size == (100, 30))

    // A frame larger than the screen: the part that fits is shown.
    var big = Frame(width: 120, height: 40)
    big.put(String(repeating: "x", count: 120), x: 0, y: 29)
    big.put("sista raden åäö", x: 0, y: 39)
    headless.terminal.present(big)
    #expect(headless.terminal.screenLine(29) == String(repeating: "x", count: 100))

    // A smaller one: the rest of the screen is blanked, not left stale.
    var small = Frame(width: 10, height: 5)
    small.put("liten", x: 0, y: 0)
    headless.terminal.present(small)
    #expect(headless.terminal.screenLine(0).hasPrefix("liten     "))
    #expect(headless.terminal.screenLine(29).trimmingCharacters(in: .whitespaces).isEmpty)
  }

  @Test("present copies only the rows that changed, and every row after a resize")
  func presentCopiesChangedRows() throws {
    let headless = try Headless(width: 80, height: 24)
    func frame(_ marked: Int) -> Frame {
      var frame = Frame(width: 80, height: 24)
      for y in 0..<24 { frame.put("rad \(y)" + (y == marked ? " *" : ""), x: 0, y: y) }
      return frame
    }
    headless.terminal.present(frame(3))
    headless.terminal.present(frame(5))
    for y in 0..<24 { #expect(headless.terminal.screenLine(y) == frame(5).line(y)) }
    // A row written behind the terminal's back stays as written while the frame's row
    // does not change: it was not copied again.
    let window = try #require(etj_stdscr())
    mvwaddstr(window, 10, 0, "ändrad bakom")
    headless.terminal.present(frame(6))
    #expect(headless.terminal.screenLine(10).hasPrefix("ändrad bakom"))
    for y in [5, 6] { #expect(headless.terminal.screenLine(y) == frame(6).line(y)) }
    // After a resize every row is copied again.
    headless.terminal.resize(width: 80, height: 24)
    headless.terminal.resize(width: 90, height: 24)
    _ = try headless.terminal.readKey(timeout: .seconds(1))
    headless.terminal.resize(width: 80, height: 24)
    _ = try headless.terminal.readKey(timeout: .seconds(1))
    mvwaddstr(window, 11, 0, "ändrad igen")
    headless.terminal.present(frame(6))
    headless.terminal.present(frame(6))
    for y in 0..<24 { #expect(headless.terminal.screenLine(y) == frame(6).line(y)) }
  }

  @Test("a list scrolled by a row: the rows that moved are moved, not copied again")
  func presentScrollsMovedRows() throws {
    let headless = try Headless(width: 80, height: 24)
    let theme = Theme(useColor: headless.terminal.useColor)
    // Rows 2 to 21 show the list from `top`, the row `selected` highlighted; the rows
    // above and below stay.
    func frame(top: Int, selected: Int) -> Frame {
      var frame = Frame(width: 80, height: 24)
      frame.put("rubrik", x: 0, y: 0)
      frame.put("kolumner", x: 0, y: 1)
      for y in 2..<22 {
        let item = top + y - 2
        frame.put("e-tjänst \(item) – Övertorneå", x: 1, y: y)
        if item == selected {
          frame.paint(Rect(x: 0, y: y, width: 80, height: 1), style: theme.style(.selection))
        }
      }
      frame.put("status", x: 0, y: 23)
      return frame
    }
    let window = try #require(etj_stdscr())
    headless.terminal.present(frame(top: 0, selected: 19))
    // Down: the list moves up a row. Row 10 is written behind the terminal's back:
    // moved, not copied, it is found at row 9.
    mvwaddstr(window, 10, 40, "bakom")
    headless.terminal.present(frame(top: 1, selected: 20))
    #expect(headless.terminal.screenLine(9).contains("bakom"))
    let down = frame(top: 1, selected: 20)
    for y in 0..<24 where y != 9 { #expect(headless.terminal.screenLine(y) == down.line(y)) }
    // A page down moves every row by a page: copied, as any change that is no scroll
    // (which also puts back the row written behind the terminal's back).
    let page = frame(top: 40, selected: 40)
    headless.terminal.present(page)
    for y in 0..<24 { #expect(headless.terminal.screenLine(y) == page.line(y)) }
    // Up: the list moves down a row.
    mvwaddstr(window, 5, 40, "bakom")
    headless.terminal.present(frame(top: 39, selected: 39))
    #expect(headless.terminal.screenLine(6).contains("bakom"))
    let up = frame(top: 39, selected: 39)
    for y in 0..<24 where y != 6 { #expect(headless.terminal.screenLine(y) == up.line(y)) }
  }

  /// What ncurses holds for cell (x, y): its characters, attributes and colour pair.
  private func screenCell(_ x: Int, _ y: Int) throws -> (text: String, attr: attr_t, pair: Int16) {
    let window = try #require(etj_stdscr())
    var cell = cchar_t()
    mvwin_wch(window, Int32(y), Int32(x), &cell)
    var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    var attr: attr_t = 0
    var pair: Int16 = 0
    getcchar(&cell, &characters, &attr, &pair, nil)
    var text = String.UnicodeScalarView()
    for value in characters.prefix(while: { $0 != 0 }) {
      if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.append(scalar) }
    }
    return (String(text), attr, pair)
  }

  @Test("present puts every kind of cell where it belongs, each in its own style")
  func presentCellKinds() throws {
    let headless = try Headless(width: 20, height: 4)
    let bold = CellStyle([.bold])
    let bar = CellStyle([.reverse], foreground: .black, background: .cyan)
    var frame = Frame(width: 22, height: 4)
    // Row 0: plain, bold with a combining mark, a wide character, a style change
    // mid-word, and the selection bar running to the end.
    frame.put("ab", x: 0, y: 0)
    frame.put("e\u{301}x", x: 2, y: 0, style: bold)
    frame.put("漢z", x: 4, y: 0)
    frame.put("ÅÄÖ", x: 7, y: 0, style: bar)
    frame.paint(Rect(x: 10, y: 0, width: 12, height: 1), style: bar)
    // Row 1: what no terminal can show as it is: the second half of a wide character
    // with no first half, a zero-width character alone, more combining marks than a
    // cell holds, and a wide character in the screen's last column.
    frame[0, 1] = Cell(text: "", style: .plain)
    frame[1, 1] = Cell(text: "\u{200B}", style: .plain)
    frame[2, 1] = Cell(text: "o\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", style: bold)
    frame.put("q", x: 3, y: 1)
    // A grapheme of two wide characters joined: the first one is shown, not a second
    // character that would push the row one column right.
    frame[5, 1] = Cell(text: "\u{1F469}\u{200D}\u{1F4BB}", style: .plain)
    frame[6, 1] = Cell(text: "", style: .plain)
    frame.put("r", x: 7, y: 1)
    frame[19, 1] = Cell(text: "字", style: .plain)
    // Row 2: blanks with a background at the end stay coloured; plain ones do not.
    frame.put("ö", x: 0, y: 2, style: bold)
    frame.clear(Rect(x: 15, y: 2, width: 5, height: 1), style: bar)
    headless.terminal.present(frame)
    // Read after present: every style it used is in the palette's cache.
    var palette = headless.terminal.palette

    func expect(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle) throws {
      let cell = try screenCell(x, y)
      let (attr, pair) = palette.resolve(style)
      #expect(cell.text == text, "(\(x), \(y))")
      let shown = etj_a_bold() | etj_a_reverse() | etj_a_underline() | etj_a_dim()
      #expect(cell.attr & shown == attr & shown, "(\(x), \(y)) attributes")
      #expect(cell.pair == pair, "(\(x), \(y)) colour")
    }
    try expect(0, 0, "a", .plain)
    try expect(1, 0, "b", .plain)
    try expect(2, 0, "e\u{301}", bold)
    try expect(3, 0, "x", bold)
    try expect(4, 0, "漢", .plain)
    try expect(6, 0, "z", .plain)
    for (x, text) in [(7, "Å"), (8, "Ä"), (9, "Ö"), (10, " "), (19, " ")] {
      try expect(x, 0, text, bar)
    }
    #expect(headless.terminal.screenLine(0) == "abe\u{301}x漢zÅÄÖ          ")
    try expect(0, 1, " ", .plain)
    try expect(1, 1, " ", .plain)
    let marks = try screenCell(2, 1)
    #expect(marks.text.unicodeScalars.first == "o")
    #expect(marks.text.unicodeScalars.count <= Int(CCHARW_MAX))
    try expect(3, 1, "q", .plain)
    let joined = try screenCell(5, 1)
    #expect(joined.text.unicodeScalars.first == "\u{1F469}")
    #expect(!joined.text.unicodeScalars.contains("\u{1F4BB}"))
    try expect(7, 1, "r", .plain)
    try expect(19, 1, " ", .plain)
    try expect(0, 2, "ö", bold)
    try expect(14, 2, " ", .plain)
    for x in 15..<20 { try expect(x, 2, " ", bar) }
  }

  @Test func unknownTerminalTypeIsOneClearLine() throws {
    // Whatever ncurses writes while trying (a CR for "dumb") goes nowhere.
    let sink = open("/dev/null", O_WRONLY)
    defer { Glibc.close(sink) }
    let error = try #require(throws: TerminalSetupError.self) {
      _ = try CursesTerminal(termName: "foo", input: STDIN_FILENO, output: sink)
    }
    #expect(
      error.description == "etjanst: the terminal type 'foo' is unknown; try TERM=xterm-256color")
    let dumb = try #require(throws: TerminalSetupError.self) {
      _ = try CursesTerminal(termName: "dumb", input: STDIN_FILENO, output: sink)
    }
    #expect(dumb.reason == .unusable("dumb"))
    let unset = try #require(throws: TerminalSetupError.self) {
      _ = try CursesTerminal(termName: "", input: STDIN_FILENO, output: sink)
    }
    #expect(unset.description == "etjanst: TERM is not set; try TERM=xterm-256color")
  }

  @Test(arguments: [(80, 24), (200, 50)])
  func movingTheHighlightSendsLittle(width: Int, height: Int) throws {
    let headless = try Headless(width: width, height: height)
    let terminal = headless.terminal
    let theme = Theme(useColor: terminal.useColor)
    func frame(selected: Int) -> Frame {
      var frame = Frame(width: width, height: height)
      frame.put(" Översikt  E-tjänster  Personal ", x: 0, y: 0, style: theme.style(.title))
      for row in 1..<(height - 1) {
        // Columns of text across the width, as a list screen has.
        let text = "E-tjänst \(row)  Ansökan om bygglov  Samhällsbyggnad  Publicerad  Övertorneå  "
        frame.put(String(repeating: text, count: 3), x: 1, y: row)
        if row == selected {
          frame.paint(Rect(x: 0, y: row, width: width, height: 1), style: theme.style(.selection))
        }
      }
      frame.put("q Avsluta  ? Hjälp  / Filter", x: 0, y: height - 1, style: theme.style(.hintKey))
      return frame
    }
    terminal.present(frame(selected: 3))
    let first = headless.bytesWritten
    terminal.present(frame(selected: 4))
    let moved = headless.bytesWritten - first
    terminal.invalidate()
    terminal.present(frame(selected: 4))
    let repaint = headless.bytesWritten - first - moved
    print(
      "\(width)x\(height): first frame \(first) bytes, highlight moved \(moved) bytes, full repaint \(repaint) bytes"
    )
    #expect(moved > 0)
    #expect(moved * 5 < repaint)
    // Same frame again: nothing to send.
    let before = headless.bytesWritten
    terminal.present(frame(selected: 4))
    #expect(headless.bytesWritten == before)
  }

  /// One ↓ on the demo's catalogue: the bytes sent are both rows' text (every cell's
  /// colours change, and no portable sequence recolours cells in place) plus a little
  /// for moves, attributes and the counter's digit. Not a cursor move to a corner
  /// after the frame (the cursor is hidden), nor coloured blanks where a clear to the
  /// end of the line does.
  @Test func aSelectionMoveSendsTheTwoRowsAndLittleElse() throws {
    let headless = try Headless()
    let d = ConsoleDriver(try Fixtures.demo, color: headless.terminal.useColor)
    d.press(.character("2"))
    d.press(.down)
    let before = d.frame
    headless.terminal.present(before)
    d.press(.down)
    let after = d.frame
    let start = headless.bytesWritten
    headless.terminal.present(after)
    let sent = Data(headless.output.dropFirst(start))
    // The highlight's two rows: same text, other colours.
    let barRows = (0..<after.height).filter { y in
      after.line(y) == before.line(y)
        && (0..<after.width).contains { after[$0, y] != before[$0, y] }
    }
    #expect(barRows.count == 2)
    let text = barRows.map { y in
      var line = after.line(y)
      while line.last == " " { line.removeLast() }
      return line.utf8.count
    }.reduce(0, +)
    let shown = String(decoding: sent, as: UTF8.self).debugDescription
    print("a selection move: \(sent.count) bytes, \(text) of them the rows' text: \(shown)")
    // 79 bytes besides the text: two row moves, the counter's digit with its move and
    // attribute, the old row's colours switched on and off, the bar's colours, two
    // clear-to-end-of-lines and the reset at the end. (94 when the cursor was moved to
    // the corner and the status column's padding was sent as green spaces.)
    #expect(sent.count - text <= 84, "\(shown)")
    #expect(!String(decoding: sent, as: UTF8.self).contains("\u{1B}[24;80H"))
  }

  /// The write system calls this thread has made (Linux counts them per thread).
  static func writesByThisThread() throws -> Int {
    let io = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
    let line = try #require(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
    return try #require(Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)))
  }

  /// A frame is sent in one write: ncurses 6 sends what it has after every cursor move
  /// until the screen has once been given back and taken again, and each write wakes
  /// whoever reads the terminal (sshd, tmux).
  @Test("a frame that changes rows far apart goes to the terminal in one write")
  func aFrameIsOneWrite() throws {
    let headless = try Headless()
    let d = ConsoleDriver(try Fixtures.demo, color: headless.terminal.useColor)
    d.press(.character("2"))
    headless.terminal.present(d.frame)
    // Down and up a few rows: the highlight's rows, the counter at the top right.
    for key in [Key.down, .down, .down, .up] {
      d.press(key)
      let frame = d.frame
      let before = try Self.writesByThisThread()
      headless.terminal.present(frame)
      #expect(try Self.writesByThisThread() - before == 1)
    }
    // And a frame after being given back to the shell (endwin, then a refresh).
    headless.terminal.suspend {}
    d.press(.down)
    let frame = d.frame
    let before = try Self.writesByThisThread()
    headless.terminal.present(frame)
    #expect(try Self.writesByThisThread() - before == 1)
  }

  @Test func endOfInputThrowsInsteadOfSpinning() throws {
    let headless = try Headless()
    headless.type("x")
    headless.closeKeyboard()
    #expect(try headless.terminal.readKey(timeout: .seconds(1)) == .character("x"))
    let clock = ContinuousClock()
    let started = clock.now
    #expect(throws: TerminalClosed.self) {
      _ = try headless.terminal.readKey(timeout: .seconds(10))
    }
    let waited = started.duration(to: clock.now)
    print("end of input noticed after \(waited)")
    #expect(waited < .seconds(1))
  }

  @Test func endOfInputFromDevNull() throws {
    let null = open("/dev/null", O_RDONLY)
    defer { Glibc.close(null) }
    let output = open("/dev/null", O_WRONLY)
    defer { Glibc.close(output) }
    let terminal = try CursesTerminal(termName: "xterm-256color", input: null, output: output)
    defer { terminal.close() }
    #expect(throws: TerminalClosed.self) { _ = try terminal.readKey(timeout: .seconds(10)) }
  }

  @Test func colourFollowsTerminalAndNoColor() throws {
    #expect(try Headless(color: true).terminal.useColor)
    #expect(try !Headless(color: false).terminal.useColor)
    #expect(try !Headless(term: "vt100", color: true).terminal.useColor)
    // Colour styles on a terminal without colour still draw.
    let vt100 = try Headless(term: "vt100")
    var frame = Frame(width: 80, height: 24)
    frame.put("Avbrott", x: 0, y: 0, style: Theme(useColor: true).style(.danger))
    vt100.terminal.present(frame)
    #expect(vt100.terminal.screenLine(0).hasPrefix("Avbrott"))
  }

  @Test func cursorSuspendAndCloseAreSafe() throws {
    let headless = try Headless()
    var frame = Frame(width: 80, height: 24)
    frame.put("Sök: åä", x: 0, y: 2)
    headless.terminal.showCursor(at: 7, y: 2)
    headless.terminal.present(frame)
    headless.terminal.hideCursor()
    let ran = headless.terminal.suspend { 42 }
    #expect(ran == 42)
    #expect(headless.terminal.screenLine(2).hasPrefix("Sök: åä"))
    headless.terminal.close()
    headless.terminal.close()
    #expect(throws: TerminalClosed.self) { _ = try headless.terminal.readKey(timeout: .zero) }
  }

  @Test func keyDecoderCharacters() {
    #expect(KeyDecoder.character(27) == .escape)
    #expect(KeyDecoder.character(9) == .tab)
    #expect(KeyDecoder.character(12) == .control("l"))
    #expect(KeyDecoder.character(0) == nil)
    #expect(KeyDecoder.character(0x85) == nil)
    #expect(KeyDecoder.character(0xF6) == .character("ö"))
    // KEY_F(n) is 0410 + n (octal), i.e. 264 + n; the tests do not import curses.
    #expect(KeyDecoder.functionKey(264 + 12) == .function(12))
    #expect(KeyDecoder.functionKey(264 + 13) == nil)
  }

  @Test func paddingIsStrippedFromResetBytes() {
    let vt100sgr0 = Array("\u{1B}[m\u{0F}$<2>".utf8)
    #expect(EmergencyRestore.stripPadding(vt100sgr0) == Array("\u{1B}[m\u{0F}".utf8))
  }
}

/// Function keys under TERM=vt100 inside tmux, and keys a terminal cannot send.
extension CursesTerminalTests {
  @Test("TERM=vt100: F10 as tmux sends it (ESC [ 21 ~) is decoded as F10, and is not missing")
  func vt100F10FromTmux() throws {
    let vt100 = try Headless(term: "vt100")
    #expect(vt100.terminal.capability("kf10") == "\u{1B}Ox", "vt100's own F10")
    vt100.type("\u{1B}[21~" + "\u{1B}Ox" + "\u{1B}[15~")
    #expect(try vt100.readKeys(3) == [.function(10), .function(10), .function(5)])
    #expect(!vt100.terminal.missingKeys.contains(.function(10)))
  }
}

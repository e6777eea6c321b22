@preconcurrency import CNcursesw
import ETjanstConsole
import Foundation

/// The console's terminal, through ncursesw: copies frames to the screen (ncurses
/// sends only what changed), reads keys, follows resizes, and gives the terminal
/// back on every way out. The only type that talks to curses.
///
/// ncurses has one current screen per process; create one `CursesTerminal` at a
/// time and use it from one thread.
public final class CursesTerminal: TerminalIO {
  /// Whether frames are shown in colour: the terminal has colours and NO_COLOR is
  /// unset or empty. The app picks its `Theme` from this.
  public let useColor: Bool

  var screen: OpaquePointer?
  private let outputFile: UnsafeMutablePointer<FILE>
  private let inputFile: UnsafeMutablePointer<FILE>
  /// The descriptor ncurses reads, polled to tell "no key yet" from "input ended".
  let inputFD: Int32
  var palette: StylePalette
  /// Where the cursor shows during text input; nil when hidden.
  var cursor: (x: Int, y: Int)?
  /// Consecutive reads that came back empty at once although time was left.
  var emptyReads = 0
  /// The terminal's own size, which may be larger than ncurses' screen (kept at
  /// most `AppState.maximumWidth` × `maximumHeight`); nil without a tty.
  var ttySize: (width: Int, height: Int)?
  /// Where the size is read (TIOCGWINSZ): the output if it is a tty, else the input.
  let sizeFD: Int32
  /// The last frame copied into stdscr, and stdscr's size then: a row of the next
  /// frame that is the same is not copied again (see `present`).
  var copied: (frame: Frame, columns: Int, rows: Int)?
  /// `present`'s buffers, kept between frames: a run of characters, and which rows to copy.
  var presentBuffers: (run: [wchar_t], copy: [Bool]) = ([], [])

  /// NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  public static var colorAllowedByEnvironment: Bool {
    (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
  }

  /// Takes the terminal. `termName` defaults to $TERM; `input` and `output` to
  /// stdin and stdout (they are duplicated, never closed). Throws
  /// `TerminalSetupError` for an unset, unknown or unusable terminal type instead of
  /// letting ncurses print its own message and exit.
  public init(
    termName: String? = nil, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    allowColor: Bool = CursesTerminal.colorAllowedByEnvironment
  ) throws {
    let name = termName ?? ProcessInfo.processInfo.environment["TERM"] ?? ""
    guard !name.isEmpty else { throw TerminalSetupError(.termNotSet) }
    UTF8Locale.ensure()

    let outFD = dup(output)
    let inFD = dup(input)
    guard outFD >= 0, inFD >= 0, let out = fdopen(outFD, "w"), let inp = fdopen(inFD, "r") else {
      let detail = String(cString: strerror(errno))
      closeDescriptor(outFD)
      closeDescriptor(inFD)
      throw TerminalSetupError(.io(detail))
    }
    // The shell's tty modes, before newterm changes them, for the signal handler.
    let modesFD = isatty(outFD) != 0 ? outFD : (isatty(inFD) != 0 ? inFD : -1)
    var modes = termios()
    let haveModes = modesFD >= 0 && tcgetattr(modesFD, &modes) == 0

    EmergencyRestore.install()
    ResizeSignal.install()
    // The screen's size is the tty's, clamped: ncurses takes LINES/COLUMNS set
    // here for this newterm only (use_tioctl(false) lets them win over the tty's
    // size), so a terminal of 10000×10000 never makes it allocate for that. After
    // newterm and the first refresh the variables are as they were; resizes are
    // followed by `ResizeSignal`, never by ncurses itself.
    let sizeFD = isatty(outFD) != 0 ? outFD : inFD
    let tty = Self.ttySize(sizeFD)
    var savedSize: [String: String?] = [:]
    if let tty {
      let clamped = Self.clamped(tty)
      for (variable, value) in [("LINES", clamped.height), ("COLUMNS", clamped.width)] {
        savedSize[variable] = ProcessInfo.processInfo.environment[variable]
        setenv(variable, String(value), 1)
      }
      use_tioctl(false)
    } else {
      use_tioctl(true)
    }
    let made = newterm(name, out, inp)
    if made != nil, etj_tigetstr("cup") != nil {
      // ncurses (6.4) sends what it has after every cursor move until the screen has
      // once been given back and taken again (its mvcur flushes while the screen is
      // "not yet initialized", which only endwin and the refresh after it end): a moved
      // highlight went out in five writes, each a wake-up of whoever reads the terminal
      // (sshd, tmux). Given back and taken once here, before anything is drawn, a frame
      // is one write. The refresh reads the size again: while LINES and COLUMNS still
      // say the clamped one, so a huge terminal is not allocated for; it clears the
      // screen, which is blank anyway.
      def_prog_mode()
      endwin()
      wrefresh(etj_stdscr())
    }
    for (variable, value) in savedSize {
      if let value { setenv(variable, value, 1) } else { unsetenv(variable) }
    }
    guard let screen = made else {
      fclose(out)
      fclose(inp)
      EmergencyRestore.disarm()
      throw TerminalSetupError(.unknown(name))
    }
    if etj_tigetstr("cup") == nil {
      endwin()
      delscreen(screen)
      fclose(out)
      fclose(inp)
      EmergencyRestore.disarm()
      throw TerminalSetupError(.unusable(name))
    }
    EmergencyRestore.arm(fd: outFD, modes: haveModes ? modes : nil, modesFD: modesFD)

    self.screen = screen
    self.sizeFD = sizeFD
    ttySize = tty
    outputFile = out
    inputFile = inp
    inputFD = inFD
    // raw, not cbreak: Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys, not signals.
    raw()
    noecho()
    nonl()
    let window = etj_stdscr()
    keypad(window, true)
    // tmux and screen send xterm's function-key sequences whatever TERM says: under
    // TERM=vt100 inside tmux, F10 arrives as ESC [ 21 ~ while vt100's terminfo knows
    // only ESC O x. Sequences terminfo leaves unbound are taught to ncurses here, so
    // F10 quits as the hint bar says.
    for (n, sequence) in Self.xtermFunctionKeys { etj_define_function_key(sequence, Int32(n)) }
    // Bracketed paste: the terminal marks a paste, which then arrives as one key.
    for (sequence, code) in KeyDecoder.pasteSequences { etj_define_key(sequence, code) }
    meta(window, true)
    intrflush(window, false)
    // ESC waits 1000 ms by default for a following key; Esc must react at once.
    set_escdelay(25)
    // No look for waiting input while a frame is sent (ncurses polls the input before
    // the frame and every few rows, to stop a frame short when a key waits): the run
    // loop takes waiting keys before it draws, so a frame drawn is one to show whole,
    // and the polls were a system call each, two or more per key.
    typeahead(-1)
    curs_set(0)
    palette = StylePalette(colorWanted: allowColor)
    useColor = palette.useColor
    bracketedPaste(true)
  }

  /// Turns the terminal's bracketed paste on or off (xterm's mode 2004; a terminal
  /// without it ignores the sequence). Off whenever the terminal is given back.
  func bracketedPaste(_ on: Bool) {
    fputs(on ? Self.pasteOn : Self.pasteOff, outputFile)
    fflush(outputFile)
  }

  static let pasteOn = "\u{1B}[?2004h"
  static let pasteOff = "\u{1B}[?2004l"

  deinit { close() }

  /// Gives the terminal back (endwin). Safe to call more than once.
  public func close() {
    guard let screen else { return }
    bracketedPaste(false)
    self.screen = nil
    endwin()
    delscreen(screen)
    fclose(outputFile)
    fclose(inputFile)
    EmergencyRestore.disarm()
  }

  /// The terminal's size, which may be larger than the screen ncurses keeps: the
  /// console then draws its "too large" line.
  public var size: (width: Int, height: Int) {
    guard screen != nil, let window = etj_stdscr() else { return (0, 0) }
    return ttySize ?? (Int(getmaxx(window)), Int(getmaxy(window)))
  }

  /// A size as ncurses may hold it: at most what a frame may be.
  static func clamped(_ size: (width: Int, height: Int)) -> (width: Int, height: Int) {
    (min(size.width, AppState.maximumWidth), min(size.height, AppState.maximumHeight))
  }

  /// The tty's size, if `fd` is a tty that knows one.
  static func ttySize(_ fd: Int32) -> (width: Int, height: Int)? {
    var size = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
      return nil
    }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// Takes the tty's size now: ncurses' screen follows it, clamped.
  func followTTYSize() {
    guard screen != nil, let tty = Self.ttySize(sizeFD) else { return }
    ttySize = tty
    let clamped = Self.clamped(tty)
    resizeterm(Int32(clamped.height), Int32(clamped.width))
    // resizeterm keeps what fits of stdscr: the next frame is copied whole.
    copied = nil
  }

  public func invalidate() {
    guard screen != nil else { return }
    clearok(etj_stdscr(), true)
  }

  public func suspend<T>(_ body: () throws -> T) rethrows -> T {
    guard screen != nil else { return try body() }
    bracketedPaste(false)
    def_prog_mode()
    endwin()
    fflush(nil)
    defer {
      reset_prog_mode()
      bracketedPaste(true)
      curs_set(cursor == nil ? 0 : 1)
      // The other program drew over everything: repaint all, not a diff.
      clearok(etj_stdscr(), true)
      wrefresh(etj_stdscr())
    }
    return try body()
  }

  public func showCursor(at x: Int, y: Int) {
    cursor = (x, y)
    guard screen != nil, let window = etj_stdscr() else { return }
    curs_set(1)
    // A hidden cursor is left wherever an update ends (see present); a shown one
    // goes where it is asked.
    leaveok(window, false)
    wmove(window, Int32(y), Int32(x))
    wrefresh(window)
  }

  public func hideCursor() {
    cursor = nil
    guard screen != nil else { return }
    curs_set(0)
  }

  // MARK: For headless tests and diagnostics

  /// Row `y` of ncurses' picture of the screen, as text.
  public func screenLine(_ y: Int) -> String {
    guard screen != nil, let window = etj_stdscr() else { return "" }
    let width = Int(getmaxx(window))
    var buffer = [wchar_t](repeating: 0, count: width + 1)
    let count = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(width))
    guard count > 0 else { return "" }
    var text = String.UnicodeScalarView()
    for value in buffer.prefix(Int(count)) {
      if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.append(scalar) }
    }
    return String(text)
  }

  /// Sets the screen size as if the terminal had changed (resizeterm); the next
  /// `readKey` reports `.resize`. For a terminal with no tty behind it.
  public func resize(width: Int, height: Int) {
    guard screen != nil else { return }
    ttySize = (width, height)
    let clamped = Self.clamped((width, height))
    resizeterm(Int32(clamped.height), Int32(clamped.width))
    copied = nil
  }

  /// xterm's function-key sequences, which terminal multiplexers send.
  static let xtermFunctionKeys: [(Int, String)] = [
    (1, "\u{1B}OP"), (2, "\u{1B}OQ"), (3, "\u{1B}OR"), (4, "\u{1B}OS"), (5, "\u{1B}[15~"),
    (6, "\u{1B}[17~"), (7, "\u{1B}[18~"), (8, "\u{1B}[19~"), (9, "\u{1B}[20~"),
    (10, "\u{1B}[21~"), (11, "\u{1B}[23~"), (12, "\u{1B}[24~"),
  ]

  /// The function keys ncurses cannot decode on this terminal (no sequence for them
  /// in its key map): the console leaves them out of the hint bar and help.
  public var missingKeys: Set<Key> {
    guard screen != nil else { return [] }
    return Set((1...12).filter { etj_has_function_key(Int32($0)) == 0 }.map { Key.function($0) })
  }

  /// A terminfo string capability of this terminal ("kf1", "smcup"), if it has it.
  public func capability(_ name: String) -> String? {
    guard screen != nil, let value = etj_tigetstr(name) else { return nil }
    return String(cString: value)
  }
}

/// `close(2)`, which the class's own `close()` hides inside it.
private func closeDescriptor(_ fd: Int32) {
  if fd >= 0 { close(fd) }
}

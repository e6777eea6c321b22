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
    // Size from the tty itself, not from LINES/COLUMNS left in the environment,
    // so a resize is seen.
    use_tioctl(true)
    guard let screen = newterm(name, out, inp) else {
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
    meta(window, true)
    intrflush(window, false)
    // ESC waits 1000 ms by default for a following key; Esc must react at once.
    set_escdelay(25)
    curs_set(0)
    palette = StylePalette(colorWanted: allowColor)
    useColor = palette.useColor
  }

  deinit { close() }

  /// Gives the terminal back (endwin). Safe to call more than once.
  public func close() {
    guard let screen else { return }
    self.screen = nil
    endwin()
    delscreen(screen)
    fclose(outputFile)
    fclose(inputFile)
    EmergencyRestore.disarm()
  }

  public var size: (width: Int, height: Int) {
    guard screen != nil, let window = etj_stdscr() else { return (0, 0) }
    return (Int(getmaxx(window)), Int(getmaxy(window)))
  }

  public func invalidate() {
    guard screen != nil else { return }
    clearok(etj_stdscr(), true)
  }

  public func suspend<T>(_ body: () throws -> T) rethrows -> T {
    guard screen != nil else { return try body() }
    def_prog_mode()
    endwin()
    fflush(nil)
    defer {
      reset_prog_mode()
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
    resizeterm(Int32(height), Int32(width))
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

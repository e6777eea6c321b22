import CNcursesw
import Foundation

/// Gives the terminal back when the process ends without `close()`: killed by
/// SIGTERM, SIGHUP (the SSH session dropped) or SIGINT, or `exit()`; a crash or
/// SIGQUIT ends through `FatalSignals`, which calls `restore` too.
///
/// The handler does not call endwin: endwin is not async-signal-safe (the signal
/// may land inside doupdate, with ncurses' buffers half written). Nor does it set
/// a flag for the read loop, because the loop may be away — in $EDITOR, in a save
/// — and a hung-up session must still end. Instead `arm` captures, while it is
/// safe, the shell's tty modes and the bytes endwin would send (sgr0, cnorm, rmkx,
/// rmcup), and the handler only calls write(2) and tcsetattr (both
/// async-signal-safe), then re-raises with the default action so the shell, sshd
/// or tmux sees the real cause of death. Unwinding is not needed: every change is
/// saved when it is made.
///
/// SIGTSTP/SIGCONT are left to ncurses, which installs handlers for them when
/// they are at their default: it leaves curses mode on stop and repaints on
/// continue. SIGWINCH is `ResizeSignal`'s.
enum EmergencyRestore {
  static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT]

  // Read from the signal handler: plain memory written before `armed` is set.
  nonisolated(unsafe) private static var armed = false
  nonisolated(unsafe) private static var fd: Int32 = -1
  nonisolated(unsafe) private static var bytes: UnsafeMutableBufferPointer<UInt8>?
  nonisolated(unsafe) private static var modesFD: Int32 = -1
  nonisolated(unsafe) private static var modes: UnsafeMutablePointer<termios>?
  nonisolated(unsafe) private static var previous: [Int32: sighandler_t?] = [:]
  nonisolated(unsafe) private static var atexitRegistered = false

  /// Lets the signals through (a process started by Swift Testing inherits a
  /// mask that blocks them, and then resize and kill never arrive) and installs
  /// the handlers. Call before newterm, so ncurses leaves SIGINT/SIGTERM to us
  /// and takes SIGTSTP itself.
  static func install() {
    var set = sigset_t()
    sigemptyset(&set)
    for sig in signals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, sig) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    for sig in signals where previous[sig] == nil {
      previous[sig] = signal(sig, handle)
    }
    if !atexitRegistered {
      atexitRegistered = true
      atexit { EmergencyRestore.restore() }
    }
  }

  /// Remembers how to restore the terminal. `modes` were read before newterm
  /// changed them; `fd` is where the screen goes.
  static func arm(fd: Int32, modes: termios?, modesFD: Int32) {
    var reset: [UInt8] = []
    for name in ["sgr0", "cnorm", "rmkx"] { reset += capability(name) }
    reset += Array(CursesTerminal.pasteOff.utf8)
    let rmcup = capability("rmcup")
    if rmcup.isEmpty {
      // No alternate screen: go to the bottom line (cup clamps) and start a new
      // line, as endwin would, so the prompt does not land mid-screen.
      if let cup = etj_tigetstr("cup"), let moved = etj_tiparm2(cup, 999, 0) {
        reset += stripPadding(cBytes(moved))
      }
      reset += Array("\r\n".utf8)
    } else {
      reset += rmcup
    }
    armed = false
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: reset.count)
    _ = buffer.initialize(from: reset)
    bytes?.deallocate()
    bytes = buffer
    self.fd = fd
    if let modes {
      let stored = self.modes ?? UnsafeMutablePointer<termios>.allocate(capacity: 1)
      stored.initialize(to: modes)
      self.modes = stored
      self.modesFD = modesFD
    } else {
      self.modesFD = -1
    }
    armed = true
  }

  /// The terminal was closed properly: nothing to do on exit any more, and the
  /// signals get their old handlers back.
  static func disarm() {
    armed = false
    for (sig, handler) in previous { signal(sig, handler ?? SIG_DFL) }
    previous = [:]
  }

  /// Async-signal-safe: write(2) and tcsetattr only.
  static func restore() {
    guard armed else { return }
    armed = false
    if let bytes, let base = bytes.baseAddress, fd >= 0 { _ = write(fd, base, bytes.count) }
    if let modes, modesFD >= 0 { _ = tcsetattr(modesFD, TCSANOW, modes) }
  }

  private static let handle: @convention(c) (Int32) -> Void = { sig in
    EmergencyRestore.restore()
    // The signal is blocked while its handler runs, so this fires on return.
    signal(sig, SIG_DFL)
    raise(sig)
  }

  /// A terminfo string without its padding marks ($<5>), which only tputs honours.
  private static func capability(_ name: String) -> [UInt8] {
    guard let value = etj_tigetstr(name) else { return [] }
    return stripPadding(cBytes(value))
  }

  /// The bytes of a C string as they are (terminfo strings need not be UTF-8).
  private static func cBytes(_ string: UnsafePointer<CChar>) -> [UInt8] {
    UnsafeRawPointer(string).withMemoryRebound(to: UInt8.self, capacity: strlen(string)) {
      Array(UnsafeBufferPointer(start: $0, count: strlen(string)))
    }
  }

  static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
        let end = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">"))
      {
        i = end + 1
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }
}

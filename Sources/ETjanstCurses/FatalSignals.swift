import ETjanstDomain
import Foundation

/// A crash ends the program with one line and nothing else, in every mode.
///
/// Swift's runtime installs its own handlers for the fatal signals before `main`
/// and, on a crash, starts its backtracer, which on a terminal is interactive
/// ("Press space to interact, D to debug"): over SSH that offered a manager, as the
/// store's account, a debugger whose `mem` printed every department's data, and it
/// stayed behind after the client left. The runtime reads `SWIFT_BACKTRACE` before
/// `main`, so setting it then changes nothing. Two ways out: a re-exec of the
/// program with `SWIFT_BACKTRACE=enable=no` (a second start of the runtime and of
/// every shared library, on every command, and it leans on /proc/self/exe), or
/// handlers of our own installed over the runtime's as the first thing `main`
/// does. The second costs nothing and holds whatever the environment says, so it
/// is the one: the handler gives the terminal back (`EmergencyRestore`, if the
/// console had it), writes one line to stderr and exits with 128 + the signal, as
/// a shell reports a death by signal. No core dump (it would hold the store's
/// data) and no backtrace. The handler runs on a stack of its own, so a stack
/// overflow of the main thread ends the same way.
public enum FatalSignals {
  /// The signals Swift's backtracer takes (a fault, a trap, SIGQUIT), and SIGSYS.
  public static let signals: [Int32] = [
    SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS, SIGQUIT,
  ]

  /// The one line, in both languages; `language` picks one.
  public static let line = LocalizedText(
    sv: "etjanst: internt fel; programmet avslutades (allt sparat före felet finns kvar)",
    en: "etjanst: internal error; the program ended (everything saved before it is kept)")

  // Read by the handler: plain memory written before the handlers are installed.
  nonisolated(unsafe) private static var message: UnsafeMutableBufferPointer<UInt8>?
  nonisolated(unsafe) private static var installed = false

  /// Installs the handlers (again, to change the language of the line).
  public static func install(_ language: Language) {
    let bytes = Array((line(language) + "\n").utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = buffer.initialize(from: bytes)
    let old = message
    message = buffer
    old?.deallocate()
    guard !installed else { return }
    installed = true
    // A stack of its own for the handler: a stack overflow leaves none.
    let size = 64 * 1024
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
    for sig in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = handle
      action.sa_flags = SA_ONSTACK
      sigemptyset(&action.sa_mask)
      sigaction(sig, &action, nil)
    }
  }

  /// Async-signal-safe: write(2), tcsetattr (inside `restore`) and _exit.
  private static let handle: @convention(c) (Int32) -> Void = { sig in
    EmergencyRestore.restore()
    if let message, let base = message.baseAddress { _ = write(STDERR_FILENO, base, message.count) }
    _exit(128 + sig)
  }
}

import Foundation

/// SIGWINCH, taken from ncurses: its own handler would read the tty's size and
/// resize its screen to it, whatever it is (10000×10000 asked for gigabytes).
/// ncurses installs that handler only where SIGWINCH is at its default, so this
/// one, installed before newterm, keeps it out; the key loop then reads the size
/// itself and clamps it (`CursesTerminal.followTTYSize`). Without SA_RESTART, the
/// signal ends the wait for a key at once.
enum ResizeSignal {
  nonisolated(unsafe) private static var pending: sig_atomic_t = 0

  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in ResizeSignal.pending = 1 }
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    sigaction(SIGWINCH, &action, nil)
  }

  /// Whether the terminal changed size since the last call.
  static func take() -> Bool {
    guard pending != 0 else { return false }
    pending = 0
    return true
  }
}

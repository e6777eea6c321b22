import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Holds SIGTERM, SIGHUP and SIGINT while a save is under way, so a logout, a closed
/// SSH session or a Ctrl-C during a save ends the program after the save is whole —
/// its audit line, its rename, no temporary file left — rather than between two of
/// its steps.
///
/// For the length of `during`, each of the three signals gets a handler that only
/// notes it (signal handlers are process-wide, so whichever thread takes the signal
/// notes it); afterwards the previous handlers are put back and a noted signal is
/// raised again, so it has exactly the effect it would have had (the default ends
/// the program; the console's own handler restores the terminal first).
enum SaveSignals {
  static let held: [Int32] = [SIGTERM, SIGHUP, SIGINT]

  /// The signal noted during a save, 0 for none. Written only by the handler and
  /// read after the handlers are put back.
  nonisolated(unsafe) private static var noted: sig_atomic_t = 0
  private static let lock = NSLock()

  static func during<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    // One save at a time holds the signals (two StoreFiles in one process).
    lock.lock()
    defer { lock.unlock() }
    noted = 0
    var previous: [sigaction] = []
    for signal in held {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in SaveSignals.noted = signal }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      var old = sigaction()
      sigaction(signal, &action, &old)
      previous.append(old)
    }
    defer {
      for (signal, var old) in zip(held, previous) { sigaction(signal, &old, nil) }
      if noted != 0 { raise(noted) }
    }
    return try body()
  }
}

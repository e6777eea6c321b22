import Foundation

/// Spawn attributes for a child of a test: an empty signal mask and the default
/// handlers. A Swift Testing thread blocks nearly every signal and a child inherits
/// that mask; a tmux server or sshd would then ignore SIGTERM and SIGCHLD, and a
/// program in it would miss SIGWINCH.
public func withCleanSignals<T>(_ body: (UnsafePointer<posix_spawnattr_t>) throws -> T) rethrows
  -> T
{
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var mask = sigset_t()
  sigemptyset(&mask)
  posix_spawnattr_setsigmask(&attributes, &mask)
  var defaults = sigset_t()
  sigemptyset(&defaults)
  for sig in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE, SIGWINCH, SIGTSTP, SIGCONT] {
    sigaddset(&defaults, sig)
  }
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  return try body(&attributes)
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive flock on `<store>.lock`, held from re-reading the file to the audit
/// line. flock rather than fcntl locks: fcntl locks vanish when any descriptor of the
/// file is closed, flock locks belong to this open file description. The kernel drops
/// it when the holder dies, even by kill -9, so no stale lock is ever left behind.
/// The lock file is separate from the store because the store is replaced by rename
/// on every save, and a lock on a replaced inode would guard nothing.
///
/// Whoever holds it writes "login pid" into the file, so one who waits can say
/// whose save it waits for.
final class ExclusiveLock {
  private let descriptor: FileDescriptor

  /// Takes the lock on a lock file already opened (and checked) by
  /// `StoreFolder.openBeside`. Each save opens its own descriptor, so two `StoreFile`s
  /// in one process exclude each other just as two processes do.
  ///
  /// - Parameters:
  ///   - holder: written into the lock file once the lock is held ("login pid").
  ///   - waiting: nil blocks until the lock is free (the command line). Else the lock
  ///     is tried without blocking, and while another holds it `waiting` is called
  ///     about every 50 ms with the holder's line; returning false gives up with
  ///     `LockWaitCancelled` (the console: keys keep working, Esc stops waiting).
  init(_ descriptor: FileDescriptor, holder: String? = nil, waiting: ((String?) -> Bool)? = nil)
    throws
  {
    self.descriptor = descriptor
    if let waiting {
      while flock(descriptor.fd, LOCK_EX | LOCK_NB) != 0 {
        if errno == EINTR { continue }
        guard errno == EWOULDBLOCK else { throw SystemCallError("flock") }
        guard waiting(Self.holder(descriptor.fd)) else { throw LockWaitCancelled() }
        usleep(50_000)
      }
    } else {
      while flock(descriptor.fd, LOCK_EX) != 0 {
        if errno != EINTR { throw SystemCallError("flock") }
      }
    }
    if let holder {
      // Best effort: a lock file that cannot be written still locks.
      let bytes = Array(TextCleaning.line(holder).utf8.prefix(200))
      if ftruncate(descriptor.fd, 0) == 0 { _ = pwrite(descriptor.fd, bytes, bytes.count, 0) }
    }
  }

  deinit { flock(descriptor.fd, LOCK_UN) }

  /// The holder's line in the lock file, cleaned for the screen; nil when empty.
  static func holder(_ fd: Int32) -> String? {
    var buffer = [UInt8](repeating: 0, count: 200)
    let n = pread(fd, &buffer, buffer.count, 0)
    guard n > 0 else { return nil }
    let line = TextCleaning.line(String(decoding: buffer.prefix(n), as: UTF8.self))
    return line.isEmpty ? nil : line
  }

  /// "login pid" of this process, as a holder writes it.
  static func holderLine(login: String) -> String { "\(login) \(getpid())" }
}

/// The user stopped waiting for another process's save; nothing was written.
public struct LockWaitCancelled: Error, Sendable {}

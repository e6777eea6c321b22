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
final class ExclusiveLock {
  private let descriptor: FileDescriptor

  /// Blocks until the lock is held. Each call opens its own descriptor, so two
  /// `StoreFile`s in one process exclude each other just as two processes do.
  convenience init(path: String) throws(SystemCallError) {
    try self.init(try FileDescriptor(path: path, flags: O_RDWR | O_CREAT, mode: 0o600))
  }

  /// Locks a lock file already opened (and checked) by `StoreFolder.openBeside`.
  init(_ descriptor: FileDescriptor) throws(SystemCallError) {
    self.descriptor = descriptor
    while flock(descriptor.fd, LOCK_EX) != 0 {
      if errno != EINTR { throw SystemCallError("flock") }
    }
  }

  deinit { flock(descriptor.fd, LOCK_UN) }
}

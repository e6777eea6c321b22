import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call and its errno, before it is given a file name and a meaning
/// as a `StoreError`.
struct SystemCallError: Error {
  let call: String
  let code: Int32
  /// What was being done, when the file name alone would not say ("cannot keep a
  /// backup in ...").
  var context: String?

  init(_ call: String, _ code: Int32 = errno) {
    self.call = call
    self.code = code
  }

  var reason: String { StoreError.reason(code) }
  var detail: String { context.map { "\($0): \(reason)" } ?? reason }
}

/// An open file descriptor that closes itself, so every early `throw` on the save
/// path still closes what it opened. Plain POSIX calls rather than FileHandle: the
/// store needs exact modes, O_APPEND, O_EXCL, fsync and fstat's nanosecond mtime.
final class FileDescriptor {
  let fd: Int32

  /// Opens with O_CLOEXEC always, so an editor started with $EDITOR does not inherit
  /// the lock or the store.
  init(path: String, flags: Int32, mode: mode_t = 0) throws(SystemCallError) {
    var fd: Int32
    repeat {
      fd = open(path, flags | O_CLOEXEC, mode)
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw SystemCallError("open") }
    self.fd = fd
  }

  deinit { close(fd) }

  func status() throws(SystemCallError) -> stat {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw SystemCallError("fstat") }
    return info
  }

  /// Reads from the current offset to the end; with `limit`, stops once it has read
  /// more than `limit` bytes and returns `limit + 1` of them, so a caller bounding
  /// untrusted input learns the file is too large without reading it whole (it may
  /// grow after its size was checked).
  func readToEnd(sizeHint: Int = 0, limit: Int = .max) throws(SystemCallError) -> Data {
    var data = Data(capacity: max(sizeHint, 0))
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemCallError("read")
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
      if data.count > limit { return data.prefix(limit + 1) }
    }
  }

  /// Writes all of `data`, in one write(2) where the kernel allows, which keeps an
  /// O_APPEND line whole.
  func writeAll(_ data: some ContiguousBytes) throws(SystemCallError) {
    var failure: SystemCallError?
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < raw.count {
        let count = write(fd, raw.baseAddress! + offset, raw.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          failure = SystemCallError("write")
          return
        }
        offset += count
      }
    }
    if let failure { throw failure }
  }

  func sync() throws(SystemCallError) {
    guard fsync(fd) == 0 else { throw SystemCallError("fsync") }
  }

  /// Makes a rename or link in `folder` durable: without it, a crash can forget the
  /// new name even though the file's bytes were synced.
  static func syncFolder(_ folder: String) throws(SystemCallError) {
    try FileDescriptor(path: folder, flags: O_RDONLY | O_DIRECTORY).sync()
  }
}

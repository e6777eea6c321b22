import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `<store>.audit`: who changed what, when, as JSON lines. It grows without bound, so a
/// save only appends (O_APPEND, one write per line) and never reads it; reading back
/// starts from the end and stops once it has enough lines.
struct AuditTrail {
  let path: String

  /// Opened before the store is saved, so a trail that cannot be written (permissions)
  /// stops the save before anything changed.
  func openForAppend() throws(SystemCallError) -> FileDescriptor {
    try FileDescriptor(path: path, flags: O_WRONLY | O_APPEND | O_CREAT, mode: 0o600)
  }

  func append(_ entry: AuditEntry, to descriptor: FileDescriptor) throws(SystemCallError) {
    let line: Data
    do {
      line = try entry.line()
    } catch {
      throw SystemCallError("encode", EINVAL)
    }
    try descriptor.writeAll(line)
  }

  /// The last `limit` entries (all when nil), oldest first, newest last. A line that is
  /// not a valid entry (edited by hand, cut short by a full disk) is skipped.
  func entries(limit: Int?) throws(SystemCallError) -> [AuditEntry] {
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor(path: path, flags: O_RDONLY)
    } catch  where error.code == ENOENT {
      return []
    }
    let size = Int(try descriptor.status().st_size)
    let tail = try readTail(descriptor, size: size, lines: limit)
    var lines = tail.split(separator: UInt8(ascii: "\n")).compactMap {
      AuditEntry.decode(line: Data($0))
    }
    if let limit, lines.count > limit { lines.removeFirst(lines.count - limit) }
    return lines
  }

  /// Reads backwards in blocks until it holds more than `lines` line breaks (so the
  /// first, possibly partial, line can be dropped) or reaches the start of the file.
  private func readTail(_ descriptor: FileDescriptor, size: Int, lines: Int?)
    throws(SystemCallError) -> Data
  {
    let block = 1 << 16
    var offset = size
    var chunks: [Data] = []
    var newlines = 0
    while offset > 0 {
      let count = min(block, offset)
      offset -= count
      var chunk = Data(count: count)
      let read = chunk.withUnsafeMutableBytes {
        pread(descriptor.fd, $0.baseAddress, count, off_t(offset))
      }
      if read < 0 {
        if errno == EINTR {
          offset += count
          continue
        }
        throw SystemCallError("pread")
      }
      chunk = chunk.prefix(read)
      newlines += chunk.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      chunks.append(chunk)
      if let lines, newlines > lines { break }
    }
    var data = Data(capacity: size - offset)
    for chunk in chunks.reversed() { data.append(chunk) }
    if offset > 0, let firstBreak = data.firstIndex(of: UInt8(ascii: "\n")) {
      data = data[(firstBreak + 1)...]
    }
    return Data(data)
  }
}

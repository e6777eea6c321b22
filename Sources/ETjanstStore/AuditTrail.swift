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
  func openForAppend(in folder: StoreFolder) throws(SystemCallError) -> FileDescriptor {
    try folder.openBeside(path, flags: O_WRONLY | O_APPEND | O_CREAT)
  }

  /// Appends the line and fsyncs it: it is on disk before the save it records
  /// replaces the store (see `StoreFile.save`).
  func append(_ entry: AuditEntry, to descriptor: FileDescriptor) throws(SystemCallError) {
    let line: Data
    do {
      line = try entry.line()
    } catch {
      throw SystemCallError("encode", EINVAL)
    }
    try descriptor.writeAll(line)
    try descriptor.sync()
  }

  /// The last `limit` entries (all when nil), oldest first, newest last. A line that is
  /// not a valid entry (edited by hand, cut short by a full disk) is skipped.
  func entries(limit: Int?) throws(SystemCallError) -> [AuditEntry] {
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor(path: path, flags: O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
    } catch  where error.code == ENOENT {
      return []
    }
    guard try descriptor.status().isRegularFile else { throw SystemCallError("read", EINVAL) }
    let size = Int(try descriptor.status().st_size)
    let tail = try readTail(descriptor, size: size, lines: limit)
    var lines = tail.split(separator: UInt8(ascii: "\n")).compactMap {
      AuditEntry.decode(line: Data($0))
    }
    if let limit, lines.count > limit { lines.removeFirst(lines.count - limit) }
    return lines
  }

  /// The entries whose save happened. A line is written before its save replaces the
  /// store; if the program died in between, the store still holds the previous id,
  /// so the next line names that one as `previous` (or, for the last line, the store
  /// holds another id). Such a line is left out. Lines without ids are kept.
  static func saved(_ entries: [AuditEntry], storeSaveID: String?) -> [AuditEntry] {
    entries.indices.compactMap { i in
      let entry = entries[i]
      guard let id = entry.id else { return entry }
      let next = entries.index(after: i) < entries.endIndex ? entries[i + 1] : nil
      if let next, next.id != nil { return next.previous == id ? entry : nil }
      return next == nil && storeSaveID != nil && storeSaveID != id ? nil : entry
    }
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

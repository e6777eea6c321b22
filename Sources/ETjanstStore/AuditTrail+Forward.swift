import ETjanstDomain
import Foundation

extension AuditTrail {
  /// Every saved entry matching `query`, oldest first, handed to `body` as it is read
  /// (false from `body` stops): `list audit` writes a trail of a million lines in
  /// constant memory. `page` reads backwards for the newest few; a whole listing is
  /// read forwards, in the same 1 MiB blocks.
  ///
  /// The same rule as `SavedLines`, seen from the other side: a line is judged when
  /// the next line has been read. It recorded a save that happened when it has no id,
  /// when the next line names no `previous`, or names this line's id; the last line,
  /// when the store (`storeSaveID`, asked after the trail's last line was read) does
  /// not still hold the id it names as its `previous`.
  func forEach(
    _ query: AuditQuery, storeSaveID: () -> String? = { nil },
    _ body: (AuditEntry) throws -> Bool
  ) throws {
    guard let (descriptor, info) = try Self.open(path) else { return }
    let size = Int(info.st_size)
    let needles = query.needles.map { Array($0.utf8) }
    /// The line read last, decoded when it may match, waiting for the next line.
    var pending: AuditEntry?
    var pendingID: String?
    var stopped = false

    /// One line, in order: judges the pending one by it, then makes it pending.
    func line(_ bytes: UnsafeBufferPointer<UInt8>) throws {
      guard !bytes.isEmpty else { return }
      let previous = Self.previousID(bytes)
      if let entry = pending {
        pending = nil
        if pendingID == nil || previous == nil || previous == pendingID, !(try body(entry)) {
          stopped = true
          return
        }
      }
      guard needles.isEmpty || needles.contains(where: { Self.contains(bytes, $0) }),
        let entry = AuditEntry.decode(line: Data(bytes)), query.matches(entry)
      else {
        pending = nil
        return
      }
      pending = entry
      pendingID = entry.id
    }

    let block = 1 << 20
    var offset = 0
    // The end of a line the block cut, read again with the next block.
    var carry = Data()
    while offset < size, !stopped {
      var chunk = carry
      chunk.append(try read(descriptor, from: offset, count: min(block, size - offset)))
      offset += block
      carry = Data()
      try chunk.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        var start = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
          try line(UnsafeBufferPointer(rebasing: bytes[start..<index]))
          if stopped { return }
          start = index + 1
        }
        if offset < size {
          carry = Data(bytes[start...])
        } else {
          try line(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
      }
    }
    guard !stopped, let last = pending else { return }
    if last.id != nil, let previous = last.previous, let store = storeSaveID(), store == previous {
      return
    }
    _ = try body(last)
  }
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `<store>.audit`: who changed what, when, as JSON lines. It grows without bound, so a
/// save only appends (O_APPEND, one write per line) and never reads it; reading back
/// starts from the end, skips lines that cannot match without decoding them, and stops
/// once it has a page.
struct AuditTrail {
  let path: String

  /// Opened before the store is saved, so a trail that cannot be written (permissions)
  /// stops the save before anything changed. Read too: `append` looks at the last byte.
  func openForAppend(in folder: StoreFolder) throws(SystemCallError) -> FileDescriptor {
    try folder.openBeside(path, flags: O_RDWR | O_APPEND | O_CREAT)
  }

  /// Appends the line and fsyncs it: it is on disk before the save it records
  /// replaces the store (see `StoreFile.save`). A line cut short (a full disk; its save
  /// stopped there) has no newline, so the new line then starts with one: glued to it,
  /// neither would read. Called under the store's lock, so nothing appends meanwhile.
  func append(_ entry: AuditEntry, to descriptor: FileDescriptor) throws(SystemCallError) {
    var line: Data
    do {
      line = try entry.line()
    } catch {
      throw SystemCallError("encode", EINVAL)
    }
    let size = Int(try descriptor.status().st_size)
    if size > 0, try read(descriptor, from: size - 1, count: 1) != Data("\n".utf8) {
      line = Data("\n".utf8) + line
    }
    try descriptor.writeAll(line)
    try descriptor.sync()
  }

  /// The last `limit` saved entries (all when nil), oldest first, newest last. A line
  /// that is not a valid entry (edited by hand, cut short by a full disk) is skipped;
  /// `storeSaveID` as in `page`.
  func entries(limit: Int?, storeSaveID: () -> String? = { nil }) throws(SystemCallError)
    -> [AuditEntry]
  {
    try page(AuditQuery(), before: nil, limit: limit ?? Int.max, storeSaveID: storeSaveID)
      .entries.reversed()
  }

  /// Up to `limit` entries matching `query`, newest first, written before `cursor`
  /// (from the end when nil). Every read of the trail goes through here, so every
  /// reader leaves out the lines whose save never happened (`SavedLines`);
  /// `storeSaveID` is the save id of the store on disk, asked for after the trail's
  /// last line was read and only when reading from the end.
  ///
  /// Reads backwards in blocks. A line is decoded only when it holds one of the
  /// query's needles (a login, an id), so a person's history in a long trail costs
  /// a byte search, not a JSON decode, per line. With `since`, reading stops at the
  /// first older line: lines are appended under the store's lock with the store's
  /// clock, so they are in time order.
  func page(
    _ query: AuditQuery, before cursor: AuditCursor?, limit: Int,
    storeSaveID: () -> String? = { nil }
  ) throws(SystemCallError) -> AuditPage {
    guard let (descriptor, info) = try Self.open(path) else {
      return AuditPage(entries: [], next: nil)
    }
    let size = Int(info.st_size)
    let needles = query.needles.map { Array($0.utf8) }
    let sinceText = query.since.map { Array(AuditEntry.timeText($0).utf8) }
    var entries: [AuditEntry] = []
    var end = min(cursor?.offset ?? size, size)
    var saved = SavedLines(after: cursor)
    // The start of a line cut by the previous block's start, read again with the
    // block before it.
    var carry = Data()
    let block = 1 << 20
    while end > 0 {
      let start = max(0, end - block)
      var chunk = try read(descriptor, from: start, count: end - start)
      chunk.append(carry)
      carry = Data()
      // Returns the offset of the next page when the page is full, -1 to stop
      // without one, nil to go on.
      let outcome: Int? = chunk.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        func take(_ range: Range<Int>) -> Int? {
          guard !range.isEmpty else { return nil }
          let line = UnsafeBufferPointer(rebasing: bytes[range])
          if let sinceText, Self.isBefore(line, sinceText) { return -1 }
          if !needles.isEmpty && !needles.contains(where: { Self.contains(line, $0) }) {
            saved.skip(previous: Self.previousID(line))
            return nil
          }
          guard let entry = AuditEntry.decode(line: Data(line)) else {
            saved.skip(previous: Self.previousID(line))
            return nil
          }
          guard saved.next(id: entry.id, previous: entry.previous, storeSaveID: storeSaveID),
            query.matches(entry)
          else {
            return nil
          }
          entries.append(entry)
          guard entries.count >= limit else { return nil }
          return start + range.lowerBound
        }
        var lineEnd = bytes.count
        var index = bytes.count - 1
        while index >= 0 {
          if bytes[index] == UInt8(ascii: "\n") {
            if let outcome = take((index + 1)..<lineEnd) { return outcome }
            lineEnd = index
          }
          index -= 1
        }
        if start > 0 {
          carry = Data(bytes[0..<lineEnd])
          return nil
        }
        return take(0..<lineEnd)
      }
      if let outcome {
        return AuditPage(
          entries: entries,
          next: outcome > 0 ? AuditCursor(offset: outcome, newerPrevious: saved.expected) : nil)
      }
      end = start
    }
    return AuditPage(entries: entries, next: nil)
  }

  /// The trail opened to be read (beside the store: no symlink followed, a regular
  /// file only); nil when there is none yet.
  static func open(_ path: String) throws(SystemCallError) -> (FileDescriptor, stat)? {
    do {
      return try FileDescriptor.openRegular(path, followSymlinks: false)
    } catch let error as SystemCallError {
      if error.code == ENOENT { return nil }
      throw error
    } catch {
      throw SystemCallError("read", EINVAL)
    }
  }

  func read(_ descriptor: FileDescriptor, from offset: Int, count: Int)
    throws(SystemCallError) -> Data
  {
    var data = Data(count: count)
    var done = 0
    while done < count {
      let got = data.withUnsafeMutableBytes {
        pread(descriptor.fd, $0.baseAddress! + done, count - done, off_t(offset + done))
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw SystemCallError("pread")
      }
      if got == 0 { break }
      done += got
    }
    return data.prefix(done)
  }

  static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    needle.isEmpty || offset(of: needle, in: line) != nil
  }

  /// Byte search: memchr for the first byte, then a compare (Glibc's memmem is a GNU
  /// extension Swift does not import).
  private static func offset(of needle: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first, let base = line.baseAddress else { return nil }
    var position = 0
    let last = line.count - needle.count
    while position <= last {
      guard let hit = memchr(base + position, Int32(first), last - position + 1) else {
        return nil
      }
      let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + offset, needle, needle.count) == 0 { return offset }
      position = offset + 1
    }
    return nil
  }

  private static let previousKey = Array(#""previous":""#.utf8)

  /// The line's `previous` save id, found without decoding it. Only the entry itself
  /// has that key (a subject or a field has none), and a quote inside a JSON text is
  /// escaped, so the first `"previous":"` is the entry's.
  static func previousID(_ line: UnsafeBufferPointer<UInt8>) -> String? {
    guard let key = offset(of: previousKey, in: line) else { return nil }
    let value = line[(key + previousKey.count)...]
    guard let close = value.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
    return String(
      decoding: UnsafeBufferPointer(rebasing: line[value.startIndex..<close]), as: UTF8.self)
  }

  /// Whether the line's time (`{"at":"…"` leads every line: keys are sorted) is
  /// earlier than `since`, compared as ISO 8601 text in UTC.
  private static func isBefore(_ line: UnsafeBufferPointer<UInt8>, _ since: [UInt8]) -> Bool {
    let prefix = Array(#"{"at":""#.utf8)
    guard line.count >= prefix.count + since.count,
      line.prefix(prefix.count).elementsEqual(prefix)
    else { return false }
    let time = line[prefix.count..<(prefix.count + since.count)]
    return time.lexicographicallyPrecedes(since)
  }
}

/// Tells, reading the trail newest first, which lines record a save that happened.
///
/// A line is appended before its save replaces the store, so a program that died in
/// between left a line whose save never happened, and the store still holds the save
/// id that line names as its `previous`. The line after it (the next save) names that
/// same id as its `previous`, not the dead line's id; and when the dead line is the last
/// one, the store's own id is the dead line's `previous`. Such a line is left out.
/// Lines without ids (written before the store kept them) are kept, and so is a line
/// whose newer neighbour names no `previous`.
struct SavedLines {
  /// The `previous` of the newer line just read: the id the next older line must have.
  private(set) var expected: String?
  /// Whether no newer line has been read: then the store's id decides.
  private var atEnd: Bool

  init(after cursor: AuditCursor?) {
    expected = cursor?.newerPrevious
    atEnd = cursor == nil
  }

  /// The next older line, decoded: whether its save happened. `storeSaveID` is asked
  /// only for the trail's last line.
  mutating func next(id: String?, previous: String?, storeSaveID: () -> String?) -> Bool {
    defer { skip(previous: previous) }
    guard let id else { return true }
    if atEnd {
      // The store's id read after the line: a save that finished since then has a
      // new id, never this line's `previous`, so it cannot hide a saved line.
      guard let previous, let store = storeSaveID() else { return true }
      return store != previous
    }
    guard let expected else { return true }
    return expected == id
  }

  /// The next older line, not judged (it does not match, or does not decode).
  mutating func skip(previous: String?) {
    expected = previous
    atEnd = false
  }
}

extension AuditEntry {
  /// The JSON line, newline included. JSON escapes any newline inside a text, so one
  /// entry is always exactly one line; keys are sorted, so `at` comes first.
  func line() throws -> Data {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  static func decode(line: Data) -> AuditEntry? {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try? decoder.decode(AuditEntry.self, from: line)
  }

  /// A moment as the trail writes it: "2026-11-27T12:29:00Z".
  static func timeText(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where each entity of the municipality's lists lies in one version of the store file,
/// with the value read from (or written to) those bytes: what lets a save copy the
/// entities an edit left alone from the old file instead of encoding them again.
///
/// Why: at a region's size (60,000 entities, 39 MB) encoding the whole file was most of
/// a save (~0.5 s on the key path of a change), while an edit changes one entity. The
/// file stays one standard XML property list; only the bytes of entities whose value is
/// equal (==) to the value those very bytes were read as are reused, so reading the new
/// file gives exactly the state saved. A file this program wrote gets back byte for byte
/// what the whole writer (`StoreDocument.encoded`) would write.
///
/// A layout holds the list arrays themselves, which share their storage with the state
/// they were read into: an untouched list costs nothing to keep and compares in O(1)
/// (Array's == checks for shared storage first).
struct StoreLayout: Sendable {
  /// One list's entities in file order, and each one's bytes: from the `<` of its
  /// `<dict>` to the `>` of its `</dict>`.
  struct Entities<Element: Equatable & Sendable>: Sendable, ListedEntities {
    var values: [Element] = []
    var ranges: [Range<Int>] = []
    /// How many of them the one-pass reader read the tree way, not straight from the
    /// bytes (StoreFields+Direct.swift): none for a file as this program writes it.
    var readAsTrees = 0
  }

  /// Each list's entities, by the list's key (`StoreLists`).
  var lists: [String: any ListedEntities] = [:]

  /// One list's entities, when the layout has them.
  subscript<Element>(list list: StoredList<Element>) -> Entities<Element>? {
    get { lists[list.key] as? Entities<Element> }
    set { lists[list.key] = newValue }
  }

  /// The length of the file it describes.
  var size = 0
  /// The lists' `readAsTrees`, added up.
  var readAsTrees = 0
  /// Whether the list marked `readAhead` was taken from the other core's reading.
  var readAhead = false
  /// The `Checksum` of that file's bytes as read or written, when known: a save copies
  /// from the file only with it (`SplicedXML.verify`).
  var checksum: UInt64?
}

/// One list's `StoreLayout.Entities`, whatever the type of its entities.
protocol ListedEntities: Sendable {
  var ranges: [Range<Int>] { get }
}

/// The bytes of a new version of the store: what was encoded, and where runs of the
/// old file are copied in between. The copied runs never pass through this process's
/// memory (`copy_file_range(2)` where the kernel has it), so a save of a 39 MB store
/// writes what changed plus one kernel copy.
struct SplicedXML {
  /// The encoded bytes, in order, without the copied runs.
  var bytes: [UInt8] = []
  /// Each copied run of the old file and where it goes in `bytes` (before `bytes[at]`).
  var copies: [(at: Int, source: Range<Int>)] = []

  /// The length of the new file.
  var count: Int { copies.reduce(bytes.count) { $0 + $1.source.count } }

  /// The whole file in memory, `source` being the old file's bytes (tests).
  func joined(source: Data) -> Data {
    var out = Data(capacity: count)
    var from = 0
    for copy in copies {
      out.append(contentsOf: bytes[from..<copy.at])
      out.append(source[copy.source])
      from = copy.at
    }
    out.append(contentsOf: bytes[from...])
    return out
  }

  /// Whether every copied run still starts with `<dict` and ends with `>` in `source`
  /// (`size` bytes long): a last, cheap check (a few bytes per run) that the file is
  /// the one the layout describes, besides its stamp.
  func sourceHolds(_ source: FileDescriptor, size: Int) -> Bool {
    var head = [UInt8](repeating: 0, count: 5)
    var tail: UInt8 = 0
    for run in copies.map(\.source) {
      guard run.lowerBound >= 0, run.count >= 6, run.upperBound <= size else { return false }
      let a = head.withUnsafeMutableBytes {
        pread(source.fd, $0.baseAddress, 5, off_t(run.lowerBound))
      }
      let b = pread(source.fd, &tail, 1, off_t(run.upperBound - 1))
      guard a == 5, b == 1, head.elementsEqual("<dict".utf8), tail == UInt8(ascii: ">") else {
        return false
      }
    }
    return true
  }

  /// Writes the new file to `target`: the encoded bytes with write(2), each copied run
  /// from `source` with `copy_file_range(2)`, or pread/write where the kernel cannot
  /// copy between these files (another file system, an old kernel).
  func write(
    to target: FileDescriptor, from source: FileDescriptor?,
    kernelCopy: KernelCopy = .system
  ) throws(SystemCallError) {
    var from = 0
    for copy in copies {
      try target.writeAll(bytes[from..<copy.at])
      guard let source else { preconditionFailure("copies without a source file") }
      try kernelCopy.copy(from: source, range: copy.source, to: target)
      from = copy.at
    }
    try target.writeAll(bytes[from...])
  }
}

/// Copies a run of one file to the end of another's writes.
struct KernelCopy: Sendable {
  typealias Function =
    @convention(c) (
      Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32
    ) -> Int

  /// copy_file_range(2), when the C library has it. Looked up at run time because
  /// Swift's Glibc module does not declare it (glibc declares it only under
  /// _GNU_SOURCE), and a C target for one call is more than this needs.
  let function: Function?

  static let system = KernelCopy(
    function: {
      guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "copy_file_range")
      else { return nil }
      return unsafeBitCast(symbol, to: Function.self)
    }())

  func copy(from source: FileDescriptor, range: Range<Int>, to target: FileDescriptor)
    throws(SystemCallError)
  {
    var offset = Int64(range.lowerBound)
    let end = Int64(range.upperBound)
    if let function {
      while offset < end {
        let count = function(source.fd, &offset, target.fd, nil, Int(end - offset), 0)
        if count > 0 { continue }
        if count == 0 { throw SystemCallError("copy_file_range", EIO) }
        if errno == EINTR { continue }
        // Not between these files, or not on this kernel: the plain way below, from
        // where the kernel stopped (it moved `offset` past what it copied).
        if [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP, EPERM].contains(errno) { break }
        throw SystemCallError("copy_file_range")
      }
    }
    var buffer = [UInt8](repeating: 0, count: min(1 << 20, max(Int(end - offset), 1)))
    while offset < end {
      let wanted = min(buffer.count, Int(end - offset))
      let count = buffer.withUnsafeMutableBytes {
        pread(source.fd, $0.baseAddress, wanted, off_t(offset))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemCallError("pread")
      }
      // The old file is shorter than its layout says: never write a cut copy.
      if count == 0 { throw SystemCallError("pread", EIO) }
      try target.writeAll(buffer[0..<count])
      offset += Int64(count)
    }
  }
}

extension StoreDocument {
  /// The file `encoded()` writes, byte for byte when the old file was written by this
  /// program, with each run of entities whose value equals (==) what `old` says the old
  /// file's bytes hold copied from those bytes (per list: the common prefix and the
  /// common suffix of the old and new list, each one run, the whitespace between the
  /// entities included); the rest is encoded. Also the new file's layout, so the next
  /// save can copy too. With no layout, everything is encoded.
  ///
  /// Safe because a copied entity's bytes were read as exactly the value saved: reading
  /// the new file gives the state saved. (Two strings Swift calls equal may differ in
  /// their Unicode scalars — canonically equivalent text — and then the old scalars
  /// stay; every text is made NFC where it enters the program, so that is a file
  /// edited by hand, and it reads back as an equal value.)
  func spliced(over old: StoreLayout?) throws(PropertyListError) -> (
    xml: SplicedXML, layout: StoreLayout
  ) {
    var bytes = PropertyList.xmlHeader
    bytes.reserveCapacity(1 << 16)
    var splice = Splice(old: old, municipality: municipality, kept: unknownKeys.entities)
    let root = rootDict(municipality: StoreCodec.encode(municipality, lists: false))
    try PropertyList.writeDict(root, into: &bytes, indent: 0) {
      key, value, out throws(PropertyListError) in
      guard key == "municipality", case .dict(let fields) = value else {
        try value.write(into: &out, indent: 1)
        return
      }
      PropertyList.tabs(1, into: &out)
      try PropertyList.writeDict(fields, into: &out, indent: 1) {
        key, value, out throws(PropertyListError) in
        guard let list = StoreLists.byKey[key] else {
          try value.write(into: &out, indent: 2)
          return
        }
        swap(&splice.out, &out)
        defer { swap(&splice.out, &out) }
        try list.accept(&splice)
      }
    }
    bytes.append(contentsOf: PropertyList.xmlFooter)
    // The writer already wrote each control character as U+FFFD, so only U+FFFE and
    // U+FFFF are left to replace, in place (three bytes for three): the ranges measured
    // above stay true.
    guard XMLCharacterGuard.cleanInPlace(&bytes) else {
      throw PropertyListError(line: 0, reason: "a control character the writer let through")
    }
    var layout = splice.layout
    layout.size = bytes.count + splice.copied
    return (SplicedXML(bytes: bytes, copies: splice.copies), layout)
  }
}

/// The municipality's lists written by `StoreDocument.spliced`, one at a time, into
/// `out` (the file's bytes so far, swapped in while a list is written).
private struct Splice: StoreListVisitor {
  let old: StoreLayout?
  let municipality: Municipality
  let kept: EntityKeys
  var out: [UInt8] = []
  var copies: [(at: Int, source: Range<Int>)] = []
  /// The bytes copied so far, which `out` does not hold.
  var copied = 0
  var layout = StoreLayout()

  init(old: StoreLayout?, municipality: Municipality, kept: EntityKeys) {
    self.old = old
    self.municipality = municipality
    self.kept = kept
  }

  mutating func visit<Element>(_ list: StoredList<Element>) throws(PropertyListError) {
    layout[list: list] = try entities(
      municipality[keyPath: list.path], old?[list: list], kept.encoder(list))
  }

  /// One list, at the municipality's list depth (the array at indent 2, its entities
  /// at indent 3, as the whole writer puts them).
  private mutating func entities<T>(
    _ new: [T], _ previous: StoreLayout.Entities<T>?, _ encode: (T) -> PropertyList
  ) throws(PropertyListError) -> StoreLayout.Entities<T> {
    var result = StoreLayout.Entities<T>(values: new, ranges: [])
    result.ranges.reserveCapacity(new.count)
    let before = previous?.values ?? []
    var prefix = 0
    var suffix = 0
    if previous != nil {
      // Compared in place through buffer pointers: indexing the arrays copied each
      // entity out (retaining and releasing every field), a fifth of a save of one
      // case among 50,000.
      (prefix, suffix) = before.withUnsafeBufferPointer { a in
        new.withUnsafeBufferPointer { b in
          let limit = min(a.count, b.count)
          // The same storage: the command left the list alone.
          if a.count == b.count && a.baseAddress == b.baseAddress { return (limit, 0) }
          var prefix = 0
          while prefix < limit, a[prefix] == b[prefix] { prefix += 1 }
          var suffix = 0
          while suffix < limit - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
          }
          return (prefix, suffix)
        }
      }
    }
    PropertyList.tabs(2, into: &out)
    var bytes: [UInt8] = []
    swap(&bytes, &out)
    defer { swap(&bytes, &out) }
    try PropertyList.writeArray(count: new.count, into: &bytes, indent: 2) {
      out throws(PropertyListError) in
      copy(prefix, from: 0, of: previous, into: &out, ranges: &result.ranges)
      for value in new[prefix..<(new.count - suffix)] {
        // The entity's own bytes: after its indent, before its line break.
        let start = out.count + copied + 3
        try encode(value).write(into: &out, indent: 3)
        result.ranges.append(start..<(out.count + copied - 1))
      }
      copy(
        suffix, from: before.count - suffix, of: previous, into: &out, ranges: &result.ranges)
    }
    return result
  }

  /// Copies `count` entities of the old file from its entity `first` on, as one run,
  /// noting where each lands in `ranges`.
  private mutating func copy<T>(
    _ count: Int, from first: Int, of previous: StoreLayout.Entities<T>?,
    into out: inout [UInt8], ranges: inout [Range<Int>]
  ) {
    guard count > 0, let previous else { return }
    let run = previous.ranges[first].lowerBound..<previous.ranges[first + count - 1].upperBound
    PropertyList.tabs(3, into: &out)
    let shift = out.count + copied - run.lowerBound
    copies.append((out.count, run))
    copied += run.count
    for range in previous.ranges[first..<(first + count)] {
      ranges.append((range.lowerBound + shift)..<(range.upperBound + shift))
    }
    out.append(0x0A)
  }
}

extension SplicedXML {
  /// Called after the runs were copied into `written`, before it is renamed into
  /// place: whether they are the bytes the load read. `source` must still be the
  /// version loaded — its stamp (inode, size, nanosecond mtime) the same as before the
  /// copy, and its bytes, read again in one pass, summing to `expected`, the checksum
  /// the load took of what it read (any write to it during the copy changes its mtime,
  /// a write before changes its bytes) — and each copied run must sit in the new file
  /// between the writer's indent and line break, starting and ending as an entity.
  /// Returns the new file's checksum (made in the same pass, for the next save's
  /// check), or nil when anything differs: the caller then encodes everything.
  func verify(
    source: FileDescriptor, expected: UInt64, stamp: FileStamp, written: FileDescriptor
  ) -> UInt64? {
    guard let info = try? source.status(), FileStamp(info) == stamp else { return nil }
    let size = Int(info.st_size)
    var old = Checksum()
    var new = Checksum()
    // The next run not yet wholly added to `new`, and how much of `bytes` is.
    var run = 0
    var encoded = 0
    var buffer = [UInt8](repeating: 0, count: min(1 << 20, max(size, 1)))
    var offset = 0
    while offset < size {
      let count = buffer.withUnsafeMutableBytes {
        pread(source.fd, $0.baseAddress, min($0.count, size - offset), off_t(offset))
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return nil }
      let block = offset..<(offset + count)
      buffer.withUnsafeBytes { whole in
        let raw = UnsafeRawBufferPointer(rebasing: whole[0..<count])
        old.add(raw)
        while run < copies.count, copies[run].source.lowerBound < block.upperBound {
          let copy = copies[run]
          let part =
            max(
              copy.source.lowerBound, block.lowerBound)..<min(
              copy.source.upperBound, block.upperBound)
          if part.lowerBound == copy.source.lowerBound {
            bytes[encoded..<copy.at].withUnsafeBytes { new.add($0) }
            encoded = copy.at
          }
          new.add(
            UnsafeRawBufferPointer(
              rebasing: raw[(part.lowerBound - offset)..<(part.upperBound - offset)]))
          guard copy.source.upperBound <= block.upperBound else { break }
          run += 1
        }
      }
      offset += count
    }
    bytes[encoded...].withUnsafeBytes { new.add($0) }
    guard run == copies.count, old.value == expected, let after = try? source.status(),
      FileStamp(after) == stamp, seamsHold(in: written)
    else { return nil }
    return new.value
  }

  /// Whether the new file is as long as it should be and each copied run in it sits
  /// after an indent and before a line break, from `<dict` to `>`: a few bytes read
  /// per run, so a run shifted or cut shows.
  func seamsHold(in written: FileDescriptor) -> Bool {
    guard let info = try? written.status(), Int(info.st_size) == count else { return false }
    var shift = 0
    var head = [UInt8](repeating: 0, count: 6)
    var tail = [UInt8](repeating: 0, count: 2)
    for copy in copies {
      let start = copy.at + shift
      let end = start + copy.source.count
      shift += copy.source.count
      let a = head.withUnsafeMutableBytes {
        pread(written.fd, $0.baseAddress, 6, off_t(start - 1))
      }
      let b = tail.withUnsafeMutableBytes {
        pread(written.fd, $0.baseAddress, 2, off_t(end - 1))
      }
      guard a == 6, b == 2, head.elementsEqual("\t<dict".utf8), tail.elementsEqual(">\n".utf8)
      else { return false }
    }
    return true
  }
}

import ETjanstDomain
import Foundation

/// The root dictionary of the store file. Written as an XML property list, so that
/// `plutil`, Python's `plistlib` and a text editor can read it; binary files are read too.
/// Every key is described in docs/store-format.md.
public struct StoreDocument: Sendable, Equatable {
  /// Raise it together with a new `StoreMigration` (see there).
  public static let currentSchemaVersion = 2

  public var schemaVersion: Int
  /// Whole seconds only: XML property lists drop fractions.
  public var savedAt: Date
  /// The login that saved it, for someone reading the file outside the program.
  public var savedBy: String
  /// The id of the audit line of the save that wrote this version (`AuditEntry.id`).
  public var saveID: String?
  public var municipality: Municipality
  /// Keys this program does not know, at every level, kept as read so that a save does
  /// not drop what a newer program of the same schema added.
  public var unknownKeys = UnknownKeys()

  public struct UnknownKeys: Sendable, Equatable {
    public var top = PropertyList.Dict()
    public var municipality = PropertyList.Dict()
    /// Inside the municipality's contacts and settings.
    var nested: KeptKeys?
    /// Inside the entities of its lists.
    var entities = EntityKeys()
    public init() {}
  }

  public init(
    municipality: Municipality, savedAt: Date, savedBy: String, saveID: String? = nil
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.savedAt = savedAt
    self.savedBy = savedBy
    self.saveID = saveID
    self.municipality = municipality
  }

  static let topKeys: Set<String> = [
    "schemaVersion", "savedAt", "savedBy", "saveID", "municipality",
  ]

  /// The XML property list, through the store's own writer (see PropertyList): the
  /// reference for what a save writes (`spliced(over:)` writes the same bytes).
  public func encoded() throws -> Data {
    try PropertyList.dict(
      rootDict(municipality: StoreCodec.encode(municipality, kept: unknownKeys.entities))
    ).xml()
  }

  /// The root dictionary around the encoded municipality, with the unknown keys kept.
  func rootDict(municipality m: PropertyList) -> PropertyList.Dict {
    var m = unknownKeys.nested?.merged(into: m) ?? m
    if case .dict(var dict) = m {
      let known = Set(dict.keys)
      for entry in unknownKeys.municipality.entries where !known.contains(entry.key) {
        dict.entries.append(entry)
      }
      m = .dict(dict)
    }
    var root = PropertyList.Dict()
    root["schemaVersion"] = .integer(schemaVersion)
    root["savedAt"] = .date(savedAt)
    root["savedBy"] = .string(savedBy)
    root["saveID"] = saveID.map { .string($0) }
    root["municipality"] = m
    for entry in unknownKeys.top.entries where !Self.topKeys.contains(entry.key) {
      root.entries.append(entry)
    }
    return root
  }

  /// Decodes a file's bytes: parsed once; the version is read from the parsed tree
  /// first, so a newer file is refused with its version named rather than with
  /// whatever key it renamed, and an older one is migrated before the whole is decoded.
  /// `path` is only for messages.
  public static func decode(
    _ data: Data, path: String, migrations: [StoreMigration] = StoreMigration.all
  ) throws(StoreError) -> StoreDocument {
    try decodeWithLayout(data, path: path, migrations: migrations).document
  }

  /// `decode`, and where each entity lies in `data` when the one-pass reader took it
  /// (nil when the whole tree was needed: then a save encodes everything).
  static func decodeWithLayout(
    _ data: Data, path: String, migrations: [StoreMigration] = StoreMigration.all
  ) throws(StoreError) -> (document: StoreDocument, layout: StoreLayout?) {
    if let (document, layout) = readAsLaidOut(data) { return (document, layout) }
    return (try decodedWhole(data, path: path, migrations: migrations), nil)
  }

  static func decodedAsRead(_ data: Data) -> StoreDocument? { readAsLaidOut(data)?.document }

  /// Told which bytes a reader is done with; called from the reading threads.
  typealias GiveBack = @Sendable (Range<Int>) -> Void

  /// The file of the current schema as this program writes it, decoded in one pass:
  /// each entity of the municipality's lists is parsed and decoded before the next is
  /// read, so no tree of the whole file is ever held (at a region's size that tree
  /// was most of the memory a load took, and its allocations much of the time). Nil
  /// for anything else — a binary or older file, a key twice, any problem at all —
  /// which `decodedWhole` then reads or refuses with its message, so both paths take
  /// and refuse the same files with the same words.
  ///
  /// It also notes where each entity's bytes are, with the value read from them
  /// (before any repair after reading, such as `dateUnknownClosings`): the file's
  /// `StoreLayout`, which lets the next save copy what did not change.
  ///
  /// `giveBack`, when given, is called with ranges of bytes the readers have passed
  /// and will not look at again (`LoadBuffer`).
  ///
  /// A file with carriage returns is read but given no layout: its bytes are not
  /// copied beside the LF line ends the writer writes, so a save writes it all with LF
  /// (never mixed line ends). A file in another encoding than UTF-8 goes the whole way.
  static func readAsLaidOut(_ data: Data, giveBack: GiveBack? = nil) -> (
    document: StoreDocument, layout: StoreLayout?
  )? {
    guard !data.starts(with: "bplist".utf8), PropertyListEncoding.isUTF8(data) else { return nil }
    return data.withUnsafeBytes { raw -> (StoreDocument, StoreLayout?)? in
      let bytes = raw.bindMemory(to: UInt8.self)
      // The list marked `readAhead` (staff, over half of a region's file) is read on
      // the other core while this one reads the rest: from where its key first
      // appears. It is used only if this reader's own walk finds the municipality's
      // list right there; otherwise (the key deeper in, another layout) it is read
      // here as any list. Joined before the bytes go away, whatever happens.
      var start = StartAhead(bytes: bytes, giveBack: giveBack)
      if bytes.count > 1 << 20 { StoreLists.walk(&start) }
      let ahead = start.ahead
      defer { ahead?.join() }
      var lists = ListReader(
        reader: XMLReader(bytes: bytes), giveBack: giveBack, ahead: ahead)
      do {
        try lists.reader.beginDocument()
        guard try lists.reader.open("dict") else { return nil }
        var top = PropertyList.Dict()
        var fields = PropertyList.Dict()
        var read = false
        while let key = try lists.reader.nextKey() {
          guard top[key] == nil, key != "municipality" || !read else { return nil }
          guard key == "municipality" else {
            top.entries.append((key, try lists.reader.value(depth: 1)))
            continue
          }
          guard try lists.reader.open("dict") else { return nil }
          while let key = try lists.reader.nextKey() {
            guard fields[key] == nil else { return nil }
            guard let list = StoreLists.byKey[key] else {
              fields.entries.append((key, try lists.reader.value(depth: 2)))
              continue
            }
            guard lists.layout.lists[key] == nil else { return nil }
            try list.accept(&lists)
          }
          guard lists.layout.lists.count == StoreLists.all.count else { return nil }
          read = true
        }
        try lists.reader.endDocument()
        guard case .integer(currentSchemaVersion)? = top["schemaVersion"], read else {
          return nil
        }
        var layout = lists.layout
        layout.size = data.count
        let crossed = lists.reader.sawCarriageReturn || ahead?.sawCarriageReturn == true
        let municipality = try StoreCodec.municipality(
          try StoreCodec.In(.dict(fields), path: "municipality")
        ) { (m: inout Municipality) throws(StoreCodec.DecodeFailure) in
          var fill = Fill(layout: layout, m: m)
          StoreLists.walk(&fill)
          m = fill.m
        }
        var document = try document(top: top, municipalityKeys: fields, municipality: municipality)
        document.unknownKeys.entities = lists.kept
        return (document, crossed ? nil : layout)
      } catch {
        return nil
      }
    }
  }

  /// One list of the municipality, each entity parsed and decoded in turn, with
  /// where its bytes are; `NotThisWay` when the value is not a list.
  static func items<T>(
    _ reader: inout XMLReader, _ list: StoredList<T>, _ giveBack: GiveBack?,
    _ kept: inout EntityKeys
  ) throws -> StoreLayout.Entities<T> {
    guard try reader.atArray() else { throw NotThisWay() }
    var out = StoreLayout.Entities<T>()
    guard try reader.open("array") else { return out }
    var passed = reader.i
    let path = "municipality." + list.key
    while try reader.nextItem() {
      if let giveBack, reader.i - passed >= 1 << 20 {
        giveBack(passed..<reader.i)
        passed = reader.i
      }
      let (start, line) = (reader.i, reader.line)
      // Straight from the bytes when the entity is as this program writes it; else
      // again from its start, the tree way, which keeps or refuses what it holds.
      if let read = list.read, let value = try? read(&reader, 3) {
        out.ranges.append(start..<reader.i)
        out.values.append(value)
        continue
      }
      (reader.i, reader.line) = (start, line)
      out.readAsTrees += 1
      let tree = try reader.value(depth: 3)
      out.ranges.append(start..<reader.i)
      out.values.append(
        try StoreCodec.keeping(
          StoreCodec.In(tree, base: path, index: out.values.count), list, into: &kept))
    }
    return out
  }

  /// Parses the whole file into a tree, then decodes it: every file the program takes,
  /// and the messages for those it does not.
  static func decodedWhole(
    _ data: Data, path: String, migrations: [StoreMigration] = StoreMigration.all
  ) throws(StoreError) -> StoreDocument {
    var tree: PropertyList
    do throws(PropertyListError) {
      tree = try PropertyList.parse(data)
    } catch {
      throw StoreError(path: path, .notPropertyList(error.description))
    }
    guard case .dict(let top) = tree else {
      throw StoreError(
        path: path, .wrongTypes(keyPath: nil, detail: "the top level is not a dictionary"))
    }
    guard case .integer(let version)? = top["schemaVersion"] else {
      throw StoreError(
        path: path,
        .wrongTypes(
          keyPath: "schemaVersion",
          detail: top["schemaVersion"] == nil ? "the key is missing" : "expected an integer"))
    }
    if version > currentSchemaVersion {
      throw StoreError(path: path, .newerSchema(file: version, known: currentSchemaVersion))
    }
    if version < currentSchemaVersion {
      tree = try migrated(tree, from: version, path: path, migrations: migrations)
    }
    return try document(tree, path: path)
  }

  private static func document(_ tree: PropertyList, path: String) throws(StoreError)
    -> StoreDocument
  {
    do throws(StoreCodec.DecodeFailure) {
      guard case .dict(let top) = tree, case .dict(let m)? = top["municipality"] else {
        throw StoreCodec.DecodeFailure(keyPath: "municipality", detail: "expected a dictionary")
      }
      var kept = EntityKeys()
      var document = try document(
        top: top, municipalityKeys: m,
        municipality: try StoreCodec.decodeMunicipality(
          .dict(m), path: "municipality", kept: &kept))
      document.unknownKeys.entities = kept
      return document
    } catch {
      let keyPath = error.keyPath.hasPrefix(".") ? String(error.keyPath.dropFirst()) : error.keyPath
      throw StoreError(path: path, .wrongTypes(keyPath: keyPath, detail: error.detail))
    }
  }

  /// The document from the root's keys, the municipality's keys (for those this
  /// program does not know) and the decoded municipality.
  private static func document(
    top: PropertyList.Dict, municipalityKeys m: PropertyList.Dict, municipality: Municipality
  ) throws(StoreCodec.DecodeFailure) -> StoreDocument {
    let root = try StoreCodec.In(.dict(top), path: "")
    var document = StoreDocument(
      municipality: municipality, savedAt: try root.date("savedAt"),
      savedBy: try root.string("savedBy"), saveID: try root.optionalString("saveID"))
    document.schemaVersion = try root.int("schemaVersion")
    document.unknownKeys.top.entries = top.entries.filter { !topKeys.contains($0.key) }
    document.unknownKeys.municipality.entries = m.entries.filter {
      !knownMunicipalityKeys.contains($0.key)
    }
    // Inside contacts and settings (the lists' entities keep theirs as they are read).
    var nested = KeptKeys.difference(.dict(m), StoreCodec.encode(municipality, lists: false))
    nested?.own = PropertyList.Dict()
    document.unknownKeys.nested = nested?.inside.isEmpty == false ? nested : nil
    return document
  }

  /// The keys of `municipality` this program writes.
  static let knownMunicipalityKeys = Set(
    StoreCodec.encode(Municipality(name: "", contacts: .guideline)).dictKeys)

  private static func migrated(
    _ tree: PropertyList, from version: Int, path: String, migrations: [StoreMigration]
  ) throws(StoreError) -> PropertyList {
    let noMigration = StoreError(
      path: path, .noMigration(file: version, known: currentSchemaVersion))
    do {
      guard let root = tree.foundation as? [String: Any] else { throw noMigration }
      guard
        let lifted = try StoreMigration.migrate(
          root, from: version, to: currentSchemaVersion, using: migrations)
      else { throw noMigration }
      return try PropertyList(foundation: lifted, depth: 0)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(
        path: path,
        .wrongTypes(keyPath: nil, detail: "migration from version \(version) failed: \(error)"))
    }
  }
}

extension PropertyList {
  /// The keys of a dictionary; empty for anything else.
  var dictKeys: [String] {
    if case .dict(let d) = self { return d.keys }
    return []
  }

  /// As PropertyListSerialization has it, for the migrations, which work on that.
  var foundation: Any {
    switch self {
    case .string(let s): return s
    case .integer(let n): return n
    case .bigInteger(let digits): return UInt64(digits).map { $0 as Any } ?? digits
    case .real(let x): return x
    case .bool(let b): return b
    case .date(let d): return d
    case .data(let d): return d
    case .array(let items): return items.map(\.foundation)
    case .dict(let dict):
      var out: [String: Any] = [:]
      for entry in dict.entries { out[entry.key] = entry.value.foundation }
      return out
    }
  }
}

/// Not the file the one-pass reader takes; `decodedWhole` then reads or refuses it.
private struct NotThisWay: Error {}

/// The one-pass reader's work on each list it meets (`StoreDocument.readAsLaidOut`):
/// read here, or taken from the list read ahead when that began right here.
private struct ListReader: StoreListVisitor {
  var reader: XMLReader
  let giveBack: StoreDocument.GiveBack?
  let ahead: (any ReadingAhead)?
  var kept = EntityKeys()
  var layout = StoreLayout()

  init(reader: XMLReader, giveBack: StoreDocument.GiveBack?, ahead: (any ReadingAhead)?) {
    self.reader = reader
    self.giveBack = giveBack
    self.ahead = ahead
  }

  mutating func visit<Element>(_ list: StoredList<Element>) throws {
    if let ahead = ahead as? ListAhead<Element>, ahead.list.key == list.key,
      let read = ahead.value(), read.start == reader.i
    {
      layout[list: list] = read.entities
      layout.readAsTrees += read.entities.readAsTrees
      layout.readAhead = true
      kept.byList[list.key] = read.kept.byList[list.key]
      reader.i = read.end
    } else {
      let entities = try list.items(&reader, list, giveBack, &kept)
      layout[list: list] = entities
      layout.readAsTrees += entities.readAsTrees
    }
  }
}

/// Starts reading ahead the first list marked `readAhead`.
private struct StartAhead: StoreListVisitor {
  let bytes: UnsafeBufferPointer<UInt8>
  let giveBack: StoreDocument.GiveBack?
  var ahead: (any ReadingAhead)?

  init(bytes: UnsafeBufferPointer<UInt8>, giveBack: StoreDocument.GiveBack?) {
    self.bytes = bytes
    self.giveBack = giveBack
  }

  mutating func visit<Element>(_ list: StoredList<Element>) {
    guard ahead == nil, list.readAhead else { return }
    ahead = ListAhead(list, bytes, giveBack)
  }
}

/// The municipality from the lists the one-pass reader read.
private struct Fill: StoreListVisitor {
  let layout: StoreLayout
  var m: Municipality

  mutating func visit<Element>(_ list: StoredList<Element>) {
    m[keyPath: list.path] = layout[list: list]?.values ?? []
  }
}

/// A list being read ahead, whatever its type.
private protocol ReadingAhead: Sendable {
  /// Waits for the worker.
  func join()
  /// Whether what it read held a carriage return.
  var sawCarriageReturn: Bool { get }
}

/// One list of the municipality read ahead on another thread, from the first
/// `<key>…</key>` of its key in the bytes (see `StoreDocument.readAsLaidOut`). The
/// main reader uses it only when the list it reaches begins where this one began.
private final class ListAhead<Element: Equatable & Sendable>: ReadingAhead, @unchecked Sendable {
  // @unchecked: `bytes` are only read, and outlive the worker because the reader that
  // made this waits for it (`value()`) before it returns.
  typealias Read = (
    start: Int, entities: StoreLayout.Entities<Element>, end: Int, sawCarriageReturn: Bool,
    kept: EntityKeys
  )
  let list: StoredList<Element>
  private let bytes: UnsafeBufferPointer<UInt8>
  private let giveBack: StoreDocument.GiveBack?
  private var work: Beside<Read?>?

  init(
    _ list: StoredList<Element>, _ bytes: UnsafeBufferPointer<UInt8>,
    _ giveBack: StoreDocument.GiveBack?
  ) {
    self.list = list
    self.bytes = bytes
    self.giveBack = giveBack
    work = Beside(true) { [self] in read() }
  }

  private func read() -> Read? {
    guard let at = Self.firstKey(list.key, in: bytes) else { return nil }
    var reader = XMLReader(bytes: bytes)
    reader.i = at
    guard (try? reader.skipMisc()) != nil else { return nil }
    let start = reader.i
    var kept = EntityKeys()
    guard let entities = try? list.items(&reader, list, giveBack, &kept) else {
      return nil
    }
    return (start, entities, reader.i, reader.sawCarriageReturn, kept)
  }

  /// Just past the first `<key>` element holding `key` that is indented as the
  /// writer indents the municipality's keys (two tabs after a line break): the same
  /// key deeper in (a person's `staff` inside an order, say) is not where the list
  /// begins, and a read begun there was thrown away. By hand around memchr: Glibc's
  /// memmem is not visible to Swift (a GNU extension).
  static func firstKey(_ key: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let pattern = Array("\n\t\t<key>\(key)</key>".utf8)
    let count = pattern.count
    let base = bytes.baseAddress!
    var i = 0
    while i + count <= bytes.count {
      // memchr skips to the next line break (vectorised in the C library).
      guard let at = memchr(base + i, 0x0A, bytes.count - count + 1 - i) else { return nil }
      i = base.distance(to: at.assumingMemoryBound(to: UInt8.self))
      // Most lines are indented deeper: told at their fourth byte, without a call.
      if base[i + 3] == UInt8(ascii: "<"), memcmp(base + i, pattern, count) == 0 {
        return i + count
      }
      i += 1
    }
    return nil
  }

  /// The list, where its value began and where it ends; nil when it could not be
  /// read there. Waits for the worker the first time.
  func value() -> Read? { work?.value() ?? nil }

  func join() { _ = value() }

  var sawCarriageReturn: Bool { value()?.sawCarriageReturn == true }
}

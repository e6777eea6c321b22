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
      var reader = XMLReader(bytes: bytes)
      // The staff list, over half of a region's file, is read on the other core while
      // this one reads the rest: from where `<key>staff</key>` first appears. It is
      // used only if this reader's own walk finds the municipality's staff list right
      // there; otherwise (a key "staff" deeper in, another layout) it is read here as
      // any list. Joined before the bytes go away, whatever happens.
      let staffAhead = bytes.count > 1 << 20 ? StaffAhead(bytes, giveBack) : nil
      defer { _ = staffAhead?.value() }
      var kept = EntityKeys()
      func items<T: ListedEntity>(
        _ path: String, _ element: (StoreCodec.In) throws(StoreCodec.DecodeFailure) -> T
      ) throws -> StoreLayout.Entities<T> {
        try Self.items(&reader, path, element, giveBack, &kept)
      }
      do {
        try reader.beginDocument()
        guard try reader.open("dict") else { return nil }
        var top = PropertyList.Dict()
        var fields = PropertyList.Dict()
        var lists: StoreCodec.Lists?
        var layout: StoreLayout?
        while let key = try reader.nextKey() {
          guard top[key] == nil, key != "municipality" || lists == nil else { return nil }
          guard key == "municipality" else {
            top.entries.append((key, try reader.value(depth: 1)))
            continue
          }
          guard try reader.open("dict") else { return nil }
          var u: StoreLayout.Entities<User>?
          var d: StoreLayout.Entities<Department>?
          var s: StoreLayout.Entities<EService>?
          var p: StoreLayout.Entities<StaffMember>?
          var c: StoreLayout.Entities<Case>?
          var o: StoreLayout.Entities<ServiceOrder>?
          var r: StoreLayout.Entities<RefusedOrder>?
          var x: StoreLayout.Entities<Outage>?
          while let key = try reader.nextKey() {
            let path = "municipality." + key
            guard fields[key] == nil else { return nil }
            switch key {
            case "users" where u == nil: u = try items(path, StoreCodec.user)
            case "departments" where d == nil: d = try items(path, StoreCodec.department)
            case "services" where s == nil: s = try items(path, StoreCodec.service)
            case "staff" where p == nil:
              if let read = staffAhead?.value(), read.start == reader.i {
                p = read.staff
                kept.byList["staff"] = read.kept.byList["staff"]
                reader.i = read.end
              } else {
                p = try items(path, StoreCodec.staffMember)
              }
            case "cases" where c == nil: c = try items(path, StoreCodec.caseValue)
            case "orders" where o == nil: o = try items(path, StoreCodec.order)
            case "refusedOrders" where r == nil: r = try items(path, StoreCodec.refusedOrder)
            case "outages" where x == nil: x = try items(path, StoreCodec.outage)
            case "users", "departments", "services", "staff", "cases", "orders",
              "refusedOrders", "outages":
              return nil
            default: fields.entries.append((key, try reader.value(depth: 2)))
            }
          }
          guard let u, let d, let s, let p, let c, let o, let r, let x else { return nil }
          lists = StoreCodec.Lists(
            users: u.values, departments: d.values, services: s.values, staff: p.values,
            cases: c.values, orders: o.values, refusedOrders: r.values, outages: x.values)
          layout = StoreLayout(
            users: u, departments: d, services: s, staff: p, cases: c, orders: o,
            refusedOrders: r, outages: x, size: data.count)
        }
        try reader.endDocument()
        guard case .integer(currentSchemaVersion)? = top["schemaVersion"], let lists, let layout
        else { return nil }
        let crossed = reader.sawCarriageReturn || staffAhead?.value()?.sawCarriageReturn == true
        let municipality = try StoreCodec.municipality(
          try StoreCodec.In(.dict(fields), path: "municipality")
        ) { () throws(StoreCodec.DecodeFailure) in lists }
        var document = try document(top: top, municipalityKeys: fields, municipality: municipality)
        document.unknownKeys.entities = kept
        return (document, crossed ? nil : layout)
      } catch {
        return nil
      }
    }
  }

  /// One list of the municipality, each entity parsed and decoded in turn, with
  /// where its bytes are; `NotThisWay` when the value is not a list.
  fileprivate static func items<T: ListedEntity>(
    _ reader: inout XMLReader, _ path: String,
    _ element: (StoreCodec.In) throws(StoreCodec.DecodeFailure) -> T, _ giveBack: GiveBack?,
    _ kept: inout EntityKeys
  ) throws -> StoreLayout.Entities<T> {
    guard try reader.atArray() else { throw NotThisWay() }
    var out = StoreLayout.Entities<T>()
    guard try reader.open("array") else { return out }
    var passed = reader.i
    while try reader.nextItem() {
      if let giveBack, reader.i - passed >= 1 << 20 {
        giveBack(passed..<reader.i)
        passed = reader.i
      }
      let start = reader.i
      let tree = try reader.value(depth: 3)
      out.ranges.append(start..<reader.i)
      out.values.append(
        try StoreCodec.keeping(
          StoreCodec.In(tree, base: path, index: out.values.count), element, \.listedTree,
          into: &kept))
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

/// The municipality's staff list read ahead on another thread, from the first
/// `<key>staff</key>` in the bytes (see `StoreDocument.readAsLaidOut`). The main
/// reader uses it only when the list it reaches begins where this one began.
private final class StaffAhead: @unchecked Sendable {
  // @unchecked: `bytes` are only read, and outlive the worker because the reader that
  // made this waits for it (`value()`) before it returns.
  typealias Read = (
    start: Int, staff: StoreLayout.Entities<StaffMember>, end: Int, sawCarriageReturn: Bool,
    kept: EntityKeys
  )
  private let bytes: UnsafeBufferPointer<UInt8>
  private let giveBack: StoreDocument.GiveBack?
  private var work: Beside<Read?>?

  init(_ bytes: UnsafeBufferPointer<UInt8>, _ giveBack: StoreDocument.GiveBack?) {
    self.bytes = bytes
    self.giveBack = giveBack
    work = Beside(true) { [self] in read() }
  }

  private func read() -> Read? {
    guard let at = Self.firstStaffKey(in: bytes) else { return nil }
    var reader = XMLReader(bytes: bytes)
    reader.i = at
    guard (try? reader.skipMisc()) != nil else { return nil }
    let start = reader.i
    var kept = EntityKeys()
    guard
      let staff = try? StoreDocument.items(
        &reader, "municipality.staff", StoreCodec.staffMember, giveBack, &kept)
    else { return nil }
    return (start, staff, reader.i, reader.sawCarriageReturn, kept)
  }

  /// Just past the first `<key>staff</key>`. By hand: Glibc's memmem is not visible
  /// to Swift (a GNU extension), and this runs beside the main reader anyway.
  static func firstStaffKey(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let key: StaticString = "<key>staff</key>"
    let count = key.utf8CodeUnitCount
    let pattern = UnsafeBufferPointer(start: key.utf8Start, count: count)
    var i = 0
    while i + count <= bytes.count {
      if bytes[i] == UInt8(ascii: "<"), bytes[i + 5] == UInt8(ascii: "s"),
        memcmp(bytes.baseAddress! + i, pattern.baseAddress!, count) == 0
      {
        return i + count
      }
      i += 1
    }
    return nil
  }

  /// The list, where its value began and where it ends; nil when it could not be
  /// read there. Waits for the worker the first time.
  func value() -> Read? { work?.value() ?? nil }
}

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
  /// Keys this program does not know, at the top level and in `municipality`, kept as
  /// read so that a save does not drop what a newer program of the same schema added.
  public var unknownKeys = UnknownKeys()

  public struct UnknownKeys: Sendable, Equatable {
    public var top = PropertyList.Dict()
    public var municipality = PropertyList.Dict()
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

  /// The XML property list, through the store's own writer (see PropertyList).
  public func encoded() throws -> Data {
    var m = StoreCodec.encode(municipality)
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
    return try PropertyList.dict(root).xml()
  }

  /// Decodes a file's bytes: parsed once; the version is read from the parsed tree
  /// first, so a newer file is refused with its version named rather than with
  /// whatever key it renamed, and an older one is migrated before the whole is decoded.
  /// `path` is only for messages.
  public static func decode(
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
      let root = try StoreCodec.In(tree, path: "")
      guard case .dict(let top) = tree, case .dict(let m)? = top["municipality"] else {
        throw StoreCodec.DecodeFailure(keyPath: "municipality", detail: "expected a dictionary")
      }
      var document = StoreDocument(
        municipality: try StoreCodec.decodeMunicipality(.dict(m), path: "municipality"),
        savedAt: try root.date("savedAt"), savedBy: try root.string("savedBy"),
        saveID: try root.optionalString("saveID"))
      document.schemaVersion = try root.int("schemaVersion")
      document.unknownKeys.top.entries = top.entries.filter { !topKeys.contains($0.key) }
      let known = Set(StoreCodec.encode(Municipality(name: "", contacts: .guideline)).dictKeys)
      document.unknownKeys.municipality.entries = m.entries.filter { !known.contains($0.key) }
      return document
    } catch {
      let keyPath = error.keyPath.hasPrefix(".") ? String(error.keyPath.dropFirst()) : error.keyPath
      throw StoreError(path: path, .wrongTypes(keyPath: keyPath, detail: error.detail))
    }
  }

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

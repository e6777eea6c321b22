import ETjanstDomain
import Foundation

/// The root dictionary of the store file. Written as an XML property list, so that
/// `plutil`, Python's `plistlib` and a text editor can read it; binary files are read too.
public struct StoreDocument: Codable, Sendable, Equatable {
  /// Raise it together with a new `StoreMigration` (see there).
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  /// Whole seconds only: XML property lists drop fractions.
  public var savedAt: Date
  /// The login that saved it, for someone reading the file outside the program.
  public var savedBy: String
  /// The id of the audit line of the save that wrote this version (`AuditEntry.id`).
  public var saveID: String?
  public var municipality: Municipality

  public init(
    municipality: Municipality, savedAt: Date, savedBy: String, saveID: String? = nil
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.savedAt = savedAt
    self.savedBy = savedBy
    self.saveID = saveID
    self.municipality = municipality
  }

  public func encoded() throws -> Data {
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .xml
    return try encoder.encode(self)
  }

  /// Decodes a file's bytes. Only the version is decoded first, so a newer file is
  /// refused with its version named rather than with whatever key it renamed, and an
  /// older one is migrated on the raw dictionary before the whole is decoded.
  /// `path` is only for messages.
  public static func decode(
    _ data: Data, path: String, migrations: [StoreMigration] = StoreMigration.all
  ) throws(StoreError) -> StoreDocument {
    let version: Int
    do {
      version = try PropertyListDecoder().decode(VersionProbe.self, from: data).schemaVersion
    } catch {
      throw Self.storeError(error, path: path)
    }
    if version > currentSchemaVersion {
      throw StoreError(path: path, .newerSchema(file: version, known: currentSchemaVersion))
    }
    var data = data
    if version < currentSchemaVersion {
      data = try migrated(data, from: version, path: path, migrations: migrations)
    }
    do {
      return try PropertyListDecoder().decode(StoreDocument.self, from: data)
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  private static func migrated(
    _ data: Data, from version: Int, path: String, migrations: [StoreMigration]
  ) throws(StoreError) -> Data {
    let noMigration = StoreError(
      path: path, .noMigration(file: version, known: currentSchemaVersion))
    do {
      let plist = try PropertyListSerialization.propertyList(from: data, options: [], format: nil)
      guard let root = plist as? [String: Any] else { throw noMigration }
      guard
        let lifted = try StoreMigration.migrate(
          root, from: version, to: currentSchemaVersion, using: migrations)
      else { throw noMigration }
      return try PropertyListSerialization.data(
        fromPropertyList: lifted, format: .binary, options: 0)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(
        path: path,
        .wrongTypes(keyPath: nil, detail: "migration from version \(version) failed: \(error)"))
    }
  }

  private static func storeError(_ error: any Error, path: String) -> StoreError {
    if let error = error as? DecodingError { return StoreError(path: path, decoding: error) }
    return StoreError(path: path, .notPropertyList(String(describing: error)))
  }

  /// Just the version key, whatever else the file holds.
  private struct VersionProbe: Decodable {
    var schemaVersion: Int
  }
}

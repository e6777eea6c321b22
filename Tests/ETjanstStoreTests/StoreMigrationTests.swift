import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

/// The chain, with a made-up version 0 to show an old file is lifted step by step
/// before it is decoded; the real step from schema 1 is tested on a kept schema-1 file
/// in Schema2MigrationTests.
@Suite struct StoreMigrationTests {
  /// A pretend version 0: the municipality under `data`, the saver under `by`, no date.
  private func versionZero(_ municipality: Municipality) throws -> Data {
    let current = try StoreDocument(municipality: municipality, savedAt: testDate, savedBy: "x")
      .encoded()
    let root = try #require(
      PropertyListSerialization.propertyList(from: current, format: nil) as? [String: Any])
    let old: [String: Any] = ["schemaVersion": 0, "data": root["municipality"]!, "by": "äldre"]
    return try PropertyListSerialization.data(fromPropertyList: old, format: .xml, options: 0)
  }

  private let zeroToOne = StoreMigration(from: 0) { root in
    root["municipality"] = root.removeValue(forKey: "data")
    root["savedBy"] = root.removeValue(forKey: "by")
    root["savedAt"] = Date(timeIntervalSince1970: 0)
  }

  @Test func olderFileIsMigratedBeforeDecoding() throws {
    var municipality = freshMunicipality()
    municipality.departments = [Department(name: "Räddningstjänsten")]
    let document = try StoreDocument.decode(
      try versionZero(municipality), path: "/x", migrations: [zeroToOne] + StoreMigration.all)
    #expect(document.schemaVersion == 2)
    #expect(document.savedBy == "äldre")
    #expect(document.municipality == municipality)
  }

  @Test func olderFileWithoutAMigrationIsRefused() throws {
    let error = #expect(throws: StoreError.self) {
      try StoreDocument.decode(try versionZero(freshMunicipality()), path: "/x/etjanst.plist")
    }
    #expect(error?.problem == .noMigration(file: 0, known: 2))
    #expect(error?.description.hasPrefix("/x/etjanst.plist: schema version 0") == true)
  }

  @Test func newerFileIsRefusedBeforeItsKeysAreRead() throws {
    // Nothing but a version: a newer file may have renamed every other key.
    let data = try PropertyListSerialization.data(
      fromPropertyList: ["schemaVersion": 3, "kommun": "?"], format: .xml, options: 0)
    let error = #expect(throws: StoreError.self) { try StoreDocument.decode(data, path: "/x") }
    #expect(error?.problem == .newerSchema(file: 3, known: 2))
  }

  @Test func chainRunsStepsInOrder() throws {
    let steps = [
      StoreMigration(from: 1) { $0["log", default: ""] = ($0["log"] as? String ?? "") + "b" },
      StoreMigration(from: 0) { $0["log"] = "a" },
    ]
    let lifted = try #require(
      try StoreMigration.migrate(["schemaVersion": 0], from: 0, to: 2, using: steps))
    #expect(lifted["log"] as? String == "ab")
    #expect(lifted["schemaVersion"] as? Int == 2)
    #expect(try StoreMigration.migrate([:], from: 0, to: 3, using: steps) == nil)
  }
}

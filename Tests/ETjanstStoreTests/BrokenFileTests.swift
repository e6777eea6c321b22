import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

/// A file that cannot be used must be refused with its path named, and must stay
/// exactly as it was: after a failed load, and after a failed perform.
@Suite struct BrokenFileTests {
  enum Breakage: String, CaseIterable, Sendable {
    case truncated, notAPropertyList, wrongType, badEnumValue, missingVersion, newerVersion
    case worldWritable
  }

  /// Breaks a good store in place and returns a fragment the message must contain.
  private func breakStore(_ folder: TemporaryFolder, _ breakage: Breakage) throws -> String {
    let url = URL(fileURLWithPath: folder.store)
    let good = try #require(bytes(folder.store))
    func rewrite(_ edit: (inout [String: Any]) -> Void) throws {
      var root = try #require(
        PropertyListSerialization.propertyList(from: good, format: nil) as? [String: Any])
      edit(&root)
      try PropertyListSerialization.data(fromPropertyList: root, format: .xml, options: 0).write(
        to: url)
    }
    switch breakage {
    case .truncated:
      try good.prefix(good.count / 2).write(to: url)
      return "not a valid property list"
    case .notAPropertyList:
      try Data("name;department\nEkonomi;Ekonomi\n".utf8).write(to: url)
      return "not a valid property list"
    case .wrongType:
      try rewrite { root in
        var municipality = root["municipality"] as! [String: Any]
        municipality["name"] = 42
        root["municipality"] = municipality
      }
      return "municipality.name"
    case .badEnumValue:
      try rewrite { root in
        var municipality = root["municipality"] as! [String: Any]
        var services = municipality["services"] as! [[String: Any]]
        services[1]["status"] = "halvklar"
        municipality["services"] = services
        root["municipality"] = municipality
      }
      return "municipality.services[1].status"
    case .missingVersion:
      try rewrite { $0["schemaVersion"] = nil }
      return "schemaVersion"
    case .newerVersion:
      try rewrite { $0["schemaVersion"] = 7 }
      return "schema version 7; this program knows version 2"
    case .worldWritable:
      chmod(folder.store, 0o666)
      return "writable by everyone (mode 0666)"
    }
  }

  private func storeWithServices(_ folder: TemporaryFolder) throws -> StoreFile {
    var municipality = freshMunicipality()
    let department = Department(name: "Samhällsbyggnad")
    municipality.departments = [department]
    municipality.services = [
      EService(name: "Bygglov", department: department.id, status: .published),
      EService(name: "Färdtjänst", department: department.id, status: .inReview),
    ]
    return try makeStore(in: folder, municipality)
  }

  @Test(arguments: Breakage.allCases)
  func loadRefusesAndLeavesTheFile(_ breakage: Breakage) throws {
    let folder = try TemporaryFolder()
    _ = try storeWithServices(folder)
    let expected = try breakStore(folder, breakage)
    let broken = try #require(bytes(folder.store))
    let error = #expect(throws: StoreError.self) { try StoreFile(path: folder.store).load() }
    let message = try #require(error?.description)
    #expect(message.hasPrefix(folder.store + ": "))
    #expect(message.contains(expected), "\(message)")
    #expect(!message.contains("\n"))
    #expect(bytes(folder.store) == broken)
  }

  @Test(arguments: Breakage.allCases)
  func performRefusesAndWritesNothing(_ breakage: Breakage) throws {
    let folder = try TemporaryFolder()
    let store = try storeWithServices(folder)
    _ = try store.load()
    let expected = try breakStore(folder, breakage)
    let broken = try #require(bytes(folder.store))
    let audit = bytes(store.auditPath)
    let error = #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    }
    #expect(error?.description.contains(expected) == true)
    #expect(error?.path == folder.store)
    #expect(bytes(folder.store) == broken)
    #expect(bytes(store.auditPath) == audit)
    #expect(store.backups().isEmpty)
    #expect(!folder.contents().contains { $0.hasSuffix(".tmp") })
    // The stale good state cached from load() must not be saved over the broken file.
    #expect(throws: StoreError.self) { try store.reloadIfChanged() }
  }

  @Test func missingFileIsNotFound() throws {
    let folder = try TemporaryFolder()
    let error = #expect(throws: StoreError.self) { try StoreFile(path: folder.store).load() }
    #expect(error?.problem == .notFound)
    #expect(error?.description == "\(folder.store): no such file")
  }

  @Test func keyPathsNameArrayPositions() throws {
    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int?
      init(_ string: String) {
        stringValue = string
        intValue = nil
      }
      init(_ int: Int) {
        stringValue = "Index \(int)"
        intValue = int
      }
      init?(stringValue: String) { self.init(stringValue) }
      init?(intValue: Int) { self.init(intValue) }
    }
    #expect(
      StoreError.keyPath([Key("municipality"), Key("services"), Key(3), Key("status")])
        == "municipality.services[3].status")
    #expect(StoreError.keyPath([]) == nil)
  }
}

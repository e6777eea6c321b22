import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

/// A schema-1 file, written by the program as it was before schema 2 (the demo, with
/// the login `root` as its first user), read by today's program.
@Suite struct Schema2MigrationTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/schema1.plist")

  private func loadFixture() throws -> (raw: [String: Any], document: StoreDocument) {
    let data = try Data(contentsOf: Self.fixture)
    let raw = try #require(
      try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
    #expect(raw["schemaVersion"] as? Int == 1)
    return (raw, try StoreDocument.decode(data, path: Self.fixture.path))
  }

  @Test("a schema-1 file loads: enums with a kind, owners and roles kept")
  func loadsWithEnumsIntact() throws {
    let (_, document) = try loadFixture()
    #expect(document.schemaVersion == 2)
    let m = document.municipality
    #expect(m.user(login: "esamordnare")?.role == .eCoordinator)
    #expect(m.user(login: "chef.soc")?.role == .manager(department: EntityID("dep-soc")))
    let owners = m.services.compactMap(\.roles.serviceOwner)
    #expect(owners.count > 20)
    #expect(owners.contains(.staff(EntityID("staff-linnea-alatalo"))))
    #expect(
      m.services.contains {
        $0.roles.processOwner == .named(name: "Eva Åström", email: "eva.astrom@overtornea.se")
      })
    #expect(m.outages.contains { $0.scope == .wholePlatform })
    #expect(
      m.outages.contains {
        if case .services(let ids) = $0.scope { return ids.contains(EntityID("svc-bygglov")) }
        return false
      })
  }

  @Test("schema 1's display names become logins; names nobody has are kept as written")
  func namesBecomeLogins() throws {
    let (raw, document) = try loadFixture()
    let m = document.municipality
    let loginsOrStaff = Set(m.users.map(\.login) + m.staff.map(\.login))
    // In the file the first user named Linnea Alatalo is `root`.
    let ticks = m.staff.flatMap { ($0.onboarding?.items ?? []) + ($0.offboarding?.items ?? []) }
      .compactMap(\.doneBy)
    #expect(!ticks.isEmpty)
    #expect(ticks.allSatisfy { $0 == "root" })
    let steps = m.orders.flatMap(\.stepHistory).map(\.by)
    #expect(steps.contains("ida.valitalo"))
    #expect(steps.allSatisfy(loginsOrStaff.contains))
    #expect(m.orders.compactMap(\.hold?.by).allSatisfy { $0 == "root" })
    #expect(m.refusedOrders.map(\.refusedBy).allSatisfy { $0 == "root" })
    #expect(m.staff.first { $0.login == "aino.keranen" }?.manager == "chef.soc")
    // Managers who are neither users nor staff in that file keep their name.
    let rawStaff = try #require(
      (raw["municipality"] as? [String: Any])?["staff"] as? [[String: Any]])
    let unmatched = Set(
      rawStaff.compactMap { $0["manager"] as? String }.filter { name in
        !m.users.contains { $0.name == name } && !m.staff.contains { $0.name == name }
      })
    #expect(unmatched == ["Eva Åström", "Mats Vaara"])
    #expect(m.staff.contains { $0.manager == "Eva Åström" })
    #expect(m.displayName(login: "Eva Åström") == "Eva Åström")
    #expect(m.displayName(login: "chef.soc") == "Anna-Karin Lantto")
  }

  @Test("saved again, the file is schema 2: no Swift enum coding left, a kind on every enum")
  func savedAsSchema2() throws {
    let (_, document) = try loadFixture()
    let data = try StoreDocument(
      municipality: document.municipality, savedAt: testDate, savedBy: "test"
    ).encoded()
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("<key>_0</key>"))
    #expect(text.contains("<key>schemaVersion</key>\n\t<integer>2</integer>"))
    let again = try StoreDocument.decode(data, path: "/x")
    #expect(again.municipality == document.municipality)
    let root = try #require(
      try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
    let users = try #require((root["municipality"] as? [String: Any])?["users"] as? [[String: Any]])
    #expect((users[0]["role"] as? [String: Any])?["kind"] as? String == "eCoordinator")
  }
}

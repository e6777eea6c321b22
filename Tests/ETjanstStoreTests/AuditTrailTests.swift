import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

@Suite struct AuditTrailTests {
  @Test func oneLinePerSuccessfulChange() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
    _ = try? store.perform(RefusedCommand(), actor: testActor, now: testDate)
    try store.perform(
      AddDepartment(name: "Rad\nbrytning"), actor: testActor, now: testDate.addingTimeInterval(60))
    #expect(auditLineCount(store) == 3)
    let entries = try store.auditEntries()
    #expect(entries.map(\.en) == ["Created the store", "Added Ekonomi", "Added Rad\nbrytning"])
    #expect(
      entries.map(\.sv) == ["Skapade registret", "Lade till Ekonomi", "Lade till Rad\nbrytning"])
    #expect(entries.allSatisfy { $0.login == "test" })
    #expect(entries.last?.at == testDate.addingTimeInterval(60))
    #expect(try store.auditEntries(limit: 1).map(\.en) == ["Added Rad\nbrytning"])
    // Plain JSON lines, readable by any tool.
    let trail = try #require(bytes(store.auditPath))
    let line = try #require(String(decoding: trail, as: UTF8.self).split(separator: "\n").first)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    #expect(object["at"] == "2025-06-15T15:06:40Z")
    // The first save's line carries its save id, and no previous one.
    #expect(Set(object.keys) == ["at", "login", "sv", "en", "id"])
  }

  @Test func readsTheTailOfALongTrail() throws {
    let folder = try TemporaryFolder()
    let trail = AuditTrail(path: folder.path + "/long.audit")
    var lines = Data()
    for index in 0..<3000 {
      let entry = AuditEntry(
        at: testDate, login: "test", sv: "ändring \(index)", en: "change \(index)")
      lines += try entry.line()
    }
    try lines.write(to: URL(fileURLWithPath: trail.path))
    #expect(try trail.entries(limit: 3).map(\.en) == ["change 2997", "change 2998", "change 2999"])
    let all = try trail.entries(limit: nil)
    #expect(all.count == 3000)
    #expect(all.first?.sv == "ändring 0")
    #expect(try trail.entries(limit: 5000).count == 3000)
    #expect(try AuditTrail(path: folder.path + "/none.audit").entries(limit: 10).isEmpty)
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

@Suite struct AuditTrailTests {
  @Test func oneLinePerSuccessfulChange() throws {
    let folder = try TemporaryFolder()
    try makeStore(in: folder)
    // The entry's time is the store's clock when it saved, not the `now` of the caller.
    let saved = testDate.addingTimeInterval(600)
    let store = StoreFile(path: folder.store, clock: { saved })
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
    #expect(entries.map(\.at) == [testDate, saved, saved])
    #expect(entries.map(\.kind) == ["CreateStore", "AddDepartment", "AddDepartment"])
    #expect(entries.allSatisfy { $0.name == "Test" })
    #expect(try store.auditEntries(limit: 1).map(\.en) == ["Added Rad\nbrytning"])
    // Plain JSON lines, readable by any tool.
    let trail = try #require(bytes(store.auditPath))
    let line = try #require(String(decoding: trail, as: UTF8.self).split(separator: "\n").first)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    #expect(object["at"] == "2025-06-15T15:06:40Z")
    // The first save's line carries its save id, and no previous one.
    #expect(Set(object.keys) == ["at", "login", "name", "kind", "sv", "en", "id"])
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

/// A trail that answers "who gave whom access to what, when, and when did it end".
@Suite struct AuditTrailQuestionsTests {
  /// A store of the staff fixtures whose clock is set by the test, not by the caller
  /// of perform: the trail records when the change was saved.
  final class Clock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
  }

  func makeStaffStore(_ folder: TemporaryFolder, _ clock: Clock) throws -> StoreFile {
    let store = StoreFile(path: folder.store, clock: { clock.now })
    try store.create(StaffFixtures.store(), by: Fixtures.coordinator.login, now: testDate)
    return store
  }

  let coordinator = Actor(Fixtures.coordinator)

  @Test func anEntryNamesWhoWhatToWhomWithOldAndNew() throws {
    let folder = try TemporaryFolder()
    let clock = Clock()
    let store = try makeStaffStore(folder, clock)
    let pressedEnter = Date(timeIntervalSince1970: 1_700_000_000)
    try store.perform(
      GrantAccess(
        person: StaffFixtures.eva, service: StaffFixtures.fardtjanst,
        validFrom: Day("2026-01-05")!, validTo: nil),
      actor: coordinator, now: pressedEnter)
    let entry = try #require(try store.auditEntries().last)
    #expect(entry.at == clock.now, "the store's clock at the save, not the Enter key's")
    #expect(entry.login == Fixtures.coordinator.login)
    #expect(entry.name == Fixtures.coordinator.name)
    #expect(entry.kind == "GrantAccess")
    let subject = try #require(entry.subjects?.first)
    #expect(entry.subjects?.count == 1)
    #expect(subject.type == "staffMember")
    #expect(subject.id == StaffFixtures.eva.rawValue)
    #expect(subject.name == "Eva Berg")
    #expect(subject.department == StaffFixtures.department.rawValue)
    let field = try #require(subject.fields.first)
    #expect(subject.fields.count == 1)
    #expect(field.field == "grants[\(StaffFixtures.fardtjanst.rawValue)]")
    #expect(field.ref == StaffFixtures.fardtjanst.rawValue)
    #expect(field.old == nil)
    #expect(
      entry.details(.swedish)
        == "Eva Berg (ändrad): Behörigheter – Färdtjänst: – → Färdtjänst (Giltig från: 2026-01-05)")
    #expect(
      entry.details(.english)
        == "Eva Berg (changed): Access – Färdtjänst: – → Färdtjänst (Valid from: 2026-01-05)")

    // The end: a period set, then the access taken away.
    clock.now += 3600
    try store.perform(
      GrantAccess(
        person: StaffFixtures.eva, service: StaffFixtures.fardtjanst,
        validFrom: Day("2026-01-05")!, validTo: Day("2026-03-31")!),
      actor: coordinator, now: pressedEnter)
    clock.now += 3600
    try store.perform(
      RevokeAccess(person: StaffFixtures.eva, service: StaffFixtures.fardtjanst),
      actor: coordinator, now: pressedEnter)
    let page = try store.auditPage(
      AuditQuery(
        person: .find("evab", in: try store.load()), entities: [StaffFixtures.fardtjanst.rawValue]),
      limit: 10)
    let fields = page.entries.compactMap { $0.subjects?.first?.fields.first }
    #expect(fields.map(\.ref) == Array(repeating: StaffFixtures.fardtjanst.rawValue, count: 3))
    #expect(
      fields.map(\.old) == [
        "Färdtjänst (Giltig från: 2026-01-05, Giltig till: 2026-03-31)", nil, nil,
      ])
    #expect(fields.map(\.new) == [nil, "2026-03-31", "Färdtjänst (Giltig från: 2026-01-05)"])
    #expect(page.entries.map(\.kind) == ["RevokeAccess", "GrantAccess", "GrantAccess"])
    #expect(page.entries.first?.at == clock.now)
    #expect(page.next == nil)
  }

  @Test func checklistTicksAndRemovalsReadAsFields() throws {
    let folder = try TemporaryFolder()
    let store = try makeStaffStore(folder, Clock())
    try store.perform(
      TickChecklistStep(person: StaffFixtures.cecilia, step: .managerContactedDuringIntroduction),
      actor: coordinator, now: testDate)
    let tickEntry = try #require(try store.auditEntries().last)
    let tick = try #require(tickEntry.subjects?.first?.fields.first)
    #expect(tick.sv.contains("Chefen kontaktade e-samordnaren under introduktionen"))
    #expect(tickEntry.details(.swedish).contains("Utfört av: – → Test Samordnare"))
    try store.perform(
      CloseCase(EntityID("c-4")), actor: coordinator, now: testDate)
    let close = try #require(try store.auditEntries().last?.subjects?.first)
    #expect(close.type == "case")
    #expect(close.name == "2026-0300")
    #expect(close.department == StaffFixtures.department.rawValue)
    #expect(close.fields.map(\.field) == ["status", "closedOn"])
  }

  @Test func linesWrittenBeforeSubjectsStillRead() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/old.audit"
    let old =
      #"{"at":"2025-06-15T15:06:40Z","en":"Granted access to an e-service","login":"linnea","sv":"Gav behörighet till en e-tjänst"}"#
    try (old + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let entries = try AuditTrail(path: path).entries(limit: nil)
    #expect(entries.count == 1)
    #expect(entries.first?.en == "Granted access to an e-service")
    #expect(entries.first?.subjects == nil)
    #expect(entries.first?.who == "linnea")
    #expect(Visibility(Fixtures.coordinator).sees(try #require(entries.first)))
    #expect(!Visibility(StaffFixtures.manager).sees(try #require(entries.first)))
  }

  @Test func pagesBackwardsThroughALongTrailAndStopsAtSince() throws {
    let folder = try TemporaryFolder()
    let trail = AuditTrail(path: folder.path + "/long.audit")
    let descriptor = try trail.openForAppend(in: try StoreFolder(path: folder.path))
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    // 30,000 lines over several 1 MiB blocks; every 1,000th is about Eva.
    for index in 0..<30_000 {
      let about =
        index % 1000 == 0
        ? [
          AuditSubject(
            type: "staffMember", id: "p-eva", name: "Eva Berg", action: .changed, fields: [])
        ]
        : [
          AuditSubject(
            type: "staffMember", id: "p-\(index)", name: "N", action: .changed, fields: [])
        ]
      let entry = AuditEntry(
        at: start.addingTimeInterval(Double(index) * 60), login: "linnea", kind: "Edit",
        sv: "ändring \(index) " + String(repeating: "x", count: 100), en: "change \(index)",
        subjects: about)
      try trail.append(entry, to: descriptor)
    }
    let eva = AuditQuery(person: .init(login: "nobody", ids: ["p-eva"]))
    var page = try trail.page(eva, before: nil, limit: 20)
    #expect(page.entries.count == 20)
    #expect(page.entries.first?.en == "change 29000")
    var seen = page.entries.map(\.en)
    while let next = page.next {
      page = try trail.page(eva, before: next, limit: 7)
      seen += page.entries.map(\.en)
    }
    #expect(seen == stride(from: 29_000, through: 0, by: -1000).map { "change \($0)" })
    // Unfiltered paging sees every line once, across block boundaries.
    var all = try trail.page(AuditQuery(), before: nil, limit: 4096)
    var count = all.entries.count
    while let next = all.next {
      all = try trail.page(AuditQuery(), before: next, limit: 4096)
      count += all.entries.count
    }
    #expect(count == 30_000)
    let since = AuditQuery(since: start.addingTimeInterval(29_990 * 60))
    #expect(try trail.page(since, before: nil, limit: 100).entries.count == 10)
  }

  /// A save that died after its audit line and before its rename leaves a line whose
  /// save never happened. Every read of the trail leaves it out: the whole trail, the
  /// console's pages (from the end and after a cursor), a person's history, since a
  /// day, by kind and by words — the reads behind `:logg`, `h`, `list audit` and
  /// `extract`.
  @Test func everyReadLeavesOutLinesWhoseSaveNeverHappened() throws {
    let folder = try TemporaryFolder()
    let clock = Clock()
    let store = try makeStaffStore(folder, clock)
    let grant = GrantAccess(
      person: StaffFixtures.eva, service: StaffFixtures.fardtjanst,
      validFrom: Day("2026-01-05")!, validTo: nil)
    clock.now += 60
    try store.perform(grant, actor: coordinator, now: testDate)
    try appendDeadLine(store, "1")
    clock.now += 60
    try store.perform(
      RevokeAccess(person: StaffFixtures.eva, service: StaffFixtures.fardtjanst),
      actor: coordinator, now: testDate)
    try appendDeadLine(store, "2")
    clock.now += 60
    try store.perform(grant, actor: coordinator, now: testDate)
    try appendDeadLine(store, "3")
    #expect(auditLineCount(store) == 7)

    let real = ["GrantAccess", "RevokeAccess", "GrantAccess"]
    func kinds(_ query: AuditQuery, limit: Int = 100) throws -> [String?] {
      try store.auditPage(query, limit: limit).entries.reversed().map(\.kind)
    }
    func ghosts(_ entries: [AuditEntry]) -> [String] {
      entries.map(\.en).filter { $0.hasPrefix("Ghost") }
    }
    #expect(ghosts(try store.auditEntries()) == [])
    #expect(try store.auditEntries().map(\.kind) == ["CreateStore"] + real)
    #expect(try store.auditEntries(limit: 2).map(\.kind) == Array(real.suffix(2)))
    #expect(try kinds(AuditQuery()) == ["CreateStore"] + real)
    #expect(try kinds(AuditQuery(), limit: 2) == Array(real.suffix(2)))
    let m = try store.load()
    #expect(try kinds(AuditQuery(person: .find("evab", in: m))) == real)
    #expect(try kinds(AuditQuery(entities: [StaffFixtures.fardtjanst.rawValue])) == real)
    #expect(try kinds(AuditQuery(since: Date(timeIntervalSince1970: 1_800_000_000))) == real)
    #expect(try kinds(AuditQuery(kinds: ["GrantAccess"])) == ["GrantAccess", "GrantAccess"])
    #expect(try kinds(AuditQuery(words: ["Eva"])) == real)
    #expect(
      try kinds(AuditQuery(person: .find("evab", in: m), viewer: Visibility(Fixtures.coordinator)))
        == real)
    // Page by page, one entry at a time, as the console scrolls: each cursor carries
    // what the line after it says, so a dead line at a page's edge is known too.
    for query in [AuditQuery(), AuditQuery(person: .find("evab", in: m))] {
      var page = try store.auditPage(query, limit: 1)
      var seen = page.entries
      while let next = page.next {
        page = try store.auditPage(query, before: next, limit: 1)
        #expect(page.entries.count <= 1)
        seen += page.entries
      }
      #expect(ghosts(seen) == [])
      #expect(seen.count == (query.isEmpty ? 4 : 3))
    }
  }
}

/// Which lines record a save that happened, when the store's id is read after the
/// trail (as every read does).
@Suite struct SavedLinesTests {
  func trail(_ folder: TemporaryFolder, _ ids: [(String, String?)]) throws -> AuditTrail {
    let trail = AuditTrail(path: folder.path + "/t.audit")
    var data = Data()
    for (id, previous) in ids {
      data += try AuditEntry(
        at: testDate, login: "test", sv: id, en: id, id: id, previous: previous
      ).line()
    }
    try data.write(to: URL(fileURLWithPath: trail.path))
    return trail
  }

  /// Read backwards (`page`) and forwards (`forEach`, which `list audit` streams):
  /// both readers must leave out the same lines.
  func read(_ trail: AuditTrail, store: String?) throws -> [String] {
    let backwards = try trail.entries(limit: nil, storeSaveID: { store }).map(\.en)
    var forwards: [String] = []
    try trail.forEach(AuditQuery(), storeSaveID: { store }) {
      forwards.append($0.en)
      return true
    }
    #expect(forwards == backwards, "forwards \(forwards), backwards \(backwards)")
    return backwards
  }

  @Test func forwardsReadsEveryBlockAndStops() throws {
    let folder = try TemporaryFolder()
    // Lines over 1 MiB in all, so a line is cut by a block's end.
    let ids = (0..<6000).map { i in ("id\(i)-" + String(repeating: "x", count: 200), i) }
    let t = try trail(folder, ids.map { ($0.0, $0.1 == 0 ? nil : ids[$0.1 - 1].0) })
    #expect(try read(t, store: nil).count == 6000)
    var seen = 0
    try t.forEach(AuditQuery()) { _ in
      seen += 1
      return seen < 10
    }
    #expect(seen == 10)
  }

  @Test func theLastLineIsDeadWhenTheStoreStillHoldsItsPrevious() throws {
    let folder = try TemporaryFolder()
    let t = try trail(folder, [("a", nil), ("b", "a")])
    #expect(try read(t, store: "b") == ["a", "b"])
    #expect(try read(t, store: "a") == ["a"])
    // A save that finished after the trail was read: its new id hides nothing.
    #expect(try read(t, store: "c") == ["a", "b"])
    #expect(try read(t, store: nil) == ["a", "b"])
  }

  @Test func aMiddleLineIsDeadWhenTheNextNamesAnotherPrevious() throws {
    let folder = try TemporaryFolder()
    let t = try trail(folder, [("a", nil), ("x", "a"), ("y", "a"), ("b", "a"), ("c", "b")])
    #expect(try read(t, store: "c") == ["a", "b", "c"])
    // A line whose next names no previous (a store made anew) is kept.
    let u = try trail(folder, [("a", nil), ("b", nil)])
    #expect(try read(u, store: "b") == ["a", "b"])
  }
}

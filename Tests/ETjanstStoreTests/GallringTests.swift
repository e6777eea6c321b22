import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

/// Gallring by the periods in the settings: what goes, what is anonymised, the
/// references kept valid, the trail and the backups.
@Suite struct GallringTests {
  typealias F = StaffFixtures
  let now = Day("2027-01-10")!.start.addingTimeInterval(9 * 3600)
  let greta = EntityID<StaffMember>("p-greta")

  /// David left 2026-10-31 (removed, no cases); Greta left 2026-09-30 (removed) but a
  /// case closed last week still names her; Bertil's case 2026-0101 closed in 2025.
  func store(_ folder: TemporaryFolder) throws -> StoreFile {
    var m = F.store()
    m.settings.retentionRemovedStaffMonths = 1
    m.settings.retentionClosedCasesMonths = 12
    m.settings.retentionTrailYears = 5
    m.staff.append(
      StaffMember(
        id: greta, name: "Greta Gran", login: "gretag", department: F.department,
        startDate: Day("2020-01-01")!, endDate: Day("2026-09-30")!, status: .removed))
    m.cases.append(
      Case(
        id: EntityID("c-greta"), number: "2026-0999", service: F.bygglov, officer: greta,
        status: .closedArchived, closedOn: Day("2027-01-03")!))
    m.cases[m.cases.index(of: EntityID("c-3"))!].closedOn = Day("2025-06-01")!
    m.cases[m.cases.index(of: EntityID("c-4"))!].transferredFrom = F.david
    m.services[0].roles.contactPerson = .staff(F.david)
    let store = StoreFile(path: folder.store, clock: { [now] in now })
    try store.create(m, by: Fixtures.coordinator.login, now: testDate)
    return store
  }

  @Test func aDryRunListsWhatWouldGoAndChangesNothing() throws {
    let folder = try TemporaryFolder()
    let store = try store(folder)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
    let report = try store.gallringPreview(today: Day(now))
    let lines = report.lines.map(\.sv)
    #expect(
      lines.contains("tas bort: personal David Lund (davidl), slutade 2026-10-31"), "\(lines)")
    #expect(
      lines.contains { $0.hasPrefix("anonymiseras: personal Greta Gran (gretag)") }, "\(lines)")
    #expect(lines.contains("tas bort: ärende 2026-0101, avslutat 2025-06-01"), "\(lines)")
    #expect(lines.count == 3)
    #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == bytes)
    #expect(
      Findings.all(in: try store.load(), at: now).contains { $0.section == "gallring" })
  }

  @Test func gallringRemovesAnonymisesAndKeepsReferencesValid() throws {
    let folder = try TemporaryFolder()
    let store = try store(folder)
    // Two saves: backups holding David and Greta.
    try store.perform(
      GrantAccess(
        person: F.eva, service: F.skolskjuts, validFrom: Day("2026-12-01")!, validTo: nil),
      actor: Actor(Fixtures.coordinator), now: now)
    try store.perform(
      RevokeAccess(person: F.eva, service: F.skolskjuts), actor: Actor(Fixtures.coordinator),
      now: now)
    // A trail entry from 2015, older than the five years kept.
    let old = #"{"at":"2015-03-01T10:00:00Z","en":"Old","login":"x","sv":"Gammal"}"#
    let trail = try String(contentsOfFile: store.auditPath, encoding: .utf8)
    try (old + "\n" + trail).write(toFile: store.auditPath, atomically: false, encoding: .utf8)
    #expect(store.backups().count == 2)

    let report = try store.gallra(actor: Actor(Fixtures.coordinator), now: now)
    #expect(report.trailEntries == 1)
    // The two made before, and the one gallring's own save made of the state before it.
    #expect(report.backups == 3)
    #expect(store.backups().isEmpty)
    let m = try store.load()
    #expect(m.staffMember(F.david) == nil)
    let anonymous = try #require(m.staffMember(greta))
    #expect(anonymous.name == StaffMember.gallradName)
    #expect(anonymous.login.isEmpty)
    #expect(m.cases[id: EntityID("c-3")] == nil)
    #expect(m.cases[id: EntityID("c-greta")]?.officer == greta)
    #expect(m.cases[id: EntityID("c-4")]?.transferredFrom == nil)
    #expect(m.services[0].roles.contactPerson == nil)
    // Every reference points at something.
    for c in m.cases { #expect(m.staffMember(c.officer) != nil) }
    #expect(GallringPlan.make(m, today: Day(now)).isEmpty)

    // The trail: the old entry gone; gallring recorded, without the removed names.
    let entries = try store.auditEntries()
    #expect(!entries.contains { $0.en == "Old" })
    let last = try #require(entries.last)
    #expect(last.kind == "Gallra")
    #expect(last.subjects?.contains { $0.id == F.david.rawValue && $0.action == .removed } == true)
    let lastLine = try #require(
      try String(contentsOfFile: store.auditPath, encoding: .utf8).split(separator: "\n").last)
    #expect(!lastLine.contains("David"), "\(lastLine)")
    #expect(!lastLine.contains("Greta"), "\(lastLine)")
    // No backup keeps what gallring removed.
    for backup in store.backups() {
      let text = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: backup.path)), as: UTF8.self)
      #expect(!text.contains("David Lund"), "\(backup.name) keeps David")
    }
  }

  /// A save that died after its trail line leaves a line whose save never happened:
  /// not an entry, so neither the dry run nor gallring counts it (both say the same
  /// number), though gallring removes it with the old lines. One such line sits at the
  /// cut, one at the trail's end (kept: it is newer than the cutoff).
  @Test func theTrailCountLeavesOutLinesWhoseSaveNeverHappened() throws {
    let folder = try TemporaryFolder()
    let clock = AuditTrailQuestionsTests.Clock()
    clock.now = Day("2015-03-01")!.start
    let store = StoreFile(path: folder.store, clock: { clock.now })
    try store.create(F.store(), by: Fixtures.coordinator.login, now: clock.now)
    let coordinator = Actor(Fixtures.coordinator)
    let grant = GrantAccess(
      person: F.eva, service: F.skolskjuts, validFrom: Day("2015-03-01")!, validTo: nil)
    clock.now += 60
    try store.perform(grant, actor: coordinator, now: clock.now)
    try appendDeadLine(store, "1")
    clock.now += 60
    try store.perform(
      RevokeAccess(person: F.eva, service: F.skolskjuts), actor: coordinator, now: clock.now)
    try appendDeadLine(store, "2")
    clock.now = now
    try store.perform(grant, actor: coordinator, now: clock.now)
    try appendDeadLine(store, "3")
    #expect(auditLineCount(store) == 7)
    // Before the cutoff (2022): CreateStore, GrantAccess, Ghost 1, RevokeAccess, Ghost 2.

    let preview = try store.gallringPreview(today: Day(now))
    #expect(preview.trailEntries == 3)
    let report = try store.gallra(actor: coordinator, now: now)
    #expect(report.trailEntries == preview.trailEntries)
    let left = String(decoding: bytes(store.auditPath) ?? Data(), as: UTF8.self)
    #expect(!left.contains(#"{"at":"2015-"#), "\(left)")
    #expect(!left.contains("Ghost 1") && !left.contains("Ghost 2"))
    #expect(try store.auditEntries().first?.kind == "GrantAccess")
  }

  @Test func aStoreWithoutThePeriodsGetsTheDefaults() throws {
    let data = try JSONEncoder().encode(Settings())
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object.removeValue(forKey: "retentionTrailYears")
    object.removeValue(forKey: "retentionRemovedStaffMonths")
    let old = try JSONSerialization.data(withJSONObject: object)
    let settings = try JSONDecoder().decode(Settings.self, from: old)
    #expect(settings.retentionTrailYears == 5)
    #expect(settings.retentionRemovedStaffMonths == 24)
  }

  /// A case closed before the store kept the closing day has none. It was closed by
  /// the day the store holding it was saved: that day counts as its closing day, so
  /// gallring takes it once the period has passed from there, never sooner, and the
  /// next save keeps that day.
  @Test func aCaseClosedBeforeClosingDaysWereKeptGoesAPeriodAfterTheSaveThatHeldIt() throws {
    let folder = try TemporaryFolder()
    let savedDay = Day("2026-02-10")!
    var m = F.store()
    m.settings.retentionClosedCasesMonths = 12
    let old = EntityID<Case>("c-old")
    m.cases.append(
      Case(
        id: old, number: "2025-0001", service: F.bygglov, officer: F.bertil,
        status: .closedArchived, closedOn: nil))
    let store = StoreFile(path: folder.store)
    try store.create(
      m, by: Fixtures.coordinator.login, now: savedDay.start.addingTimeInterval(3600))
    #expect(try store.load().cases[id: old]?.closedOn == savedDay)

    let before = try store.gallringPreview(today: Day("2027-02-09")!)
    #expect(!before.plan.closedCases.contains(old))
    let due = try store.gallringPreview(today: Day("2027-02-10")!)
    #expect(due.plan.closedCases.contains(old))
    #expect(due.lines.map(\.sv).contains("tas bort: ärende 2025-0001, avslutat 2026-02-10"))

    // A later save keeps the day it was given, not the later save's.
    let later = StoreFile(path: folder.store)
    try later.perform(
      GrantAccess(
        person: F.eva, service: F.fardtjanst, validFrom: Day("2026-06-01")!, validTo: nil),
      actor: Actor(Fixtures.coordinator), now: Day("2026-06-01")!.start)
    #expect(try StoreFile(path: folder.store).load().cases[id: old]?.closedOn == savedDay)
  }
}

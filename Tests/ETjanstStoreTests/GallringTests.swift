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
    try Self.store(at: folder.store, now: now)
  }

  static func store(at path: String, now: Date) throws -> StoreFile {
    let greta = EntityID<StaffMember>("p-greta")
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
    let store = StoreFile(path: path, clock: { now })
    try store.create(m, by: Fixtures.coordinator.login, now: testDate)
    return store
  }

  /// The store above with two backups holding David and Greta, and a trail entry
  /// from 2015, older than the five years kept.
  static func storeWithHistory(at path: String, now: Date) throws -> StoreFile {
    let store = try store(at: path, now: now)
    try store.perform(
      GrantAccess(
        person: F.eva, service: F.skolskjuts, validFrom: Day("2026-12-01")!, validTo: nil),
      actor: Actor(Fixtures.coordinator), now: now)
    try store.perform(
      RevokeAccess(person: F.eva, service: F.skolskjuts), actor: Actor(Fixtures.coordinator),
      now: now)
    let old = #"{"at":"2015-03-01T10:00:00Z","en":"Old","login":"x","sv":"Gammal"}"#
    let trail = try String(contentsOfFile: store.auditPath, encoding: .utf8)
    try (old + "\n" + trail).write(toFile: store.auditPath, atomically: false, encoding: .utf8)
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
    let store = try Self.storeWithHistory(at: folder.store, now: now)
    #expect(store.backups().count == 2)

    let report = try store.gallra(actor: Actor(Fixtures.coordinator), now: now)
    #expect(report.trailEntries == 1)
    // The two made before; gallring's own save keeps no backup of the state before it
    // (it would hold what it removes).
    #expect(report.backups == 2)
    #expect(report.backupsLeft == 0)
    #expect(store.backups().isEmpty)
    #expect(
      folder.contents() == [
        "etjanst.plist", "etjanst.plist.audit", "etjanst.plist.backups", "etjanst.plist.lock",
      ])
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

  /// Every temporary file any command makes beside the store has one name scheme, and
  /// the sweep under the lock removes them all, also those gallring's trail rewrite
  /// was named by before; files of another store, or named otherwise, stay.
  @Test func theSweepRemovesEveryTemporaryFileAKilledProcessLeft() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let stale = [".etjanst.plist.4242.17.tmp", ".etjanst.plist.audit.4242.18.tmp"]
    let others = [
      ".other.plist.4242.19.tmp", ".etjanst.plist.x.19.tmp", ".etjanst.plist.backups.1.2.tmp",
    ]
    for name in stale + others {
      try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/" + name))
    }
    try store.perform(AddDepartment(name: "D"), actor: testActor, now: testDate)
    let kept = [
      "etjanst.plist", "etjanst.plist.audit", "etjanst.plist.backups", "etjanst.plist.lock",
    ]
    #expect(folder.contents() == (kept + others).sorted())
  }

  /// A gallring killed after its journal: the next command puts the new trail and the
  /// new store in place and deletes the backups made before it, then does its own work.
  @Test func theNextCommandCompletesAGallringKilledAfterItsJournal() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Before"), actor: testActor, now: testDate)
    #expect(store.backups().count == 1)
    let upTo = try #require(BackupFolder(path: store.backupsPath).newestMillis)
    // What gallring had prepared: a store (made elsewhere) and a trail.
    let elsewhere = try TemporaryFolder()
    var gallrad = freshMunicipality()
    gallrad.departments.append(Department(name: "Gallrad"))
    try makeStore(in: elsewhere, gallrad)
    let newStore = folder.path + "/.etjanst.plist.7.1.tmp"
    let newTrail = folder.path + "/.etjanst.plist.7.2.tmp"
    try #require(bytes(elsewhere.store)).write(to: URL(fileURLWithPath: newStore))
    try #require(bytes(elsewhere.store + ".audit")).write(to: URL(fileURLWithPath: newTrail))
    func inode(_ path: String) -> UInt64 {
      var info = stat()
      stat(path, &info)
      return UInt64(info.st_ino)
    }
    let journal = GallringJournal(
      store: ".etjanst.plist.7.1.tmp", storeInode: inode(newStore),
      trail: ".etjanst.plist.7.2.tmp", trailInode: inode(newTrail), backupsUpTo: upTo)
    try JSONEncoder().encode(journal).write(to: URL(fileURLWithPath: folder.store + ".gallring"))

    try StoreFile(path: folder.store).perform(
      AddDepartment(name: "After"), actor: testActor, now: testDate)
    let names = try StoreFile(path: folder.store).load().departments.map(\.name)
    #expect(names.contains("Gallrad") && names.contains("After") && !names.contains("Before"))
    let entries = try StoreFile(path: folder.store).auditEntries()
    #expect(entries.map(\.en) == ["Created the store", "Added After"])
    // The one backup made before is gone; the one left is of the gallrad version.
    let backups = store.backups()
    #expect(backups.count == 1)
    #expect(
      String(decoding: try #require(bytes(backups[0].path)), as: UTF8.self).contains("Gallrad"))
    #expect(
      folder.contents() == [
        "etjanst.plist", "etjanst.plist.audit", "etjanst.plist.backups", "etjanst.plist.lock",
      ])
  }

  /// A journal that is not one this program wrote (names outside the folder) stops
  /// every save, with one line, and changes nothing.
  @Test func aForeignJournalIsRefused() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let file = try #require(bytes(store.path))
    let journal = #"{"store":"../../etc/passwd","storeInode":1}"#
    try Data(journal.utf8).write(to: URL(fileURLWithPath: folder.store + ".gallring"))
    #expect {
      try store.perform(AddDepartment(name: "D"), actor: testActor, now: testDate)
    } throws: { error in
      "\(error)".contains("not a gallring journal")
    }
    #expect(bytes(store.path) == file)
  }
}

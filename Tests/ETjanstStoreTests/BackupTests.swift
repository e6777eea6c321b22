import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

@Suite struct BackupTests {
  @Test func keepsEverySaveOfTheLastHour() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    for index in 1...13 {
      try store.perform(AddDepartment(name: "D\(index)"), actor: testActor, now: testDate)
    }
    let backups = store.backups()
    #expect(backups.count == 13)
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.backupsPath).count == 13)
    #expect(backups.map(\.replacedAt) == backups.map(\.replacedAt).sorted(by: >))
    #expect(backups.allSatisfy { $0.size > 0 })
    // The newest backup is the state just before the last save: D1...D12.
    let newest = try StoreFile(path: backups[0].path).load()
    #expect(newest.departments.count == 12)
    let oldest = try StoreFile(path: backups[12].path).load()
    #expect(oldest.departments.count == 0)
  }

  @Test func aSavePrunesByAgeUnderItsLock() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
    let now = Date()
    // Made-up older backups: two in one hour a day ago (the newer stays), one 400
    // days ago (past every limit), two in one month half a year ago (the newer stays).
    // Placed inside an hour and a month whatever the time the test runs.
    let hour = 3600.0
    let day = 24 * hour
    let calendar = BackupKeeping.calendar
    let hourAgo = (now.timeIntervalSince1970 / hour).rounded(.down) * hour - day
    let month = calendar.date(
      from: calendar.dateComponents([.year, .month], from: now.addingTimeInterval(-180 * day)))!
    let midMonth = month.timeIntervalSince1970 + 14 * day - now.timeIntervalSince1970
    let made: [(Double, Bool)] = [
      (hourAgo + 20 * 60 - now.timeIntervalSince1970, true),
      (hourAgo + 10 * 60 - now.timeIntervalSince1970, false), (-400 * day, false),
      (midMonth, true), (midMonth - hour, false),
    ]
    let source = try #require(store.backups().first?.path)
    var names: [String: Bool] = [:]
    for (offset, kept) in made {
      let millis = Int64((now.timeIntervalSince1970 + offset) * 1000)
      let name = BackupFolder.name(millis)
      try FileManager.default.copyItem(atPath: source, toPath: store.backupsPath + "/" + name)
      names[name] = kept
    }
    try store.perform(AddDepartment(name: "Två"), actor: testActor, now: testDate)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: store.backupsPath))
    for (name, kept) in names {
      #expect(left.contains(name) == kept, "\(name) kept: \(left.contains(name))")
    }
    #expect(left.count == 2 + 2)
  }

  @Test(
    "the store's settings say what a save keeps: a day-old backup goes when only hours are kept")
  func theSettingsChooseWhatIsKept() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
    let source = try #require(store.backups().first?.path)
    let now = Date()
    // Two and three days old: each the newest of its day, kept by the default of 31 days.
    let old = [2.0, 3.0].map {
      BackupFolder.name(Int64((now.timeIntervalSince1970 - $0 * 86_400) * 1000))
    }
    for name in old {
      try FileManager.default.copyItem(atPath: source, toPath: store.backupsPath + "/" + name)
    }
    try store.perform(AddDepartment(name: "Två"), actor: testActor, now: testDate)
    var left = Set(try FileManager.default.contentsOfDirectory(atPath: store.backupsPath))
    #expect(left.isSuperset(of: old), "the defaults keep one a day for a month")

    var settings = try store.load().settings
    settings.backupKeepHours = 24
    settings.backupKeepDays = 0
    settings.backupKeepMonths = 0
    try store.perform(EditSettings(settings), actor: testActor, now: testDate)
    left = Set(try FileManager.default.contentsOfDirectory(atPath: store.backupsPath))
    #expect(left.isDisjoint(with: old), "\(left)")
    // The saves of the last hour stay.
    #expect(left.count == 3)
  }

  @Test("the newest backup is kept even when every level is off")
  func theNewestIsAlwaysKept() {
    let none = BackupKeeping(everyWithinMinutes: 0, hourly: 0, daily: 0, monthly: 0)
    let now = Date()
    let moments = [now.addingTimeInterval(-7200), now.addingTimeInterval(-60)]
    #expect(none.kept(moments, now: now) == [1])
  }

  @Test func restorePutsABackupBackAndKeepsTheReplacedState() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
    try store.perform(AddDepartment(name: "Två"), actor: testActor, now: testDate)
    let target = try #require(store.backups().first)
    let change = try store.restore(target, actor: testActor, now: testDate)
    #expect(change.before.departments.map(\.name) == ["Ett", "Två"])
    #expect(try StoreFile(path: folder.store).load().departments.map(\.name) == ["Ett"])
    let backups = store.backups()
    #expect(backups.count == 3)
    #expect(try StoreFile(path: backups[0].path).load().departments.map(\.name) == ["Ett", "Två"])
    let last = try #require(try store.auditEntries().last)
    #expect(last.en == "Restored the backup \(target.name)")
    #expect(last.sv.hasPrefix("Återställde"))
    // A restore is a change like any other, so it can be undone.
    try store.perform(change.undo, actor: testActor, now: testDate)
    #expect(try store.load().departments.map(\.name) == ["Ett", "Två"])
  }

  @Test func brokenBackupIsRefusedAndTheStoreIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
    let backup = try #require(store.backups().first)
    try FileManager.default.removeItem(atPath: backup.path)
    try Data("<?xml version=\"1.0\"?><plist><dict><key>sch".utf8)
      .write(to: URL(fileURLWithPath: backup.path))
    let before = bytes(folder.store)
    let error = #expect(throws: StoreError.self) {
      try store.restore(backup, actor: testActor, now: testDate)
    }
    #expect(error?.path == backup.path)
    #expect(bytes(folder.store) == before)
  }

  @Test func namesSortByTimeAndParseBack() throws {
    let millis: Int64 = 1_750_000_000_123
    let name = BackupFolder.name(millis)
    #expect(name == "20250615T150640.123Z.plist")
    #expect(BackupFolder.millis(name) == millis)
    #expect(BackupFolder.millis("notes.txt") == nil)
    #expect(BackupFolder.name(millis) < BackupFolder.name(millis + 1))
  }
}

/// `BackupKeeping` over made-up times: which backups a policy keeps.
@Suite struct BackupKeepingTests {
  static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28 20:26:40 UTC
  static let minute = 60.0
  static let hour = 3600.0
  static let day = 86_400.0

  /// Ages in seconds before `now`, and which are kept.
  static let cases: [(name: String, policy: BackupKeeping, ages: [Double], kept: [Bool])] = [
    (
      "every save of the last hour", .standard,
      [0, 30, 59 * minute, 59.9 * minute],
      [true, true, true, true]
    ),
    (
      "one per hour after the first: the newest of each hour", .standard,
      // now is hh:26:40; 70 and 80 minutes ago are in the same hour (hh-2:x),
      // 100 minutes ago in the hour before it.
      [70 * minute, 80 * minute, 100 * minute],
      [true, false, true]
    ),
    (
      "hourly ends after two days; then one per day", .standard,
      // Three in one Swedish day, three days ago: only the newest stays.
      [3 * day, 3 * day + minute, 3 * day + 2 * minute],
      [true, false, false]
    ),
    (
      "daily ends after a month; then one per month", .standard,
      [40 * day, 41 * day, 70 * day],
      [true, false, true]
    ),
    (
      "nothing older than a year (beside the newest, always kept)", .standard,
      [0, 366 * day, 500 * day],
      [true, false, false]
    ),
    (
      "a backup from the future (a clock set back) is kept", .standard,
      [-hour],
      [true]
    ),
    (
      "limits of zero keep only the last minutes",
      BackupKeeping(everyWithinMinutes: 10, hourly: 0, daily: 0, monthly: 0),
      [5 * minute, 11 * minute, 2 * day],
      [true, false, false]
    ),
    (
      "no backups, nothing kept", .standard, [], []
    ),
  ]

  @Test(arguments: cases.indices)
  func keeps(_ index: Int) {
    let c = Self.cases[index]
    let moments = c.ages.map { Self.now.addingTimeInterval(-$0) }
    let kept = c.policy.kept(moments, now: Self.now)
    #expect(c.ages.indices.map { kept.contains($0) } == c.kept, "\(c.name)")
  }

  @Test func aYearOfSavesEveryTenMinutesKeepsAboutAHundred() {
    let moments = stride(from: 0.0, to: 365 * Self.day, by: 10 * Self.minute).map {
      Self.now.addingTimeInterval(-$0)
    }
    let kept = BackupKeeping.standard.kept(moments, now: Self.now)
    // 6 in the last hour, ~48 hours, ~31 days, ~12 months (overlapping).
    #expect((80...100).contains(kept.count), "\(kept.count)")
    // The oldest kept is about a year old; the newest is the newest.
    #expect(kept.contains(0))
    let oldest = kept.map { moments[$0] }.min()!
    #expect(Self.now.timeIntervalSince(oldest) > 330 * Self.day)
  }
}

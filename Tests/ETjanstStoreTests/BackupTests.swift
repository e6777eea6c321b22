import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

@Suite struct BackupTests {
  @Test func keepsTheNewestTen() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    for index in 1...13 {
      try store.perform(AddDepartment(name: "D\(index)"), actor: testActor, now: testDate)
    }
    let backups = store.backups()
    #expect(backups.count == 10)
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.backupsPath).count == 10)
    #expect(backups.map(\.replacedAt) == backups.map(\.replacedAt).sorted(by: >))
    #expect(backups.allSatisfy { $0.size > 0 })
    // The newest backup is the state just before the last save: D1...D12.
    let newest = try StoreFile(path: backups[0].path).load()
    #expect(newest.departments.count == 12)
    let oldest = try StoreFile(path: backups[9].path).load()
    #expect(oldest.departments.count == 3)
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

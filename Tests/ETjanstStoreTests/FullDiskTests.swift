import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// Saves on a real file system that fills up: a small tmpfs the test mounts, filled
/// so that it runs out at each step of a save in turn.
@Suite(.enabled(if: SmallFilesystem.unavailable == nil, "mounting a tmpfs needs root"))
struct FullDiskTests {
  /// The trail padded with a line that does not read as an entry, so its last page
  /// has `room` bytes left: a new line then needs a page the disk does not have, and
  /// its first bytes land before the write fails.
  static func pad(_ store: StoreFile, room: Int) throws {
    let page = SmallFilesystem.pageSize
    let size = try #require(bytes(store.auditPath)).count
    var filler = (page - room) - size % page
    if filler < 16 { filler += page }
    let line = #"{"pad":""# + String(repeating: "x", count: filler - 11) + "\"}\n"
    let handle = try #require(FileHandle(forWritingAtPath: store.auditPath))
    handle.seekToEndOfFile()
    handle.write(Data(line.utf8))
    try handle.close()
    #expect(try #require(bytes(store.auditPath)).count % page == page - room)
  }

  @Test("an audit line that does not fit on the disk leaves no part of itself, and the save fails")
  func appendOnAFullDisk() throws {
    let disk = try SmallFilesystem(bytes: 1 << 19)
    let store = StoreFile(path: disk.folder + "/etjanst.plist")
    try store.create(freshMunicipality(), by: testUser.login, now: testDate)
    // One save first: the lock file then holds its holder's line, which takes a page.
    try store.perform(AddDepartment(name: "First"), actor: testActor, now: testDate)
    try Self.pad(store, room: 10)
    let pages = try #require(bytes(store.path)).count / SmallFilesystem.pageSize + 1
    var failures: [String] = []
    var saved = false
    // From no free page up: the new version does not fit, then it fits and its audit
    // line does not, then everything fits.
    for free in 0...(pages + 3) {
      disk.empty()
      disk.fill(leavingPages: free)
      let trail = try #require(bytes(store.auditPath))
      let file = try #require(bytes(store.path))
      do {
        try store.perform(AddDepartment(name: "D\(free)"), actor: testActor, now: testDate)
        saved = true
        let lines = try #require(bytes(store.auditPath))
        #expect(lines.last == UInt8(ascii: "\n"))
        #expect(try store.auditEntries().last?.en == "Added D\(free)")
        break
      } catch let error as StoreError {
        failures.append(error.description)
        #expect(bytes(store.auditPath) == trail, "the trail changed: \(error)")
        #expect(bytes(store.path) == file, "the store changed: \(error)")
        #expect(error.description.contains("No space left"), "\(error)")
      }
    }
    #expect(saved, "\(failures)")
    #expect(
      failures.contains { $0.contains("audit line") },
      "no save failed at its audit line: \(failures)"
    )
    // With room again, the next save reads every line that was saved.
    disk.empty()
    try store.perform(AddDepartment(name: "After"), actor: testActor, now: testDate)
    let entries = try store.auditEntries()
    #expect(entries.map(\.en).suffix(2).first?.hasPrefix("Added D") == true)
    #expect(entries.last?.en == "Added After")
    #expect(try store.load().departments.contains { $0.name == "After" })
  }

  /// Everything gallring changes: the store's and trail's bytes, the backups, and the
  /// other files beside the store.
  struct Beside: Equatable {
    var store: Data?
    var trail: Data?
    var backups: [String]
    var files: [String]

    init(_ store: StoreFile, _ folder: String) {
      self.store = bytes(store.path)
      trail = bytes(store.auditPath)
      backups = store.backups().map(\.name)
      files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
  }

  @Test("gallring on a full disk: all of it done, or nothing changed and it says so")
  func gallringOnAFullDisk() throws {
    let disk = try SmallFilesystem(bytes: 1 << 19)
    let now = GallringTests().now
    let coordinator = Actor(Fixtures.coordinator)
    let store = try GallringTests.storeWithHistory(at: disk.folder + "/etjanst.plist", now: now)
    let before = Beside(store, disk.folder)
    #expect(before.backups.count == 2)
    let pages = try #require(before.store).count / SmallFilesystem.pageSize + 1
    var failures: [String] = []
    var done = false
    // From no free page up: the new store does not fit, then the new trail, then the
    // journal, then it all fits.
    for free in 0...(pages + 4) {
      disk.empty()
      disk.fill(leavingPages: free)
      do {
        let report = try StoreFile(path: store.path, clock: { now }).gallra(
          actor: coordinator, now: now)
        done = true
        #expect(report.trailEntries == 1)
        #expect(report.backups == 2)
        #expect(report.backupsLeft == 0)
        break
      } catch let error as StoreError {
        failures.append(error.description)
        #expect(error.description.contains("No space left"), "\(error)")
        #expect(error.description.contains("left untouched"), "\(error)")
        #expect(Beside(store, disk.folder) == before, "changed, yet: \(error)")
      }
    }
    #expect(done, "\(failures)")
    #expect(Set(failures).count >= 3, "not every step ran out of room: \(failures)")
    #expect(failures.contains { $0.contains("journal") }, "\(failures)")
    // Done, all of it.
    disk.empty()
    let after = Beside(store, disk.folder)
    #expect(after.backups.isEmpty)
    #expect(
      after.files == [
        "etjanst.plist", "etjanst.plist.audit", "etjanst.plist.backups", "etjanst.plist.lock",
      ])
    let m = try StoreFile(path: store.path).load()
    #expect(m.staffMember(StaffFixtures.david) == nil)
    let entries = try StoreFile(path: store.path).auditEntries()
    #expect(!entries.contains { $0.en == "Old" })
    #expect(entries.last?.kind == "Gallra")
  }
}

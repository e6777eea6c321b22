import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// Shared mode: a named group of e-coordinators saves to one store.
@Suite struct SharedModeTests {
  /// A group this process is in (root is in every group for this purpose).
  private var group: (name: String, gid: gid_t)? {
    guard geteuid() == 0, let entry = getgrnam("adm") else { return nil }
    return ("adm", entry.pointee.gr_gid)
  }

  private func info(_ path: String) -> stat {
    var info = stat()
    lstat(path, &info)
    return info
  }

  @Test func shareGivesEverythingToTheGroupAndSavesKeepIt() throws {
    guard let group else { return }  // needs root to hand files to a group
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
    try store.share(group: group.name, actor: testActor, now: testDate)
    try store.perform(AddDepartment(name: "Kultur"), actor: testActor, now: testDate)
    let folderInfo = info(folder.path)
    #expect(folderInfo.permissions == 0o2770)
    #expect(folderInfo.st_gid == group.gid)
    for path in [folder.store, store.lockPath, store.auditPath] {
      #expect(info(path).permissions == 0o660, "\(path)")
      #expect(info(path).st_gid == group.gid, "\(path)")
    }
    #expect(info(store.backupsPath).permissions == 0o2770)
    for backup in store.backups() {
      #expect(info(backup.path).permissions == 0o660)
      #expect(info(backup.path).st_gid == group.gid)
    }
    #expect(try store.auditEntries().map(\.en).contains("Shared the store with the group adm"))
    // Files another member of the group made are accepted; a stranger's are not.
    #expect(chown(store.auditPath, 1, group.gid) == 0)
    try store.perform(AddDepartment(name: "Skola"), actor: testActor, now: testDate)
    #expect(chown(store.auditPath, 1, 1) == 0)
    #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "Vård"), actor: testActor, now: testDate)
    }
  }

  @Test func anUnknownGroupIsRefusedAndNothingChanges() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let before = info(folder.path).permissions
    let error = #expect(throws: StoreError.self) {
      try store.share(group: "no-such-group-here", actor: testActor, now: testDate)
    }
    #expect(error?.description.contains("there is no group named no-such-group-here") == true)
    #expect(info(folder.path).permissions == before)
  }
}

import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

/// A manager reads a store shared with a managers' group (0640) from a folder they
/// cannot write: reading must create nothing, and a change they try must be refused
/// by the rule, not by the lock file they cannot open.
@Suite struct ReadOnlyAccessTests {
  let manager = User(
    login: "chef", name: "Maja Chef", role: .manager(department: EntityID("dep-a")))

  /// The coordinator's store with a manager in it, shared as 0640.
  private func sharedStore(_ folder: TemporaryFolder) throws -> StoreFile {
    var m = freshMunicipality()
    m.users.append(manager)
    let store = try makeStore(in: folder, m)
    chmod(folder.store, 0o640)
    return store
  }

  /// Root (as the tests run in CI) opens any file, so the lock that cannot be opened
  /// is a folder in its place: open(O_RDWR) fails with EISDIR for everyone.
  private func blockLock(_ store: StoreFile) throws {
    try FileManager.default.removeItem(atPath: store.lockPath)
    try FileManager.default.createDirectory(
      atPath: store.lockPath, withIntermediateDirectories: false)
  }

  @Test("4: load and reloadIfChanged write nothing: no lock, audit or temporary file appears")
  func readingCreatesNothing() throws {
    let folder = try TemporaryFolder()
    let store = try sharedStore(folder)
    try FileManager.default.removeItem(atPath: store.lockPath)
    try FileManager.default.removeItem(atPath: store.auditPath)
    let reader = StoreFile(path: folder.store)
    #expect(try reader.load().user(login: "chef") == manager)
    #expect(try reader.reloadIfChanged() == nil)
    #expect(folder.contents() == ["etjanst.plist"])
  }

  @Test(
    "4: a manager who cannot open the lock file is told who makes changes; the file is untouched")
  func managerWithoutLockGetsTheRule() throws {
    let folder = try TemporaryFolder()
    let store = try sharedStore(folder)
    try blockLock(store)
    let before = try #require(bytes(folder.store))
    let files = folder.contents()
    let reader = StoreFile(path: folder.store)
    #expect(throws: RuleViolation.readOnly(coordinator: try reader.load().contacts.eCoordinator)) {
      try reader.perform(AddDepartment(name: "Ekonomi"), actor: Actor(manager), now: testDate)
    }
    #expect(bytes(folder.store) == before)
    #expect(folder.contents() == files)
  }

  @Test("an e-coordinator who cannot open the lock file gets the lock error naming the file")
  func coordinatorWithoutLockGetsTheLockError() throws {
    let folder = try TemporaryFolder()
    let store = try sharedStore(folder)
    try blockLock(store)
    let before = try #require(bytes(folder.store))
    do {
      try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
      Issue.record("the save went through without the lock")
    } catch let error as StoreError {
      #expect(String(describing: error).contains(store.lockPath), "\(error)")
    }
    #expect(bytes(folder.store) == before)
  }
}

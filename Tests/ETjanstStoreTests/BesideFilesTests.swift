import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// Everything beside the store is opened without following symlinks and checked for
/// its owner; a folder others may write is refused; a save's audit line is on disk
/// before the save, and one whose save never happened is told apart; temporary files
/// of dead processes are removed under the lock.
@Suite struct BesideFilesTests {
  /// A file outside the store's folder that a symlink beside the store points at.
  private func victim() throws -> (folder: TemporaryFolder, path: String, bytes: Data) {
    let outside = try TemporaryFolder()
    let path = outside.path + "/victim"
    let data = Data("do not touch\n".utf8)
    try data.write(to: URL(fileURLWithPath: path))
    return (outside, path, data)
  }

  @Test(arguments: [".audit", ".lock"])
  func aSymlinkBesideTheStoreIsRefusedAndItsTargetUntouched(_ suffix: String) throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let (outside, target, before) = try victim()
    defer { withExtendedLifetime(outside) {} }
    unlink(folder.store + suffix)
    #expect(symlink(target, folder.store + suffix) == 0)
    let stored = bytes(folder.store)
    let error = #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    }
    #expect(error?.description.contains("symbolic link") == true, "\(String(describing: error))")
    #expect(bytes(target) == before)
    #expect(bytes(folder.store) == stored)
  }

  /// Every read of the trail opens it as the save does: a symlink in its place is not
  /// followed, so the trail's gallring neither reads nor counts what it points to.
  @Test func theTrailIsNotReadThroughASymlink() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let outside = try TemporaryFolder()
    let old = AuditEntry(at: Date(timeIntervalSince1970: 0), login: "x", sv: "gammal", en: "old")
    try (try old.line() + old.line()).write(to: URL(fileURLWithPath: outside.path + "/t"))
    unlink(store.auditPath)
    #expect(symlink(outside.path + "/t", store.auditPath) == 0)
    #expect(store.oldestAuditEntry() == nil)
    #expect(throws: (any Error).self) { try store.gallringPreview(today: Day(testDate)) }
    #expect(throws: StoreError.self) { try store.auditPage(AuditQuery(), limit: 10) }
  }

  @Test func aSymlinkedBackupsFolderIsNotLinkedIntoOrPruned() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let outside = try TemporaryFolder()
    for i in 0..<12 {
      try Data("keep".utf8).write(
        to: URL(fileURLWithPath: outside.path + "/" + BackupFolder.name(Int64(i) * 1000)))
    }
    #expect(symlink(outside.path, store.backupsPath) == 0)
    let error = #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    }
    #expect(error?.description.contains("refusing to use it") == true)
    #expect(outside.contents().count == 12)
  }

  @Test func aFileBesideTheStoreOwnedBySomeoneElseIsRefused() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    guard geteuid() == 0 else { return }  // only root can give a file away
    #expect(chown(store.auditPath, 1, 1) == 0)
    let error = #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    }
    #expect(error?.description.contains("belongs to another user") == true)
  }

  @Test func aHardLinkedAuditTrailIsRefused() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    #expect(link(store.auditPath, folder.path + "/second-name") == 0)
    #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    }
  }

  @Test(arguments: [0o777, 0o1777, 0o775])
  func aFolderOthersMayWriteIsRefused(_ mode: Int) throws {
    let folder = try TemporaryFolder()
    try makeStore(in: folder)
    // A group that is not the owner's private one.
    #expect(chown(folder.path, uid_t.max, 1) == 0 || geteuid() != 0)
    chmod(folder.path, mode_t(mode))
    let before = bytes(folder.store)
    let error = #expect(throws: StoreError.self) { try StoreFile(path: folder.store).load() }
    #expect(
      error?.description.contains("refused: the folder") == true, "\(String(describing: error))")
    #expect(
      throws: StoreError.self,
      performing: {
        try StoreFile(path: folder.store).perform(
          AddDepartment(name: "Ny"), actor: testActor, now: testDate)
      })
    #expect(bytes(folder.store) == before)
    chmod(folder.path, 0o700)
  }

  @Test func staleTemporaryFilesAreRemovedUnderTheLock() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let stale = folder.path + "/.etjanst.plist.999999.12345.tmp"
    try Data("personal data of a save that died".utf8).write(to: URL(fileURLWithPath: stale))
    let unrelated = folder.path + "/.etjanst.plist.notes.tmp"
    try Data("not ours".utf8).write(to: URL(fileURLWithPath: unrelated))
    try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: unrelated))
  }

  /// The audit line is written before the rename. A line whose save never happened
  /// (the program died between the two) is left out by readers.
  @Test func anAuditLineWhoseSaveNeverHappenedIsLeftOut() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
    let saved = try #require(try store.auditEntries().last?.id)
    // As a save that died after its line and before its rename leaves it.
    let orphan = AuditEntry(
      at: testDate, login: "test", sv: "Lade till Spöke", en: "Added Ghost", id: "dead",
      previous: saved)
    var trail = try #require(bytes(store.auditPath))
    trail += try orphan.line()
    try trail.write(to: URL(fileURLWithPath: store.auditPath))
    #expect(try store.auditEntries().map(\.en) == ["Created the store", "Added Ekonomi"])
    try store.perform(AddDepartment(name: "Kultur"), actor: testActor, now: testDate)
    #expect(
      try store.auditEntries().map(\.en) == ["Created the store", "Added Ekonomi", "Added Kultur"])
    #expect(try store.auditEntries(limit: 2).map(\.en) == ["Added Ekonomi", "Added Kultur"])
    #expect(auditLineCount(store) == 4)
  }

  /// A full disk can cut a line short, without its newline (that save stopped there).
  /// The next save's line starts a line of its own instead of being glued to it, so
  /// every reader still finds it.
  @Test func aLineCutShortDoesNotSwallowTheNextOne() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    var trail = try #require(bytes(store.auditPath))
    trail += Data(#"{"at":"2025-06-15T15:06:40Z","en":"Added Cut","id":"#.utf8)
    try trail.write(to: URL(fileURLWithPath: store.auditPath))
    try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
    #expect(try store.auditEntries().map(\.en) == ["Created the store", "Added Ekonomi"])
    #expect(
      try store.auditPage(AuditQuery(), limit: 10).entries.map(\.en) == [
        "Added Ekonomi", "Created the store",
      ])
    try store.perform(AddDepartment(name: "Kultur"), actor: testActor, now: testDate)
    #expect(try store.auditEntries().count == 3)
    #expect(auditLineCount(store) == 4)
  }

  @Test func everySaveCarriesTheIdOfItsAuditLine() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    for name in ["A", "B", "C"] {
      try store.perform(AddDepartment(name: name), actor: testActor, now: testDate)
    }
    let entries = try store.auditEntries()
    let document = try StoreFile.decodeFile(at: folder.store)
    #expect(document.saveID == entries.last?.id)
    for (before, after) in zip(entries, entries.dropFirst()) {
      #expect(after.previous == before.id)
    }
  }

  /// A SIGTERM that arrives during a save takes effect after it.
  @Test func aSignalDuringASaveWaitsForTheSave() throws {
    Received.signal = 0
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { Received.signal = $0 }
    var old = sigaction()
    sigaction(SIGTERM, &action, &old)
    defer { sigaction(SIGTERM, &old, nil) }
    // The test runner's threads block most signals; this one must receive it.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGTERM)
    var mask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &unblock, &mask)
    defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
    var seenInside: Int32 = -1
    SaveSignals.during {
      raise(SIGTERM)
      seenInside = Received.signal
    }
    #expect(seenInside == 0)
    #expect(Received.signal == SIGTERM)
  }
}

private enum Received {
  nonisolated(unsafe) static var signal: sig_atomic_t = 0
}

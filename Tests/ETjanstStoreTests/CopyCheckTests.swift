import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// A save copies the entities it did not change from the old file only when those
/// bytes are the ones its load read; another program rewriting the file in place
/// without the lock between the load and the save (here at the last moment, just
/// before the copy, through the store's test hook) makes it encode everything.
@Suite struct CopyCheckTests {
  /// A store with enough departments that a save copies most of the file.
  func store(_ folder: TemporaryFolder) throws -> StoreFile {
    var m = freshMunicipality()
    for i in 0..<50 { m.departments.append(Department(name: "Department \(i)")) }
    try makeStore(in: folder, m)
    let store = StoreFile(path: folder.store)
    _ = try store.load()
    return store
  }

  /// Rewrites the file in place (same inode, O_TRUNC), as a careless program does.
  static func rewrite(
    _ path: String, keepingTime: Bool = false, _ change: (String) -> String
  ) {
    var info = stat()
    stat(path, &info)
    let text = change(String(decoding: bytes(path) ?? Data(), as: UTF8.self))
    let fd = open(path, O_WRONLY | O_TRUNC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if keepingTime {
      let times = [info.st_atim, info.st_mtim]
      _ = futimens(fd, times)
    }
  }

  @Test("bytes moved by an edit in place: the saved file parses with plistlib and holds the edit")
  func movedBytes() throws {
    let folder = try TemporaryFolder()
    let store = try store(folder)
    store.beforeCopy = {
      Self.rewrite(folder.store) {
        $0.replacingOccurrences(of: "Department 3<", with: "Department 3, renamed by hand<")
      }
    }
    try store.perform(AddDepartment(name: "Added"), actor: testActor, now: testDate)
    let names = try Binary.plistlib(
      folder.store, "'|'.join(x['name'] for x in d['municipality']['departments'])")
    #expect(names.hasSuffix("|Department 49|Added"), "\(names)")
    #expect(names.contains("|Department 3|"), "\(names)")
    #expect(store.lastSaveCopied == 0)
    #expect(try StoreFile(path: folder.store).load().departments.last?.name == "Added")
  }

  /// The same length and the same modification time: only the checksum the load took
  /// tells the bytes are not the ones it read.
  @Test("bytes changed in place with the same length and time: the save holds what it saved")
  func sameStamp() throws {
    let folder = try TemporaryFolder()
    let store = try store(folder)
    store.beforeCopy = {
      Self.rewrite(folder.store, keepingTime: true) {
        $0.replacingOccurrences(of: "Department 3<", with: "Departmenx 3<")
      }
    }
    try store.perform(AddDepartment(name: "Added"), actor: testActor, now: testDate)
    let names = try StoreFile(path: folder.store).load().departments.map(\.name)
    #expect(names.contains("Department 3") && !names.contains("Departmenx 3"), "\(names)")
    #expect(names.last == "Added")
    #expect(store.lastSaveCopied == 0)
  }

  /// Left alone, the save still copies, and the next save (from what this one wrote)
  /// copies again.
  @Test func anUntouchedFileIsStillCopied() throws {
    let folder = try TemporaryFolder()
    let store = try store(folder)
    try store.perform(AddDepartment(name: "Added"), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied > 0)
    try store.perform(AddDepartment(name: "Again"), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied > 0)
    let names = try Binary.plistlib(
      folder.store, "'|'.join(x['name'] for x in d['municipality']['departments'])")
    #expect(names.hasSuffix("|Department 49|Added|Again"), "\(names)")
  }
}

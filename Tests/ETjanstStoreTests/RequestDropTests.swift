import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// The drop folder of group mode: what a manager leaves there, and what the
/// e-coordinator's side reads back as untrusted input.
@Suite struct RequestDropTests {
  /// A store shared with this process's own group as the managers' group.
  func sharedStore(_ folder: TemporaryFolder) throws -> StoreFile {
    let store = try makeStore(in: folder)
    let group = try #require(getgrgid(getgid())).pointee.gr_name.map { String(cString: $0) }
    try store.share(managers: try #require(group), actor: testActor, now: testDate)
    return store
  }

  func mode(_ path: String) -> (mode: UInt32, gid: gid_t) {
    var info = stat()
    _ = lstat(path, &info)
    return (UInt32(info.st_mode) & 0o7777, info.st_gid)
  }

  let draft = RequestDraft(kind: .leaver, login: "evab", day: Day("2026-12-31"))

  @Test(
    "share --managers: the store 0640, its folder 0710 and the drop folder 1730, all in the group")
  func shareSetsTheModes() throws {
    let folder = try TemporaryFolder()
    let store = try sharedStore(folder)
    #expect(mode(folder.store) == (0o640, getgid()))
    #expect(mode(folder.path) == (0o710, getgid()))
    #expect(mode(store.requestDrop.path) == (0o1730, getgid()))
    #expect(try store.auditEntries().last?.kind == "ShareWithManagers")
  }

  @Test(
    "a dropped request is one 0640 file in the folder's group, read back with its owner as sender")
  func dropAndReadBack() throws {
    let folder = try TemporaryFolder()
    let store = try sharedStore(folder)
    let id = EntityID<Request>.make()
    try store.requestDrop.drop(draft, id: id, storeOwner: getuid())
    let names = try FileManager.default.contentsOfDirectory(atPath: store.requestDrop.path)
    #expect(names == [id.rawValue + ".request"])
    #expect(mode(store.requestDrop.path + "/" + names[0]) == (0o640, getgid()))
    let found = store.requestDrop.pending()
    #expect(found.count == 1)
    let dropped = try #require(try? found[0].get())
    #expect(dropped.id == id)
    #expect(dropped.sender == SystemIdentity.currentLogin())
    #expect(dropped.draft == draft)
  }

  @Test("a folder that is not the drop folder share makes is refused: missing, or not sticky")
  func dropNeedsTheFolder() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    #expect(throws: DropError.noFolder(store.requestDrop.path)) {
      try store.requestDrop.drop(draft, id: .make(), storeOwner: getuid())
    }
    mkdir(store.requestDrop.path, 0o730)
    chmod(store.requestDrop.path, 0o730)
    #expect(throws: DropError.notADropFolder(store.requestDrop.path)) {
      try store.requestDrop.drop(draft, id: .make(), storeOwner: getuid())
    }
  }

  @Test(
    "untrusted files: too large, a symlink, a second name, not a request, a bad name are refused")
  func untrustedFilesRefused() throws {
    let folder = try TemporaryFolder()
    let store = try sharedStore(folder)
    let drop = store.requestDrop.path
    func name() -> String { drop + "/" + UUID().uuidString.lowercased() + ".request" }
    let valid = try JSONEncoder().encode(draft)
    FileManager.default.createFile(
      atPath: name(), contents: Data(repeating: 0x20, count: RequestDrop.maximumBytes + 1))
    symlink(folder.store, name())
    let linked = name()
    FileManager.default.createFile(atPath: linked, contents: valid)
    link(linked, drop + "/second")
    FileManager.default.createFile(atPath: name(), contents: Data("{\"kind\": 7}".utf8))
    FileManager.default.createFile(atPath: drop + "/not-a-uuid.request", contents: valid)
    let found = store.requestDrop.pending()
    #expect(found.count == 5)
    #expect(found.allSatisfy { (try? $0.get()) == nil })
    for case .failure(let bad) in found { store.requestDrop.refuse(bad.name, bad.reason) }
    #expect(store.requestDrop.pending().isEmpty)
    #expect(store.requestDrop.refusedCount() == 5)
  }

  /// The shared store with this process's login as a manager of a department with one
  /// e-service, beside the e-coordinator who saves.
  func storeWithManager(_ folder: TemporaryFolder) throws -> StoreFile {
    var m = freshMunicipality()
    let department = Department(id: EntityID("dep"), name: "Samhällsbyggnad")
    m.departments = [department]
    m.services = [EService(id: EntityID("svc"), name: "Bygglov", department: department.id)]
    m.users.append(
      User(
        login: SystemIdentity.currentLogin(), name: "Chefen",
        role: .manager(department: department.id)))
    let store = try makeStore(in: folder, m)
    let group = try #require(getgrgid(getgid())).pointee.gr_name.map { String(cString: $0) }
    try store.share(managers: try #require(group), actor: testActor, now: testDate)
    return store
  }

  @Test(
    "the e-coordinator's next save takes a dropped request in, in its sender's name, and removes the file"
  )
  func performTakesDroppedRequestsIn() throws {
    let folder = try TemporaryFolder()
    let store = try storeWithManager(folder)
    let error = RequestDraft(kind: .error, services: [EntityID("svc")], text: "Bilagan försvinner")
    let id = EntityID<Request>.make()
    try store.requestDrop.drop(error, id: id, storeOwner: getuid())
    try store.perform(AddDepartment(name: "Kultur"), actor: testActor, now: testDate)
    let m = try StoreFile(path: folder.store).load()
    let r = try #require(m.request(id))
    #expect(r.sender == SystemIdentity.currentLogin())
    #expect(r.text == "Bilagan försvinner")
    #expect(m.departments.map(\.name).contains("Kultur"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.requestDrop.path).isEmpty)
    let kinds = try store.auditEntries().suffix(2).map(\.kind)
    #expect(kinds == ["FileRequest", "AddDepartment"])
    #expect(try store.auditEntries().suffix(2).first?.login == SystemIdentity.currentLogin())
  }

  @Test("a dropped request the rules refuse is put aside with the reason; the save goes on")
  func refusedRequestPutAside() throws {
    let folder = try TemporaryFolder()
    let store = try storeWithManager(folder)
    let empty = RequestDraft(kind: .error, services: [EntityID("svc")], text: "")
    try store.requestDrop.drop(empty, id: .make(), storeOwner: getuid())
    try store.perform(AddDepartment(name: "Kultur"), actor: testActor, now: testDate)
    #expect(try StoreFile(path: folder.store).load().requests.isEmpty)
    #expect(store.requestDrop.refusedCount() == 1)
  }

  @Test(
    "a bounded read stops one byte past its limit: a sender's file grown after its size was taken is not read whole"
  )
  func boundedRead() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/grown.request"
    let size = RequestDrop.maximumBytes * 16
    try Data(repeating: UInt8(ascii: "x"), count: size).write(to: URL(fileURLWithPath: path))
    let (whole, _) = try FileDescriptor.openRegular(path)
    #expect(try whole.readToEnd().count == size)
    let (bounded, _) = try FileDescriptor.openRegular(path)
    #expect(
      try bounded.readToEnd(limit: RequestDrop.maximumBytes).count == RequestDrop.maximumBytes + 1)
    let (small, _) = try FileDescriptor.openRegular(path)
    #expect(try small.readToEnd(limit: size).count == size)
  }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Shared mode with real accounts: two e-coordinators, each with their own login and
/// a umask that gives others nothing, in one group the store is shared with
/// (`etjanst share --group`). Needs root (to make the accounts and the group and run
/// as them); skipped elsewhere.
@Suite(
  .serialized,
  .enabled(
    if: getuid() == 0
      && [
        "/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/usermod", "/usr/sbin/groupadd",
        "/usr/sbin/groupdel", "/usr/sbin/runuser",
      ].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) },
    "needs root, useradd, groupadd and runuser")
)
struct SharedModeEndToEndTests {
  @Test(
    "two e-coordinators save in turn, gallring included: every file stays 0660 in the group, nothing refused or lost"
  )
  func twoMembersSaveInTurn() throws {
    let group = ManagerAccount.uniqueLogin("etjgrp")
    let made = try Binary.run("/usr/sbin/groupadd", [group])
    try #require(made.status == 0, "groupadd: \(made.stderr)")
    defer { _ = try? Binary.run("/usr/sbin/groupdel", [group]) }
    let gid = try #require(getgrnam(group)).pointee.gr_gid
    let a = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjkoa"))
    defer { a.remove() }
    let b = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjkob"))
    defer { b.remove() }
    for member in [a, b] {
      let added = try Binary.run("/usr/sbin/usermod", ["-aG", group, member.login])
      try #require(added.status == 0, "usermod: \(added.stderr)")
    }
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    chmod(folder.path, 0o755)
    let binary = try a.installBinary(in: folder)
    // The store's folder is A's (the shared mode's owner).
    let storeFolder = folder.appendingPathComponent("store").path
    try FileManager.default.createDirectory(atPath: storeFolder, withIntermediateDirectories: false)
    chown(storeFolder, a.uid, a.gid)
    chmod(storeFolder, 0o700)
    let store = storeFolder + "/etjanst.plist"
    /// `etjanst ARGUMENTS` as `who`, whose umask lets nobody else read what they make.
    func run(_ who: ManagerAccount, _ arguments: [String]) throws -> Binary.Output {
      try Binary.run(
        "/usr/sbin/runuser",
        ["-u", who.login, "--", "/bin/sh", "-c", #"umask 077; exec "$0" "$@""#, binary]
          + arguments)
    }

    // A makes the store and is its e-coordinator; B is one too; A shares it.
    let demo = try run(a, ["demo", "--output", store])
    try #require(demo.status == 0, "demo: \(demo.stderr)")
    _ = try Binary.plistlib(
      store,
      "plistlib.dump({**d, 'municipality': {**d['municipality'], 'users': d['municipality']['users'] + [{'login': '\(b.login)', 'name': 'Bea Andra', 'role': {'kind': 'eCoordinator'}}]}}, open(sys.argv[1], 'wb'))"
    )
    let shared = try run(a, ["share", "--group", group, "--store", store])
    try #require(shared.status == 0, "share: \(shared.stderr)")

    // In turn, each through the command line: twelve imports (more than the ten
    // backups kept, so each prunes what the other made), then B's gallring of an old
    // trail line, then one more save by A.
    var saves: [String: Int] = [:]
    func importService(_ i: Int, by who: ManagerAccount) throws {
      let csv = try Binary.serviceImport(
        in: folder, service: "Delad tjänst \(i)", file: "import-\(i).csv")
      let out = try run(who, ["services", "import", csv, "--store", store])
      #expect(out.status == 0, "\(who.login) import \(i): \(out.stderr)")
      saves[who.login, default: 0] += 1
    }
    for i in 0..<12 { try importService(i, by: i % 2 == 0 ? a : b) }
    let old = #"{"at":"2001-01-01T00:00:00Z","en":"old","login":"x","sv":"gammal"}"#
    let trail = try FileHandle(forUpdating: URL(fileURLWithPath: store + ".audit"))
    let rest = try trail.readToEnd() ?? Data()
    try trail.seek(toOffset: 0)
    try trail.write(contentsOf: Data((old + "\n").utf8) + rest)
    try trail.close()
    let gallra = try run(b, ["gallra", "--store", store])
    #expect(gallra.status == 0, "gallra: \(gallra.stderr)")
    #expect(gallra.stdout.contains("1"), "\(gallra.stdout)")
    try importService(12, by: a)

    // Nothing lost: every service, and every save's line in the trail.
    let numbers = try Binary.plistlib(
      store,
      "sorted(int(s['name'].split()[-1]) for s in d['municipality']['services'] if s['name'].startswith('Delad'))"
    )
    #expect(numbers == "[" + (0...12).map(String.init).joined(separator: ", ") + "]")
    let lines = try String(contentsOfFile: store + ".audit", encoding: .utf8)
      .split(separator: "\n").filter { $0.contains("Delad tjänst") }
    for (login, count) in saves {
      #expect(lines.filter { $0.contains(#""login":"\#(login)""#) }.count == count, "\(login)")
    }
    let listed = try run(b, ["list", "audit", "--store", store])
    #expect(listed.status == 0, "\(listed.stderr)")

    // Every file the two made is the group's: files 0660, folders 2770.
    func expectShared(_ path: String, _ mode: UInt32) {
      var info = stat()
      guard lstat(path, &info) == 0 else {
        Issue.record("\(path) is missing")
        return
      }
      #expect(
        UInt32(info.st_mode) & 0o7777 == mode, "\(path): \(String(info.st_mode & 0o7777, radix: 8))"
      )
      #expect(info.st_gid == gid, "\(path): group \(info.st_gid)")
    }
    expectShared(storeFolder, 0o2770)
    for name in try FileManager.default.contentsOfDirectory(atPath: storeFolder) {
      let path = storeFolder + "/" + name
      if name.hasSuffix(".backups") {
        expectShared(path, 0o2770)
        for backup in try FileManager.default.contentsOfDirectory(atPath: path) {
          expectShared(path + "/" + backup, 0o660)
        }
      } else {
        expectShared(path, 0o660)
      }
    }
  }

  @Test(
    "a 0640 store in a managers' group its e-coordinator is not in: the save is refused in one line, nothing narrowed; in the group, saves keep 0640 and the group"
  )
  func groupReadableModeIsKeptOrRefused() throws {
    let group = ManagerAccount.uniqueLogin("etjmgr")
    let made = try Binary.run("/usr/sbin/groupadd", [group])
    try #require(made.status == 0, "groupadd: \(made.stderr)")
    defer { _ = try? Binary.run("/usr/sbin/groupdel", [group]) }
    let gid = try #require(getgrnam(group)).pointee.gr_gid
    let coordinator = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjkoc"))
    defer { coordinator.remove() }
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    chmod(folder.path, 0o755)
    let binary = try coordinator.installBinary(in: folder)
    let storeFolder = folder.appendingPathComponent("store").path
    try FileManager.default.createDirectory(atPath: storeFolder, withIntermediateDirectories: false)
    chown(storeFolder, coordinator.uid, coordinator.gid)
    chmod(storeFolder, 0o755)
    let store = storeFolder + "/etjanst.plist"
    func run(_ arguments: [String]) throws -> Binary.Output {
      try Binary.run(
        "/usr/sbin/runuser",
        ["-u", coordinator.login, "--", "/bin/sh", "-c", #"umask 077; exec "$0" "$@""#, binary]
          + arguments)
    }
    let demo = try run(["demo", "--output", store])
    try #require(demo.status == 0, "demo: \(demo.stderr)")
    // The administrator gives the store to the managers' group, read-only for them.
    #expect(chown(store, coordinator.uid, gid) == 0 && chmod(store, 0o640) == 0)
    func expectKept(_ note: String) {
      var info = stat()
      #expect(stat(store, &info) == 0)
      #expect(info.st_mode & 0o7777 == 0o640, "\(note): \(String(info.st_mode & 0o7777, radix: 8))")
      #expect(info.st_gid == gid, "\(note): group \(info.st_gid)")
    }
    let csv = try Binary.serviceImport(in: folder)
    let before = FileManager.default.contents(atPath: store)
    let refused = try run(["services", "import", csv, "--store", store, "--lang", "en"])
    #expect(refused.status == 2, "\(refused.stderr)")
    #expect(
      refused.stderr.hasPrefix(
        "etjanst: \(store): refused: the store is 640 in the group \(group), which \(coordinator.login) is not in;"
      ), "\(refused.stderr)")
    #expect(refused.stderr.filter { $0 == "\n" }.count == 1, "\(refused.stderr)")
    #expect(FileManager.default.contents(atPath: store) == before)
    expectKept("refused")

    // In the group, a save keeps the mode and the group.
    let added = try Binary.run("/usr/sbin/usermod", ["-aG", group, coordinator.login])
    try #require(added.status == 0, "usermod: \(added.stderr)")
    let saved = try run(["services", "import", csv, "--store", store, "--lang", "en"])
    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(FileManager.default.contents(atPath: store) != before)
    expectKept("saved")
  }
}

import Foundation
import TestSupport

/// A department manager as the SSH test needs one: an OS account of their own, a
/// store they may read but not write (0640, group theirs, in a 0750 folder — the
/// managers' group the store allows), a copy of the binary they can run, and a
/// folder of their own where the remote shell leaves the console's pid.
///
/// Each test makes accounts of its own (`uniqueLogin`), so two test runs at once on
/// one machine never share one, and removes them after (`remove`).
struct ManagerAccount {
  let login: String
  let uid: uid_t
  let gid: gid_t

  /// The demo's manager of Samhällsbyggnadsförvaltningen, whose login becomes `login`.
  static let demoLogin = "chef.sbf"
  static let name = "Jari Kivijärvi"
  static let departmentID = "dep-sbf"
  static let department = "Samhällsbyggnadsförvaltningen"

  /// A login for one test of this run: `base`, this process's id and a random token
  /// (within Linux's 32 characters and useradd's lower-case letters, digits and '-').
  static func uniqueLogin(_ base: String) -> String {
    "\(base)\(getpid())-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
  }

  /// Deletes the account with its home and private group. -f: an sshd session that
  /// is still ending may own a process of it.
  func remove() {
    _ = try? Binary.run("/usr/sbin/userdel", ["-f", "-r", login])
  }

  /// Creates the account if it does not exist. Its password field is "*" (no
  /// password login), not useradd's "!": without PAM, sshd refuses a "!" account
  /// as locked even for a key.
  static func ensure(_ login: String) throws -> ManagerAccount {
    if getpwnam(login) == nil {
      let made = try Binary.run("/usr/sbin/useradd", ["-m", "-s", "/bin/sh", "-p", "*", login])
      guard made.status == 0 || getpwnam(login) != nil else {
        throw SSHServer.Failed("useradd \(login): \(made.stderr)")
      }
    }
    guard let entry = getpwnam(login) else {
      throw SSHServer.Failed("no passwd entry for \(login)")
    }
    return ManagerAccount(login: login, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
  }

  /// Writes the demo store into `folder/store/` with this login as the manager of
  /// Samhällsbyggnadsförvaltningen (root stays its e-coordinator), then shares it
  /// read-only with the manager's group. Returns the store's path.
  func sharedStore(in folder: URL) throws -> String {
    let storeFolder = folder.appendingPathComponent("store")
    try FileManager.default.createDirectory(at: storeFolder, withIntermediateDirectories: true)
    let store = storeFolder.appendingPathComponent("etjanst.plist").path
    let written = try Binary.etjanst(["demo", "--output", store])
    guard written.status == 0 else { throw SSHServer.Failed("etjanst demo: \(written.stderr)") }
    let script = """
      import plistlib, sys
      path, old, new = sys.argv[1:4]
      with open(path, 'rb') as f: d = plistlib.load(f)
      users = [u for u in d['municipality']['users'] if u['login'] == old]
      assert users and users[0]['role'] == {'kind': 'manager', 'department': '\(Self.departmentID)'}, users
      users[0]['login'] = new
      with open(path, 'wb') as f: plistlib.dump(d, f)
      """
    let edited = try Binary.run(
      "/usr/bin/env", ["python3", "-c", script, store, Self.demoLogin, login])
    guard edited.status == 0 else { throw SSHServer.Failed("plistlib: \(edited.stderr)") }
    // The folder and the file belong to root; the manager reads through the group.
    for (path, mode) in [(storeFolder.path, mode_t(0o750)), (store, mode_t(0o640))] {
      guard chown(path, 0, gid) == 0, chmod(path, mode) == 0 else {
        throw SSHServer.Failed("chown/chmod \(path): \(errno)")
      }
    }
    return store
  }

  /// The built binary (and any resource bundles beside it) copied to `folder/bin`,
  /// 0755: the build folder need not be reachable for another user.
  func installBinary(in folder: URL) throws -> String {
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let built = URL(fileURLWithPath: Binary.etjanst)
    let beside = try FileManager.default.contentsOfDirectory(
      atPath: built.deletingLastPathComponent().path)
    for name in beside where name.hasSuffix(".resources") {
      try FileManager.default.copyItem(
        at: built.deletingLastPathComponent().appendingPathComponent(name),
        to: bin.appendingPathComponent(name))
    }
    let copy = bin.appendingPathComponent("etjanst").path
    try Self.copyClosedOnExec(built.path, to: copy)
    chmod(bin.path, 0o755)
    chmod(copy, 0o755)
    return copy
  }

  /// Copies a program through a descriptor opened O_CLOEXEC. FileManager's copy left
  /// its descriptor open to any process another test thread started meanwhile (a tmux
  /// server lives on), and running the copy then failed with "Text file busy".
  static func copyClosedOnExec(_ source: String, to destination: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: source))
    let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw SSHServer.Failed("open \(destination): \(errno)") }
    defer { close(fd) }
    try data.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw SSHServer.Failed("write \(destination): \(errno)") }
        done += n
      }
    }
  }

  /// A folder the manager owns, for the pid the remote shell writes.
  func ownFolder(in folder: URL) throws -> URL {
    let own = folder.appendingPathComponent("run")
    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
    guard chown(own.path, uid, gid) == 0, chmod(own.path, 0o700) == 0 else {
      throw SSHServer.Failed("chown \(own.path): \(errno)")
    }
    return own
  }
}

import Foundation
import TestSupport
import Testing

/// A manager's `restore`: the store is shared with them read-only (0640 in a 0750
/// folder) but the backups folder is the e-coordinator's alone (0700). What they
/// are told must be true: the folder cannot be read, not "no backups".
/// Needs root (to make the account and run as it); skipped elsewhere.
@Suite(
  .serialized,
  .enabled(
    if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
      && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
    "needs root, runuser and useradd")
)
struct RestoreAsManagerEndToEndTests {
  @Test(
    "a manager's restore --list and restore 1 say the backups cannot be read, not that none exist")
  func unreadableBackups() throws {
    let account = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjchef"))
    defer { account.remove() }
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    chmod(folder.path, 0o755)
    let store = try account.sharedStore(in: folder)
    let binary = try account.installBinary(in: folder)
    // One backup, in a folder only its owner (root, the e-coordinator here) reads.
    let backups = store + ".backups"
    try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false)
    chmod(backups, 0o700)
    try FileManager.default.copyItem(
      atPath: store, toPath: backups + "/20261127T090000.000Z.plist")

    // The e-coordinator sees it.
    let own = try Binary.etjanst(["restore", "--list", "--store", store])
    #expect(own.status == 0 && own.stdout.hasPrefix("1  "), "\(own.stdout)\(own.stderr)")

    for (arguments, lang) in [
      (["restore", "--list"], "sv"), (["restore", "1"], "sv"), (["restore", "--list"], "en"),
    ] {
      let out = try Binary.run(
        "/usr/sbin/runuser",
        ["-u", account.login, "--", binary] + arguments + ["--store", store, "--lang", lang])
      let said = out.stdout + out.stderr
      #expect(out.status != 0, "\(arguments): \(said)")
      #expect(!said.contains("Inga säkerhetskopior") && !said.contains("No backups"), "\(said)")
      #expect(!said.contains("0 finns") && !said.contains("0 exist"), "\(said)")
      #expect(
        said.contains(lang == "sv" ? "kan inte läsas" : "cannot be read") && said.contains(backups),
        "\(arguments): \(said)")
    }
  }

  @Test(
    "each test's accounts are its own: unique logins that name this run, fit Linux's limit, and go after"
  )
  func accountsBelongToOneRun() throws {
    let login = ManagerAccount.uniqueLogin("etjperson")
    #expect(login != ManagerAccount.uniqueLogin("etjperson"))
    #expect(login.contains("\(getpid())"))
    #expect(login.count <= 32)
    let account = try ManagerAccount.ensure(login)
    #expect(getpwnam(login) != nil)
    account.remove()
    #expect(getpwnam(login) == nil)
  }
}

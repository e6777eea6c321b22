import Foundation
import TestSupport
import Testing

/// The SSH key mode through a real sshd: a service account owns the store (0600);
/// a manager's key in its authorized_keys, added with `etjanst keys add`, carries the
/// forced command `etjanst --user LOGIN`. Logging in by that key gives the console as
/// that manager and nothing else: no shell, no copy of the store, no other
/// department's data; `--user` typed by anyone is refused.
/// Runs as root with OpenSSH installed (CI, through .ci/run); skipped elsewhere.
@Suite(
  .serialized,
  .enabled(
    if: SSHServer.available && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"),
    "needs root, OpenSSH and runuser, which .ci/run installs")
)
struct SSHKeyModeTests {
  static let manager = "chef.sbf"

  @Test(
    "a manager's key opens their department's console read-only; q ends it; the store is untouched"
  )
  func keyOpensTheConsole() throws {
    let setup = try KeyModeSetup()
    defer { setup.cleanUp() }
    let ssh = setup.server.sshArguments(user: setup.account.login, remoteCommand: nil)
    let tmux = try Tmux(command: ssh.map(KeyModeSetup.quoted).joined(separator: " "))
    defer { tmux.kill() }
    var screen = try tmux.waitFor(text: "Tomas Niska", timeout: .seconds(30))
    #expect(
      screen[0].contains("Jari Kivijärvi (chef, Samhällsbyggnadsförvaltningen)"), "\(screen[0])")
    try tmux.send(keys: "3")
    screen = try tmux.waitFor(text: "Elin Sirkka")
    let body = screen.joined(separator: "\n")
    #expect(!body.contains("Erik Mäkitalo"), "another department's staff:\n\(body)")
    #expect(!body.contains("Aino Keränen"), "another department's staff:\n\(body)")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
    try setup.expectStoreUntouched()
    #expect(setup.server.log.contains("Accepted publickey for \(setup.account.login)"))
  }

  @Test(
    "a client's LC_ALL of 2,000 letters (AcceptEnv LANG LC_*) opens the console; SIGSEGV ends it in one line, nothing left behind"
  )
  func clientLocaleAndCrash() throws {
    let setup = try KeyModeSetup()
    defer { setup.cleanUp() }
    var ssh = setup.server.sshArguments(user: setup.account.login, remoteCommand: nil)
    ssh.insert(contentsOf: ["-o", "SendEnv=LANG LC_*"], at: 1)
    // Through a file: a tmux command line holds no 20,000 bytes.
    let variables = setup.folder.appendingPathComponent("variables").path
    try """
    LC_ALL=\(String(repeating: "a", count: 2_000))
    LANG=\(String(repeating: "b", count: 20_000))
    export LC_ALL LANG
    """.write(toFile: variables, atomically: true, encoding: .utf8)
    let tmux = try Tmux(
      command: ". \(variables); " + ssh.map(KeyModeSetup.quoted).joined(separator: " "))
    defer { tmux.kill() }
    try tmux.waitFor(text: "Tomas Niska", timeout: .seconds(30))
    // The console on the server, as the service account, by its store: a uid freed by
    // another test's account may be this one's again while that test's processes end.
    let found = try Binary.run("/usr/bin/pgrep", ["-u", setup.account.login, "-x", "etjanst"])
    let pids = found.stdout.split(separator: "\n").compactMap { pid_t($0) }.filter { pid in
      let arguments =
        (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
      return String(decoding: arguments, as: UTF8.self).contains(setup.store)
    }
    #expect(pids.count == 1, "\(found)")
    let pid = try #require(pids.first)
    #expect(kill(pid, SIGSEGV) == 0)
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 128 + SIGSEGV)
    let screen = try tmux.capture(history: true).filter {
      !$0.isEmpty && !$0.hasPrefix("Pane is dead")
    }
    #expect(
      screen.last
        == "etjanst: internt fel; programmet avslutades (allt sparat före felet finns kvar)",
      "\(screen)")
    #expect(!screen.joined().contains("Press space") && !screen.joined().contains("Backtrac"))
    #expect(
      screen.contains("etjanst: LANG, LC_ALL var inget språkområde; C.UTF-8 används"), "\(screen)")
    // Nothing of the account stays once the client has gone (sshd's own process for
    // the session ends a moment after the client; waited for, bounded).
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(10)
    func left() throws -> [Substring] {
      try Binary.run("/usr/bin/pgrep", ["-a", "-u", setup.account.login]).stdout
        .split(separator: "\n").filter {
          $0.contains(setup.folder.path) || $0.contains(setup.account.login)
        }
    }
    var remaining = try left()
    while !remaining.isEmpty && clock.now < deadline {
      usleep(50_000)
      remaining = try left()
    }
    #expect(remaining.isEmpty, "left behind: \(remaining)")
    try setup.expectStoreUntouched()
  }

  @Test("by that key: no shell, no command, no copy of the store by scp or sftp")
  func keyGivesNothingElse() throws {
    let setup = try KeyModeSetup()
    defer { setup.cleanUp() }
    // A command: cat of the store, or a shell.
    for command in ["cat \(setup.store)", "/bin/sh -i", "sh"] {
      let ssh = setup.server.sshArguments(
        user: setup.account.login, remoteCommand: command, terminal: false)
      let output = try Binary.run(ssh[0], Array(ssh.dropFirst()))
      #expect(output.status != 0, "\(command): \(output)")
      #expect(!output.stdout.contains("plist"), "\(command) printed the store: \(output.stdout)")
      #expect(
        output.stderr.contains("öppnar bara etjanst-konsolen"), "\(command): \(output.stderr)")
    }
    // No command and no terminal: the console says it needs one; no shell starts.
    let plain = setup.server.sshArguments(
      user: setup.account.login, remoteCommand: nil, terminal: false)
    let output = try Binary.run(plain[0], Array(plain.dropFirst()))
    #expect(output.status != 0)
    #expect(output.stderr.contains("konsolen behöver en terminal"), "\(output.stderr)")
    // scp, over SFTP (the default) and the old protocol: nothing is copied.
    for legacy in [false, true] {
      let copy = setup.folder.appendingPathComponent("copy-\(legacy).plist").path
      let scp =
        ["-P", "\(setup.server.port)"] + setup.server.clientOptions + (legacy ? ["-O"] : [])
        + ["\(setup.account.login)@127.0.0.1:\(setup.store)", copy]
      let copied = try Binary.run("/usr/bin/scp", scp)
      #expect(copied.status != 0, "scp \(legacy ? "-O " : ""): \(copied)")
      let size = (try? FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int) ?? 0
      #expect(size == 0, "scp copied \(size) bytes of the store")
    }
    try setup.expectStoreUntouched()
  }

  @Test("--user typed by a person is refused: another account, the service account's own shell")
  func typedUserIsRefused() throws {
    let setup = try KeyModeSetup()
    defer { setup.cleanUp() }
    // A person with an account of their own names the e-coordinator.
    let person = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjperson"))
    defer { person.remove() }
    let other = try Binary.run(
      "/usr/sbin/runuser",
      ["-u", person.login, "--", setup.binary, "--store", setup.store, "--user", "esamordnare"])
    #expect(other.status == 2, "\(other)")
    #expect(other.stderr.contains("--user gäller bara i SSH-nyckelläget"), "\(other.stderr)")
    // The service account itself, from su/runuser rather than from a key.
    let own = try Binary.run(
      "/usr/sbin/runuser",
      [
        "-u", setup.account.login, "--", setup.binary, "--store", setup.store, "--user",
        Self.manager,
      ])
    #expect(own.status == 2, "\(own)")
    #expect(own.stderr.contains("inte av sshd från en nyckel"), "\(own.stderr)")
    // root, on a store of its own: still not from a key.
    let rootStore = setup.folder.appendingPathComponent("own.plist").path
    #expect(try Binary.etjanst(["demo", "--output", rootStore]).status == 0)
    chmod(rootStore, 0o600)
    let root = try Binary.etjanst(["--store", rootStore, "--user", Self.manager])
    #expect(root.status == 2, "\(root)")
    #expect(root.stderr.contains("--user gäller bara i SSH-nyckelläget"), "\(root.stderr)")
    try setup.expectStoreUntouched()
  }

  @Test("keys list names the login and person each key opens; a key with no forced command warns")
  func keysList() throws {
    let setup = try KeyModeSetup()
    defer { setup.cleanUp() }
    let list = try setup.asService(["keys", "list", "--store", setup.store])
    #expect(list.status == 0, "\(list)")
    #expect(list.stdout.contains("chef.sbf  Jari Kivijärvi  ssh-ed25519"), "\(list.stdout)")
    // The same key again is refused, naming whose it is.
    let again = try setup.asService(
      ["keys", "add", "esamordnare", setup.server.clientKey + ".pub", "--store", setup.store])
    #expect(again.status == 1, "\(again)")
    #expect(again.stderr.contains("knuten till chef.sbf"), "\(again.stderr)")
  }
}

/// A service account owning a demo store (0600, in a 0700 folder), the binary, an
/// sshd reading the account's own ~/.ssh/authorized_keys, and the test's key added
/// for the demo's manager of Samhällsbyggnadsförvaltningen by `etjanst keys add`.
private final class KeyModeSetup {
  let folder: URL
  let account: ManagerAccount
  let binary: String
  let store: String
  let storeBytes: Data
  let server: SSHServer

  init() throws {
    folder = try Binary.temporaryFolder()
    chmod(folder.path, 0o755)
    let account = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjsvc"))
    // A setup that fails removes its account; one that succeeds leaves it to cleanUp.
    var made = false
    defer { if !made { account.remove() } }
    self.account = account
    binary = try account.installBinary(in: folder)
    let storeFolder = folder.appendingPathComponent("store")
    try FileManager.default.createDirectory(at: storeFolder, withIntermediateDirectories: true)
    store = storeFolder.appendingPathComponent("etjanst.plist").path
    let written = try Binary.etjanst(["demo", "--output", store])
    guard written.status == 0 else { throw SSHServer.Failed("demo: \(written.stderr)") }
    for name in try FileManager.default.contentsOfDirectory(atPath: storeFolder.path) {
      let path = storeFolder.appendingPathComponent(name).path
      chown(path, account.uid, account.gid)
      chmod(path, 0o600)
    }
    chown(storeFolder.path, account.uid, account.gid)
    chmod(storeFolder.path, 0o700)
    storeBytes = try Data(contentsOf: URL(fileURLWithPath: store))
    let sshFolder = folder.appendingPathComponent("ssh")
    try FileManager.default.createDirectory(at: sshFolder, withIntermediateDirectories: true)
    server = try SSHServer(
      user: account.login, folder: sshFolder, authorizedKeysFile: ".ssh/authorized_keys")
    let added = try asService(
      ["keys", "add", SSHKeyModeTests.manager, server.clientKey + ".pub", "--store", store])
    guard added.status == 0 else { throw SSHServer.Failed("keys add: \(added)") }
    made = true
  }

  /// `etjanst ARGUMENTS` as the service account, as its administrator runs it.
  func asService(_ arguments: [String]) throws -> Binary.Output {
    try Binary.run("/usr/sbin/runuser", ["-u", account.login, "--", binary] + arguments)
  }

  func expectStoreUntouched() throws {
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == storeBytes, "the store changed")
  }

  func cleanUp() {
    server.stop()
    account.remove()
    try? FileManager.default.removeItem(at: folder)
  }

  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

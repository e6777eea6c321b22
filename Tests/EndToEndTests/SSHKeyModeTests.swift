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

  @Test(
    "requests over the key: the manager files a new employee and a leaver in the console, the e-coordinator accepts both by theirs; records, checklists and trail say who asked and who acted; any other write is refused"
  )
  func requestsThroughTheConsole() throws {
    let setup = try KeyModeSetup()
    defer { setup.cleanUp() }
    let lastDay = KeyModeSetup.day(inDays: 30)

    // The manager's key: the console, as chef.sbf.
    let ssh = setup.server.sshArguments(user: setup.account.login, remoteCommand: nil)
    let manager = try Tmux(command: ssh.map(KeyModeSetup.quoted).joined(separator: " "))
    defer { manager.kill() }
    var tmux = manager
    // C-s saves a form; it closes once the store has the request.
    func save(form title: String) throws {
      try tmux.send(keys: "C-s")
      try tmux.waitFor("the form '\(title)' stayed open") { !$0.joined().contains(title) }
    }
    try tmux.waitFor(text: "Tomas Niska", timeout: .seconds(30))
    try tmux.send(keys: "3")
    try tmux.waitFor(text: "Elin Sirkka")
    try tmux.send(keys: "b")
    try tmux.waitFor(text: "Begäran: ny medarbetare")
    try tmux.send(text: "Nina Ny")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "nina.ny")
    try save(form: "Begäran: ny medarbetare")
    try tmux.send(keys: "/")
    try tmux.send(text: "Elin")
    try tmux.send(keys: "Enter", "Enter")
    try tmux.waitFor(text: "(elin.sirkka)")
    try tmux.send(keys: "b")
    try tmux.waitFor(text: "Begäran: slutar")
    try tmux.send(keys: "C-u")
    try tmux.send(text: lastDay)
    try save(form: "Begäran: slutar")
    // Any other write is refused in the console: removing her from the platform.
    try tmux.send(keys: "x")
    try tmux.waitFor(text: "Du har läsbehörighet")
    try tmux.send(keys: "1", "b")
    try tmux.waitFor(row: "Ny medarbetare", "Skickad", "Nina Ny")
    try tmux.waitFor(row: "Slutar", "Skickad", "Elin Sirkka")
    try tmux.send(keys: "Escape")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    // By the same key a command is never run, a request for another department's
    // e-service or any other write included: the forced command opens the console only.
    for command in [
      "\(setup.binary) request error 'Beställning av e-tjänst' --text Fel --store \(setup.store)",
      "\(setup.binary) request leaver aino.keranen --last-day \(lastDay) --store \(setup.store)",
      "\(setup.binary) services import /dev/null --store \(setup.store)",
    ] {
      let remote = setup.server.sshArguments(
        user: setup.account.login, remoteCommand: command, terminal: false)
      let output = try Binary.run(remote[0], Array(remote.dropFirst()))
      #expect(output.status != 0, "\(command): \(output)")
      #expect(
        output.stderr.contains("öppnar bara etjanst-konsolen"), "\(command): \(output.stderr)")
    }
    let filed = try Binary.plistlib(
      setup.store,
      "sorted((r['kind'], r['sender'], r['department'], r['state']) for r in d['municipality']['requests'])"
    )
    #expect(
      filed
        == "[('leaver', 'chef.sbf', 'dep-sbf', 'sent'), ('newEmployee', 'chef.sbf', 'dep-sbf', 'sent')]",
      "\(filed)")

    // The e-coordinator's own key: the requests wait on the overview; `a` accepts each.
    let key = setup.folder.appendingPathComponent("coordinator_ed25519").path
    let made = try Binary.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key])
    try #require(made.status == 0, "ssh-keygen: \(made.stderr)")
    let added = try setup.asService([
      "keys", "add", "esamordnare", key + ".pub", "--store", setup.store,
    ])
    try #require(added.status == 0, "keys add: \(added)")
    let coordinator = setup.server.sshArguments(
      user: setup.account.login, remoteCommand: nil, key: key)
    let coordinatorConsole = try Tmux(
      command: coordinator.map(KeyModeSetup.quoted).joined(separator: " "))
    defer { coordinatorConsole.kill() }
    tmux = coordinatorConsole
    try tmux.waitFor(text: "2 begäranden väntar på svar", timeout: .seconds(30))
    // The oldest first: the new employee, then the leaver.
    try tmux.send(keys: "b")
    try tmux.waitFor(row: "Ny medarbetare", "Skickad")
    try tmux.send(keys: "a")
    try tmux.waitFor(text: "1 begäran väntar på svar")
    try tmux.send(keys: "b")
    try tmux.waitFor(row: "Slutar", "Skickad")
    try tmux.send(keys: "a")
    try tmux.waitFor("the leaver's request still waits") {
      !$0.joined().contains("väntar på svar")
    }
    // What it became is one key from the request: Nina Ny's page, her onboarding.
    // The answered ones newest first: the leaver, then the new employee.
    try tmux.send(keys: "b")
    try tmux.waitFor(row: "Ny medarbetare", "Accepterad", "Nina Ny")
    try tmux.send(keys: "Down", "o")
    try tmux.waitFor(row: "Nina Ny (nina.ny)")
    try tmux.waitFor(text: "Introduktion (4.1)")
    // q goes back where the jump came from, the overview; there it quits.
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "Mål (riktlinjen, avsnitt 2)")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    try AcceptedRequests.expect(
      in: setup.store, asked: SSHKeyModeTests.manager, acted: "esamordnare", lastDay: lastDay)
    let answered = try Binary.plistlib(
      setup.store,
      "sorted((r['kind'], r['state'], r.get('answeredBy')) for r in d['municipality']['requests'])"
    )
    #expect(
      answered
        == "[('leaver', 'accepted', 'esamordnare'), ('newEmployee', 'accepted', 'esamordnare')]",
      "\(answered)")
    let trail = try String(contentsOfFile: setup.store + ".audit", encoding: .utf8)
    #expect(!trail.contains("\"RemoveStaffMember\""), "\(trail)")
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

  /// The day `days` from today in Stockholm, as a form takes it (YYYY-MM-DD).
  static func day(inDays days: Int) -> String {
    let format = DateFormatter()
    format.locale = Locale(identifier: "en_US_POSIX")
    format.timeZone = TimeZone(identifier: "Europe/Stockholm")
    format.dateFormat = "yyyy-MM-dd"
    return format.string(from: Date().addingTimeInterval(Double(days) * 86400))
  }

  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

import Foundation
import TestSupport
import Testing

/// A manager opens the console over SSH, as they do from their own desk: a real
/// sshd on 127.0.0.1, a real login as another OS user, a store they may only read.
/// Runs as root with OpenSSH installed (CI, through .ci/run); skipped elsewhere.
@Suite(
  .serialized,
  .enabled(
    if: SSHServer.available,
    "needs root and OpenSSH (/usr/sbin/sshd, ssh, ssh-keygen), which .ci/run installs")
)
struct SSHEndToEndTests {

  @Test(
    "a manager over SSH sees their department's access matrix read-only, å ä ö without a locale; q ends the session with 0; the store is untouched"
  )
  func managerReadsOverSSH() throws {
    let session = try Session()
    defer { session.cleanUp() }
    let tmux = session.tmux

    var screen = try tmux.waitFor(text: "Tomas Niska", timeout: .seconds(30))
    // The remote side has no LANG (sshd passes none here): the title still shows ä.
    let title = screen[0]
    #expect(
      title.contains("\(ManagerAccount.name) (chef, \(ManagerAccount.department))"),
      "title: \(title)")
    #expect(title.contains("LÄSLÄGE"), "title: \(title)")
    let body = screen.joined(separator: "\n")
    // Their own staff and e-services; nobody from another department.
    for text in ["Elin Sirkka", "Mattias Hedman", "Ansökan om bygglov", "strandskyddsdispens"] {
      #expect(body.contains(text), "\(text) missing from:\n\(body)")
    }
    #expect(body.contains("Behörigheter · \(ManagerAccount.department) · 3 personer"), "\(body)")
    #expect(!body.contains("Erik Mäkitalo"), "another department's staff on screen:\n\(body)")

    let bytes = try session.bytesForOneKey(press: "j")
    let idle = try session.idleBytes(seconds: 3)
    print(
      "SSH: first screen \(bytes.firstScreen) bytes, one key (j, next row) \(bytes.oneKey) bytes, "
        + "3 s idle \(idle) bytes")

    // ssh passes the new size on (window-change); the console redraws to fit.
    try tmux.resize(width: 132, height: 43)
    // Waits for the whole frame: the title row can arrive before the rows below it.
    screen = try tmux.waitFor(timeout: .seconds(10), "the console did not fill 132×43") {
      $0.count == 43 && $0[0].contains("Övertorneå kommun") && $0[0].count > 100
        && $0.joined().contains("Tomas Niska")
    }
    #expect(screen.joined().contains("Tomas Niska"))

    // An editing key explains who makes changes.
    try tmux.send(keys: "u")
    screen = try tmux.waitFor(text: "Ändringar görs av e-samordnaren (Linnea Alatalo)")

    // q leaves the matrix for the staff list, q again quits (after its question);
    // ssh reports the exit.
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "a Behörigheter")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    try session.expectStoreUntouched()
    #expect(
      session.server.log.contains("Accepted publickey for \(session.manager.login)"),
      "\(session.server.log)")
    // What made å ä ö worth checking: the console's side of SSH has no locale.
    let environment = try session.runRemotely(["env"])
    #expect(!environment.stdout.contains("LANG="), "\(environment.stdout)")
    #expect(!environment.stdout.contains("LC_"), "\(environment.stdout)")
  }

  @Test(
    "the SSH connection drops: the console on the server is hung up and gone within seconds")
  func hangupEndsTheConsole() throws {
    let session = try Session()
    defer { session.cleanUp() }
    try session.tmux.waitFor(text: "Tomas Niska", timeout: .seconds(30))
    let console = try session.remotePID()
    #expect(Session.owner(of: console) == session.manager.uid, "the console runs as the manager")

    // The client dies without a word, as when a laptop lid closes or Wi-Fi drops
    // and the TCP connection is reset: sshd hangs up the console's terminal.
    let client = try session.clientPID()
    kill(client, SIGKILL)
    let clock = ContinuousClock()
    let start = clock.now
    while Session.isRunning(console) && clock.now - start < .seconds(5) { usleep(50_000) }
    #expect(!Session.isRunning(console), "etjanst (pid \(console)) still runs 5 s after the hangup")
    print("SSH: the console ended \(clock.now - start) after the client was killed")
    try session.expectStoreUntouched()
  }
}

extension SSHEndToEndTests {
  @Test(
    "SIGHUP to the console over SSH: it gives the terminal back (the pane leaves its screen) and ends"
  )
  func hangupSignalRestoresTheTerminal() throws {
    let session = try Session()
    defer { session.cleanUp() }
    try session.tmux.waitFor(text: "Tomas Niska", timeout: .seconds(30))
    let console = try session.remotePID()
    kill(console, SIGHUP)
    // sshd reports the signal; ssh then exits non-zero, and the pane shows what
    // was there before the console took the screen.
    #expect(try session.tmux.waitForExit(timeout: .seconds(10)) != 0)
    #expect(!Session.isRunning(console))
    let after = try session.tmux.capture().joined(separator: "\n")
    #expect(!after.contains("Tomas Niska"), "the console's screen is left behind:\n\(after)")
    try session.expectStoreUntouched()
  }

  @Test(
    "4: a manager's writing command over SSH is refused by the rule, naming the e-coordinator, not by the lock file"
  )
  func writingCommandOverSSH() throws {
    let session = try Session()
    defer { session.cleanUp() }
    let csv = session.ownFolder.appendingPathComponent("cases.csv")
    let rows =
      "Ärendenummer,E-tjänst,Handläggare,Status\n2026-9999,svc-bygglov,tomas.niska,Pågående\n"
    try rows.write(to: csv, atomically: true, encoding: .utf8)
    chmod(csv.path, 0o644)
    let output = try session.runRemotely(session.remote(["cases", "import", csv.path]))
    #expect(output.status == 1, "\(output)")
    #expect(
      output.stderr.contains("Ändringar görs av e-samordnaren (Linnea Alatalo)"),
      "stderr: \(output.stderr)")
    #expect(!output.stderr.contains("Permission denied"), "stderr: \(output.stderr)")
    try session.expectStoreUntouched()
  }
}

extension SSHEndToEndTests {
  @Test(
    "`ssh HOST etjanst` without -t: one line saying the console needs a terminal and how to get one"
  )
  func noTerminalOverSSH() throws {
    let session = try Session()
    defer { session.cleanUp() }
    let output = try session.runRemotely(session.remote([]))
    // Exit 2, cannot run; in Swedish, the default where LANG does not ask for English.
    #expect(output.status == 2)
    #expect(
      output.stderr
        == "etjanst: konsolen behöver en terminal; logga in med ssh -t VÄRD etjanst över SSH\n",
      "stderr: \(output.stderr)")
    try session.expectStoreUntouched()
  }
}

/// One SSH login of the manager into a fresh store, in a tmux pane.
private final class Session {
  let folder: URL
  let manager: ManagerAccount
  let server: SSHServer
  let store: String
  let storeBytes: Data
  let storeFolderFiles: [String]
  let ownFolder: URL
  let clientPIDFile: URL
  let binary: String
  let tmux: Tmux

  init() throws {
    folder = try Binary.temporaryFolder()
    chmod(folder.path, 0o755)
    clientPIDFile = folder.appendingPathComponent("ssh-client.pid")
    let manager = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjchef"))
    // A session that fails to start removes its account; one that starts leaves it to
    // cleanUp.
    var made = false
    defer { if !made { manager.remove() } }
    self.manager = manager
    store = try manager.sharedStore(in: folder)
    storeBytes = try Data(contentsOf: URL(fileURLWithPath: store))
    storeFolderFiles = try Self.files(beside: store)
    let binary = try manager.installBinary(in: folder)
    ownFolder = try manager.ownFolder(in: folder)
    let sshFolder = folder.appendingPathComponent("ssh")
    try FileManager.default.createDirectory(at: sshFolder, withIntermediateDirectories: true)
    server = try SSHServer(user: manager.login, folder: sshFolder)

    // The remote shell leaves the console's pid (exec keeps it), then the console
    // starts with the environment sshd gives: TERM from the pane, no LANG.
    self.binary = binary
    let remote =
      "echo $$ > \(Self.quoted(ownFolder.appendingPathComponent("etjanst.pid").path)) && exec "
      + Self.remote(store: store, binary: binary, arguments: [])
    // The local shell leaves the ssh client's pid the same way.
    let client =
      ["/bin/sh", "-c", "echo $$ > \"$0\"; exec \"$@\"", clientPIDFile.path]
      + server.sshArguments(user: manager.login, remoteCommand: remote)
    tmux = try Tmux(command: client.map(Self.quoted).joined(separator: " "), width: 100, height: 30)
    made = true
  }

  /// The console (or a subcommand) as the manager starts it on the server.
  func remote(_ arguments: [String]) -> String {
    Self.remote(store: store, binary: binary, arguments: arguments)
  }

  private static func remote(store: String, binary: String, arguments: [String]) -> String {
    (["env", "ETJANST_STORE=\(store)", binary] + arguments).map(quoted).joined(separator: " ")
  }

  /// Runs a command line on the server as the manager, without a terminal.
  func runRemotely(_ commandLine: String) throws -> Binary.Output {
    let ssh = server.sshArguments(user: manager.login, remoteCommand: commandLine, terminal: false)
    return try Binary.run(ssh[0], Array(ssh.dropFirst()))
  }

  func runRemotely(_ arguments: [String]) throws -> Binary.Output {
    try runRemotely(arguments.map(Self.quoted).joined(separator: " "))
  }

  func cleanUp() {
    tmux.kill()
    server.stop()
    manager.remove()
    try? FileManager.default.removeItem(at: folder)
  }

  func remotePID() throws -> pid_t {
    try Self.readPID(ownFolder.appendingPathComponent("etjanst.pid"))
  }
  func clientPID() throws -> pid_t { try Self.readPID(clientPIDFile) }

  /// The file is byte-identical and nothing was added beside it: a read-only
  /// session writes no lock, audit line, temporary file or backup.
  func expectStoreUntouched() throws {
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == storeBytes, "the store changed")
    #expect(try Self.files(beside: store) == storeFolderFiles, "files appeared beside the store")
  }

  /// What the console wrote to its terminal (wchar in /proc/PID/io; a read-only
  /// console writes nothing else) for the first screen, and for one key once the
  /// screen is still. Measured, not asserted: the SSH link carries this.
  func bytesForOneKey(press key: String) throws -> (firstScreen: Int, oneKey: Int) {
    let pid = try remotePID()
    let first = try settledBytesWritten(pid)
    try tmux.send(keys: key)
    let clock = ContinuousClock()
    let start = clock.now
    while try Self.bytesWritten(pid) == first && clock.now - start < .seconds(5) { usleep(20_000) }
    let after = try settledBytesWritten(pid)
    return (first, after - first)
  }

  /// What the console writes in `seconds` when nobody types (it wakes every second
  /// for the clock). A measuring window, not a wait for something to appear.
  func idleBytes(seconds: Int) throws -> Int {
    let pid = try remotePID()
    let start = try Self.bytesWritten(pid)
    usleep(useconds_t(seconds) * 1_000_000)
    return try Self.bytesWritten(pid) - start
  }

  /// wchar once it has not moved for 300 ms.
  private func settledBytesWritten(_ pid: pid_t) throws -> Int {
    var last = try Self.bytesWritten(pid)
    var stillSince = ContinuousClock.now
    while ContinuousClock.now - stillSince < .milliseconds(300) {
      usleep(50_000)
      let now = try Self.bytesWritten(pid)
      if now != last {
        last = now
        stillSince = ContinuousClock.now
      }
    }
    return last
  }

  static func bytesWritten(_ pid: pid_t) throws -> Int {
    let io = try String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8)
    let line = io.split(separator: "\n").first { $0.hasPrefix("wchar:") } ?? ""
    return Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) ?? 0
  }

  /// Alive and not a zombie waiting for sshd to reap it.
  static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
    return state != "Z" && state != "X"
  }

  static func owner(of pid: pid_t) -> uid_t? {
    var info = stat()
    return stat("/proc/\(pid)", &info) == 0 ? info.st_uid : nil
  }

  /// Waits (polling) for the pid file a shell writes as it starts.
  private static func readPID(_ file: URL) throws -> pid_t {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
      if let text = try? String(contentsOf: file, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      usleep(50_000)
    }
    throw SSHServer.Failed("no pid in \(file.path)")
  }

  private static func files(beside path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path
    ).sorted()
  }

  /// Single-quoted for /bin/sh.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

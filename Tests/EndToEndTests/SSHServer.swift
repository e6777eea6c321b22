import Foundation
import TestSupport

/// A private sshd for one test: its own host key, config, client key and log in a
/// temporary folder, listening on 127.0.0.1 only (never another address) on a free
/// high port, accepting public-key logins of one user. Killed in deinit. No system
/// service is started or touched.
final class SSHServer {
  static let daemon = "/usr/sbin/sshd"

  /// Whether this machine can run the test: root (to start sshd and create the
  /// manager's account) and the OpenSSH server and client installed (.ci/run
  /// installs them).
  static var available: Bool {
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: daemon)
      && ["/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/sbin/useradd"].allSatisfy {
        FileManager.default.isExecutableFile(atPath: $0)
      }
  }

  let folder: URL
  let port: UInt16
  /// The client's private key (0600, root's), for `ssh -i`.
  let clientKey: String
  let logFile: String
  private var pid: pid_t = 0

  /// Starts sshd for `user` and waits until the port accepts connections.
  /// `authorizedKeysFile`: sshd's AuthorizedKeysFile (".ssh/authorized_keys" for the
  /// user's own, as the SSH key mode uses); else a file in `folder` holding the
  /// test's key with no options.
  init(user: String, folder: URL, authorizedKeysFile: String? = nil) throws {
    self.folder = folder
    // Readable by `user`: sshd opens authorized_keys with the user's uid.
    chmod(folder.path, 0o755)
    let hostKey = folder.appendingPathComponent("host_ed25519").path
    clientKey = folder.appendingPathComponent("client_ed25519").path
    logFile = folder.appendingPathComponent("sshd.log").path
    for key in [hostKey, clientKey] {
      let made = try Binary.run(
        "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key])
      guard made.status == 0 else { throw Failed("ssh-keygen: \(made.stderr)") }
    }
    let authorizedKeys = authorizedKeysFile ?? folder.appendingPathComponent("authorized_keys").path
    if authorizedKeysFile == nil {
      try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: authorizedKeys)
      chmod(authorizedKeys, 0o644)
    }

    // The privilege separation folder; a fresh container has none.
    try FileManager.default.createDirectory(
      atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]
    )

    port = try Self.freePort()
    let config = folder.appendingPathComponent("sshd_config").path
    try """
    ListenAddress 127.0.0.1
    Port \(port)
    HostKey \(hostKey)
    PidFile \(folder.appendingPathComponent("sshd.pid").path)
    AuthorizedKeysFile \(authorizedKeys)
    AllowUsers \(user)
    PermitRootLogin no
    PubkeyAuthentication yes
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    UsePAM no
    StrictModes no
    UseDNS no
    PrintMotd no
    PrintLastLog no
    X11Forwarding no
    AllowTcpForwarding no
    LogLevel VERBOSE
    AcceptEnv LANG LC_*

    """.write(toFile: config, atomically: true, encoding: .utf8)

    let check = try Binary.run(Self.daemon, ["-t", "-f", config])
    guard check.status == 0 else { throw Failed("sshd -t: \(check.stderr)") }
    pid = try spawnInBackground([Self.daemon, "-D", "-f", config, "-E", logFile])
    try waitUntilListening()
  }

  deinit { stop() }

  /// `ssh` arguments that log in as `user` with the test's key and no other
  /// configuration: root's ~/.ssh is neither read nor written.
  /// `terminal`: -tt (a pty on the server, as a person logs in), else -T (a script).
  /// `key`: another private key than the test's (a second person's).
  func sshArguments(
    user: String, remoteCommand: String?, terminal: Bool = true, key: String? = nil
  ) -> [String] {
    ["/usr/bin/ssh", terminal ? "-tt" : "-T", "-p", "\(port)"] + clientOptions(key: key)
      + ["\(user)@127.0.0.1"] + (remoteCommand.map { [$0] } ?? [])
  }

  /// The options every client of this server takes (ssh, scp): the test's key and no
  /// other configuration.
  var clientOptions: [String] { clientOptions(key: nil) }

  func clientOptions(key: String?) -> [String] {
    [
      "-F", "/dev/null", "-i", key ?? clientKey, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
      "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
      "LogLevel=ERROR",
    ]
  }

  var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

  func stop() {
    guard pid > 0 else { return }
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    pid = 0
  }

  struct Failed: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  /// Polls a connect every 50 ms; gives up (with the log) if sshd exits or 10 s pass.
  private func waitUntilListening() throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        pid = 0
        throw Failed("sshd exited (status \(status)):\n\(log)")
      }
      if Self.accepts(port: port) { return }
      usleep(50_000)
    }
    throw Failed("sshd did not listen on 127.0.0.1:\(port) within 10 s:\n\(log)")
  }

  private static func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }

  private static func accepts(port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  /// A port the kernel hands out on 127.0.0.1 (ephemeral, so high), released for sshd.
  private static func freePort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Failed("socket: \(errno)") }
    defer { close(fd) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw Failed("bind: \(errno)") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }
}

/// Starts a program that keeps running (sshd -D), with an empty signal mask and
/// default handlers — a Swift Testing thread blocks nearly every signal, and sshd
/// would otherwise ignore SIGTERM and SIGCHLD — and stdio on /dev/null.
private func spawnInBackground(_ argv: [String]) throws -> pid_t {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let arguments = argv.map { strdup($0) } + [nil]
  let environment: [UnsafeMutablePointer<CChar>?] = [
    strdup("PATH=/usr/sbin:/usr/bin:/sbin:/bin"), nil,
  ]
  defer {
    for pointer in arguments { free(pointer) }
    for pointer in environment { free(pointer) }
  }
  var pid = pid_t()
  let spawned = withCleanSignals {
    posix_spawn(&pid, argv[0], &actions, $0, arguments, environment)
  }
  guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
  return pid
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The SSH arrangement gitolite uses: one service account owns the store (0600), and
/// each person's key in that account's authorized_keys carries a forced command,
/// `command="etjanst --user LOGIN",restrict,pty`. Identity then comes from the key:
/// nobody gets a shell or the file, and each person sees what their role may see.
///
/// `--user` names someone else than the process's own login, so it must never be
/// honoured from a flag a person can type. It is honoured only when every one of
/// these holds:
/// - the process is not set-id (real and effective ids agree), so no installed copy
///   can lend another account's rights;
/// - it runs as the account that owns the store, and only that account can read the
///   store (no group or other bits): any other person is refused, and gains nothing
///   by pointing `--store` at a store of their own, which they could edit anyway;
/// - sshd started it, directly or through the account's shell running exactly the
///   forced command (`sh -c '<command>'` whose parent is sshd): `su`, `sudo -u` or a
///   shell of the account are refused;
/// - the account's authorized_keys holds a key whose forced command names this login.
///
/// Whoever can get a shell as the service account can read the store anyway: give
/// that account no password and no key without a forced command (`etjanst keys list`
/// warns about such keys).
public enum KeyMode {
  /// What the decision is made from, gathered from the system by `facts`; a value so
  /// every refusal can be tested without being root.
  public struct Facts: Sendable, Equatable {
    public var uid: uid_t
    public var euid: uid_t
    public var gid: gid_t
    public var egid: gid_t
    public var storeOwner: uid_t
    public var storeMode: mode_t
    /// The programs that started this process: the parent first, then its parent, with
    /// the parent's command line (empty when unknown).
    public var parentProgram: String
    public var parentArguments: [String]
    public var grandparentProgram: String
    /// Forced commands in the account's authorized_keys, by the login they name.
    public var forcedCommands: [String: [String]]

    public init(
      uid: uid_t, euid: uid_t, gid: gid_t, egid: gid_t, storeOwner: uid_t, storeMode: mode_t,
      parentProgram: String, parentArguments: [String], grandparentProgram: String,
      forcedCommands: [String: [String]]
    ) {
      self.uid = uid
      self.euid = euid
      self.gid = gid
      self.egid = egid
      self.storeOwner = storeOwner
      self.storeMode = storeMode
      self.parentProgram = parentProgram
      self.parentArguments = parentArguments
      self.grandparentProgram = grandparentProgram
      self.forcedCommands = forcedCommands
    }
  }

  public enum Refusal: ExplainedError, Equatable, Sendable {
    case setID
    case notStoreOwner
    case storeReadableByOthers(mode_t)
    case notStartedBySSH(String)
    case noKey(String)
    case commandRequested(String)

    public var message: LocalizedText {
      let prefix = LocalizedText(
        sv: "--user gäller bara i SSH-nyckelläget", en: "--user is only for the SSH key mode")
      let reason: LocalizedText
      switch self {
      case .setID:
        reason = LocalizedText(
          sv: "programmet får inte köras med set-id", en: "the program must not run set-id")
      case .notStoreOwner:
        reason = LocalizedText(
          sv: "programmet körs inte som kontot som äger registret",
          en: "the program does not run as the account that owns the store")
      case .storeReadableByOthers(let mode):
        let octal = String(mode & 0o777, radix: 8)
        reason = LocalizedText(
          sv: "registret kan läsas av andra än sitt konto (läge \(octal), ska vara 600)",
          en: "others than its account can read the store (mode \(octal), must be 600)")
      case .notStartedBySSH(let parent):
        reason = LocalizedText(
          sv: "programmet startades av \(parent), inte av sshd från en nyckel",
          en: "the program was started by \(parent), not by sshd from a key")
      case .noKey(let login):
        reason = LocalizedText(
          sv: "ingen nyckel i authorized_keys är knuten till \(login) (etjanst keys add)",
          en: "no key in authorized_keys is tied to \(login) (etjanst keys add)")
      case .commandRequested(let command):
        return LocalizedText(
          sv:
            "den här nyckeln öppnar bara etjanst-konsolen; kommandot körs inte: \(command). Logga in med ssh -t utan kommando",
          en:
            "this key opens the etjanst console only; the command is not run: \(command). Log in with ssh -t and no command"
        )
      }
      return LocalizedText(sv: "\(prefix.sv): \(reason.sv)", en: "\(prefix.en): \(reason.en)")
    }
  }

  /// The login the process may act as, or why not.
  public static func check(login: String, originalCommand: String?, _ facts: Facts) throws(Refusal)
    -> String
  {
    if let command = originalCommand, !command.isEmpty {
      throw .commandRequested(TextCleaning.printable(command))
    }
    guard facts.uid == facts.euid, facts.gid == facts.egid else { throw .setID }
    guard facts.uid == facts.storeOwner else { throw .notStoreOwner }
    guard facts.storeMode & 0o077 == 0 else { throw .storeReadableByOthers(facts.storeMode) }
    let commands = facts.forcedCommands[login] ?? []
    guard !commands.isEmpty else { throw .noKey(login) }
    let bySSH = isSSHDaemon(facts.parentProgram)
    let byShellForSSH =
      isSSHDaemon(facts.grandparentProgram) && facts.parentArguments.count == 3
      && facts.parentArguments[1] == "-c" && commands.contains(facts.parentArguments[2])
    guard bySSH || byShellForSSH else { throw .notStartedBySSH(facts.parentProgram) }
    return login
  }

  /// sshd, or the per-session process newer OpenSSH runs (sshd-session).
  static func isSSHDaemon(_ program: String) -> Bool {
    let name = URL(fileURLWithPath: program).lastPathComponent
    return name == "sshd" || name.hasPrefix("sshd-")
  }

  /// The facts about this process, its store and its account's authorized_keys.
  public static func facts(store: StoreFile, authorizedKeys: String) -> Facts {
    var info = stat()
    let found = stat(store.filePath, &info) == 0
    let parent = getppid()
    let grandparent = parentPID(of: parent)
    let keys = (try? AuthorizedKeys.read(authorizedKeys)) ?? ""
    var commands: [String: [String]] = [:]
    for line in AuthorizedKeys.parse(keys) {
      // Only a key whose options are exactly etjanst's ties a login.
      if case .success(let key) = line.etjanstKey {
        commands[key.login, default: []].append(key.command)
      }
    }
    return Facts(
      uid: getuid(), euid: geteuid(), gid: getgid(), egid: getegid(),
      storeOwner: found ? info.st_uid : uid_t.max, storeMode: found ? info.st_mode & 0o7777 : 0o777,
      parentProgram: program(of: parent), parentArguments: arguments(of: parent),
      grandparentProgram: grandparent.map(program) ?? "", forcedCommands: commands)
  }

  /// The program's path; for a process whose path cannot be read (sshd's session
  /// process is not dumpable, so /proc/PID/exe is closed even to its own user), its
  /// name from /proc/PID/comm.
  private static func program(of pid: pid_t) -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/\(pid)/exe", &buffer, buffer.count - 1)
    if count > 0 {
      return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? "pid \(pid)" : trimmed
  }

  private static func arguments(of pid: pid_t) -> [String] {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
    return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  private static func parentPID(of pid: pid_t) -> pid_t? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? pid_t(fields[1]) : nil
  }

  /// The account's authorized_keys: `~/.ssh/authorized_keys` from the passwd entry
  /// (not $HOME, which whoever starts the process sets).
  public static var defaultAuthorizedKeys: String {
    (SystemIdentity.homeDirectory() ?? "/nonexistent") + "/.ssh/authorized_keys"
  }
}

/// The forced command `keys add` writes; `words` reads it back (KeyOptions.swift).
public enum ForcedCommand {
  /// `'/usr/local/bin/etjanst' --store '/srv/etjanst/etjanst.plist' --user 'aino.keranen'`,
  /// each word single-quoted for the account's shell.
  public static func make(program: String, store: String, login: String) -> String {
    [program, "--store", store, "--user", login].map { word in
      ["--store", "--user"].contains(word) ? word : "'" + word + "'"
    }.joined(separator: " ")
  }

  /// A login, store path or program path that can go into the command as it is: no
  /// quote of either kind, backslash, or control character.
  public static func isSafe(_ word: String) -> Bool {
    !word.isEmpty
      && !word.unicodeScalars.contains {
        $0 == "'" || $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7f
      }
  }
}

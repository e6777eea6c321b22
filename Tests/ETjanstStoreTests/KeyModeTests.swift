import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

/// The SSH key mode's `--user`: honoured only from a key's forced command, as the
/// store's own account; every way a person could type it is refused.
@Suite struct KeyModeTests {
  static let command = ForcedCommand.make(
    program: "/usr/local/bin/etjanst", store: "/srv/etjanst/etjanst.plist", login: "chef.sbf")

  /// The facts of a real forced-command login: sshd → sh -c COMMAND → etjanst, as the
  /// service account (uid 990) that owns the 0600 store.
  static let forced = KeyMode.Facts(
    uid: 990, euid: 990, gid: 990, egid: 990, storeOwner: 990, storeMode: 0o600,
    parentProgram: "/usr/bin/dash", parentArguments: ["sh", "-c", command],
    grandparentProgram: "/usr/sbin/sshd", forcedCommands: ["chef.sbf": [command]])

  func refusal(as login: String = "chef.sbf", command: String? = nil, _ facts: KeyMode.Facts)
    -> KeyMode.Refusal?
  {
    do {
      _ = try KeyMode.check(login: login, originalCommand: command, facts)
      return nil
    } catch {
      return error
    }
  }

  @Test func aForcedCommandFromSSHIsHonoured() throws {
    #expect(try KeyMode.check(login: "chef.sbf", originalCommand: nil, Self.forced) == "chef.sbf")
    var direct = Self.forced
    direct.parentProgram = "/usr/sbin/sshd"
    direct.parentArguments = []
    direct.grandparentProgram = "/usr/sbin/sshd"
    #expect(try KeyMode.check(login: "chef.sbf", originalCommand: "", direct) == "chef.sbf")
  }

  @Test func everyOtherWayIsRefused() {
    var facts = Self.forced
    // Another person's own account (they cannot read the store either).
    facts.uid = 1001
    facts.euid = 1001
    #expect(refusal(facts) == .notStoreOwner)
    // A set-uid copy of the program owned by the service account.
    facts = Self.forced
    facts.uid = 1001
    #expect(refusal(facts) == .setID)
    // A store the group can read: the small set-up, where identity is the OS login.
    facts = Self.forced
    facts.storeMode = 0o640
    #expect(refusal(facts) == .storeReadableByOthers(0o640))
    // Typed in a shell of the service account, or through su / sudo -u.
    facts = Self.forced
    facts.parentProgram = "/usr/bin/bash"
    facts.parentArguments = ["-bash"]
    #expect(refusal(facts) == .notStartedBySSH("/usr/bin/bash"))
    facts.parentProgram = "/usr/bin/sudo"
    facts.grandparentProgram = "/usr/bin/bash"
    #expect(refusal(facts) == .notStartedBySSH("/usr/bin/sudo"))
    // sh -c with another command than the key's, even under sshd.
    facts = Self.forced
    facts.parentArguments = ["sh", "-c", Self.command + "; sh"]
    #expect(refusal(facts) == .notStartedBySSH("/usr/bin/dash"))
    // A login no key is tied to: someone else's identity.
    #expect(refusal(as: "esamordnare", Self.forced) == .noKey("esamordnare"))
    // The client asked for a command (scp, sftp, a shell command): never run.
    #expect(refusal(command: "scp -f /srv/etjanst/etjanst.plist", Self.forced) != nil)
    #expect(refusal(command: "internal-sftp", Self.forced) == .commandRequested("internal-sftp"))
  }

  @Test func theLoginIsReadBackFromTheForcedCommand() {
    #expect(ForcedCommand.words(Self.command)?.login == "chef.sbf")
    #expect(
      Self.command
        == "'/usr/local/bin/etjanst' --store '/srv/etjanst/etjanst.plist' --user 'chef.sbf'")
    #expect(ForcedCommand.isSafe("aino.keranen"))
    #expect(!ForcedCommand.isSafe("x' ; sh '"))
    #expect(!ForcedCommand.isSafe("a\"b"))
  }

  @Test func keysAreAddedWithTheirForcedCommandAndOthersKept() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/ssh/authorized_keys"
    let text =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILim1jnYB+uloSNyPw5ebF3Gj0k/tEFfp63x0/XRMp2h aino@laptop\n"
    let key = try AuthorizedKeys.publicKey(from: text)
    #expect(key.comment == "aino@laptop")
    try AuthorizedKeys.add(key, login: "chef.sbf", command: Self.command, to: path)
    let lines = AuthorizedKeys.parse(try String(contentsOfFile: path, encoding: .utf8))
    #expect(lines.count == 1)
    #expect(lines.first?.forcedCommand == Self.command)
    #expect(lines.first?.options?.hasSuffix(",restrict,pty") == true)
    var info = stat()
    stat(path, &info)
    #expect(info.st_mode & 0o777 == 0o600)
    stat(folder.path + "/ssh", &info)
    #expect(info.st_mode & 0o777 == 0o700)
    // The same key again: refused, naming whose it is.
    #expect(throws: AuthorizedKeys.KeyError.alreadyThere(login: "chef.sbf")) {
      try AuthorizedKeys.add(key, login: "someone", command: Self.command, to: path)
    }
  }

  @Test func aKeyFileMustBeOnePlainPublicKey() {
    let good = "AAAAC3NzaC1lZDI1NTE5AAAAILim1jnYB+uloSNyPw5ebF3Gj0k/tEFfp63x0/XRMp2h"
    #expect(throws: AuthorizedKeys.KeyError.notAPublicKey) {
      try AuthorizedKeys.publicKey(from: #"command="sh" ssh-ed25519 \#(good) x"#)
    }
    #expect(throws: AuthorizedKeys.KeyError.notAPublicKey) {
      try AuthorizedKeys.publicKey(from: "ssh-rsa \(good) claims to be RSA")
    }
    #expect(throws: AuthorizedKeys.KeyError.notOneKey(2)) {
      try AuthorizedKeys.publicKey(from: "ssh-ed25519 \(good)\nssh-ed25519 \(good)\n")
    }
    #expect(throws: AuthorizedKeys.KeyError.notAPublicKey) {
      try AuthorizedKeys.publicKey(from: "-----BEGIN OPENSSH PRIVATE KEY-----")
    }
  }

  /// authorized_keys lines whose options are not exactly etjanst's, with why; each
  /// would otherwise have been taken for chef.sbf's key.
  static let key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILim1jnYB+uloSNyPw5ebF3Gj0k/tEFfp63x0/XRMp2h x"
  static let hostile: [(String, AuthorizedKeys.KeyFlaw)] = [
    (
      #"command="cat /srv/etjanst/etjanst.plist; : --user chef.sbf",restrict,pty"#,
      .otherCommand("cat /srv/etjanst/etjanst.plist; : --user chef.sbf")
    ),
    (
      #"command="\#(command); cat /srv/etjanst/etjanst.plist",restrict,pty"#,
      .otherCommand(command + "; cat /srv/etjanst/etjanst.plist")
    ),
    (#"command="\#(command) && sh",restrict,pty"#, .otherCommand(command + " && sh")),
    (#"command="\#(command)",pty"#, .otherOptions(["command", "pty"])),
    (
      #"command="\#(command)",restrict,pty,permitopen="localhost:22""#,
      .otherOptions(["command", "restrict", "pty", "permitopen"])
    ),
    (#"command="\#(command)",restrict,no-pty"#, .otherOptions(["command", "restrict", "no-pty"])),
    (#"restrict,command="\#(command)",pty"#, .otherOptions(["restrict", "command", "pty"])),
    (#"command="\#(command)"x,restrict,pty"#, .unreadableOptions),
    (
      #"command="'/usr/local/bin/etjanst' --store '/srv/etjanst/etjanst.plist' --user \"chef.sbf\"",restrict,pty"#,
      .otherCommand(
        #"'/usr/local/bin/etjanst' --store '/srv/etjanst/etjanst.plist' --user "chef.sbf""#)
    ),
    (
      #"command="'/usr/local/bin/etjanst'  --store '/srv/etjanst/etjanst.plist' --user 'chef.sbf'",restrict,pty"#,
      .otherCommand(
        "'/usr/local/bin/etjanst'  --store '/srv/etjanst/etjanst.plist' --user 'chef.sbf'")
    ),
    (
      #"command="'/bin/cat' --store '/srv/etjanst/etjanst.plist' --user 'chef.sbf'",restrict,pty"#,
      .otherCommand("'/bin/cat' --store '/srv/etjanst/etjanst.plist' --user 'chef.sbf'")
    ),
    (#"no-pty,restrict"#, .noForcedCommand),
  ]

  @Test func onlyExactlyEtjanstsOptionsTieAKeyToALogin() throws {
    let good = try #require(
      AuthorizedKeys.parse(#"command="\#(Self.command)",restrict,pty \#(Self.key)"#).first)
    let key = try good.etjanstKey.get()
    #expect(key.command == Self.command && key.login == "chef.sbf")
    #expect(good.login == "chef.sbf")
    // sshd reads option names in any case.
    let upper = try #require(
      AuthorizedKeys.parse(#"COMMAND="\#(Self.command)",Restrict,PTY \#(Self.key)"#).first)
    #expect(upper.login == "chef.sbf")
    let bare = try #require(AuthorizedKeys.parse(Self.key).first)
    #expect(bare.etjanstKey.failure == .noForcedCommand)
    for (options, flaw) in Self.hostile {
      let line = try #require(AuthorizedKeys.parse(options + " " + Self.key).first, "\(options)")
      #expect(line.type == "ssh-ed25519", "\(options)")
      #expect(line.etjanstKey.failure == flaw, "\(options)")
      #expect(line.login == nil, "\(options)")
    }
  }

  @Test func theKeyModeTakesOnlyExactKeysForALogin() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/authorized_keys"
    let lines =
      Self.hostile.map { "\($0.0) \(Self.key)" } + [
        #"command="\#(Self.command)",restrict,pty \#(Self.key)"#
      ]
    try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
    let facts = KeyMode.facts(
      store: StoreFile(path: folder.path + "/s.plist"), authorizedKeys: path)
    #expect(facts.forcedCommands == ["chef.sbf": [Self.command]])
  }

  @Test func optionsAreReadAsSSHDReadsThem() {
    #expect(
      AuthorizedKeys.options(#"command="a \"b\" \c",restrict"#)
        == [
          KeyOption(name: "command", value: #"a "b" \c"#), KeyOption(name: "restrict", value: nil),
        ])
    // A quoted comma or space belongs to the value.
    #expect(
      AuthorizedKeys.options(#"from="a,b c",pty"#)
        == [KeyOption(name: "from", value: "a,b c"), KeyOption(name: "pty", value: nil)])
    for broken in [
      #"command="x"#, #"command=x"#, "restrict,,pty", ",pty", "pty,", #"command="x"y"#,
    ] {
      #expect(AuthorizedKeys.options(broken) == nil, "\(broken)")
    }
    // The options end at the first space or tab outside quotes, past an escaped quote.
    let line = AuthorizedKeys.parse(
      "command=\"say \\\" hi\",restrict,pty\t" + Self.key)
    #expect(line.first?.forcedCommand == #"say " hi"#)
  }
}

extension Result {
  /// The error, or nil on success.
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}

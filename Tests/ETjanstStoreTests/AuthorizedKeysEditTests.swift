import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

/// `keys remove` and `keys add` change authorized_keys as one: under a lock, atomically,
/// keeping its mode and owner and every line that is not etjanst's; `keys list`'s
/// judgement of the logins keys are tied to.
@Suite struct AuthorizedKeysEditTests {
  static let keys = [
    "AAAAC3NzaC1lZDI1NTE5AAAAILim1jnYB+uloSNyPw5ebF3Gj0k/tEFfp63x0/XRMp2h",
    "AAAAC3NzaC1lZDI1NTE5AAAAIJ1dQpH4nZ1xQ6b0n3Qm5Jm3vVfKq0QeS0k3z5m1yXcA",
    "AAAAC3NzaC1lZDI1NTE5AAAAIK8m5vWqVv0sWn0YkH1Tq3e8Gm4o3y9ZL2b6p1dXx7Qe",
  ]

  static func command(_ login: String) -> String {
    ForcedCommand.make(
      program: "/usr/local/bin/etjanst", store: "/srv/etjanst/etjanst.plist", login: login)
  }

  static func line(_ login: String, _ key: String, _ comment: String) -> String {
    #"command="\#(command(login))",restrict,pty ssh-ed25519 \#(key) \#(comment)"#
  }

  /// Lines etjanst never touches: a comment, a blank line, an administrator's own key
  /// (no forced command) holding the same key as chef.sbf's first, a CRLF line of
  /// another login, and a last line with no newline.
  static func file() -> (text: String, others: [String]) {
    let others = [
      "# keys of the etjanst service account",
      "",
      "ssh-ed25519 \(keys[0]) admin@host",
      line("chef.soc", keys[2], "anna@laptop") + "\r",
    ]
    let text = [
      others[0], line("chef.sbf", keys[0], "jari@laptop"), others[1], others[2],
      line("chef.sbf", keys[1], "jari@phone"), others[3], "no-key-here",
    ].joined(separator: "\n")
    return (text, others + ["no-key-here"])
  }

  @Test("remove LOGIN takes every key tied to it and leaves every other byte")
  func removeAll() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/authorized_keys"
    let (text, others) = Self.file()
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    chmod(path, 0o644)
    #expect(try AuthorizedKeys.remove(login: "chef.sbf", from: path) == 2)
    let after = try String(contentsOfFile: path, encoding: .utf8)
    #expect(after == others.joined(separator: "\n"))
    var info = stat()
    stat(path, &info)
    #expect(info.st_mode & 0o777 == 0o644, "the mode was not kept")
    // Again: nothing left for that login.
    #expect(throws: AuthorizedKeys.KeyError.noKey(login: "chef.sbf", key: nil)) {
      try AuthorizedKeys.remove(login: "chef.sbf", from: path)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == after)
    // No file at all, or no folder: the same.
    #expect(throws: AuthorizedKeys.KeyError.noKey(login: "x", key: nil)) {
      try AuthorizedKeys.remove(login: "x", from: folder.path + "/none/authorized_keys")
    }
  }

  @Test("remove LOGIN KEY takes that key only, and refuses a key tied to another login")
  func removeOne() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/authorized_keys"
    let (text, _) = Self.file()
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let second = try AuthorizedKeys.publicKey(from: "ssh-ed25519 \(Self.keys[1]) x")
    #expect(try AuthorizedKeys.remove(login: "chef.sbf", key: second, from: path) == 1)
    let after = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!after.contains(Self.keys[1]))
    #expect(after.contains(Self.line("chef.sbf", Self.keys[0], "jari@laptop")))
    let anna = try AuthorizedKeys.publicKey(from: "ssh-ed25519 \(Self.keys[2])")
    #expect(
      throws: AuthorizedKeys.KeyError.notTiedTo(
        login: "chef.sbf", key: anna.shortKey, tiedTo: "chef.soc")
    ) {
      try AuthorizedKeys.remove(login: "chef.sbf", key: anna, from: path)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == after)
  }

  @Test(
    "root removing a key keeps the file its account's",
    .enabled(if: getuid() == 0, "needs root to give the file another owner"))
  func ownerKept() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/authorized_keys"
    try Self.file().text.write(toFile: path, atomically: false, encoding: .utf8)
    chown(path, 4242, 4343)
    chmod(path, 0o600)
    try AuthorizedKeys.remove(login: "chef.sbf", from: path)
    var info = stat()
    stat(path, &info)
    #expect(info.st_uid == 4242 && info.st_gid == 4343, "owner \(info.st_uid):\(info.st_gid)")
    #expect(info.st_mode & 0o777 == 0o600)
  }

  @Test("keys added and removed by many at once: each change is kept (the folder's lock)")
  func concurrentChanges() async throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/authorized_keys"
    let count = 24
    // Distinct valid ed25519 keys: the type's header and 32 bytes that differ.
    let keys = (0..<count).map { i -> AuthorizedKeys.Line in
      var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8) + Data([0, 0, 0, 32])
      blob += Data((0..<32).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ i) })
      return AuthorizedKeys.Line(
        options: nil, type: "ssh-ed25519", key: blob.base64EncodedString(), comment: "k\(i)")
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (i, key) in keys.enumerated() {
        group.addTask {
          try AuthorizedKeys.add(
            key, login: "user\(i)", command: Self.command("user\(i)"), to: path)
        }
      }
      try await group.waitForAll()
    }
    let lines = AuthorizedKeys.parse(try String(contentsOfFile: path, encoding: .utf8))
    #expect(lines.count == count, "lost \(count - lines.count) of \(count) keys added at once")
    try await withThrowingTaskGroup(of: Int.self) { group in
      for i in stride(from: 0, to: count, by: 2) {
        group.addTask { try AuthorizedKeys.remove(login: "user\(i)", from: path) }
      }
      for try await removed in group { #expect(removed == 1) }
    }
    let left = AuthorizedKeys.parse(try String(contentsOfFile: path, encoding: .utf8))
    #expect(
      left.compactMap(\.login).sorted()
        == (1..<count).filter { $0 % 2 == 1 }.map { "user\($0)" }.sorted())
  }

  @Test("a key's login is flagged when it is no user of the store, or removed staff")
  func loginWarnings() throws {
    var m = try Fixtures.demo
    #expect(AuthorizedKeys.loginWarning("chef.sbf", in: m) == nil)
    #expect(AuthorizedKeys.loginWarning("chef.gone", in: m) == .notAUser("chef.gone"))
    // Marko Lahti left (removed in the demo); still a user, his key should go too.
    let marko = try #require(m.staff.first { $0.login == "marko.lahti" })
    #expect(marko.status == .removed)
    m.users.append(User(login: "marko.lahti", name: "Marko Lahti", role: .eCoordinator))
    #expect(AuthorizedKeys.loginWarning("marko.lahti", in: m) == .removedStaff("marko.lahti"))
    for warning in [
      AuthorizedKeys.LoginWarning.notAUser("x"), .removedStaff("x"),
    ] {
      #expect(warning.message.sv.contains("etjanst keys remove x"))
      #expect(warning.message.en.contains("etjanst keys remove x"))
    }
  }
}

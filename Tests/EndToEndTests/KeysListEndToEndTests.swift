import Foundation
import TestSupport
import Testing

/// `keys list` takes a key for a login only when its options are exactly what `keys
/// add` writes; every other key is flagged with the reason, and the exit is 1.
@Suite struct KeysListEndToEndTests {
  static let english = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  @Test(
    "hostile forced commands and options: flagged with the reason, exit 1; the exact key: its login"
  )
  func hostileKeysAreFlagged() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let good =
      "'/usr/local/bin/etjanst' --store '\(store)' --user 'chef.soc'"
    let blob = "AAAAC3NzaC1lZDI1NTE5AAAAILim1jnYB+uloSNyPw5ebF3Gj0k/tEFfp63x0/XRMp2"
    let hostile: [(String, String)] = [
      (
        #"command="cat \#(store); : --user chef.soc",restrict,pty"#,
        "the forced command is not exactly etjanst's"
      ),
      (#"command="\#(good); cat \#(store)",restrict,pty"#, "the forced command is not exactly"),
      (#"command="\#(good) && sh",restrict,pty"#, "the forced command is not exactly"),
      (#"command="\#(good)",pty"#, "(here: command,pty)"),
      (
        #"command="\#(good)",restrict,pty,permitopen="localhost:22""#,
        "(here: command,restrict,pty,permitopen)"
      ),
      (#"command="\#(good)",restrict,no-pty"#, "(here: command,restrict,no-pty)"),
      (#"command="\#(good)"x,restrict,pty"#, "the key's options cannot be read"),
      (#"no-pty"#, "no forced etjanst command"),
    ]
    var lines = hostile.enumerated().map { "\($1.0) ssh-ed25519 \(blob)\($0) bad\($0)" }
    lines.append(#"command="\#(good)",restrict,pty ssh-ed25519 \#(blob)G good"#)
    let keys = folder.appendingPathComponent("authorized_keys").path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: keys))
    let out = try Binary.etjanst(
      ["keys", "list", "--authorized-keys", keys, "--store", store], environment: Self.english)
    #expect(out.status == 1, "\(out)")
    let shown = out.stdout.split(separator: "\n").map(String.init)
    #expect(shown.count == hostile.count + 1, "\(out.stdout)")
    for (index, (_, reason)) in hostile.enumerated() {
      let line = shown.first { $0.hasSuffix(" bad\(index)") } ?? ""
      #expect(line.hasPrefix("-  WARNING: "), "\(index): \(line)")
      #expect(line.contains(reason), "\(index): \(line)")
    }
    #expect(shown.last?.hasPrefix("chef.soc  ") == true, "\(out.stdout)")
  }
}

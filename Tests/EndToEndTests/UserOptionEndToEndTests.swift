import Foundation
import TestSupport
import Testing

/// `--user` is honoured only by the console in the SSH key mode: given to any other
/// command, or with `--demo`, it is refused with exit 2 and one line, before anything
/// is read or written (swift-argument-parser takes the root's options after a
/// subcommand too, and dropped it without a word).
@Suite struct UserOptionEndToEndTests {
  static let english = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  @Test("--user with every command, before or after it: exit 2, one line, nothing done")
  func refusedWithEveryCommand() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.coordinatorLogin(store)
    let csv = try Binary.serviceImport(in: folder)
    let output = folder.appendingPathComponent("out.md").path
    let commands: [[String]] = [
      ["list", "services"], ["list", "audit"], ["report"], ["check"],
      ["services", "import", csv], ["staff", "import", csv, "--dry-run"],
      ["cases", "import", csv], ["restore", "--list"], ["restore", "1"],
      ["routines", "export", "--format", "md", "--output", output], ["extract", login],
      ["gallra"], ["keys", "list"], ["keys", "add", login, csv], ["share", "--group", "root"],
    ]
    let before = FileManager.default.contents(atPath: store)
    let line =
      "etjanst: --user is only for the console in the SSH key mode (a key's forced command); no other command takes it\n"
    for command in commands {
      for arguments in [
        ["--user", "root"] + command + ["--store", store],
        command + ["--store", store, "--user", "root"],
        command + ["--user=" + login, "--store", store],
      ] {
        let out = try Binary.etjanst(arguments, environment: Self.english)
        #expect(out.status == 2, "\(arguments): \(out.status) \(out.stderr)")
        #expect(out.stderr == line, "\(arguments)")
        #expect(out.stdout.isEmpty, "\(arguments)")
      }
    }
    let demo = folder.appendingPathComponent("demo.plist").path
    let made = try Binary.etjanst(["demo", "--output", demo, "--user", "root"])
    #expect(made.status == 2)
    #expect(!FileManager.default.fileExists(atPath: demo))
    #expect(FileManager.default.contents(atPath: store) == before)
    #expect(!FileManager.default.fileExists(atPath: output))
    // In Swedish, as --lang says.
    let swedish = try Binary.etjanst(["check", "--user", "root", "--store", store, "--lang", "sv"])
    #expect(
      swedish.stderr
        == "etjanst: --user gäller bara konsolen i SSH-nyckelläget (en nyckels tvingade kommando); inget annat kommando tar det\n"
    )
  }

  @Test("the console: --user outside the key mode, or with --demo, is refused in one line")
  func refusedByTheConsole() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let withDemo = try Binary.etjanst(["--demo", "--user", "root"], environment: Self.english)
    #expect(withDemo.status == 2)
    #expect(
      withDemo.stderr
        == "etjanst: --user is only for the console in the SSH key mode, not with --demo\n")
    // Not started by sshd from a key: KeyMode says which condition failed.
    let typed = try Binary.etjanst(["--user", "root", "--store", store], environment: Self.english)
    #expect(typed.status == 2)
    #expect(
      typed.stderr.hasPrefix("etjanst: --user is only for the SSH key mode: "), "\(typed.stderr)")
    #expect(typed.stderr.filter { $0 == "\n" }.count == 1)
  }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files the user names for a command to read (an import's CSV, a public key,
/// authorized_keys) are opened as the store is: a FIFO, a folder or a device is
/// refused in one line with exit 2, never waited on. Each run is under a kill timeout,
/// so a command that blocks fails the test instead of hanging it.
@Suite struct InputFileEndToEndTests {
  static let english = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  func run(_ arguments: [String]) throws -> Binary.Output {
    try Binary.run(
      "/usr/bin/timeout", ["-s", "KILL", "60", Binary.etjanst] + arguments,
      environment: Self.english)
  }

  @Test("a FIFO, a folder or a device as the file to read: refused in one line, exit 2")
  func nonRegularInputFilesAreRefused() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let fifo = folder.appendingPathComponent("import.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let inputs = [
      (fifo, "a named pipe (FIFO)"), (folder.path, "a folder"), ("/dev/null", "a device"),
    ]
    let login = try Binary.plistlib(store, "d['municipality']['users'][0]['login']")
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    for (input, kind) in inputs {
      let commands: [[String]] = [
        ["cases", "import", input], ["services", "import", input],
        ["services", "import", input, "--dry-run"], ["staff", "import", input],
        ["keys", "add", login, input, "--authorized-keys", folder.path + "/keys"],
        ["keys", "list", "--authorized-keys", input],
      ]
      for command in commands {
        let out = try run(command + ["--store", store])
        #expect(out.status == 2, "\(command): \(out.status) \(out.stderr)")
        #expect(
          out.stderr == "etjanst: \(input): cannot be read: it is \(kind), not a regular file\n",
          "\(command)")
        #expect(out.stdout.isEmpty, "\(command): \(out.stdout)")
      }
    }
    let missing = try run(["cases", "import", folder.path + "/none.csv", "--store", store])
    #expect(missing.status == 2)
    #expect(missing.stderr == "etjanst: \(folder.path)/none.csv: no such file\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
  }

  /// The trail beside the store is read by `check` (when gallring of it is due) and
  /// `list audit`: a FIFO in its place is refused, not waited on.
  @Test("a FIFO in place of the audit trail: check and list audit do not wait on it")
  func aFIFOTrailIsNotWaitedOn() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    try FileManager.default.removeItem(atPath: store + ".audit")
    #expect(mkfifo(store + ".audit", 0o600) == 0)
    let check = try run(["check", "--store", store])
    #expect([0, 1].contains(check.status), "\(check.status) \(check.stderr)")
    let list = try run(["list", "audit", "--store", store])
    #expect(list.status == 2, "\(list.status) \(list.stderr)")
    #expect(list.stderr.hasPrefix("etjanst: \(store).audit: cannot be read"), "\(list.stderr)")
  }
}

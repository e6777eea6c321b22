import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files the program writes for the user (a register extract, the fallback routines)
/// are 0600 from the moment they exist, whatever the umask, and what is not a regular
/// file at the named path (a symlink, a FIFO, a folder, a device) is refused in one line
/// and left as it was.
@Suite struct OutputFileEndToEndTests {
  static let english = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  /// Runs etjanst under umask 000 with a kill timeout, so a command that waits on a
  /// FIFO fails the test instead of hanging it.
  func run(_ arguments: [String]) throws -> Binary.Output {
    try Binary.run(
      "/bin/sh",
      ["-c", "umask 000; exec /usr/bin/timeout -s KILL 60 \"$@\"", "sh", Binary.etjanst]
        + arguments, environment: Self.english)
  }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
  }

  /// A JSON extract without its `madeAt`, the one value that differs between two runs.
  func withoutMoment(_ data: Data) throws -> NSDictionary {
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object.removeValue(forKey: "madeAt") != nil)
    return object as NSDictionary
  }

  func commands(_ store: String, _ login: String, _ output: String) -> [[String]] {
    [
      ["extract", login, "--output", output, "--store", store],
      ["extract", login, "--format", "json", "--output", output, "--store", store],
      ["routines", "export", "--format", "md", "--output", output, "--store", store],
    ]
  }

  @Test("extract and routines export --output: 0600 under umask 000, new or existing file")
  func writtenFilesAreOwnerOnly() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.coordinatorLogin(store)
    for (index, command) in commands(store, login, "").enumerated() {
      let output = folder.appendingPathComponent("out-\(index).txt").path
      let arguments = command.map { $0.isEmpty ? output : $0 }
      let created = try run(arguments)
      #expect(created.status == 0, "\(command): \(created.stderr)")
      #expect(mode(output) == 0o600, "\(command): new file \(String(mode(output), radix: 8))")
      let written = try Data(contentsOf: URL(fileURLWithPath: output))
      #expect(!written.isEmpty)
      // An existing file the user named, group/world readable and longer: reused,
      // made 0600, and holds exactly the new text.
      try Data(repeating: 0x41, count: written.count + 100).write(
        to: URL(fileURLWithPath: output))
      #expect(chmod(output, 0o644) == 0)
      let again = try run(arguments)
      #expect(again.status == 0, "\(command): \(again.stderr)")
      #expect(mode(output) == 0o600, "\(command): existing \(String(mode(output), radix: 8))")
      let rewritten = try Data(contentsOf: URL(fileURLWithPath: output))
      if command.contains("routines") {
        #expect(rewritten == written, "\(command)")
      } else if command.contains("json") {
        // The two runs may fall in different seconds: all but the moment made is the same.
        #expect(try withoutMoment(rewritten) == withoutMoment(written), "\(command)")
      } else {
        #expect(rewritten.count < written.count + 100)
      }
    }
  }

  @Test("a symlink, a FIFO, a folder or a device at --output: refused in one line, untouched")
  func nonRegularOutputsAreRefused() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.coordinatorLogin(store)
    let target = folder.appendingPathComponent("target.txt").path
    try Data("kept\n".utf8).write(to: URL(fileURLWithPath: target))
    #expect(chmod(target, 0o644) == 0)
    let link = folder.appendingPathComponent("link.txt").path
    #expect(symlink(target, link) == 0)
    let dangling = folder.appendingPathComponent("dangling.txt").path
    let nowhere = folder.appendingPathComponent("nowhere.txt").path
    #expect(symlink(nowhere, dangling) == 0)
    let fifo = folder.appendingPathComponent("fifo.txt").path
    #expect(mkfifo(fifo, 0o600) == 0)
    var outputs = [
      (link, "a symbolic link"), (dangling, "a symbolic link"), (fifo, "a named pipe (FIFO)"),
      (folder.path, "a folder"),
    ]
    // A device of the test's own (the null device, 1:3), never /dev/null itself: a
    // writer that replaced its output by rename would replace the system's /dev/null.
    // Only root may make one; others test the rest.
    let device = folder.appendingPathComponent("device").path
    if mknod(device, S_IFCHR | 0o666, dev_t(0x103)) == 0 { outputs.append((device, "a device")) }
    for (output, kind) in outputs {
      for command in commands(store, login, output) {
        let out = try run(command)
        #expect(out.status == 2, "\(command): \(out.status) \(out.stderr)")
        #expect(
          out.stderr
            == "etjanst: \(output): cannot be written: it is \(kind), not a regular file\n",
          "\(command)")
      }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept\n")
    #expect(mode(target) == 0o644)
    #expect(!FileManager.default.fileExists(atPath: nowhere))
  }
}

/// A file named for output is never one of a store's own files, however it is named (its
/// path, a `../` path, a hard link), and is created new or replaced by rename, never
/// written into; another user's file is refused.
@Suite struct OutputTargetEndToEndTests {
  let english = OutputFileEndToEndTests.english

  /// Every command that writes a file the user names, with `output` as that file.
  func commands(_ store: String, _ login: String, _ output: String) -> [[String]] {
    OutputFileEndToEndTests().commands(store, login, output) + [["demo", "--output", output]]
  }

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  @Test("the store, a hard link or ../ path to it, its lock, trail or a backup: refused, untouched")
  func storeFilesAreRefused() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.coordinatorLogin(store)
    // One save, so there is a backup.
    let csv = try Binary.serviceImport(in: folder)
    let imported = try Binary.etjanst(["services", "import", csv, "--store", store])
    try #require(imported.status == 0, "\(imported.stderr)")
    let backups = store + ".backups"
    let backup =
      backups + "/"
      + (try #require(
        try FileManager.default.contentsOfDirectory(atPath: backups).first))
    let hardLink = folder.appendingPathComponent("link.md").path
    #expect(link(store, hardLink) == 0)
    let sub = folder.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
    let dotted = sub.path + "/../etjanst.plist"
    let targets: [(String, String)] = [
      (store, "the store"), (hardLink, "the store"), (dotted, "the store"),
      (store + ".lock", "the store's lock file \(store)"),
      (store + ".audit", "the store's audit trail \(store)"),
      (backup, "a backup of the store \(store)"),
      (backups + "/new.md", "a backup of the store \(store)"),
    ]
    let files = [store, store + ".lock", store + ".audit", backup]
    let before = files.map(bytes)
    for (output, what) in targets {
      for command in commands(store, login, output) {
        let out = try Binary.etjanst(command, environment: english)
        #expect(out.status == 2, "\(command): \(out.status) \(out.stderr)")
        // demo names no store: a second name of one is a file that exists, which it
        // never overwrites either.
        // demo names the path as it resolves it, without the `..`.
        let named = command[0] == "demo" && output == dotted ? store : output
        let expected =
          command[0] == "demo" && output == hardLink
          ? "etjanst: \(output): already exists; refusing to overwrite it\n"
          : "etjanst: \(named): not written: it is \(what); choose another file name\n"
        #expect(out.stderr == expected, "\(command)")
        #expect(files.map(bytes) == before, "\(command)")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: backups + "/new.md"))
    // The same in Swedish, one line.
    let swedish = try Binary.etjanst(
      ["extract", login, "--output", store + ".audit", "--store", store, "--lang", "sv"])
    #expect(
      swedish.stderr
        == "etjanst: \(store).audit: skrivs inte: det är registrets granskningslogg \(store); välj ett annat filnamn\n"
    )
    // The backup still restores, and the store is still a store.
    let restored = try Binary.etjanst(["restore", "1", "--store", store])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(try Binary.etjanst(["check", "--store", store]).status != 2)
  }

  @Test(
    "a file of this user's with a second name: replaced by rename, the other name keeps its bytes")
  func ownFileIsReplacedNotWrittenInto() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.coordinatorLogin(store)
    let output = folder.appendingPathComponent("extract.md").path
    let other = folder.appendingPathComponent("other-name.md").path
    try Data("kept\n".utf8).write(to: URL(fileURLWithPath: output))
    #expect(link(output, other) == 0)
    let out = try Binary.etjanst(
      ["extract", login, "--output", output, "--store", store], environment: english)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(bytes(other) == Data("kept\n".utf8))
    #expect(bytes(output) != Data("kept\n".utf8))
    // No temporary file left beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasSuffix(".tmp")
      } == [])
  }

  @Test(
    "a file another user made first in a sticky shared folder: refused, never written into",
    .enabled(
      if: getuid() == 0
        && ["/usr/sbin/useradd", "/usr/sbin/userdel"].allSatisfy {
          FileManager.default.isExecutableFile(atPath: $0)
        }, "needs root and useradd"))
  func anotherUsersFileIsRefused() throws {
    let other = try ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjout"))
    defer { other.remove() }
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.coordinatorLogin(store)
    // A shared folder as /tmp is: sticky, writable by all.
    let shared = folder.appendingPathComponent("shared").path
    #expect(mkdir(shared, 0o777) == 0)
    #expect(chmod(shared, 0o1777) == 0)
    chmod(folder.path, 0o755)
    let planted = shared + "/extract.md"
    let made = try Binary.run(
      "/usr/sbin/runuser",
      ["-u", other.login, "--", "/bin/sh", "-c", "umask 0; echo waiting > \"$0\"", planted])
    try #require(made.status == 0, "\(made.stderr)")
    for command in commands(store, login, planted) {
      let out = try Binary.etjanst(command, environment: english)
      #expect(out.status == 2, "\(command): \(out.status) \(out.stderr)")
      let expected =
        command[0] == "demo"
        ? "already exists"
        : "etjanst: \(planted): not written: the file belongs to another user (\(other.login)); choose another file name\n"
      #expect(out.stderr.contains(expected), "\(command): \(out.stderr)")
      #expect(bytes(planted) == Data("waiting\n".utf8), "\(command)")
      var info = stat()
      #expect(lstat(planted, &info) == 0 && info.st_uid == other.uid)
    }
  }
}

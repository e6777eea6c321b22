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
    let login = try Binary.plistlib(store, "d['municipality']['users'][0]['login']")
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
    let login = try Binary.plistlib(store, "d['municipality']['users'][0]['login']")
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

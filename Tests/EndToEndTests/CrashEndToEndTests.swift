import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Writers killed at random moments, and writers at once. Short versions of
/// scripts/crash-test.sh (1,000 saves) and scripts/multi-writer.sh (10,000 edits).
@Suite struct CrashEndToEndTests {
  /// Writers of one case each, by `etjanst cases import`, on a demo store.
  struct Writers {
    let store: String
    let folder: URL
    let row: String

    init(_ folder: URL) throws {
      self.folder = folder
      store = try Binary.demoStore(in: folder)
      let service = try Binary.plistlib(store, "d['municipality']['services'][0]['name']")
      let login = try Binary.plistlib(
        store, "[p['login'] for p in d['municipality']['staff'] if p['status'] == 'active'][0]")
      row = ";\(service);\(login);Pågående\n"
    }

    /// The command that imports case `number`.
    func arguments(_ number: String) throws -> [String] {
      let csv = folder.appendingPathComponent("\(number).csv").path
      try Data((number + row).utf8).write(to: URL(fileURLWithPath: csv))
      return [Binary.etjanst, "cases", "import", csv, "--store", store, "--lang", "en"]
    }
  }

  /// Starts a process with stdout to `output`; its pid.
  static func start(_ argv: [String], output: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let arguments = argv.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }
    var pid = pid_t()
    let spawned = withCleanSignals {
      posix_spawn(&pid, argv[0], &actions, $0, arguments, environ)
    }
    guard spawned == 0 else { throw POSIXError(.EAGAIN) }
    return pid
  }

  static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  /// What the program says was saved: case numbers in the store (through etjanst) and
  /// the sources named by the audit lines it lists.
  static func saved(_ store: String) throws -> (cases: Set<String>, audited: Set<String>) {
    let cases = try Binary.etjanst(["list", "cases", "--format", "csv", "--store", store])
    let audit = try Binary.etjanst(["list", "audit", "--format", "csv", "--store", store])
    let numbers = cases.stdout.split(separator: "\n").compactMap { line in
      line.split(separator: ",").first { $0.hasPrefix("CR-") || $0.hasPrefix("MW-") }.map(
        String.init)
    }
    let sources = audit.stdout.split(separator: "\n").compactMap { line -> String? in
      guard let range = line.range(of: #"(CR|MW)-[0-9-]+"#, options: .regularExpression) else {
        return nil
      }
      return String(line[range])
    }
    return (Set(numbers), Set(sources))
  }

  @Test(
    "writers killed with SIGKILL at random moments: every acknowledged change saved with its audit line, no temporary file left"
  )
  func killedWriters() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let writers = try Writers(folder)
    let store = writers.store
    var acknowledged: Set<String> = []
    var generator = SystemRandomNumberGenerator()
    for i in 0..<24 {
      let number = "CR-\(i)"
      let output = folder.appendingPathComponent("\(number).out").path
      let pid = try Self.start(try writers.arguments(number), output: output)
      // Spread the kills over the whole run of a writer; where they land is random.
      usleep(UInt32.random(in: 0...600_000, using: &generator))
      kill(pid, SIGKILL)
      _ = Self.wait(pid)
      let said = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
      if said.contains("Imported 1 case") { acknowledged.insert(number) }
    }
    // One more save, which removes what killed writers left.
    let lastArguments = try writers.arguments("CR-999")
    let last = try Binary.run(lastArguments[0], Array(lastArguments.dropFirst()))
    #expect(last.status == 0, "\(last.stderr)")
    acknowledged.insert("CR-999")
    let (cases, audited) = try Self.saved(store)
    #expect(acknowledged.isSubset(of: cases), "lost: \(acknowledged.subtracting(cases))")
    #expect(
      acknowledged.isSubset(of: audited), "no audit line: \(acknowledged.subtracting(audited))")
    // Every saved change has its line, and no line is listed for a save that did not
    // happen (killed between its audit line and its rename).
    #expect(cases.isSubset(of: audited), "saved without a line: \(cases.subtracting(audited))")
    #expect(audited.isSubset(of: cases), "audited but not saved: \(audited.subtracting(cases))")
    let python = try Binary.plistlib(
      store, "len([c for c in d['municipality']['cases'] if c['number'].startswith('CR-')])")
    #expect(Int(python) == cases.count)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(left.isEmpty, "\(left)")
  }

  @Test("four writers at once: 0 changes lost")
  func writersAtOnce() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let writing = try Writers(folder)
    let store = writing.store
    let writers = 4
    let each = 5
    var pids: [pid_t] = []
    for w in 0..<writers {
      // Each writer imports its cases one after another, in a shell loop.
      let script = try (0..<each).map { i in
        try writing.arguments("MW-\(w)-\(i)").map { "'\($0)'" }.joined(separator: " ")
      }.joined(separator: " && ")
      pids.append(
        try Self.start(
          ["/bin/sh", "-c", script], output: folder.appendingPathComponent("w\(w).out").path))
    }
    for pid in pids { #expect(Self.wait(pid) == 0) }
    let (cases, audited) = try Self.saved(store)
    let expected = Set((0..<writers).flatMap { w in (0..<each).map { "MW-\(w)-\($0)" } })
    #expect(cases == expected)
    #expect(audited == expected)
  }
}

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

    init(store: String, folder: URL, row: String) {
      self.store = store
      self.folder = folder
      self.row = row
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

  /// The state gallring changes, as the next command finds it.
  struct GallringState {
    var cases: Int
    var oldLines: Bool
    var backups: Set<String>
    var leftovers: [String]

    init(_ folder: URL, store: String) throws {
      cases = Int(try Binary.plistlib(store, "len(d['municipality']['cases'])")) ?? -1
      let trail = (try? Data(contentsOf: URL(fileURLWithPath: store + ".audit"))) ?? Data()
      oldLines = String(decoding: trail, as: UTF8.self).contains(#""en":"Old"#)
      backups = Set(
        (try? FileManager.default.contentsOfDirectory(atPath: store + ".backups")) ?? [])
      leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasSuffix(".tmp") || $0.hasSuffix(".gallring")
      }
    }
  }

  @Test(
    "gallring killed with SIGKILL at random moments: the next save finds the old state or the new, whole, and no temporary file"
  )
  func killedGallring() throws {
    let template = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: template) }
    let writers = try Writers(template)
    // Two saves (two backups), closed cases past their period, and a long trail of
    // entries past theirs: gallring then changes the store, the trail and the backups.
    for number in ["CR-a", "CR-b"] {
      let arguments = try writers.arguments(number)
      #expect(try Binary.run(arguments[0], Array(arguments.dropFirst())).status == 0)
    }
    _ = try Binary.run(
      "/usr/bin/env",
      [
        "python3", "-c",
        """
        import plistlib,sys
        p=sys.argv[1]; d=plistlib.load(open(p,'rb'))
        for c in d['municipality']['cases']:
            if c['status']=='closedArchived': c['closedOn']='2019-01-01'
        plistlib.dump(d,open(p,'wb'))
        """, writers.store,
      ])
    let old = #"{"at":"2015-03-01T10:00:00Z","en":"Old","login":"x","sv":"Gammal","pad":""#
    // Long lines, few of them: reading them is quick, writing the new trail is not.
    var trail = Data()
    let pad = String(repeating: "x", count: 10_000)
    for i in 0..<200 { trail.append(Data((old + "\(i)\(pad)\"}\n").utf8)) }
    trail.append(try Data(contentsOf: URL(fileURLWithPath: writers.store + ".audit")))
    try trail.write(to: URL(fileURLWithPath: writers.store + ".audit"))
    let before = try GallringState(template, store: writers.store)
    #expect(before.backups.count == 2 && before.oldLines)

    /// A copy of the template, and `etjanst gallra` started on it.
    func gallra(_ i: Int) throws -> (URL, Writers, pid_t) {
      let folder = template.deletingLastPathComponent().appendingPathComponent(
        template.lastPathComponent + "-\(i)")
      #expect(try Binary.run("/bin/cp", ["-a", template.path, folder.path]).status == 0)
      let copy = Writers(
        store: folder.appendingPathComponent("etjanst.plist").path, folder: folder,
        row: writers.row)
      let pid = try Self.start(
        [Binary.etjanst, "gallra", "--store", copy.store, "--lang", "en"],
        output: folder.appendingPathComponent("gallra.out").path)
      return (folder, copy, pid)
    }

    /// Waits (bounded) until the process has made its first temporary file, the start
    /// of what it writes, or has ended; whether it is still running.
    func writing(_ pid: pid_t, in folder: URL) -> Bool {
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if names.contains(where: { $0.hasSuffix(".tmp") }) { return true }
        usleep(200)
      }
      return true
    }

    // One whole run: how long its writing takes, and the state it leaves.
    let (whole, _, pid) = try gallra(0)
    defer { try? FileManager.default.removeItem(at: whole) }
    #expect(writing(pid, in: whole))
    let started = Date()
    #expect(Self.wait(pid) == 0)
    let duration = Date().timeIntervalSince(started)
    let done = try GallringState(whole, store: whole.appendingPathComponent("etjanst.plist").path)
    #expect(done.cases < before.cases && !done.oldLines && done.backups.isEmpty)

    // Kills spread over its writing: the new store, the new trail, the journal, the
    // renames, the deletions.
    var generator = SystemRandomNumberGenerator()
    var outcomes: [Bool] = []
    for i in 1...12 {
      let (folder, copy, pid) = try gallra(i)
      defer { try? FileManager.default.removeItem(at: folder) }
      if writing(pid, in: folder) {
        usleep(UInt32(Double.random(in: 0...(duration * 1.2), using: &generator) * 1_000_000))
        kill(pid, SIGKILL)
      }
      _ = Self.wait(pid)
      // The next command that saves.
      let arguments = try copy.arguments("CR-next")
      let next = try Binary.run(arguments[0], Array(arguments.dropFirst()))
      #expect(next.status == 0, "\(next.stderr)")
      let after = try GallringState(folder, store: copy.store)
      #expect(after.leftovers.isEmpty, "kill \(i): \(after.leftovers)")
      // Old whole (nothing gallrad, the old lines and both backups there) or new whole.
      let gallrad = after.cases == done.cases + 1
      #expect(gallrad || after.cases == before.cases + 1, "kill \(i): \(after.cases) cases")
      #expect(
        after.oldLines == !gallrad, "kill \(i): gallrad \(gallrad), old lines \(after.oldLines)")
      #expect(
        before.backups.isSubset(of: after.backups) == !gallrad
          && before.backups.isDisjoint(with: after.backups) == gallrad,
        "kill \(i): gallrad \(gallrad), backups \(after.backups)")
      outcomes.append(gallrad)
    }
    print(
      "gallring killed 12 times: the next save found it done \(outcomes.filter { $0 }.count) "
        + "times, not begun \(outcomes.filter { !$0 }.count) times (one run \(duration) s)")
  }
}

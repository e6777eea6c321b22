import Foundation
import TestSupport
import Testing

/// The command line as a Unix tool: output that cannot be written fails the command,
/// `-` is standard input or output, unknown names get a suggestion, options that do
/// nothing for a kind are refused, tables fit a terminal and are whole in a pipe.
@Suite struct UnixEndToEndTests {
  static let swedish = CommandLineEndToEndTests.swedish
  static let english = CommandLineEndToEndTests.english

  func withDemo(_ body: (URL, String) throws -> Void) throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder, try Binary.demoStore(in: folder))
  }

  /// One new e-service in a department of the demo, as the import takes it.
  static func serviceCSV(_ name: String) -> String {
    "namn;förvaltning\n\(name);Samhällsbyggnadsförvaltningen\n"
  }

  /// `etjanst ARGUMENTS > /dev/full`, through sh.
  func toFullDisk(_ arguments: [String], stdin: String = "/dev/null") throws -> Binary.Output {
    try Binary.run(
      "/bin/sh", ["-c", #"exec "$0" "$@" >/dev/full <"# + stdin, Binary.etjanst] + arguments,
      environment: Self.english)
  }

  @Test("a write to a full standard output fails every command: one line, exit 2")
  func fullStandardOutput() throws {
    try withDemo { folder, store in
      let csv = folder.appendingPathComponent("e.csv").path
      try Data(Self.serviceCSV("Ny tjänst").utf8).write(to: URL(fileURLWithPath: csv))
      for command in [
        ["list", "services"], ["list", "audit"], ["list", "audit", "--format", "csv"],
        ["list", "staff", "--format", "json"], ["report"], ["report", "--format", "json"],
        ["check", "--all"], ["check", "--format", "json"], ["restore", "--list"],
        ["gallra", "--dry-run"], ["services", "import", "--dry-run", csv],
        ["extract", "aino.keranen", "--format", "json"], ["routines", "export", "--format", "md"],
      ] {
        let out = try toFullDisk(command + ["--store", store])
        #expect(out.status == 2, "\(command): \(out.status) \(out.stderr)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(command): \(out.stderr)")
        #expect(out.stderr.contains("standard output"), "\(command): \(out.stderr)")
      }
      for command in [["--version"], ["--help"], ["help", "list"], ["list", "--help"]] {
        let out = try toFullDisk(command)
        #expect(out.status == 2, "\(command): \(out.status) \(out.stderr)")
        #expect(out.stderr.contains("standard output"), "\(command): \(out.stderr)")
      }
      let demo = try toFullDisk(["demo", "--output", folder.appendingPathComponent("d.plist").path])
      #expect(demo.status == 2, "\(demo.stderr)")
    }
  }

  @Test("--output in a folder that is not there: one line, exit 2, no folder made")
  func missingOutputFolder() throws {
    try withDemo { folder, store in
      let missing = folder.appendingPathComponent("nonexistent/dir")
      for command in [
        ["demo", "--output", missing.appendingPathComponent("x.plist").path],
        [
          "extract", "aino.keranen", "--store", store, "--output",
          missing.appendingPathComponent("x.md").path,
        ],
        [
          "routines", "export", "--format", "md", "--store", store, "--output",
          missing.appendingPathComponent("x.md").path,
        ],
      ] {
        let out = try Binary.etjanst(command, environment: Self.swedish)
        #expect(out.status == 2, "\(command): \(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(command): \(out.stderr)")
        #expect(out.stderr.contains("finns inte"), "\(command): \(out.stderr)")
        #expect(
          !FileManager.default.fileExists(
            atPath: folder.appendingPathComponent("nonexistent").path),
          "\(command) made the folder")
      }
    }
  }

  @Test("help NAME and an unknown command: exit 2 and the nearest names")
  func unknownCommands() throws {
    let cases: [([String], String)] = [
      (["help", "nonexistent"], "nonexistent"), (["help", "lsit"], "'list'"),
      (["lsit"], "'list'"), (["--store", "x.plist", "lsit"], "'list'"),
      (["services", "imprt", "x.csv"], "'import'"), (["repotr"], "'report'"),
    ]
    for (arguments, expected) in cases {
      let en = try Binary.etjanst(arguments, environment: Self.english)
      #expect(en.status == 2, "\(arguments): \(en.status)")
      #expect(en.stdout.isEmpty, "\(arguments): \(en.stdout)")
      #expect(en.stderr.split(separator: "\n").count == 1, "\(arguments): \(en.stderr)")
      #expect(en.stderr.contains(expected), "\(arguments): \(en.stderr)")
      if expected.hasPrefix("'") { #expect(en.stderr.contains("did you mean"), "\(en.stderr)") }
      let sv = try Binary.etjanst(arguments, environment: Self.swedish)
      if expected.hasPrefix("'") { #expect(sv.stderr.contains("menade du"), "\(sv.stderr)") }
    }
    // Known names still work.
    #expect(try Binary.etjanst(["help", "list"]).status == 0)
    #expect(try Binary.etjanst(["help", "services", "import"]).status == 0)
    #expect(try Binary.etjanst(["help"]).status == 0)
  }

  @Test("- is standard input for an import and standard output for --output")
  func dash() throws {
    try withDemo { folder, store in
      let csv = folder.appendingPathComponent("e.csv").path
      try Data(Self.serviceCSV("En tjänst från stdin").utf8).write(to: URL(fileURLWithPath: csv))
      let imported = try Binary.run(
        "/bin/sh",
        [
          "-c", #"exec "$0" "$@" <"# + "'\(csv)'", Binary.etjanst, "services", "import", "-",
          "--store", store,
        ], environment: Self.english)
      #expect(imported.status == 0, "\(imported.stderr)")
      #expect(imported.stdout.contains("En tjänst från stdin"), "\(imported.stdout)")
      let list = try Binary.etjanst(["list", "services", "--store", store, "--format", "csv"])
      #expect(list.stdout.contains("En tjänst från stdin"))

      let out = try Binary.etjanst(
        ["routines", "export", "--format", "md", "--store", store, "--output", "-"],
        environment: Self.english)
      #expect(out.status == 0, "\(out.stderr)")
      #expect(!out.stdout.isEmpty)
      let cwd = FileManager.default.currentDirectoryPath
      #expect(!FileManager.default.fileExists(atPath: cwd + "/-"), "a file named - was written")
      let extract = try Binary.etjanst([
        "extract", "aino.keranen", "--store", store, "--output", "-",
      ])
      #expect(extract.status == 0, "\(extract.stderr)")
      #expect(!extract.stdout.isEmpty)
    }
  }

  @Test("an option that does nothing for the kind is refused, naming the kinds it is for")
  func inapplicableOptions() throws {
    try withDemo { _, store in
      let cases: [([String], String)] = [
        (["list", "services", "--step", "2"], "list orders"),
        (["list", "services", "--since", "2026-01-01"], "list audit"),
        (["list", "audit", "--department", "Kommunstyrelsen"], "list services"),
        (["list", "staff", "--person", "eva"], "list audit"),
        (["list", "services", "--format", "csv", "--wide"], "--format table"),
      ]
      for (arguments, expected) in cases {
        let out = try Binary.etjanst(arguments + ["--store", store], environment: Self.english)
        #expect(out.status == 2, "\(arguments): \(out.status)")
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(expected), "\(arguments): \(out.stderr)")
        #expect(out.stderr.contains(arguments[2]), "\(arguments): \(out.stderr)")
      }
      #expect(try Binary.etjanst(["list", "orders", "--step", "2", "--store", store]).status == 0)
    }
  }

  @Test("list tables fit the terminal's width, and are whole in a pipe")
  func tableWidths() throws {
    try withDemo { _, store in
      let piped = try Binary.etjanst(["list", "services", "--store", store])
      #expect(piped.status == 0)
      #expect(!piped.stdout.contains("…"), "a cell was cut in a pipe")
      let pipedWidth = piped.stdout.split(separator: "\n").map(\.count).max() ?? 0
      for width in [80, 200] {
        let tmux = try Tmux(
          command: "'\(Binary.etjanst)' list services --store '\(store)'; echo END",
          width: width, height: 200)
        let screen = try tmux.waitFor(text: "END")
        let widest = screen.map { $0.count }.max() ?? 0
        #expect(widest <= width, "\(width): \(widest)")
        if width == 80 {
          #expect(widest > 60, "an 80-column table uses the width: \(widest)")
          #expect(screen.contains { $0.contains("…") }, "nothing was fitted at 80 columns")
        } else {
          #expect(widest == min(pipedWidth, width), "200 columns: \(widest), pipe \(pipedWidth)")
        }
      }
    }
  }

  @Test("check and report --format json: stable keys")
  func monitoringJSON() throws {
    try withDemo { _, store in
      let check = try Binary.etjanst(["check", "--format", "json", "--store", store])
      #expect(check.status == 1)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
      #expect(Set(object.keys) == ["problems", "findings"])
      let findings = try #require(object["findings"] as? [[String: Any]])
      #expect((object["problems"] as? Int) == findings.count && !findings.isEmpty)
      for f in findings {
        #expect(Set(f.keys) == ["section", "severity", "subject", "message"])
        #expect(["violation", "warning"].contains(f["severity"] as? String ?? ""))
      }
      let report = try Binary.etjanst(["report", "--format", "json", "--store", store])
      // Something needs attention (the check above found it): report says so by its
      // exit, as check does, so cron mails only when it matters.
      #expect(report.status == 1, "\(report.stderr)")
      let r = try #require(
        try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
      #expect(Set(r.keys) == ["municipality", "date", "goals", "findings"])
      let goals = try #require(r["goals"] as? [String: Any])
      #expect(goals.count == 11)
      #expect(goals["publishedExternal"] is Int)
      // The demo holds no request: the figure is there, as null.
      #expect(goals["requestMedianDaysToDone"] is NSNull, "\(goals)")
    }
  }

  @Test("report gives the requests' median days to done per department, as the overview does")
  func reportRequestMedians() throws {
    try withDemo { _, store in
      let label = "Begäran → klar, mediandagar"
      let before = try Binary.etjanst(["report", "--store", store], environment: Self.swedish)
      #expect(!before.stdout.contains(label), "\(before.stdout)")
      // A manager's access request, sent four days ago and done (accepted) yesterday.
      let script = """
        import plistlib, sys, datetime as dt
        NOW = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        d = plistlib.load(open(sys.argv[1], 'rb'))
        d['municipality'].setdefault('requests', []).append({
            'id': 'req-median', 'kind': 'access', 'state': 'accepted', 'sender': 'chef.vo',
            'department': 'dep-vo', 'sent': NOW - dt.timedelta(days=4), 'name': '',
            'login': '', 'services': ['svc-lexsarah'], 'signing': False, 'ends': False,
            'text': '', 'urgent': False, 'reason': '', 'answeredBy': 'linnea.alatalo',
            'answeredAt': NOW - dt.timedelta(days=1)})
        plistlib.dump(d, open(sys.argv[1], 'wb'))
        """
      let edit = try Binary.run("/usr/bin/env", ["python3", "-c", script, store])
      try #require(edit.status == 0, "\(edit.stderr)")
      let text = try Binary.etjanst(["report", "--store", store], environment: Self.swedish)
      #expect(text.stdout.contains(label), "\(text.stdout)\(text.stderr)")
      let line = text.stdout.split(separator: "\n").first { $0.contains(label) } ?? ""
      #expect(line.hasSuffix("  Vård och omsorg 3"), "\(line)")
      let english = try Binary.etjanst(["report", "--store", store], environment: Self.english)
      #expect(english.stdout.contains("Request → done, median days"), "\(english.stdout)")
      let json = try Binary.etjanst(["report", "--format", "json", "--store", store])
      let r = try #require(
        try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
      let goals = try #require(r["goals"] as? [String: Any])
      let medians = try #require(goals["requestMedianDaysToDone"] as? [[String: Any]])
      #expect(medians.count == 1)
      #expect(medians.first?["department"] as? String == "Vård och omsorg", "\(medians)")
      #expect((medians.first?["days"] as? NSNumber)?.doubleValue == 3, "\(medians)")
    }
  }

  @Test("a save waits for another's lock, says whose on a terminal, and --wait gives up")
  func lockWait() throws {
    try withDemo { folder, store in
      let csv = folder.appendingPathComponent("e.csv").path
      try Data(Self.serviceCSV("Väntar på låset").utf8).write(to: URL(fileURLWithPath: csv))
      // Another process's save, as far as the lock can tell: held, "login pid" written.
      let fd = open(store + ".lock", O_RDWR | O_CREAT, 0o600)
      #expect(fd >= 0)
      defer { close(fd) }
      #expect(flock(fd, LOCK_EX) == 0)
      let holder = Array("tester 4242".utf8)
      #expect(ftruncate(fd, 0) == 0 && pwrite(fd, holder, holder.count, 0) == holder.count)

      let start = ContinuousClock.now
      let out = try Binary.etjanst(
        ["services", "import", csv, "--store", store, "--wait", "1"], environment: Self.english)
      #expect(ContinuousClock.now - start < .seconds(30))
      #expect(out.status == 2, "\(out.stderr)")
      #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
      #expect(out.stderr.contains("tester (pid 4242)"), "\(out.stderr)")
      #expect(
        !(try Binary.etjanst(["list", "services", "--store", store]).stdout.contains("Väntar")))

      // On a terminal, without --wait: it says whose save it waits for, and goes on
      // once the lock is free.
      let tmux = try Tmux(
        command: "'\(Binary.etjanst)' services import '\(csv)' --store '\(store)'",
        environment: Self.english)
      try tmux.waitFor(text: "locked by tester (pid 4242)")
      #expect(flock(fd, LOCK_UN) == 0)
      try tmux.waitFor(text: "Väntar på låset")
      #expect(try tmux.waitForExit() == 0)
    }
  }

  @Test("list audit, written as it is read, is whole in every format")
  func auditStreams() throws {
    try withDemo { _, store in
      let json = try Binary.etjanst(["list", "audit", "--format", "json", "--store", store])
      #expect(json.status == 0, "\(json.stderr)")
      let entries = try #require(
        try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
      #expect(!entries.isEmpty)
      let csv = try Binary.etjanst(["list", "audit", "--format", "csv", "--store", store])
      #expect(csv.stdout.hasPrefix("at,login,name,kind,what,changes\n"))
      let times = entries.compactMap { $0["at"] as? String }
      #expect(times == times.sorted(), "oldest first")
      let none = try Binary.etjanst(
        [
          "list", "audit", "--format", "json", "--filter", "no-such-word-anywhere", "--store",
          store,
        ])
      #expect(none.stdout == "[]\n", "\(none.stdout)")
      let table = try Binary.etjanst(["list", "audit", "--store", store])
      #expect(table.stdout.split(separator: "\n").count == entries.count + 1)
    }
  }
}

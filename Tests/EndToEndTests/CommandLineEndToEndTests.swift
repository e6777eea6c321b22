import Foundation
import TestSupport
import Testing

/// The command line as scripts see it: version, help, exit statuses (0 clean,
/// 1 problems found, 2 cannot run) and messages in the user's language.
@Suite struct CommandLineEndToEndTests {
  /// Swedish unless told otherwise: no LANG, LC_ALL or LC_MESSAGES saying English.
  static let swedish = ["LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
  static let english = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  func withDemo(_ body: (URL, String) throws -> Void) throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder, try Binary.demoStore(in: folder))
  }

  @Test("--version prints the version and exits 0")
  func version() throws {
    let out = try Binary.etjanst(["--version"])
    #expect(out.status == 0, "\(out.stderr)")
    #expect(
      out.stdout.range(
        of: #"^etjanst \d+\.\d+\.\d+ \((commit [0-9a-f]{7,}(-dirty)?|unknown commit)\)\n$"#,
        options: .regularExpression) != nil, "\(out.stdout)")
  }

  @Test("top-level help shows the console's own options")
  func topLevelHelp() throws {
    let out = try Binary.etjanst(["--help"])
    #expect(out.status == 0)
    for option in ["--demo", "--read-only", "--lang", "--store", "--version"] {
      #expect(out.stdout.contains(option), "\(option) missing from:\n\(out.stdout)")
    }
    #expect(out.stdout.contains("0 clean"))
  }

  @Test("option help does not repeat the values swift-argument-parser lists")
  func optionHelpWithoutRepeats() throws {
    for command in [
      "list", "report", "demo", "check", "restore", "routines export", "cases import",
    ] {
      let out = try Binary.etjanst(["help"] + command.split(separator: " ").map(String.init))
      #expect(out.status == 0, "\(command): \(out.stderr)")
      for entry in Self.entries(out.stdout) {
        // "--format <format>  Text. (values: a, b, c; default: a)": the text before
        // the list must not name two of its values itself.
        guard let open = entry.range(of: "(values: ") else { continue }
        let before = String(entry[..<open.lowerBound])
        let values = entry[open.upperBound...].prefix { $0 != ";" && $0 != ")" }
          .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let named = values.filter { value in
          before.range(of: "\\b\(value)\\b", options: .regularExpression) != nil
        }
        #expect(named.count < 2, "\(command): help repeats \(named): \(before)")
      }
    }
  }

  /// The help's argument and option entries, each with its continuation lines
  /// joined and its own name ("--format <format>") left out.
  static func entries(_ help: String) -> [String] {
    var entries: [String] = []
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("  -") || line.hasPrefix("  <") {
        let afterName = line.dropFirst(2).split(separator: "  ", maxSplits: 1).dropFirst().first
        entries.append(String(afterName ?? ""))
      } else if line.hasPrefix("    "), !entries.isEmpty {
        entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
      } else if !line.hasPrefix(" ") {
        entries.append("")
      }
    }
    return entries
  }

  @Test("exit statuses: 0 clean, 1 problems found, 2 bad usage or an unreadable store")
  func exitStatuses() throws {
    try withDemo { folder, store in
      #expect(try Binary.etjanst(["list", "services", "--store", store]).status == 0)
      // The demo has findings on purpose: report and check say so with 1.
      #expect(try Binary.etjanst(["report", "--store", store]).status == 1)
      #expect(try Binary.etjanst(["check", "--store", store]).status == 1)
      #expect(try Binary.etjanst(["list", "nonsense", "--store", store]).status == 2)
      #expect(try Binary.etjanst(["check", "--no-such-option", "--store", store]).status == 2)
      #expect(try Binary.etjanst(["--no-such-option"]).status == 2)
      let missing = folder.appendingPathComponent("missing.plist").path
      let broken = folder.appendingPathComponent("broken.plist").path
      try Data("not a property list".utf8).write(to: URL(fileURLWithPath: broken))
      for path in [missing, broken] {
        for command in [["check"], ["list", "services"], ["report"], ["restore", "--list"]] {
          // The backups are what a store the reader refuses needs: their list works
          // (it says why the store cannot be read, and that there are none yet).
          let listsBackups = path == broken && command == ["restore", "--list"]
          let out = try Binary.etjanst(command + ["--store", path])
          #expect(
            out.status == (listsBackups ? 0 : 2),
            "\(command) on \(path): \(out.status) \(out.stderr)")
          #expect(out.stderr.hasPrefix("etjanst: "))
        }
      }
    }
  }

  @Test("command-line errors speak the user's language: LANG, else --lang")
  func errorsInTheUsersLanguage() throws {
    try withDemo { _, store in
      let department = ["list", "services", "--department", "Finns inte", "--store", store]
      let sv = try Binary.etjanst(department, environment: Self.swedish)
      #expect(sv.status == 2)
      #expect(sv.stderr.contains("ingen förvaltning matchar"), "\(sv.stderr)")
      let en = try Binary.etjanst(department, environment: Self.english)
      #expect(en.stderr.contains("no department matches"), "\(en.stderr)")
      let forced = try Binary.etjanst(department + ["--lang", "en"], environment: Self.swedish)
      #expect(forced.stderr.contains("no department matches"), "\(forced.stderr)")
      let restore = try Binary.etjanst(
        ["restore", "99", "--store", store], environment: Self.swedish)
      #expect(restore.status == 2)
      #expect(restore.stderr.contains("det finns ingen säkerhetskopia 99"), "\(restore.stderr)")
    }
  }

  @Test("list --lang, --wide and times with their offset")
  func listOptions() throws {
    try withDemo { _, store in
      let sv = try Binary.etjanst(
        ["list", "services", "--store", store], environment: Self.swedish)
      #expect(sv.stdout.hasPrefix("Namn"))
      let en = try Binary.etjanst(["list", "services", "--lang", "en", "--store", store])
      #expect(en.stdout.hasPrefix("Name"))
      #expect(en.stdout.contains("Published"))
      let wide = try Binary.etjanst(["list", "services", "--wide", "--store", store])
      #expect((wide.stdout.split(separator: "\n").first?.count ?? 0) > 100)
      let audit = try Binary.etjanst(["list", "audit", "--store", store])
      #expect(audit.status == 0)
      let line = try #require(audit.stdout.split(separator: "\n").dropFirst().first)
      #expect(
        line.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d "#, options: .regularExpression)
          != nil, "\(line)")
    }
  }

  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Resources/import")

  @Test("services and staff import: --dry-run changes nothing, then all rows under the lock")
  func firstDayImports() throws {
    try withDemo { folder, store in
      let services = Self.samples.appendingPathComponent("e-tjanster.csv").path
      let staff = Self.samples.appendingPathComponent("personal.csv").path
      let before = try Data(contentsOf: URL(fileURLWithPath: store))
      let dry = try Binary.etjanst(
        ["services", "import", services, "--dry-run", "--store", store],
        environment: Self.swedish)
      #expect(dry.status == 0, "\(dry.stderr)")
      #expect(dry.stdout.contains("Skulle lägga till 4 e-tjänster:"), "\(dry.stdout)")
      #expect(
        dry.stdout.contains("rad 4: Ansökan om bidrag till studieresa, lägerskola eller utbyte"))
      #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)

      let real = try Binary.etjanst(["services", "import", services, "--store", store])
      #expect(real.status == 0, "\(real.stderr)")
      let names = try Binary.plistlib(store, "[s['name'] for s in d['municipality']['services']]")
      #expect(names.contains("Ansökan om parkeringstillstånd för rörelsehindrade"))
      let people = try Binary.etjanst(
        ["staff", "import", staff, "--lang", "en", "--store", store])
      #expect(people.status == 0, "\(people.stderr)")
      #expect(people.stdout.hasPrefix("Added 3 staff members:"), "\(people.stdout)")
      let logins = try Binary.plistlib(store, "[p['login'] for p in d['municipality']['staff']]")
      #expect(logins.contains("sara.lantto") && logins.contains("johan.vaara"))
      let audit = try String(contentsOfFile: store + ".audit", encoding: .utf8)
      #expect(audit.contains("e-tjanster.csv") && audit.contains("personal.csv"))

      // Again: nothing new, nothing written.
      let saved = try Data(contentsOf: URL(fileURLWithPath: store))
      let again = try Binary.etjanst(
        ["staff", "import", staff, "--store", store], environment: Self.swedish)
      #expect(again.status == 0)
      #expect(again.stdout.contains("Inget nytt att lägga till."), "\(again.stdout)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == saved)

      // A bad file: exit 1, every bad line named in Swedish, the store untouched.
      let bad = folder.appendingPathComponent("bad.csv")
      try Data("namn,förvaltning\nA,Finns inte\nB,Kultur och fritid\nC,Nej\n".utf8).write(to: bad)
      let refused = try Binary.etjanst(
        ["services", "import", bad.path, "--store", store], environment: Self.swedish)
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("rad 2: förvaltningen 'Finns inte' finns inte"))
      #expect(refused.stderr.contains("rad 4: "))
      // One line a bad row, as cases import says them; no escaped line break.
      #expect(!refused.stderr.contains("\u{FFFD}"), "\(refused.stderr)")
      #expect(refused.stderr.split(separator: "\n").count == 3, "\(refused.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == saved)
      let unreadable = try Binary.etjanst(
        ["staff", "import", folder.appendingPathComponent("none.csv").path, "--store", store])
      #expect(unreadable.status == 2)
    }
  }

  @Test("a rule's refusal on the command line is in the user's language and exits 1")
  func ruleMessagesInTheUsersLanguage() throws {
    try withDemo { folder, store in
      let file = folder.appendingPathComponent("hr.csv")
      try Data(
        "name,login,department,startDate,endDate\nBakvänd,bak.vand,Kultur och fritid,2027-02-01,2027-01-01\n"
          .utf8
      ).write(to: file)
      let before = try Data(contentsOf: URL(fileURLWithPath: store))
      let sv = try Binary.etjanst(
        ["staff", "import", file.path, "--store", store], environment: Self.swedish)
      #expect(sv.status == 1)
      #expect(sv.stderr.contains("rad 2: Slutdatum kan inte vara före startdatum."), "\(sv.stderr)")
      let en = try Binary.etjanst(
        ["staff", "import", file.path, "--store", store], environment: Self.english)
      #expect(en.status == 1)
      #expect(
        en.stderr.contains("line 2: The end date cannot be before the start date."), "\(en.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }
  }
}

extension CommandLineEndToEndTests {
  @Test(
    "usage errors: one Swedish line by default (unknown option, missing argument, bad value), exit 2; --lang en keeps the library's text"
  )
  func usageErrorsInSwedish() throws {
    let cases: [([String], String)] = [
      (["check", "--no-such-option"], "etjanst: okänd flagga '--no-such-option'"),
      (["staff", "import"], "etjanst: argumentet '<file>' saknas"),
      (
        ["list", "nonsense"],
        "etjanst: värdet 'nonsense' gäller inte för '<kind>'; ange ett av: services, staff"
      ),
      (
        ["list", "services", "--format", "xml"],
        "etjanst: värdet 'xml' gäller inte för '--format <format>'; ange 'table', 'csv' eller 'json'"
      ),
      (["list", "services", "--store"], "etjanst: värde saknas för '--store <store>'"),
      (["check", "extra"], "etjanst: oväntat argument 'extra'"),
    ]
    for (arguments, said) in cases {
      let sv = try Binary.etjanst(arguments, environment: Self.swedish)
      #expect(sv.status == 2, "\(arguments): \(sv.status)")
      #expect(sv.stderr.hasPrefix(said), "\(arguments): \(sv.stderr)")
      #expect(!sv.stderr.contains("Error:") && !sv.stderr.contains("Usage:"), "\(sv.stderr)")
      let en = try Binary.etjanst(arguments + ["--lang", "en"], environment: Self.swedish)
      #expect(en.status == 2)
      #expect(en.stderr.hasPrefix("Error: "), "\(arguments): \(en.stderr)")
      let english = try Binary.etjanst(arguments, environment: Self.english)
      #expect(english.stderr.hasPrefix("Error: "), "\(arguments): \(english.stderr)")
    }
  }
}

extension CommandLineEndToEndTests {
  @Test("a store that cannot be used is said in Swedish by default, in English with --lang en")
  func storeErrorsInTheUsersLanguage() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("none.plist").path
    let broken = folder.appendingPathComponent("broken.plist").path
    try Data("not a plist".utf8).write(to: URL(fileURLWithPath: broken))
    for (path, sv, en) in [
      (missing, "filen finns inte", "no such file"),
      (broken, "är ingen giltig property list", "not a valid property list"),
    ] {
      let swedish = try Binary.etjanst(["check", "--store", path], environment: Self.swedish)
      #expect(swedish.status == 2)
      #expect(swedish.stderr.hasPrefix("etjanst: \(path): \(sv)"), "\(swedish.stderr)")
      #expect(!swedish.stderr.contains(en), "\(swedish.stderr)")
      let english = try Binary.etjanst(
        ["check", "--store", path, "--lang", "en"], environment: Self.swedish)
      #expect(english.stderr.hasPrefix("etjanst: \(path): \(en)"), "\(english.stderr)")
    }
    let untouched = try Binary.etjanst(["list", "services", "--store", broken])
    #expect(untouched.stderr.contains("filen lämnades orörd"), "\(untouched.stderr)")
  }
}

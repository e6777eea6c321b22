import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// A count of one never meets a plural word: "1 öppna ärenden", "1 månader" and
/// "1 open cases" read wrong. Every golden frame, the output of every `list`,
/// `report` and `check` over the demo in both languages, and every counted noun
/// are read for one followed by a plural form; and Swedish `check` says its
/// severities in Swedish.
@Suite struct PluralEndToEndTests {
  /// The plural forms read for, in both languages: every counted noun's plural
  /// (where it differs from the singular) and more words that are counted.
  static var plurals: [String] {
    let nouns = Noun.all.flatMap { noun in
      Language.allCases.compactMap { l in noun.many(l) == noun.one(l) ? nil : noun.many(l) }
    }
    let more = [
      "ärenden", "månader", "dagar", "veckor", "timmar", "minuter", "poster", "e-tjänster",
      "beställningar", "personer", "rapporter", "förvaltningar", "behörigheter", "rader",
      "nycklar", "säkerhetskopior", "steg kvar", "cases", "months", "days", "weeks", "hours",
      "minutes", "entries", "records", "e-services", "orders", "people", "reports",
      "departments", "rows", "keys", "backups", "years",
    ]
    return Array(Set(nouns + more)).sorted()
  }

  /// "1 öppna ärenden", "1 open cases", "(1 öppna)": one, then an adjective's or a
  /// noun's plural. A one inside a larger number, a range or a date does not count.
  static let pattern: NSRegularExpression = {
    let words = plurals.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
    return try! NSRegularExpression(
      pattern: "(?<![0-9.,:–/-])1 (?:(?:öppna|open) )?(?:\(words))(?![\\p{L}-])|\\(1 öppna\\)")
  }()

  /// The lines of `text` with one before a plural.
  static func wrongCounts(in text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
      pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
    }
  }

  @Test("the pattern finds one before a plural, and leaves the right forms alone")
  func patternReads() {
    #expect(!Self.wrongCounts(in: "har 1 öppna ärenden").isEmpty)
    #expect(!Self.wrongCounts(in: "Ärenden (1 öppna)").isEmpty)
    #expect(!Self.wrongCounts(in: "Granskning 1 månader").isEmpty)
    #expect(!Self.wrongCounts(in: "with 1 open cases").isEmpty)
    for right in [
      "har 1 öppet ärende", "Ärenden (1 öppet)", "1 månad", "1–120 månader", "11 dagar",
      "2026-11-01 dagar", "21 ärenden", "with 1 open case",
    ] {
      #expect(Self.wrongCounts(in: right).isEmpty, "\(right)")
    }
  }

  @Test("every counted noun and adjective agrees with one and with many, in both languages")
  func nounTables() {
    for noun in Noun.all {
      for l in Language.allCases {
        #expect(Self.wrongCounts(in: noun.count(1)(l)).isEmpty, "\(noun.count(1)(l))")
        #expect(Self.wrongCounts(in: noun.count(1, .open)(l)).isEmpty)
        #expect(noun.count(2)(l) == "2 \(noun.many(l))")
      }
    }
    #expect(Noun.case.count(1, .open)(.swedish) == "1 öppet ärende")
    #expect(Noun.case.count(2, .open)(.swedish) == "2 öppna ärenden")
    #expect(Noun.eService.count(1, .open)(.swedish) == "1 öppen e-tjänst")
    #expect(Adjective.open.count(1, of: .case)(.swedish) == "1 öppet")
    #expect(Noun.case.count(1, .open)(.english) == "1 open case")
    for limit in Settings.limits {
      for l in Language.allCases {
        #expect(Self.wrongCounts(in: limit.unit.count(1)(l)).isEmpty, "\(limit.name)")
      }
    }
  }

  @Test("no golden frame shows one before a plural")
  func goldens() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("ETjanstConsoleTests/Golden")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.count > 20)
    for file in files {
      let text = try String(
        contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(Self.wrongCounts(in: text).isEmpty, "\(file): \(Self.wrongCounts(in: text))")
    }
  }

  @Test("list, report and check over the demo, in both languages, count right")
  func commandLine() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("demo.plist").path
    #expect(try Binary.etjanst(["demo", "--output", store]).status == 0)
    let kinds = ["services", "staff", "access", "cases", "orders", "routines", "outages", "audit"]
    for language in ["sv", "en"] {
      let common = ["--store", store, "--lang", language]
      var runs = [["check", "--all"], ["report"], ["report", "--format", "md"]]
      runs += kinds.map { ["list", $0, "--wide"] }
      for arguments in runs {
        let output = try Binary.etjanst(arguments + common)
        #expect(!output.stdout.isEmpty, "\(arguments) \(language): \(output.stderr)")
        let wrong = Self.wrongCounts(in: output.stdout + output.stderr)
        #expect(wrong.isEmpty, "\(arguments) \(language): \(wrong)")
      }
      // The severities in Swedish, as the overview says them.
      if language == "sv" {
        let check = try Binary.etjanst(["check", "--all"] + common).stdout
        for word in [" violation ", " warning ", " notice "] {
          #expect(!check.contains(word), "\(word) in Swedish check:\n\(check)")
        }
        #expect(check.contains(" brist ") && check.contains(" varning "))
      }
    }
  }
}

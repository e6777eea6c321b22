import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst check`: the store and the guideline's rules; one line a problem and
/// exit 1 when there is any, for cron and monitoring.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check the store and the guideline's rules; exit 1 with one line a problem.")

  @OptionGroup var storeOptions: StoreOptions

  @Option(name: .long, help: "sv or en (default: from LANG, else sv).")
  var lang: Language?

  @Flag(name: .long, help: "Also list notices, which do not fail the check.")
  var all = false

  func run() throws {
    try reporting {
      let (_, m, _) = try storeOptions.load()
      let language = lang ?? Language.fromEnvironment()
      let findings = Findings.all(in: m, at: Date())
      let problems = findings.filter { $0.severity >= .warning }
      for f in all ? findings : problems {
        print(CheckLine.format(f, language))
      }
      if !problems.isEmpty { throw ExitCode.failure }
    }
  }
}

enum CheckLine {
  /// `4.2 violation Aino Keränen: 2 open cases ...`, escaped so no stored text can
  /// drive the terminal.
  static func format(_ f: Finding, _ language: Language) -> String {
    Printable.line("\(f.section) \(f.severity) \(f.subject): \(f.message(language))")
  }
}

/// Text from the store made safe for a terminal outside ncurses.
enum Printable {
  static func line(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || TextCleaning.isInvisible($0.value)
            ? "\u{FFFD}" : $0
        }))
  }
}

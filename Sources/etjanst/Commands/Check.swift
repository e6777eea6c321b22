import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst check`: the store and the guideline's rules; one line a problem and
/// exit 1 when there is any, for cron and monitoring.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check the store and the guideline's rules; one line a problem, exit 1 when there is any.")

  @OptionGroup var storeOptions: StoreOptions

  @OptionGroup var languageOption: LanguageOption

  @Flag(name: .long, help: "Also list notices, which do not fail the check.")
  var all = false

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let now = Date()
      let (m, visible, _) = try storeOptions.loadWithFindings(at: now)
      // Text that bypassed cleaning (a hand-edited file) is found here rather than
      // in Findings, which the console recomputes every minute: walking every
      // string is too slow for that at a region's size.
      let unclean = TextAudit.unclean(in: m).map { field, text in
        Finding(
          section: "data", severity: .warning, subject: field,
          message: LocalizedText(
            sv: "innehåller styrtecken eller osynliga tecken: \(text.debugDescription)",
            en: "contains control or invisible characters: \(text.debugDescription)"))
      }
      let findings = unclean + visible
      let problems = findings.filter { $0.severity >= .warning }
      for f in all ? findings : problems {
        Output.print(CheckLine.format(f, language))
      }
      if !problems.isEmpty { throw ExitStatus.problems.exitCode }
    }
  }
}

enum CheckLine {
  /// `4.2 violation Aino Keränen: 2 open cases ...`, escaped so no stored text can
  /// drive the terminal.
  static func format(_ f: Finding, _ language: Language) -> String {
    TextCleaning.printable("\(f.section) \(f.severity) \(f.subject): \(f.message(language))")
  }
}

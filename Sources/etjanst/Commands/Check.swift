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

  @Option(name: .long, help: "One line a problem, or JSON for monitoring.")
  var format: CheckFormat = .text

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let now = Date()
      let (m, visible, user) = try storeOptions.loadWithFindings(at: now)
      // Text that bypassed cleaning (a hand-edited file) is found here rather than
      // in Findings, which the console recomputes every minute: walking every
      // string is too slow for that at a region's size.
      let unclean = TextAudit.unclean(StoreStrings.all(in: m)).map { field, text in
        Finding(
          section: "data", severity: .warning, subject: field,
          message: LocalizedText(
            sv: "innehåller styrtecken eller osynliga tecken: \(text.debugDescription)",
            en: "contains control or invisible characters: \(text.debugDescription)"))
      }
      let findings = unclean + visible + trailGallring(m, user, now)
      let problems = findings.filter { $0.severity >= .warning }
      let shown = all ? findings : problems
      switch format {
      case .text:
        for f in shown { Output.print(CheckLine.format(f, language)) }
      case .json:
        Output.print(
          try MonitoringJSON.text(
            MonitoringJSON.CheckObject(
              problems: problems.count,
              findings: shown.map { MonitoringJSON.FindingObject($0, language) })),
          terminator: "")
      }
      if !problems.isEmpty { throw ExitStatus.problems.exitCode }
    }
  }
}

extension Check {
  /// Gallring of the trail is due when its oldest entry is past the period (only the
  /// trail's readers are told: the finding is about what it holds).
  func trailGallring(_ m: Municipality, _ user: User, _ now: Date) -> [Finding] {
    let cutoff = GallringPlan.make(m, today: Day(now)).trailCutoff
    guard Visibility(user).seesAuditTrail,
      let oldest = StoreFile(location: storeOptions.location).oldestAuditEntry(), oldest < cutoff
    else { return [] }
    return [
      Finding(
        section: "gallring", severity: .warning, subject: "trail",
        message: LocalizedText(
          sv:
            "gallring behövs: loggen har poster äldre än \(m.settings.retentionTrailYears) år (etjanst gallra --dry-run)",
          en:
            "gallring is due: the trail holds entries older than \(m.settings.retentionTrailYears) years (etjanst gallra --dry-run)"
        ))
    ]
  }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

enum CheckLine {
  /// `4.2 brist Aino Keränen: 2 öppna ärenden ...` (`4.2 violation …` in English), escaped so no stored text can
  /// drive the terminal.
  static func format(_ f: Finding, _ language: Language) -> String {
    TextCleaning.printable(
      "\(f.section) \(f.severity.word(language)) \(f.subject): \(f.message(language))")
  }
}

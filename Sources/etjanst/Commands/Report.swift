import ArgumentParser
import ETjanstDomain
import Foundation

/// `etjanst report`: what needs attention, and the guideline's goals in figures.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What needs attention, and the guideline's goals in figures (txt, md or json).",
    discussion: """
      The first line gives the counts. Exits 1 when anything needs attention (a \
      violation or a warning), as check does, so cron mails only then.
      """)

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only one department's part: what a manager of it sees.", valueName: "name"))
  var department: String?

  @Option(name: .long, help: "Plain text, Markdown, or JSON for monitoring.")
  var format: ReportFormat = .txt

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reporting(languageOption.language) {
      let now = Date()
      var (m, findings, user) = try storeOptions.loadWithFindings(at: now)
      let language = languageOption.language
      if let department {
        (m, findings) = try Self.departmentPart(department, of: m, findings: findings, user, now)
      }
      let attention = findings.contains { $0.severity >= .warning }
      if format == .json {
        Output.print(
          try MonitoringJSON.text(
            MonitoringJSON.ReportObject(
              municipality: m.name, date: Day(now).description, goals: .init(GoalFigures(m), m),
              findings: findings.map { MonitoringJSON.FindingObject($0, language) })),
          terminator: "")
      } else {
        Output.print(
          ReportText.render(m, findings: findings, now: now, format: format, language: language),
          terminator: "")
      }
      if attention { throw ExitStatus.problems.exitCode }
    }
  }

  /// The part of a department, found by name or id (case aside): the store and the
  /// findings as a manager of it sees them (`Visibility`), within what `user` sees.
  static func departmentPart(
    _ name: String, of m: Municipality, findings: [Finding], _ user: User, _ now: Date
  ) throws -> (Municipality, [Finding]) {
    let wanted = name.trimmingCharacters(in: .whitespaces)
    guard
      let found = m.departments.first(where: {
        $0.name.caseInsensitiveCompare(wanted) == .orderedSame
          || $0.id.rawValue.caseInsensitiveCompare(wanted) == .orderedSame
      })
    else {
      throw Failure(
        sv:
          "ingen förvaltning heter \(TextCleaning.printable(wanted)) (etjanst list routines visar dem)",
        en:
          "no department is called \(TextCleaning.printable(wanted)) (etjanst list routines lists them)"
      )
    }
    let part = Visibility(
      User(login: user.login, name: user.name, role: .manager(department: found.id)))
    let kept = part.findings(in: m, at: now)
    // Within what the user may see already: a manager asking for another department
    // gets nothing they could not see.
    let seen = Set(findings.map(Reminders.itemKey))
    return (part.scoped(m), kept.filter { seen.contains(Reminders.itemKey($0)) })
  }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case txt, md, json
}

enum ReportText {
  static func render(
    _ m: Municipality, findings: [Finding], now: Date, format: ReportFormat, language: Language
  ) -> String {
    let sv = language == .swedish
    let g = GoalFigures(m)
    let md = format == .md
    var out: [String] = []
    func heading(_ text: String) {
      out.append(md ? "## \(text)" : text.uppercased())
      out.append("")
    }
    // One line whatever the stored name holds (the whole output is guarded again).
    let name = TextCleaning.printable(m.name)
    let counts = Finding.Severity.allCases.reversed().map { severity in
      let n = findings.filter { $0.severity == severity }.count
      return severity.noun.count(n)(language)
    }.joined(separator: ", ")
    out.append(md ? "# \(name) – etjanst: \(counts)" : "\(name) – etjanst: \(counts)")
    out.append((sv ? "Rapport " : "Report ") + Day(now).description)
    out.append("")
    heading(sv ? "Mål (riktlinjen avsnitt 2)" : "Goals (guideline section 2)")
    var figures: [(String, String)] = [
      (
        sv ? "Publicerade externa e-tjänster" : "Published external e-services",
        "\(g.publishedExternal)"
      ),
      (
        sv ? "Publicerade interna e-tjänster" : "Published internal e-services",
        "\(g.publishedInternal)"
      ),
      (sv ? "Ersatta pappersblanketter" : "Paper forms replaced", "\(g.paperFormsReplaced)"),
      (sv ? "Automatiserade e-tjänster" : "Automated e-services", "\(g.automated)"),
      (
        sv ? "Ärenden per år via e-tjänst" : "Yearly cases through e-services",
        "\(g.yearlyDigitalCases)"
      ),
      (
        sv ? "Handläggningstid före → efter (dagar)" : "Handling days before → after",
        handling(g, language)
      ),
      (
        sv ? "Ledtid beställning → publicerad (median, dagar)" : "Order lead time (median days)",
        g.medianOrderLeadDays.map(String.init) ?? "–"
      ),
      (sv ? "Pågående beställningar" : "Open orders", "\(g.openOrders)"),
      (
        sv ? "E-tjänster utanför Open ePlatform" : "E-services off Open ePlatform",
        "\(g.offPlatform)"
      ),
    ]
    // Once there are requests at all, as on the console's overview.
    if !m.requests.isEmpty {
      figures.append(
        (
          sv ? "Begäran → klar, mediandagar" : "Request → done, median days",
          m.requestMediansText(language)
        ))
    }
    let width = figures.map(\.0.count).max() ?? 0
    for (label, value) in figures {
      out.append(
        md
          ? "- \(label): **\(value)**"
          : "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
    }
    out.append("")
    heading(sv ? "Behöver åtgärdas (\(findings.count))" : "Needs attention (\(findings.count))")
    if findings.isEmpty { out.append(sv ? "Inget." : "Nothing.") }
    for f in findings {
      let line = "[\(f.section)] \(f.subject): \(f.message(language))"
      out.append(
        TextCleaning.printable(
          md ? "- \(severity(f.severity, sv)) \(line)" : "  \(severity(f.severity, sv)) \(line)"))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// "14,5 → 3" in Swedish, "14.5 → 3" in English.
  static func handling(_ g: GoalFigures, _ language: Language) -> String {
    guard let before = g.handlingDaysBefore, let after = g.handlingDaysAfter else { return "–" }
    return NumberText.decimal(before, language) + " → " + NumberText.decimal(after, language)
  }

  static func severity(_ s: Finding.Severity, _ sv: Bool) -> String {
    switch s {
    case .violation: return sv ? "BRIST" : "BREACH"
    case .warning: return sv ? "VARNING" : "WARNING"
    case .notice: return sv ? "notis" : "notice"
    }
  }
}

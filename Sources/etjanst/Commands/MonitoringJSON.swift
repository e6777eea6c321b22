import ETjanstDomain
import Foundation

/// `check --format json` and `report --format json`, for monitoring: stable keys
/// (README, "For scripts"), sorted, the same in every language but for the texts of
/// `message`. Encoded by Foundation's JSONEncoder from the types below.
enum MonitoringJSON {
  /// One finding: `section` ("4.2", "data", "gallring"), `severity` (violation,
  /// warning, notice), `subject` and `message` in the language asked for.
  struct FindingObject: Encodable {
    let section: String
    let severity: String
    let subject: String
    let message: String

    init(_ f: Finding, _ language: Language) {
      section = f.section
      severity = "\(f.severity)"
      subject = f.subject
      message = f.message(language)
    }
  }

  /// What `check --format json` writes: `problems` (warnings and violations, the
  /// ones that make the exit status 1) and `findings` (with --all, notices too).
  struct CheckObject: Encodable {
    let problems: Int
    let findings: [FindingObject]
  }

  /// What `report --format json` writes: the goals in figures (null where there is
  /// no figure yet) and every finding.
  struct ReportObject: Encodable {
    struct Goals: Encodable {
      let publishedExternal: Int
      let publishedInternal: Int
      let paperFormsReplaced: Int
      let automated: Int
      let yearlyDigitalCases: Int
      let handlingDaysBefore: Double?
      let handlingDaysAfter: Double?
      let medianOrderLeadDays: Int?
      let openOrders: Int
      let offPlatform: Int
      /// Per department, slowest first; nil while the store holds no request.
      let requestMedianDaysToDone: [DepartmentMedian]?

      struct DepartmentMedian: Encodable {
        let department: String
        let days: Double
      }

      /// `m`: the store the figures are of, for the requests' medians.
      init(_ g: GoalFigures, _ m: Municipality) {
        publishedExternal = g.publishedExternal
        publishedInternal = g.publishedInternal
        paperFormsReplaced = g.paperFormsReplaced
        automated = g.automated
        yearlyDigitalCases = g.yearlyDigitalCases
        handlingDaysBefore = g.handlingDaysBefore
        handlingDaysAfter = g.handlingDaysAfter
        medianOrderLeadDays = g.medianOrderLeadDays
        openOrders = g.openOrders
        offPlatform = g.offPlatform
        requestMedianDaysToDone =
          m.requests.isEmpty
          ? nil
          : m.requestMedians().map { DepartmentMedian(department: $0.department, days: $0.days) }
      }

      // Nil is written as null, so every key is always there.
      func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(publishedExternal, forKey: .publishedExternal)
        try c.encode(publishedInternal, forKey: .publishedInternal)
        try c.encode(paperFormsReplaced, forKey: .paperFormsReplaced)
        try c.encode(automated, forKey: .automated)
        try c.encode(yearlyDigitalCases, forKey: .yearlyDigitalCases)
        try c.encode(handlingDaysBefore, forKey: .handlingDaysBefore)
        try c.encode(handlingDaysAfter, forKey: .handlingDaysAfter)
        try c.encode(medianOrderLeadDays, forKey: .medianOrderLeadDays)
        try c.encode(openOrders, forKey: .openOrders)
        try c.encode(offPlatform, forKey: .offPlatform)
        try c.encode(requestMedianDaysToDone, forKey: .requestMedianDaysToDone)
      }

      enum CodingKeys: String, CodingKey {
        case publishedExternal, publishedInternal, paperFormsReplaced, automated
        case yearlyDigitalCases, handlingDaysBefore, handlingDaysAfter, medianOrderLeadDays
        case openOrders, offPlatform, requestMedianDaysToDone
      }
    }

    /// The municipality's name, and the day (YYYY-MM-DD) the report is for.
    let municipality: String
    let date: String
    let goals: Goals
    let findings: [FindingObject]
  }

  static func text(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }
}

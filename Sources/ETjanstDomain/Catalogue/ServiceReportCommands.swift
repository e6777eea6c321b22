import Foundation

/// A department reports an error or a revision need on its e-service (guideline 4):
/// the report is logged. A revision need makes the status "Revision needed" until
/// every revision need is resolved; an error leaves the status alone (a live service
/// with an open error is still published, and counted so), and the open report is a
/// flag and a finding until it is resolved.
public struct ReportServiceError: Command {
  public var service: EntityID<EService>
  public var report: EntityID<ServiceReport>
  public var kind: ReportKind
  /// Nil: today.
  public var reportedOn: Day?
  public var reportedBy: String
  public var text: String
  public var name: String

  public init(
    _ service: EntityID<EService>, report: EntityID<ServiceReport> = .make(), kind: ReportKind,
    reportedOn: Day? = nil, reportedBy: String, text: String, name: String = ""
  ) {
    self.service = service
    self.report = report
    self.kind = kind
    self.reportedOn = reportedOn
    self.reportedBy = TextCleaning.line(reportedBy)
    self.text = TextCleaning.multiline(text)
    self.name = name
  }

  public enum Field {
    public static let kind = "kind"
    public static let reportedOn = "reportedOn"
    public static let reportedBy = "reportedBy"
    public static let text = "text"
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "rapporterade \(kind.label.sv.lowercased()) i \(name)",
      en: "reported \(kind.label.en.lowercased()) in \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try m.serviceIndex(service)
    let day = reportedOn ?? context.today
    if day > context.today {
      throw RuleViolation(
        section: "4", field: Field.reportedOn,
        LocalizedText(
          sv: "Datumet kan inte ligga i framtiden.", en: "The date cannot be in the future."))
    }
    if reportedBy.isEmpty {
      throw RuleViolation.required(
        Field.reportedBy, LocalizedText(sv: "Rapporterad av", en: "Reported by"))
    }
    if text.isEmpty {
      throw RuleViolation.required(
        Field.text, LocalizedText(sv: "Beskrivningen", en: "The description"))
    }
    m.services[i].reports.append(
      ServiceReport(id: report, kind: kind, reportedOn: day, reportedBy: reportedBy, text: text))
    if kind == .revisionNeed {
      try m.setServiceStatus(service, to: .revisionNeeded, context: context)
    }
  }
}

/// Marks a report resolved with what was done. When the last open revision need is
/// resolved, the service returns to the status it had before "Revision needed"
/// (open errors do not hold it there).
public struct ResolveServiceReport: Command {
  public var service: EntityID<EService>
  public var report: EntityID<ServiceReport>
  /// Nil: today.
  public var resolvedOn: Day?
  public var resolution: String
  public var name: String

  public init(
    _ service: EntityID<EService>, report: EntityID<ServiceReport>, resolvedOn: Day? = nil,
    resolution: String,
    name: String = ""
  ) {
    self.service = service
    self.report = report
    self.resolvedOn = resolvedOn
    self.resolution = TextCleaning.multiline(resolution)
    self.name = name
  }

  public enum Field {
    public static let report = "report"
    public static let resolvedOn = "resolvedOn"
    public static let resolution = "resolution"
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "åtgärdade en rapport i \(name)", en: "resolved a report in \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try m.serviceIndex(service)
    guard let r = m.services[i].reports.index(of: report) else {
      throw RuleViolation.notFound(LocalizedText(sv: "Rapporten", en: "The report"))
    }
    let existing = m.services[i].reports[r]
    guard existing.isOpen else {
      throw RuleViolation(
        section: "4", field: Field.report,
        LocalizedText(
          sv: "Rapporten åtgärdades redan \(existing.resolvedOn!).",
          en: "The report was already resolved on \(existing.resolvedOn!)."))
    }
    let day = resolvedOn ?? context.today
    if day > context.today || day < existing.reportedOn {
      throw RuleViolation(
        section: "4", field: Field.resolvedOn,
        LocalizedText(
          sv: "Mellan rapportdagen \(existing.reportedOn) och i dag.",
          en: "Between the report's day, \(existing.reportedOn), and today.")
      )
    }
    if resolution.isEmpty {
      throw RuleViolation.required(
        Field.resolution, LocalizedText(sv: "Åtgärden", en: "The resolution"))
    }
    m.services[i].reports[r].resolvedOn = day
    m.services[i].reports[r].resolution = resolution
    let s = m.services[i]
    if s.openRevisionNeeds.isEmpty, s.status == .revisionNeeded,
      let previous = s.statusBeforeRevision
    {
      try m.setServiceStatus(service, to: previous, context: context)
    }
  }
}

extension EService {
  /// The status the service had before its current spell of "Revision needed".
  public var statusBeforeRevision: ServiceStatus? {
    statusHistory.reversed().first { $0.status != .revisionNeeded }?.status
  }
}

import Foundation

/// Adds a case by hand (or updates the one with the same number), as it stands on
/// the platform.
public struct AddCase: Command {
  public var number: String
  public var service: EntityID<EService>
  public var officer: EntityID<StaffMember>
  public var status: CaseStatus

  public init(
    number: String, service: EntityID<EService>, officer: EntityID<StaffMember>,
    status: CaseStatus = .ongoing
  ) {
    self.number = TextCleaning.line(number)
    self.service = service
    self.officer = officer
    self.status = status
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Nytt ärende \(number)", en: "New case \(number)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if number.isEmpty {
      throw RuleViolation.required("number", LocalizedText(sv: "Ärendenummer", en: "Case number"))
    }
    if m.cases.contains(where: { $0.number == number }) {
      throw RuleViolation.caseNumberTaken(number)
    }
    guard let s = m.service(service) else { throw RuleViolation.unknownService() }
    let p = try m.requireStaff(officer)
    if status == .ongoing,
      let violation = CaseOfficerRule.violation(
        p, service: service, serviceName: s.name, on: context.today)
    {
      throw violation
    }
    var added = Case(number: number, service: service, officer: officer)
    added.set(status, today: context.today)
    m.cases.append(added)
  }
}

/// Sets a case to 'Avslutad/Arkiverad' (4.2).
public struct CloseCase: Command {
  public var id: EntityID<Case>

  public init(_ id: EntityID<Case>) { self.id = id }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Satte ett ärende till Avslutad/Arkiverad", en: "Set a case to closed/archived")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let c = try m.requireCase(id)
    guard c.isOpen else { throw RuleViolation.caseNotOpen(c.number) }
    m.cases[m.cases.index(of: id)!].set(.closedArchived, today: context.today)
    m.tickCasesStepIfDone(c.officer, context)
  }
}

/// Hands one case over to a named colleague (4.2), who must be active and hold
/// case-officer access to the case's e-service; otherwise refused with the reason.
public struct TransferCase: Command {
  public var id: EntityID<Case>
  public var colleague: EntityID<StaffMember>

  public init(_ id: EntityID<Case>, to colleague: EntityID<StaffMember>) {
    self.id = id
    self.colleague = colleague
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Förde över ett ärende till en kollega", en: "Transferred a case to a colleague")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let c = try m.requireCase(id)
    guard c.isOpen else { throw RuleViolation.caseNotOpen(c.number) }
    try CaseTransfer.move([c], to: colleague, in: &m, context)
  }
}

/// Hands every open case of a person over to one colleague, all or none (4.2).
public struct TransferAllCases: Command {
  public var person: EntityID<StaffMember>
  public var colleague: EntityID<StaffMember>

  public init(of person: EntityID<StaffMember>, to colleague: EntityID<StaffMember>) {
    self.person = person
    self.colleague = colleague
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Förde över alla öppna ärenden till en kollega",
      en: "Transferred all open cases to a colleague")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let p = try m.requireStaff(person)
    let open = m.openCases(of: person)
    guard !open.isEmpty else { throw RuleViolation.noOpenCases(p.name) }
    try CaseTransfer.move(open, to: colleague, in: &m, context)
  }
}

/// The transfer rule, written once for one case and for all of a person's.
enum CaseTransfer {
  static func move(
    _ cases: [Case], to colleague: EntityID<StaffMember>, in m: inout Municipality,
    _ context: CommandContext
  ) throws {
    let target = try m.requireStaff(colleague)
    if let same = cases.first(where: { $0.officer == colleague }) {
      throw RuleViolation.sameOfficer(m.staffMember(same.officer)?.name ?? target.name)
    }
    guard target.canTakeCases(on: context.today, m.settings) else {
      throw RuleViolation.transferTargetUnavailable(
        target.name, target.status(on: context.today, m.settings))
    }
    let lacking = cases.filter { !target.hasAccess(to: $0.service, on: context.today) }
    if !lacking.isEmpty {
      throw RuleViolation.transferTargetLacksAccess(
        target.name, lacking.map { ($0.number, m.service($0.service)?.name ?? "?") })
    }
    var from = Set<EntityID<StaffMember>>()
    for c in cases {
      let i = m.cases.index(of: c.id)!
      from.insert(c.officer)
      m.cases[i].transferredFrom = c.officer
      m.cases[i].officer = colleague
    }
    for person in from { m.tickCasesStepIfDone(person, context) }
  }
}

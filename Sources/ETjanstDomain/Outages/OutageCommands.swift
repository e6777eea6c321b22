import Foundation

/// Declares an outage of the e-services, or starts a drill of one (guideline 4.3).
/// The contact clock starts at `start`.
public struct DeclareOutage: Command {
  public var id: EntityID<Outage>
  public var start: Date
  public var scope: OutageScope
  public var observed: String
  public var declaredBy: String
  public var isDrill: Bool

  public init(
    id: EntityID<Outage> = .make(), start: Date, scope: OutageScope, observed: String,
    declaredBy: String, isDrill: Bool = false
  ) {
    self.id = id
    self.start = start
    self.scope = scope
    self.observed = TextCleaning.line(observed)
    self.declaredBy = TextCleaning.line(declaredBy)
    self.isDrill = isDrill
  }

  public var summary: LocalizedText {
    isDrill
      ? LocalizedText(
        sv: "Övning startad \(OutageTime.clock(start))",
        en: "Drill started \(OutageTime.clock(start))")
      : LocalizedText(
        sv: "Avbrott anmält \(OutageTime.clock(start))",
        en: "Outage declared \(OutageTime.clock(start))")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if declaredBy.isEmpty {
      throw RuleViolation.required("declaredBy", LocalizedText(sv: "Anmält av", en: "Declared by"))
    }
    try OutageTime.notInFuture(start, field: "start", now: context.now)
    if case .services(let ids) = scope {
      if ids.isEmpty {
        throw RuleViolation(
          section: "4.3", field: "services",
          LocalizedText(
            sv: "Ange vilka e-tjänster som inte fungerar, eller välj hela plattformen.",
            en: "Name the e-services that are down, or choose the whole platform."))
      }
      if ids.contains(where: { m.service($0) == nil }) {
        throw RuleViolation.notFound(
          LocalizedText(sv: "En av e-tjänsterna", en: "One of the e-services"))
      }
    }
    if let active = m.outages.first(where: { $0.isActive && !$0.isDrill }) {
      throw RuleViolation(
        section: "4.3", field: "start",
        LocalizedText(
          sv: "Ett avbrott pågår redan sedan \(OutageTime.clock(active.start)). Avsluta det först.",
          en:
            "An outage is already under way since \(OutageTime.clock(active.start)). Resolve it first."
        ))
    }
    if isDrill, let active = m.outages.first(where: \.isActive) {
      throw RuleViolation(
        section: "4.3", field: "drill",
        LocalizedText(
          sv: "En övning pågår redan sedan \(OutageTime.clock(active.start)). Avsluta den först.",
          en:
            "A drill is already under way since \(OutageTime.clock(active.start)). Finish it first."
        ))
    }
    m.outages.append(
      Outage(
        id: id, start: start, scope: scope, observed: observed, declaredBy: declaredBy,
        isDrill: isDrill))
  }
}

/// Records the contact with Norrbottens e-nämnd's system administrator; stops the clock.
public struct RecordOutageContact: Command {
  public var outage: EntityID<Outage>
  public var contact: ContactRecord

  public init(outage: EntityID<Outage>, at: Date, channel: String, by: String, reference: String) {
    self.outage = outage
    contact = ContactRecord(
      at: at, channel: TextCleaning.line(channel), by: TextCleaning.line(by),
      reference: TextCleaning.line(reference))
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Kontakt med e-nämnden registrerad \(OutageTime.clock(contact.at))",
      en: "Contact with the e-nämnd recorded \(OutageTime.clock(contact.at))")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try OutageTime.index(of: outage, in: m)
    let record = m.outages[i]
    if let earlier = record.contact {
      throw RuleViolation(
        section: "4.3",
        LocalizedText(
          sv: "Kontakten är redan registrerad \(OutageTime.clock(earlier.at)) av \(earlier.by).",
          en:
            "The contact was already recorded at \(OutageTime.clock(earlier.at)) by \(earlier.by).")
      )
    }
    if contact.channel.isEmpty {
      throw RuleViolation.required("channel", LocalizedText(sv: "Kanal", en: "Channel"))
    }
    if contact.by.isEmpty {
      throw RuleViolation.required("by", LocalizedText(sv: "Kontakt tagen av", en: "Contacted by"))
    }
    try OutageTime.notBefore(record.start, contact.at, field: "at")
    try OutageTime.notInFuture(contact.at, field: "at", now: context.now)
    m.outages[i].contact = contact
  }
}

/// Marks that a department has been told of the outage, and so uses its routine.
public struct NotifyDepartment: Command {
  public var outage: EntityID<Outage>
  public var department: EntityID<Department>
  public var at: Date

  public init(outage: EntityID<Outage>, department: EntityID<Department>, at: Date) {
    self.outage = outage
    self.department = department
    self.at = at
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Förvaltning informerad om avbrottet", en: "Department told of the outage")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try OutageTime.index(of: outage, in: m)
    let record = m.outages[i]
    guard record.isActive else { throw OutageTime.alreadyResolved(record) }
    guard m.affectedDepartments(record).contains(where: { $0.id == department }) else {
      throw RuleViolation(
        section: "4.3",
        LocalizedText(
          sv: "\(m.departmentName(department)) berörs inte av avbrottet.",
          en: "\(m.departmentName(department)) is not affected by the outage."))
    }
    if let notice = record.notice(for: department) {
      throw RuleViolation(
        section: "4.3",
        LocalizedText(
          sv: "\(m.departmentName(department)) informerades redan \(OutageTime.clock(notice.at)).",
          en: "\(m.departmentName(department)) was already told at \(OutageTime.clock(notice.at)).")
      )
    }
    try OutageTime.notInFuture(at, field: "at", now: context.now)
    m.outages[i].notified.append(DepartmentNotice(department: department, at: at))
  }
}

/// Ends an outage with its cause and follow-up. Ending a drill sets the tested date
/// of the routines it exercised: those of the departments that took part (were told
/// of it), never of departments that did not.
extension Municipality {
  /// The departments that took part in a drill: affected, told of it, and with a
  /// routine to test (4.3).
  public func drillParticipants(_ outage: Outage) -> [Department] {
    affectedDepartments(outage).filter {
      outage.notice(for: $0.id) != nil && $0.fallbackRoutine != nil
    }
  }
}

public struct ResolveOutage: Command {
  public var outage: EntityID<Outage>
  public var end: Date
  public var cause: String
  public var followUp: String
  /// A drill's departments whose routine was tested; nil means every department
  /// that took part. Each must have taken part.
  public var tested: [EntityID<Department>]?
  /// The affected departments the e-coordinator was shown as never told and chose to
  /// resolve the outage without; any other untold department refuses the resolve.
  public var neverTold: [EntityID<Department>]

  public init(
    outage: EntityID<Outage>, end: Date, cause: String, followUp: String,
    tested: [EntityID<Department>]? = nil, neverTold: [EntityID<Department>] = []
  ) {
    self.outage = outage
    self.end = end
    self.cause = TextCleaning.multiline(cause)
    self.followUp = TextCleaning.multiline(followUp)
    self.tested = tested
    self.neverTold = neverTold
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Avbrott avslutat \(OutageTime.clock(end))",
      en: "Outage resolved \(OutageTime.clock(end))")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try OutageTime.index(of: outage, in: m)
    let record = m.outages[i]
    guard record.isActive else { throw OutageTime.alreadyResolved(record) }
    if record.contact == nil {
      var v = RuleViolation(
        section: "4.3",
        LocalizedText(
          sv: "Registrera först kontakten med Norrbottens e-nämnds systemförvaltare.",
          en: "First record the contact with Norrbottens e-nämnd's system administrator."))
      v.remedy = .recordOutageContact
      throw v
    }
    if cause.isEmpty {
      throw RuleViolation.required("cause", LocalizedText(sv: "Orsak", en: "Cause"))
    }
    try OutageTime.notBefore(record.start, end, field: "end")
    try OutageTime.notInFuture(end, field: "end", now: context.now)
    let untold = m.untoldDepartments(record).map(\.id)
    if untold.contains(where: { !neverTold.contains($0) }) {
      let text = m.neverToldText(untold)
      throw RuleViolation(
        section: "4.3",
        LocalizedText(
          sv: "\(text.sv). Informera dem, eller bekräfta att avbrottet avslutas ändå.",
          en: "\(text.en). Tell them, or confirm resolving the outage anyway."))
    }
    m.outages[i].neverTold = untold
    m.outages[i].end = end
    m.outages[i].cause = cause
    m.outages[i].followUp = followUp
    if record.isDrill {
      let took = m.drillParticipants(record).map(\.id)
      let chosen = tested ?? took
      if let outsider = chosen.first(where: { !took.contains($0) }) {
        throw RuleViolation(
          section: "4.3", field: "tested",
          LocalizedText(
            sv: "\(m.departmentName(outsider)) deltog inte i övningen (informerades inte) "
              + "och kan inte få sin rutin markerad som testad.",
            en: "\(m.departmentName(outsider)) did not take part in the drill (was not told) "
              + "and cannot have its routine marked tested."))
      }
      let day = Day(end)
      for id in chosen {
        guard let d = m.departments.index(of: id) else { continue }
        m.departments[d].fallbackRoutine?.lastTested = day
      }
    }
  }
}

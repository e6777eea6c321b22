import Foundation

/// Gives a person case-officer access to one e-service for a period, replacing
/// any earlier grant for the same service (guideline 4.1).
public struct GrantAccess: Command {
  public var person: EntityID<StaffMember>
  public var grant: AccessGrant

  public init(
    person: EntityID<StaffMember>, service: EntityID<EService>, validFrom: Day, validTo: Day?
  ) {
    self.person = person
    grant = AccessGrant(service: service, validFrom: validFrom, validTo: validTo)
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Gav behörighet till en e-tjänst", en: "Granted access to an e-service")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let p = try m.requireStaff(person)
    guard p.status != .removed else { throw RuleViolation.removed(p.name) }
    guard m.service(grant.service) != nil else { throw RuleViolation.unknownService() }
    if let to = grant.validTo, to < grant.validFrom { throw RuleViolation.validToBeforeFrom() }
    try m.updateStaff(person) { p in
      p.grants.removeAll { $0.service == grant.service }
      p.grants.append(grant)
    }
  }
}

/// Gives a person the document-signing function (4.1), ticking the onboarding step
/// that records it where their checklist has one: what ticking that step does, for
/// a person who may have no checklist (an import of the signing people already
/// have).
public struct GrantSigning: Command {
  public var person: EntityID<StaffMember>

  public init(person: EntityID<StaffMember>) { self.person = person }

  public var summary: LocalizedText {
    LocalizedText(sv: "Gav dokumentsignering", en: "Granted document signing")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let p = try m.requireStaff(person)
    guard p.status != .removed else { throw RuleViolation.removed(p.name) }
    if p.onboarding?.contains(.signingGranted) ?? false {
      try TickChecklistStep(person: person, step: .signingGranted).apply(to: &m, context: context)
      return
    }
    try m.updateStaff(person) { $0.canSign = true }
  }
}

/// Takes a person's access to one e-service away. Refused while they still have
/// open cases in it: those cases would be left with no officer (4.2).
public struct RevokeAccess: Command {
  public var person: EntityID<StaffMember>
  public var service: EntityID<EService>

  public init(person: EntityID<StaffMember>, service: EntityID<EService>) {
    self.person = person
    self.service = service
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Tog bort behörighet till en e-tjänst", en: "Revoked access to an e-service")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let p = try m.requireStaff(person)
    let open = m.openCases(of: person).filter { $0.service == service }
    if !open.isEmpty, p.status != .removed {
      throw RuleViolation(
        section: "4.2",
        LocalizedText(
          sv:
            "\(p.name) har pågående ärenden i e-tjänsten: \(open.map(m.caseLine).joined(separator: ", ")). Avsluta eller för över dem först.",
          en:
            "\(p.name) has ongoing cases in the e-service: \(open.map(m.caseLine).joined(separator: ", ")). Close or transfer them first."
        ))
    }
    try m.updateStaff(person) { $0.grants.removeAll { $0.service == service } }
  }
}

/// Removes a leaver from the platform (4.2): access and signing go, and the
/// checklist's last steps are ticked. Refused while any case is open and not
/// transferred, naming those cases; the e-coordinator may override only with a
/// written reason, which is kept on the person and shown.
public struct RemoveFromPlatform: Command {
  public var person: EntityID<StaffMember>
  public var overrideReason: String?

  public init(person: EntityID<StaffMember>, overrideReason: String? = nil) {
    self.person = person
    self.overrideReason = overrideReason.map(TextCleaning.multiline)
  }

  public var summary: LocalizedText {
    overrideReason == nil
      ? LocalizedText(
        sv: "Tog bort en medarbetare från plattformen",
        en: "Removed a staff member from the platform")
      : LocalizedText(
        sv: "Tog bort en medarbetare från plattformen trots öppna ärenden",
        en: "Removed a staff member from the platform despite open cases")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let p = try m.requireStaff(person)
    guard p.status != .removed else { throw RuleViolation.alreadyRemoved(p.name) }
    let open = m.openCases(of: person)
    if overrideReason != nil && (overrideReason ?? "").isEmpty {
      throw RuleViolation.reasonRequired()
    }
    if !open.isEmpty && overrideReason == nil {
      throw RuleViolation.openCasesRemain(p.name, open.map(m.caseLine))
    }
    try m.updateStaff(person) { p in
      if p.endDate == nil { p.setEndDate(context.today) }
      if p.offboarding == nil {
        p.offboarding = Checklist(steps: ChecklistStep.offboarding, due: context.today)
      }
      p.status = .removed
      p.grants = []
      p.canSign = false
      p.offboarding?.tick(.signingRevoked, context)
      p.offboarding?.tick(.removedFromPlatform, context)
      if !open.isEmpty { p.removalOverride = overrideReason }
    }
  }
}

/// Grants or ends one e-service's access for several people at once, all or none: the
/// access matrix's column or marked people. Each person goes through `GrantAccess`'s
/// rule; a refusal names the person and nothing is applied. No one's dates change
/// beyond what is asked: granting passes over those who already have the access
/// (their grant keeps its dates), and ending sets only the last day of each holder's
/// newest grant, read when the change is applied, so its "valid from" stays.
public struct SetAccessOfMany: Command {
  public enum Action: Hashable, Sendable {
    /// Access from `validFrom` to `validTo` for those without it.
    case grant(validFrom: Day, validTo: Day?)
    /// `lastDay` as the last day of those who have it.
    case end(lastDay: Day)
  }

  public var people: [EntityID<StaffMember>]
  public var service: EntityID<EService>
  public var action: Action

  public init(people: [EntityID<StaffMember>], service: EntityID<EService>, action: Action) {
    self.people = people
    self.service = service
    self.action = action
  }

  /// Whether `grant` is access the person has or will have: not ended before `today`.
  public static func holds(_ grant: AccessGrant?, on today: Day) -> Bool {
    guard let grant else { return false }
    return grant.validTo.map { $0 >= today } ?? true
  }

  public var summary: LocalizedText {
    let n = Noun.person.count(people.count)
    switch action {
    case .grant:
      return LocalizedText(
        sv: "Gav behörighet till en e-tjänst för \(n.sv)",
        en: "Granted access to an e-service for \(n.en)")
    case .end:
      return LocalizedText(
        sv: "Avslutade behörighet till en e-tjänst för \(n.sv)",
        en: "Ended access to an e-service for \(n.en)")
    }
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    for id in people {
      let p = try m.requireStaff(id)
      let existing = p.grant(for: service)
      let has = Self.holds(existing, on: context.today)
      let command: GrantAccess
      switch action {
      case .grant(let from, let to):
        if has { continue }
        command = GrantAccess(person: id, service: service, validFrom: from, validTo: to)
      case .end(let lastDay):
        guard has, let existing else { continue }
        command = GrantAccess(
          person: id, service: service, validFrom: existing.validFrom, validTo: lastDay)
      }
      do {
        try command.apply(to: &m, context: context)
      } catch var refusal as RuleViolation {
        let said = refusal.message
        if said.sv.contains(p.name) { throw refusal }
        refusal.message = LocalizedText(sv: "\(p.name): \(said.sv)", en: "\(p.name): \(said.en)")
        throw refusal
      }
    }
  }
}

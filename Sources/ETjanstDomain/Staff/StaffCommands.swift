import Foundation

/// Adds a staff member. A new employee gets the onboarding checklist (guideline
/// 4.1), due on the start date, or on the day they are registered when that is
/// later; one already employed gets none (`StaffMember.isNewEmployee`). `services`
/// are the e-services the manager asked for, named on the checklist's access step.
public struct AddStaffMember: Command {
  public var member: StaffMember
  public var services: [EntityID<EService>]
  /// The day the e-coordinator was told of the person: a request's day sent; nil
  /// for the day the command is applied.
  public var registeredOn: Day?

  /// `details`: the person's `StaffMember.details` (e-mail, language) as they are to be.
  public init(
    name: String, login: String, department: EntityID<Department>, manager: String, startDate: Day,
    endDate: Day? = nil, services: [EntityID<EService>] = [], id: EntityID<StaffMember> = .make(),
    details: StaffMember? = nil, registeredOn: Day? = nil
  ) {
    member = StaffMember(
      id: id, name: TextCleaning.line(name), login: Self.login(login),
      department: department,
      manager: TextCleaning.line(manager), startDate: startDate, status: .onboarding)
    member.endDate = endDate
    if let details { StaffMember.copy(StaffMember.details, from: details, to: &member) }
    self.services = services
    self.registeredOn = registeredOn
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ny medarbetare \(member.name)", en: "New staff member \(member.name)")
  }

  /// A login as typed, folded to lower case when it is one (the rules refuse it
  /// otherwise, `StaffValidation`).
  static func login(_ text: String) -> String {
    let cleaned = TextCleaning.line(text)
    return Login.normalized(cleaned) ?? cleaned
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var person = member
    person.manager = try m.managerLogin(for: member.manager, batch: context.batch)
    try StaffValidation.check(person, in: m, batch: context.batch)
    let names = try services.map { id in
      guard let s = m.service(id) else { throw RuleViolation.unknownService() }
      return s.name
    }
    let registered = registeredOn ?? context.today
    guard
      StaffMember.isNewEmployee(
        startDate: person.startDate, asked: services, registeredOn: registered)
    else {
      person.status = .active
      if let end = person.endDate { person.setEndDate(end) }
      m.staff.append(person)
      return
    }
    person.onboarding = Checklist(
      steps: ChecklistStep.onboarding, due: max(person.startDate, registered))
    if !names.isEmpty,
      let i = person.onboarding?.items.firstIndex(where: { $0.step == .accessGranted })
    {
      person.onboarding?.items[i].note = names.joined(separator: ", ")
    }
    if let end = person.endDate { person.setEndDate(end) }
    m.staff.append(person)
  }
}

/// Changes a person's details. Setting an end date makes the offboarding
/// checklist, due that day (4.2); clearing it takes the checklist away.
public struct EditStaffMember: Command {
  public var id: EntityID<StaffMember>
  public var name: String
  public var login: String
  public var department: EntityID<Department>
  public var manager: String
  public var startDate: Day
  public var endDate: Day?
  /// The person's `StaffMember.details` (e-mail, language) as they are to be; nil
  /// keeps them.
  public var details: StaffMember?

  public init(
    id: EntityID<StaffMember>, name: String, login: String, department: EntityID<Department>,
    manager: String, startDate: Day, endDate: Day?, details: StaffMember? = nil
  ) {
    self.id = id
    self.name = TextCleaning.line(name)
    self.login = AddStaffMember.login(login)
    self.department = department
    self.manager = TextCleaning.line(manager)
    self.startDate = startDate
    self.endDate = endDate
    self.details = details
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ändrade \(name)", en: "Changed \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var person = try m.requireStaff(id)
    person.name = name
    person.login = login
    person.department = department
    person.manager = try m.managerLogin(for: manager)
    person.startDate = startDate
    person.onboarding?.due = startDate
    if endDate != person.endDate { person.setEndDate(endDate) }
    if let details { StaffMember.copy(StaffMember.details, from: details, to: &person) }
    try StaffValidation.check(person, in: m)
    try m.updateStaff(id) { $0 = person }
  }
}

/// Ticks one step of a checklist, recording who and when. Steps that are things
/// done on the platform do them: granting or revoking signing; the cases step is
/// refused while cases are open; removal has its own command.
public struct TickChecklistStep: Command {
  public var person: EntityID<StaffMember>
  public var step: ChecklistStep

  public init(person: EntityID<StaffMember>, step: ChecklistStep) {
    self.person = person
    self.step = step
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Bockade av ett steg i checklistan", en: "Ticked a checklist step")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let p = try m.requireStaff(person)
    guard p.status != .removed else { throw RuleViolation.alreadyRemoved(p.name) }
    let onboarding = p.onboarding?.contains(step) ?? false
    guard onboarding || (p.offboarding?.contains(step) ?? false) else {
      throw RuleViolation.stepNotInChecklist()
    }
    switch step {
    case .accessGranted:
      guard p.grants.contains(where: { $0.validTo.map { $0 >= context.today } ?? true }) else {
        throw RuleViolation.noAccessToTick(p.name)
      }
    case .casesClosedOrTransferred:
      let open = m.openCases(of: person)
      guard open.isEmpty else { throw RuleViolation.openCasesRemain(p.name, open.map(m.caseLine)) }
    case .removedFromPlatform:
      throw RuleViolation.removalIsItsOwnStep()
    default: break
    }
    try m.updateStaff(person) { p in
      if step == .signingGranted { p.canSign = true }
      if step == .signingRevoked { p.canSign = false }
      if onboarding {
        p.onboarding?.tick(step, context)
      } else {
        p.offboarding?.tick(step, context)
      }
      p.settleStatus()
    }
  }
}

/// Rules every staff member's details keep.
enum StaffValidation {
  /// `batch`: an import's lookups, for a person not yet on the staff list.
  static func check(_ p: StaffMember, in m: Municipality, batch: ImportBatch? = nil) throws {
    if p.name.isEmpty {
      throw RuleViolation.required("name", LocalizedText(sv: "Namn", en: "Name"))
    }
    if try Login.parse(p.login) != p.login { throw Login.refusal() }
    let other =
      batch.map { $0.loginOwner(p.login, in: m) }
      ?? m.staff.first(where: { StaffMember.sameLogin($0.login, p.login) && $0.id != p.id })?.name
    if let other {
      throw RuleViolation.loginTaken(p.login, by: other)
    }
    guard m.department(p.department) != nil else { throw RuleViolation.unknownDepartment() }
    if let end = p.endDate, end < p.startDate { throw RuleViolation.endBeforeStart() }
    if let refusal = StaffMember.fieldRefusal(in: p) { throw refusal }
  }
}

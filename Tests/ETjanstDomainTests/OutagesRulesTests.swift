import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.3: fallback routines and the outage clock, with the clock injected.
@Suite struct OutagesRulesTests {
  static let soc = EntityID<Department>("dep-soc")
  static let bou = EntityID<Department>("dep-bou")
  static let bygglov = EntityID<EService>("svc-bygglov")

  /// Two departments, one with a routine, one e-service, and a contact limit.
  static func store(limit: Int = 15) -> Municipality {
    var m = Fixtures.small()
    m.settings.outageContactLimitMinutes = limit
    m.departments = [
      Department(
        id: soc, name: "Socialförvaltningen",
        fallbackRoutine: FallbackRoutine(
          steps: "Ta emot ansökningar på papper.", location: "Pärm i receptionen",
          responsible: "Anna Berg",
          lastReviewed: Fixtures.today.adding(months: -2), lastTested: nil)),
      Department(id: bou, name: "Barn- och utbildningsförvaltningen"),
    ]
    m.services = [EService(id: bygglov, name: "Bygglov", department: soc)]
    return m
  }

  static func minutes(_ n: Double) -> Date { Fixtures.now.addingTimeInterval(n * 60) }

  static func declared(
    _ m: inout Municipality, drill: Bool = false, scope: OutageScope = .wholePlatform
  ) throws
    -> EntityID<Outage>
  {
    let id = EntityID<Outage>("out-1")
    try m.execute(
      DeclareOutage(
        id: id, start: Fixtures.now, scope: scope, observed: "Inloggning går inte",
        declaredBy: "Test", isDrill: drill),
      context: Fixtures.context())
    return id
  }

  // MARK: - The clock

  @Test("4.3: the clock runs from the start and is in time up to the limit")
  func clockWithinLimit() throws {
    var m = Self.store()
    _ = try Self.declared(&m)
    let outage = try #require(m.activeOutage)
    #expect(m.contactState(outage, at: Self.minutes(10)) == .waiting(elapsed: 600, remaining: 300))
    #expect(m.contactState(outage, at: Self.minutes(15)) == .waiting(elapsed: 900, remaining: 0))
    #expect(outage.elapsed(at: Self.minutes(3)) == 180)
  }

  @Test("4.3: without contact past the limit the outage is late")
  func lateWithoutContact() throws {
    var m = Self.store()
    _ = try Self.declared(&m)
    let outage = try #require(m.activeOutage)
    let state = m.contactState(outage, at: Self.minutes(17))
    #expect(state == .late(elapsed: 1020, overBy: 120))
    #expect(state.isLate)
  }

  @Test("4.3: the store's limit replaces the default 15 minutes")
  func storeLimit() throws {
    var m = Self.store(limit: 5)
    _ = try Self.declared(&m)
    let outage = try #require(m.activeOutage)
    #expect(m.contactState(outage, at: Self.minutes(6)).isLate)
    #expect(Settings().outageContactLimitMinutes == 15)
  }

  @Test("4.3: recording the contact stops the clock")
  func contactStopsClock() throws {
    var m = Self.store()
    let id = try Self.declared(&m)
    try m.execute(
      RecordOutageContact(
        outage: id, at: Self.minutes(7), channel: "Telefon", by: "Test", reference: "INC-42"),
      context: Fixtures.context(at: Self.minutes(8)))
    let outage = try #require(m.outages[id: id])
    #expect(outage.timeToContact == 420)
    #expect(m.contactState(outage, at: Self.minutes(120)) == .contacted(after: 420, late: false))
    #expect(outage.contact?.reference == "INC-42")
  }

  @Test("4.3: a contact after the limit stays marked late")
  func lateContact() throws {
    var m = Self.store()
    let id = try Self.declared(&m)
    try m.execute(
      RecordOutageContact(
        outage: id, at: Self.minutes(20), channel: "Telefon", by: "Test", reference: ""),
      context: Fixtures.context(at: Self.minutes(20)))
    #expect(
      m.contactState(m.outages[id: id]!, at: Self.minutes(30))
        == .contacted(after: 1200, late: true))
  }

  // MARK: - Declaring

  @Test("4.3: declaring needs who declared it and a time not in the future")
  func declareRefusals() throws {
    var m = Self.store()
    #expect(throws: RuleViolation.self) {
      try m.execute(
        DeclareOutage(start: Fixtures.now, scope: .wholePlatform, observed: "", declaredBy: " "),
        context: Fixtures.context())
    }
    do {
      try m.execute(
        DeclareOutage(
          start: Self.minutes(30), scope: .wholePlatform, observed: "", declaredBy: "Test"),
        context: Fixtures.context())
      Issue.record("a start in the future was accepted")
    } catch let v as RuleViolation {
      #expect(v.field == "start")
    }
    #expect(m.outages.isEmpty)
  }

  @Test("4.3: a scope of listed e-services needs at least one known service")
  func declareScope() throws {
    var m = Self.store()
    #expect(throws: RuleViolation.self) {
      try m.execute(
        DeclareOutage(start: Fixtures.now, scope: .services([]), observed: "", declaredBy: "T"),
        context: Fixtures.context())
    }
    #expect(throws: RuleViolation.self) {
      _ = try OutageScope.services(named: "Finns inte", in: m)
    }
    let scope = try OutageScope.services(named: "bygglov", in: m)
    #expect(scope == .services([Self.bygglov]))
    _ = try Self.declared(&m, scope: scope)
    #expect(m.affectedDepartments(m.activeOutage!).map(\.id) == [Self.soc])
  }

  @Test("4.3: the whole platform affects every department")
  func wholePlatform() throws {
    var m = Self.store()
    _ = try Self.declared(&m)
    #expect(Set(m.affectedDepartments(m.activeOutage!).map(\.id)) == [Self.soc, Self.bou])
  }

  @Test(
    "4.3: a second outage is refused while one is under way; a real outage may interrupt a drill")
  func oneAtATime() throws {
    var m = Self.store()
    _ = try Self.declared(&m, drill: true)
    #expect(throws: RuleViolation.self) {
      try m.execute(
        DeclareOutage(
          start: Fixtures.now, scope: .wholePlatform, observed: "", declaredBy: "T", isDrill: true),
        context: Fixtures.context())
    }
    try m.execute(
      DeclareOutage(start: Fixtures.now, scope: .wholePlatform, observed: "", declaredBy: "T"),
      context: Fixtures.context())
    #expect(m.activeOutage?.isDrill == false)
    #expect(throws: RuleViolation.self) {
      try m.execute(
        DeclareOutage(start: Fixtures.now, scope: .wholePlatform, observed: "", declaredBy: "T"),
        context: Fixtures.context())
    }
  }

  // MARK: - Contact, notices, resolving

  @Test("4.3: a contact is refused twice, before the start, or without channel and who")
  func contactRefusals() throws {
    var m = Self.store()
    let id = try Self.declared(&m)
    let ctx = Fixtures.context(at: Self.minutes(10))
    for (command, field) in [
      (
        RecordOutageContact(
          outage: id, at: Self.minutes(-5), channel: "Telefon", by: "T", reference: ""), "at"
      ),
      (
        RecordOutageContact(outage: id, at: Self.minutes(5), channel: "", by: "T", reference: ""),
        "channel"
      ),
      (
        RecordOutageContact(
          outage: id, at: Self.minutes(5), channel: "Telefon", by: "", reference: ""), "by"
      ),
    ] {
      do {
        try m.execute(command, context: ctx)
        Issue.record("accepted a contact that should be refused on \(field)")
      } catch let v as RuleViolation { #expect(v.field == field) }
    }
    try m.execute(
      RecordOutageContact(
        outage: id, at: Self.minutes(5), channel: "Telefon", by: "T", reference: ""), context: ctx)
    #expect(throws: RuleViolation.self) {
      try m.execute(
        RecordOutageContact(
          outage: id, at: Self.minutes(6), channel: "E-post", by: "T", reference: ""), context: ctx)
    }
    #expect(m.outages[id: id]?.contact?.channel == "Telefon")
  }

  @Test("4.3: an affected department is marked told once; others are refused")
  func notify() throws {
    var m = Self.store()
    let id = try Self.declared(&m, scope: .services([Self.bygglov]))
    let ctx = Fixtures.context(at: Self.minutes(3))
    try m.execute(
      NotifyDepartment(outage: id, department: Self.soc, at: Self.minutes(3)), context: ctx)
    #expect(m.outages[id: id]?.notice(for: Self.soc)?.at == Self.minutes(3))
    #expect(throws: RuleViolation.self) {
      try m.execute(
        NotifyDepartment(outage: id, department: Self.soc, at: Self.minutes(3)), context: ctx)
    }
    #expect(throws: RuleViolation.self) {
      try m.execute(
        NotifyDepartment(outage: id, department: Self.bou, at: Self.minutes(3)), context: ctx)
    }
  }

  @Test("4.3: resolving needs the contact first, a cause, and an end after the start")
  func resolveRefusals() throws {
    var m = Self.store()
    let id = try Self.declared(&m)
    let ctx = Fixtures.context(at: Self.minutes(60))
    #expect(throws: RuleViolation.self) {
      try m.execute(
        ResolveOutage(outage: id, end: Self.minutes(50), cause: "Certifikat", followUp: ""),
        context: ctx)
    }
    try m.execute(
      RecordOutageContact(
        outage: id, at: Self.minutes(4), channel: "Telefon", by: "T", reference: ""), context: ctx)
    do {
      try m.execute(
        ResolveOutage(outage: id, end: Self.minutes(50), cause: "", followUp: ""), context: ctx)
      Issue.record("resolved without a cause")
    } catch let v as RuleViolation { #expect(v.field == "cause") }
    do {
      try m.execute(
        ResolveOutage(outage: id, end: Self.minutes(-1), cause: "X", followUp: ""), context: ctx)
      Issue.record("resolved before the start")
    } catch let v as RuleViolation { #expect(v.field == "end") }
    for department in [Self.soc, Self.bou] {
      try m.execute(
        NotifyDepartment(outage: id, department: department, at: Self.minutes(5)), context: ctx)
    }
    try m.execute(
      ResolveOutage(
        outage: id, end: Self.minutes(50), cause: "Utgånget certifikat", followUp: "Bevaka"),
      context: ctx)
    let done = try #require(m.outages[id: id])
    #expect(done.timeToEnd == 3000)
    #expect(done.timeToContact == 240)
    #expect(m.activeOutage == nil)
    #expect(throws: RuleViolation.self) {
      try m.execute(
        ResolveOutage(outage: id, end: Self.minutes(55), cause: "X", followUp: ""), context: ctx)
    }
  }

  @Test(
    "4.3: finishing a drill sets the tested date of the routines it exercised; an outage does not")
  func drillSetsTested() throws {
    var m = Self.store()
    let later = Fixtures.now.addingTimeInterval(86_400)
    let ctx = Fixtures.context(at: later)
    let id = try Self.declared(&m, drill: true)
    try m.execute(
      RecordOutageContact(
        outage: id, at: Self.minutes(2), channel: "Telefon", by: "T", reference: ""), context: ctx)
    // Only the departments that took part (were told) have their routine tested.
    var untold = m
    try untold.execute(
      ResolveOutage(outage: id, end: later, cause: "Övning", followUp: ""), context: ctx)
    #expect(untold.department(Self.soc)?.fallbackRoutine?.lastTested == nil)
    try m.execute(
      NotifyDepartment(outage: id, department: Self.soc, at: Self.minutes(3)), context: ctx)
    try m.execute(
      ResolveOutage(outage: id, end: later, cause: "Övning", followUp: ""), context: ctx)
    #expect(m.department(Self.soc)?.fallbackRoutine?.lastTested == Day(later))
    #expect(m.department(Self.bou)?.fallbackRoutine == nil)

    var real = Self.store()
    let rid = try Self.declared(&real)
    try real.execute(
      RecordOutageContact(
        outage: rid, at: Self.minutes(2), channel: "Telefon", by: "T", reference: ""), context: ctx)
    try real.execute(
      ResolveOutage(
        outage: rid, end: later, cause: "Fel", followUp: "", neverTold: [Self.soc, Self.bou]),
      context: ctx)
    #expect(real.department(Self.soc)?.fallbackRoutine?.lastTested == nil)
  }

  // MARK: - Routines and flags

  @Test("4.3: a department without a routine, overdue for review or never tested is flagged")
  func flags() {
    let m = Self.store()
    let today = Fixtures.today
    #expect(m.department(Self.bou)?.routineFlags(on: today) == [.missing])
    #expect(m.department(Self.soc)?.routineFlags(on: today) == [.neverTested])
    let due = today.adding(months: -2).adding(months: 12)
    #expect(m.department(Self.soc)?.routineFlags(on: due) == [.neverTested])
    #expect(
      m.department(Self.soc)?.routineFlags(on: due.adding(days: 1)) == [
        .reviewOverdue(due: due), .neverTested,
      ])
    let unreviewed = FallbackRoutine(steps: "x", location: "y", responsible: "z", lastTested: today)
    #expect(unreviewed.flags(on: today) == [.neverReviewed])
    let fine = FallbackRoutine(
      steps: "x", location: "y", responsible: "z", lastReviewed: today, lastTested: today)
    #expect(fine.flags(on: today).isEmpty)
  }

  @Test("4.3: flags and a late outage appear among the findings")
  func findings() throws {
    var m = Self.store()
    _ = try Self.declared(&m)
    let findings = Findings.all(in: m, at: Self.minutes(20)).filter { $0.section == "4.3" }
    #expect(
      findings.contains {
        $0.subject == "Barn- och utbildningsförvaltningen" && $0.severity == .violation
      })
    #expect(findings.contains { $0.subject == "Socialförvaltningen" && $0.severity == .warning })
    #expect(findings.contains { $0.message.en.hasPrefix("LATE") })
    #expect(!Findings.all(in: m, at: Self.minutes(5)).contains { $0.message.en.hasPrefix("LATE") })
  }

  @Test("4.3: a routine needs steps, where it is kept, who is responsible and a sane interval")
  func saveRoutine() throws {
    var m = Self.store()
    func attempt(_ r: FallbackRoutine) -> String? {
      do {
        try m.execute(
          SaveFallbackRoutine(department: Self.bou, routine: r), context: Fixtures.context())
        return nil
      } catch let v as RuleViolation { return v.field ?? "" } catch { return "?" }
    }
    #expect(attempt(FallbackRoutine(steps: " ", location: "Pärm", responsible: "Eva")) == "steps")
    #expect(
      attempt(FallbackRoutine(steps: "Papper", location: "", responsible: "Eva")) == "location")
    #expect(
      attempt(FallbackRoutine(steps: "Papper", location: "Pärm", responsible: "")) == "responsible")
    #expect(
      attempt(
        FallbackRoutine(
          steps: "Papper", location: "Pärm", responsible: "Eva", reviewIntervalMonths: 0))
        == "reviewIntervalMonths")
    #expect(
      attempt(
        FallbackRoutine(
          steps: "Papper", location: "Pärm", responsible: "Eva",
          lastReviewed: Fixtures.today.adding(days: 3)))
        == "lastReviewed")
    #expect(m.department(Self.bou)?.fallbackRoutine == nil)
    #expect(
      attempt(
        FallbackRoutine(
          steps: "1. Papper\u{1B}[2J\r\n2. Ring", location: "Pärm\tA", responsible: "Eva",
          lastReviewed: Fixtures.today)) == nil)
    let saved = try #require(m.department(Self.bou)?.fallbackRoutine)
    #expect(saved.steps == "1. Papper\u{FFFD}[2J\n2. Ring")
    #expect(saved.location == "Pärm A")
  }

  @Test("4.3: a manager may not declare an outage or change a routine")
  func managerReadOnly() throws {
    var m = Self.store()
    let manager = User(login: "chef", name: "Chef", role: .manager(department: Self.soc))
    m.users.append(manager)
    #expect(throws: RuleViolation.self) {
      try m.execute(
        DeclareOutage(start: Fixtures.now, scope: .wholePlatform, observed: "", declaredBy: "Chef"),
        context: Fixtures.context(manager))
    }
    #expect(m.outages.isEmpty)
  }
}

/// `Findings.nextChange`: how long the findings can be kept with the data unchanged.
@Suite struct FindingsNextChangeTests {
  /// Just before `date`.
  static func before(_ date: Date) -> Date {
    Date(timeIntervalSinceReferenceDate: date.timeIntervalSinceReferenceDate.nextDown)
  }

  @Test("over two days of the demo, the findings just before their next change are those of now")
  func holdUntilTheNextChange() throws {
    var m = try Fixtures.demo
    // One outage under way and late, one waiting, off the minute: the demo's clock
    // rules at their finest.
    let start = Fixtures.now.addingTimeInterval(-17 * 60 - 20)
    m.outages.append(
      Outage(
        id: EntityID("out-late"), start: start, scope: .wholePlatform, observed: "",
        declaredBy: "T"))
    m.outages.append(
      Outage(
        id: EntityID("out-waiting"), start: Fixtures.now.addingTimeInterval(-7),
        scope: .wholePlatform,
        observed: "", declaredBy: "T"))
    var changes = 0
    for step in 0..<96 {
      let now = Fixtures.now.addingTimeInterval(Double(step) * 31 * 60 + 13)
      let next = Findings.nextChange(in: m, after: now)
      #expect(next > now)
      let findings = Findings.all(in: m, at: now)
      #expect(Findings.all(in: m, at: Self.before(next)) == findings, "at \(now)")
      if Findings.all(in: m, at: next) != findings { changes += 1 }
    }
    // Each is a change (the minutes late it says), not a guess that nothing differs.
    #expect(changes == 96)
  }

  @Test(
    "with no outage waiting for its contact they hold until the next day; one waiting brings it sooner"
  )
  func untilTomorrow() throws {
    var m = OutagesRulesTests.store()
    #expect(Findings.nextChange(in: m, after: Fixtures.now) == Fixtures.today.adding(days: 1).start)
    let id = try OutagesRulesTests.declared(&m)
    // Under way, not contacted: late just after the limit (15 min), then by the minute.
    let late = Fixtures.now.addingTimeInterval(15 * 60)
    #expect(Findings.nextChange(in: m, after: Fixtures.now) > late)
    #expect(Findings.nextChange(in: m, after: Fixtures.now) < late.addingTimeInterval(0.001))
    #expect(
      Findings.nextChange(in: m, after: late.addingTimeInterval(30))
        == Fixtures.now.addingTimeInterval(16 * 60))
    try m.execute(
      RecordOutageContact(
        outage: id, at: OutagesRulesTests.minutes(8), channel: "Telefon", by: "Test",
        reference: ""),
      context: Fixtures.context(at: OutagesRulesTests.minutes(8)))
    #expect(
      Findings.nextChange(in: m, after: OutagesRulesTests.minutes(8))
        == Fixtures.today.adding(days: 1).start)
  }
}

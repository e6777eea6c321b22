import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("Staff rules (guideline 4.1, 4.2)")
struct StaffRulesTests {
  typealias F = StaffFixtures
  let ctx = Fixtures.context()

  func run(_ command: any Command, on m: inout Municipality, as user: User = Fixtures.coordinator)
    throws
  {
    try m.execute(command, context: Fixtures.context(user))
  }

  func refusal(_ command: any Command, on m: Municipality, as user: User = Fixtures.coordinator)
    -> RuleViolation?
  {
    var copy = m
    do {
      try copy.execute(command, context: Fixtures.context(user))
      return nil
    } catch {
      #expect(copy == m, "a refused command must leave the store as it was")
      return error as? RuleViolation
    }
  }

  // MARK: - 4.1

  @Test("4.1: adding a staff member makes the onboarding checklist, due on the start date")
  func addMakesOnboarding() throws {
    var m = F.store()
    try run(
      AddStaffMember(
        name: " Greta\u{202E} Ny ", login: "gretan", department: F.department, manager: "Maja Chef",
        startDate: Day("2026-12-01")!, services: [F.bygglov], id: EntityID("p-greta")), on: &m)
    let p = try #require(m.staffMember(EntityID("p-greta")))
    #expect(p.name == "Greta Ny")
    #expect(p.manager == "chef", "the manager's name is kept as their login")
    #expect(m.displayName(login: p.manager) == "Maja Chef")
    #expect(p.status == .onboarding)
    #expect(p.onboarding?.items.map(\.step) == ChecklistStep.onboarding)
    #expect(p.onboarding?.due == Day("2026-12-01"))
    #expect(p.onboarding?.item(.accessGranted)?.note == "Ansökan om bygglov")
    #expect(p.offboarding == nil)
  }

  @Test(
    "4.1: a start day already passed with nothing asked is someone already employed: active, no checklist, nothing overdue"
  )
  func alreadyEmployedGetsNoChecklist() throws {
    var m = F.store()
    try run(
      AddStaffMember(
        name: "Birgitta Gammal", login: "birgittag", department: F.department, manager: "",
        startDate: Day("2008-09-01")!, id: EntityID("p-old")), on: &m)
    let old = try #require(m.staffMember(EntityID("p-old")))
    #expect(old.status == .active)
    #expect(old.onboarding == nil)
    #expect(old.status(on: Fixtures.today, m.settings) == .active)
    #expect(
      !Findings.all(in: m, at: Fixtures.now).contains { $0.subject == "Birgitta Gammal" },
      "no overdue onboarding checklist for someone employed since 2008")

    // The same day with e-services asked: a newcomer in their introduction, whose
    // checklist is due the day they are registered, not overdue from the start.
    try run(
      AddStaffMember(
        name: "Petra Ny", login: "petran", department: F.department, manager: "",
        startDate: Day("2026-11-16")!, services: [F.bygglov], id: EntityID("p-new")), on: &m)
    let new = try #require(m.staffMember(EntityID("p-new")))
    #expect(new.status == .onboarding)
    #expect(new.onboarding?.due == Fixtures.today)
    #expect(new.onboarding?.isOverdue(on: Fixtures.today) == false)

    // Starting today: a newcomer, due on the start day.
    try run(
      AddStaffMember(
        name: "Hugo Idag", login: "hugoi", department: F.department, manager: "",
        startDate: Fixtures.today, id: EntityID("p-today")), on: &m)
    #expect(m.staffMember(EntityID("p-today"))?.onboarding?.due == Fixtures.today)
  }

  @Test("4.1: a manager is a user or staff member, by login or name; anyone else is refused")
  func managerIsALogin() throws {
    var m = F.store()
    try run(
      AddStaffMember(
        name: "Greta Ny", login: "gretan", department: F.department, manager: "CHEF",
        startDate: Fixtures.today, id: EntityID("p-greta")), on: &m)
    #expect(m.staffMember(EntityID("p-greta"))?.manager == "chef")
    try run(
      AddStaffMember(
        name: "Hugo Ny", login: "hugon", department: F.department, manager: "Anna Åberg",
        startDate: Fixtures.today, id: EntityID("p-hugo")), on: &m)
    #expect(m.staffMember(EntityID("p-hugo"))?.manager == "annaab")
    let v = refusal(
      AddStaffMember(
        name: "Ivar Ny", login: "ivarn", department: F.department, manager: "Okänd Chef",
        startDate: Fixtures.today), on: m)
    #expect(v?.field == "manager")
    #expect(v?.message.sv.contains("Okänd Chef") == true)
  }

  @Test("4.1: a login already in use is refused, on the login field")
  func loginTaken() {
    let v = refusal(
      AddStaffMember(
        name: "X", login: "annaab", department: F.department, manager: "", startDate: Fixtures.today
      ),
      on: F.store())
    #expect(v?.field == "login")
    #expect(v?.message.sv.contains("Anna Åberg") == true)
  }

  @Test("4.1: a name is required and the department must exist")
  func requiredFields() {
    let m = F.store()
    #expect(
      refusal(
        AddStaffMember(
          name: " ", login: "x", department: F.department, manager: "", startDate: Fixtures.today),
        on: m)?.field == "name")
    #expect(
      refusal(
        AddStaffMember(
          name: "X", login: "x", department: EntityID("nope"), manager: "",
          startDate: Fixtures.today), on: m)?.field == "department")
  }

  @Test("4.1: each tick records who and when; a finished checklist makes the person active")
  func ticksRecordWhoAndWhen() throws {
    var m = F.store()
    #expect(
      refusal(TickChecklistStep(person: F.cecilia, step: .accessGranted), on: m)?.section == "4.1")
    try run(
      GrantAccess(
        person: F.cecilia, service: F.skolskjuts, validFrom: Fixtures.today, validTo: nil), on: &m)
    for step in ChecklistStep.onboarding {
      try run(TickChecklistStep(person: F.cecilia, step: step), on: &m)
    }
    let p = try #require(m.staffMember(F.cecilia))
    #expect(
      p.onboarding?.items.allSatisfy { $0.doneBy == "esamordnare" && $0.doneAt == Fixtures.now }
        == true)
    #expect(p.canSign, "ticking 'signing granted' grants signing")
    #expect(p.status == .active)
  }

  @Test("4.1: a checklist not done by its due date is overdue")
  func onboardingOverdue() {
    let m = F.store()
    let cecilia = m.staffMember(F.cecilia)!
    #expect(cecilia.onboarding?.isOverdue(on: Fixtures.today) == true)
    #expect(cecilia.onboarding?.isOverdue(on: Day("2026-11-20")!) == false)
    let findings = Findings.all(in: m, at: Fixtures.now)
    #expect(
      findings.contains {
        $0.section == "4.1" && $0.subject == "Cecilia Ek" && $0.message.en.contains("overdue")
      })
  }

  @Test(
    "4.1: a manager cannot tick, grant or add; an unknown login is refused naming the e-coordinator"
  )
  func managersRead() {
    let m = F.store()
    #expect(
      refusal(TickChecklistStep(person: F.cecilia, step: .signingGranted), on: m, as: F.manager)
        == .readOnly(coordinator: m.contacts.eCoordinator))
    #expect(
      refusal(
        GrantAccess(person: F.cecilia, service: F.bygglov, validFrom: Fixtures.today, validTo: nil),
        on: m, as: F.manager) != nil)
    let stranger = User(login: "okand", name: "Okänd", role: .eCoordinator)
    let v = refusal(CloseCase(F.case1), on: m, as: stranger)
    #expect(v?.message.sv.contains("E-samordnaren") == true)
  }

  @Test("4.1: access is granted for a period; valid-to before valid-from is refused")
  func grantPeriod() throws {
    var m = F.store()
    #expect(
      refusal(
        GrantAccess(
          person: F.eva, service: F.fardtjanst, validFrom: Fixtures.today,
          validTo: Day("2026-01-01")), on: m)?.field == "validTo")
    try run(
      GrantAccess(
        person: F.eva, service: F.bygglov, validFrom: Fixtures.today, validTo: Day("2027-06-30")),
      on: &m)
    #expect(
      m.staffMember(F.eva)?.grants.filter { $0.service == F.bygglov }.map(\.validTo) == [
        Day("2027-06-30")
      ])
    #expect(
      refusal(
        GrantAccess(person: F.david, service: F.bygglov, validFrom: Fixtures.today, validTo: nil),
        on: m)?.section == "4.2")
  }

  // MARK: - 4.2

  @Test("4.2: setting an end date makes the offboarding checklist, due on that day")
  func endDateMakesOffboarding() throws {
    var m = F.store()
    let eva = m.staffMember(F.eva)!
    try run(
      EditStaffMember(
        id: F.eva, name: eva.name, login: eva.login, department: eva.department,
        manager: eva.manager,
        startDate: eva.startDate, endDate: Day("2027-01-31")), on: &m)
    let p = m.staffMember(F.eva)!
    // Leaving from 30 days before the end day, not from the day it was set.
    #expect(p.status(on: Fixtures.today, m.settings) == .active)
    #expect(p.status(on: Day("2027-01-01")!, m.settings) == .offboarding)
    #expect(p.offboarding?.due == Day("2027-01-31"))
    #expect(p.offboarding?.items.map(\.step) == ChecklistStep.offboarding)
    #expect(
      refusal(
        EditStaffMember(
          id: F.eva, name: eva.name, login: eva.login, department: eva.department,
          manager: eva.manager,
          startDate: eva.startDate, endDate: Day("2024-01-01")), on: m)?.field == "endDate")
  }

  @Test("4.2: removal is refused while a case is open, and the message lists those cases")
  func removalRefused() {
    let v = refusal(RemoveFromPlatform(person: F.bertil), on: F.store())
    #expect(v?.section == "4.2")
    #expect(v?.message.sv.contains("2026-0412 (Ansökan om bygglov)") == true)
    #expect(v?.message.sv.contains("2026-0587 (Färdtjänst)") == true)
    #expect(v?.message.sv.contains("2026-0101") == false, "a closed case is not listed")
  }

  @Test("4.2: a case is closed as Avslutad/Arkiverad; closing it twice is refused")
  func closeCase() throws {
    var m = F.store()
    try run(CloseCase(F.case1), on: &m)
    #expect(m.cases[id: F.case1]?.status == .closedArchived)
    #expect(refusal(CloseCase(F.case1), on: m)?.message.en.contains("already closed") == true)
  }

  @Test("4.2: a transfer to an active colleague with access moves the case and remembers from whom")
  func transferAllowed() throws {
    var m = F.store()
    try run(TransferCase(F.case2, to: F.anna), on: &m)
    #expect(m.cases[id: F.case2]?.officer == F.anna)
    #expect(m.cases[id: F.case2]?.transferredFrom == F.bertil)
  }

  @Test("4.2: a transfer to a colleague without access to the e-service is refused with the reason")
  func transferNoAccess() {
    let v = refusal(TransferCase(F.case2, to: F.eva), on: F.store())
    #expect(v?.field == "colleague")
    #expect(v?.message.sv.contains("Eva Berg saknar behörighet") == true)
    #expect(v?.message.sv.contains("2026-0587 (Färdtjänst)") == true)
  }

  @Test(
    "4.2: a transfer to someone not active (leaving, removed, onboarding without access) is refused"
  )
  func transferNotActive() {
    let m = F.store()
    #expect(
      refusal(TransferCase(F.case1, to: F.david), on: m)?.message.en.contains("has been removed")
        == true)
    #expect(
      refusal(TransferCase(F.case1, to: F.cecilia), on: m)?.message.en.contains(
        "no case-officer access") == true)
    #expect(
      refusal(TransferCase(EntityID("c-4"), to: F.bertil), on: m)?.message.en.contains(
        "is leaving too") == true)
    #expect(
      refusal(TransferCase(F.case1, to: F.bertil), on: m)?.message.en.contains("already") == true)
  }

  @Test("4.2: a bulk transfer moves all open cases to one colleague, or none")
  func bulkTransfer() throws {
    var m = F.store()
    #expect(
      refusal(TransferAllCases(of: F.bertil, to: F.eva), on: m)?.message.sv.contains("2026-0587")
        == true)
    #expect(m.openCases(of: F.bertil).count == 2)
    try run(TransferAllCases(of: F.bertil, to: F.anna), on: &m)
    #expect(m.openCases(of: F.bertil).isEmpty)
    #expect(m.openCases(of: F.anna).map(\.number) == ["2026-0300", "2026-0412", "2026-0587"])
    let step = m.staffMember(F.bertil)?.offboarding?.item(.casesClosedOrTransferred)
    #expect(step?.doneBy == "esamordnare", "the last case handed over ticks the step")
    #expect(
      refusal(TransferAllCases(of: F.bertil, to: F.anna), on: m)?.message.en.contains(
        "no open cases") == true)
  }

  @Test(
    "4.2: once every case is closed or transferred, removal is allowed and takes access and signing"
  )
  func removalAllowed() throws {
    var m = F.store()
    #expect(
      refusal(TickChecklistStep(person: F.bertil, step: .casesClosedOrTransferred), on: m) != nil)
    try run(CloseCase(F.case1), on: &m)
    try run(TransferCase(F.case2, to: F.anna), on: &m)
    try run(RemoveFromPlatform(person: F.bertil), on: &m)
    let p = m.staffMember(F.bertil)!
    #expect(p.status == .removed)
    #expect(p.grants.isEmpty && !p.canSign)
    #expect(p.offboarding?.item(.removedFromPlatform)?.isDone == true)
    #expect(p.offboarding?.item(.signingRevoked)?.isDone == true)
    #expect(p.removalOverride == nil)
    #expect(
      refusal(RemoveFromPlatform(person: F.bertil), on: m)?.message.en.contains("already") == true)
  }

  @Test("4.2: the e-coordinator can override only with a written reason, which is kept and shown")
  func removalOverride() throws {
    var m = F.store()
    #expect(
      refusal(RemoveFromPlatform(person: F.bertil, overrideReason: "  \n "), on: m)?.field
        == "reason")
    #expect(
      refusal(
        RemoveFromPlatform(person: F.bertil, overrideReason: "Sjukskriven"), on: m, as: F.manager)
        != nil)
    try run(
      RemoveFromPlatform(
        person: F.bertil, overrideReason: "Ärendena flyttas i plattformen av nämnden"), on: &m)
    #expect(m.staffMember(F.bertil)?.removalOverride == "Ärendena flyttas i plattformen av nämnden")
    let findings = Findings.all(in: m, at: Fixtures.now).filter { $0.subject == "Bertil Öst" }
    #expect(findings.contains { $0.severity == .violation && $0.message.sv.contains("2026-0412") })
    #expect(findings.contains { $0.message.sv.contains("Skäl: Ärendena flyttas") })
  }

  @Test("4.2: ticking removal directly is refused; signing is revoked by its tick")
  func checklistSteps() throws {
    var m = F.store()
    #expect(refusal(TickChecklistStep(person: F.bertil, step: .removedFromPlatform), on: m) != nil)
    #expect(
      refusal(TickChecklistStep(person: F.anna, step: .signingRevoked), on: m) != nil,
      "not on Anna's lists")
    try run(TickChecklistStep(person: F.bertil, step: .signingRevoked), on: &m)
    #expect(m.staffMember(F.bertil)?.canSign == false)
  }

  @Test(
    "4.2: access ending while the person still has open cases in it is flagged before that date")
  func expiringAccess() {
    let m = F.store()
    let bertil = m.staffMember(F.bertil)!
    #expect(
      m.accessFlag(bertil, F.fardtjanst, on: Fixtures.today)
        == .expiresWithOpenCases(Day("2026-12-05")!))
    #expect(
      m.accessFlag(bertil, F.fardtjanst, on: Day("2026-11-01")!) == nil,
      "outside the warning window")
    #expect(
      m.accessFlag(bertil, F.fardtjanst, on: Day("2026-12-06")!) == nil, "after the day it has gone"
    )
  }

  @Test(
    "4.2: the access view flags removed staff's access, leavers without valid-to and services with no officer"
  )
  func accessFlags() {
    let m = F.store()
    #expect(m.accessFlag(m.staffMember(F.david)!, F.bygglov, on: Fixtures.today) == .heldByRemoved)
    #expect(
      m.accessFlag(m.staffMember(F.bertil)!, F.bygglov, on: Fixtures.today) == .leaverWithoutValidTo
    )
    #expect(m.accessFlag(m.staffMember(F.anna)!, F.bygglov, on: Fixtures.today) == nil)
    let skolskjuts = m.service(F.skolskjuts)!
    #expect(m.lacksActiveOfficer(skolskjuts, on: Fixtures.today))
    #expect(!m.lacksActiveOfficer(m.service(F.bygglov)!, on: Fixtures.today))
    let findings = Findings.all(in: m, at: Fixtures.now)
    #expect(findings.contains { $0.severity == .violation && $0.subject == "David Lund" })
    #expect(findings.contains { $0.subject == "Skolskjuts" })
  }

  @Test("4.2: revoking access is refused while the person has open cases in that e-service")
  func revokeWithOpenCases() throws {
    var m = F.store()
    #expect(
      refusal(RevokeAccess(person: F.bertil, service: F.fardtjanst), on: m)?.message.sv.contains(
        "2026-0587") == true)
    try run(RevokeAccess(person: F.david, service: F.bygglov), on: &m)
    #expect(m.staffMember(F.david)?.grants.isEmpty == true)
  }

  @Test("4.2: imported cases apply all or none; a known case number is updated")
  func importCases() throws {
    var m = F.store()
    let good = [
      ImportedCase(
        line: 2, number: "2026-0412", service: F.bygglov, officer: F.bertil, status: .closedArchived
      ),
      ImportedCase(
        line: 3, number: "2026-0900", service: F.fardtjanst, officer: F.anna, status: .ongoing),
    ]
    let bad =
      good + [
        ImportedCase(
          line: 4, number: "2026-0901", service: EntityID("gone"), officer: F.anna, status: .ongoing
        )
      ]
    let v = refusal(ImportCases(bad, source: "x.csv"), on: m)
    #expect(v?.message.sv.hasPrefix("Rad 4:") == true)
    try run(ImportCases(good, source: "x.csv"), on: &m)
    #expect(m.cases.filter { $0.number == "2026-0412" }.map(\.status) == [.closedArchived])
    #expect(m.cases.contains { $0.number == "2026-0900" && $0.officer == F.anna })
    #expect(m.cases.count == 5)
  }

  @Test("4.2: a case added by hand needs a unique number and an officer still on the platform")
  func addCase() throws {
    var m = F.store()
    #expect(
      refusal(AddCase(number: "2026-0412", service: F.bygglov, officer: F.anna), on: m)?.field
        == "number")
    #expect(
      refusal(AddCase(number: "2026-1", service: F.bygglov, officer: F.david), on: m)?.section
        == "4.2")
    try run(AddCase(number: "2026-1", service: F.bygglov, officer: F.anna), on: &m)
    #expect(m.openCases(of: F.anna).count == 2)
  }

  @Test("4.2: undo puts a removal back as it was")
  func undoRemoval() throws {
    var m = F.store()
    let before = m
    let change = try m.execute(
      RemoveFromPlatform(person: F.bertil, overrideReason: "skäl"), context: ctx)
    try m.execute(change.undo, context: ctx)
    #expect(m == before)
  }
}

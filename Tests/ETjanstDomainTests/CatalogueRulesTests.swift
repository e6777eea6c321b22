import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// The catalogue's rules (guideline 1.1 and 4), every allowed and refused path.
@Suite struct CatalogueRulesTests {
  typealias F = CatalogueFixtures
  let context = Fixtures.context()

  @discardableResult
  func run(_ command: any Command, on m: inout Municipality) throws -> Change {
    try m.execute(command, context: context)
  }

  func refusal(_ command: any Command, on m: Municipality) -> RuleViolation? {
    var copy = m
    do {
      try copy.execute(command, context: context)
      return nil
    } catch let violation as RuleViolation {
      #expect(copy == m, "a refused command must leave the state as it was")
      return violation
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  // MARK: - Adding and editing (4)

  @Test("4: a new e-service is added with its owners and its first status dated")
  func addRecordsEverything() throws {
    var m = F.municipality()
    var draft = EServiceDraft(
      name: "  Ansökan om\tparkeringstillstånd ", department: F.building, category: "Trafik")
    draft.roles.serviceOwner = .staff(F.anna)
    draft.roles.contactPerson = .named(name: "Åsa Nilsson", email: "asa@overtornea.se")
    draft.lastReviewed = Fixtures.today
    let id = EntityID<EService>("svc-new")
    try run(AddEService(id: id, draft, status: .inDevelopment), on: &m)
    let s = try #require(m.service(id))
    #expect(s.name == "Ansökan om parkeringstillstånd")
    #expect(s.status == .inDevelopment)
    #expect(
      s.statusHistory == [StatusChange(status: .inDevelopment, at: Fixtures.now, by: "esamordnare")]
    )
    #expect(s.roles.serviceOwner == .staff(F.anna))
    #expect(s.reviewIntervalMonths == m.settings.serviceReviewIntervalMonths)
    #expect(s.platform == EService.openEPlatform)
  }

  @Test("4: the name is required")
  func nameRequired() {
    let v = refusal(
      AddEService(EServiceDraft(name: " \n ", department: F.social)), on: F.municipality())
    #expect(v?.field == "name")
  }

  @Test("4: the owning department is required")
  func departmentRequired() {
    let v = refusal(
      AddEService(EServiceDraft(name: "Ny tjänst", department: nil)), on: F.municipality())
    #expect(v?.field == "department")
    let gone = refusal(
      AddEService(EServiceDraft(name: "Ny tjänst", department: EntityID("dep-gone"))),
      on: F.municipality())
    #expect(gone?.field == "department")
  }

  @Test("4: a name is unique within its department, whatever its case")
  func nameUniqueWithinDepartment() throws {
    let v = refusal(
      AddEService(EServiceDraft(name: "ANSÖKAN OM BYGGLOV", department: F.building)),
      on: F.municipality())
    #expect(v?.field == "name")
    #expect(v?.message.sv.contains("Samhällsbyggnad") == true)
    var m = F.municipality()
    try run(AddEService(EServiceDraft(name: "Ansökan om bygglov", department: F.social)), on: &m)
    #expect(m.services.filter { $0.name == "Ansökan om bygglov" }.count == 2)
  }

  @Test("4: editing keeps the name free for the service itself but not for a twin")
  func editUniqueness() throws {
    var m = F.municipality()
    var draft = EServiceDraft(m.service(F.bygglov)!)
    draft.category = "Bygglov"
    try run(EditEService(F.bygglov, draft), on: &m)
    #expect(m.service(F.bygglov)?.category == "Bygglov")
    draft.name = "Anmälan om avlopp"
    #expect(refusal(EditEService(F.bygglov, draft), on: m)?.field == "name")
  }

  @Test("4: editing leaves the status, its history and the reports alone")
  func editKeepsHealth() throws {
    var m = F.municipality()
    let before = m.service(F.avlopp)!
    var draft = EServiceDraft(before)
    draft.flowFamilyID = "2044"
    try run(EditEService(F.avlopp, draft), on: &m)
    let after = m.service(F.avlopp)!
    #expect(after.flowFamilyID == "2044")
    #expect(after.status == before.status && after.statusHistory == before.statusHistory)
    #expect(after.reports == before.reports)
  }

  @Test("4: last reviewed cannot be in the future; today is allowed")
  func lastReviewedNotInFuture() throws {
    var draft = EServiceDraft(name: "Ny tjänst", department: F.social)
    draft.lastReviewed = Fixtures.today.adding(days: 1)
    #expect(refusal(AddEService(draft), on: F.municipality())?.field == "lastReviewed")
    draft.lastReviewed = Fixtures.today
    var m = F.municipality()
    try run(AddEService(draft), on: &m)
  }

  @Test("4: figures cannot be negative and the review interval is 1–120 months")
  func figures() {
    var draft = EServiceDraft(name: "Ny tjänst", department: F.social, yearlyCaseVolume: -1)
    #expect(refusal(AddEService(draft), on: F.municipality())?.field == "yearlyCaseVolume")
    draft.yearlyCaseVolume = 10
    draft.reviewIntervalMonths = 0
    #expect(refusal(AddEService(draft), on: F.municipality())?.field == "reviewIntervalMonths")
  }

  @Test("4: a role names existing staff, or a name and e-mail")
  func rolesParse() throws {
    let staff = F.municipality().staff
    #expect(try PersonRef.parse("anna.ek", staff: staff, field: "serviceOwner") == .staff(F.anna))
    #expect(
      try PersonRef.parse("cecilia öberg", staff: staff, field: "serviceOwner") == .staff(F.cecilia)
    )
    #expect(
      try PersonRef.parse("Åsa Nilsson <asa@overtornea.se>", staff: staff, field: "x")
        == .named(name: "Åsa Nilsson", email: "asa@overtornea.se"))
    #expect(try PersonRef.parse("  ", staff: staff, field: "x") == nil)
    #expect(throws: RuleViolation.self) {
      try PersonRef.parse("Okänd Person", staff: staff, field: "x")
    }
    #expect(throws: RuleViolation.self) {
      try PersonRef.parse("Åsa <asa@nowhere>", staff: staff, field: "x")
    }
    var draft = EServiceDraft(name: "Ny tjänst", department: F.social)
    draft.roles.processOwner = .staff(EntityID("staff-gone"))
    #expect(refusal(AddEService(draft), on: F.municipality())?.field == "roles.processOwner")
  }

  // MARK: - Platform (1.1)

  @Test("1.1: a service on another platform is allowed but flagged")
  func otherPlatformFlagged() throws {
    var m = F.municipality()
    try run(
      AddEService(EServiceDraft(name: "Lönespec", department: F.social, platform: "Visma")), on: &m)
    let s = try #require(m.services.first { $0.name == "Lönespec" })
    #expect(m.flags(of: s, today: Fixtures.today).contains(.notOnOpenEPlatform))
    let bygglov = m.service(F.bygglov)!
    #expect(!m.flags(of: bygglov, today: Fixtures.today).contains(.notOnOpenEPlatform))
  }

  @Test("GDPR art. 30: personal data processed outside the register of processing is a shortcoming")
  func processingRegister() throws {
    var m = F.municipality()
    let i = try #require(m.services.index(of: F.bygglov))
    m.services[i].processesPersonalData = true
    m.services[i].inProcessingRegister = nil
    #expect(m.flags(of: m.services[i], today: Fixtures.today).contains(.notInProcessingRegister))
    let finding = Findings.all(in: m, at: Fixtures.now).first {
      $0.target == .service(F.bygglov) && $0.message.en.contains("GDPR art. 30")
    }
    #expect(finding?.severity == .violation)
    #expect(finding?.message.sv.contains("registerförteckningen") == true)
    // A day in the register, or no personal data, and it is gone.
    var registered = m
    registered.services[i].inProcessingRegister = Fixtures.today
    #expect(
      !registered.flags(of: registered.services[i], today: Fixtures.today).contains(
        .notInProcessingRegister))
    m.services[i].processesPersonalData = false
    #expect(!m.flags(of: m.services[i], today: Fixtures.today).contains(.notInProcessingRegister))
  }

  @Test("1.1: an empty platform means Open ePlatform")
  func emptyPlatform() throws {
    var m = F.municipality()
    let id = EntityID<EService>("svc-x")
    try run(
      AddEService(id: id, EServiceDraft(name: "X", department: F.social, platform: " ")), on: &m)
    #expect(m.service(id)?.isOnOpenEPlatform == true)
  }

  // MARK: - Status (4)

  @Test("4: every change of status is dated and kept; the same status twice changes nothing")
  func statusHistory() throws {
    var m = F.municipality()
    try run(SetServiceStatus(F.forskola, to: .inDevelopment), on: &m)
    try run(SetServiceStatus(F.forskola, to: .inDevelopment), on: &m)
    let s = m.service(F.forskola)!
    #expect(s.status == .inDevelopment)
    #expect(s.statusHistory.map(\.status) == [.ordered, .inDevelopment])
    #expect(s.statusHistory.last?.at == Fixtures.now)
  }

  @Test("4: a status change takes the day it happened: not in the future, nor before the last")
  func statusChangeDay() throws {
    // Förskola's last change was on 2026-11-20.
    let m = F.municipality()
    let future = refusal(
      SetServiceStatus(F.forskola, to: .inDevelopment, on: Fixtures.today.adding(days: 1)), on: m)
    #expect(future?.field == SetServiceStatus.changedOnField)
    #expect(future?.message.en == "The day cannot be in the future.")
    let early = refusal(
      SetServiceStatus(F.forskola, to: .inDevelopment, on: Day(year: 2026, month: 11, day: 19)),
      on: m)
    #expect(early?.field == SetServiceStatus.changedOnField)
    #expect(early?.message.sv.contains("2026-11-20") == true)
    var dated = m
    let day = Day(year: 2026, month: 11, day: 24)
    try run(SetServiceStatus(F.forskola, to: .inDevelopment, on: day), on: &dated)
    #expect(dated.service(F.forskola)?.statusHistory.last?.at == day.start)
    #expect(dated.service(F.forskola)?.statusSince == day.start)
    // No day, or today: now, as before.
    var today = m
    try run(SetServiceStatus(F.forskola, to: .inDevelopment, on: Fixtures.today), on: &today)
    #expect(today.service(F.forskola)?.statusHistory.last?.at == Fixtures.now)
  }

  @Test("4: while revision needs are open only Revision needed or Unpublished may be set")
  func statusWhileReportsOpen() throws {
    var m = F.municipality()
    try run(
      ReportServiceError(F.bygglov, kind: .revisionNeed, reportedBy: "Anna", text: "Ny taxa"),
      on: &m)
    let v = refusal(SetServiceStatus(F.bygglov, to: .published), on: m)
    #expect(v?.field == "status")
    #expect(v?.message.sv.contains("den öppna rapporten") == true)
    try run(SetServiceStatus(F.bygglov, to: .unpublished), on: &m)
    #expect(m.service(F.bygglov)?.status == .unpublished)
    // An open error holds no status: avlopp's only open report is an error.
    var n = F.municipality()
    try run(SetServiceStatus(F.avlopp, to: .published), on: &n)
    #expect(n.service(F.avlopp)?.status == .published)
  }

  @Test("4: an error report leaves a live service published, since the same day, and counted")
  func errorReportKeepsPublished() throws {
    var m = F.municipality()
    let before = try #require(m.service(F.bygglov))
    #expect(before.status == .published)
    let figures = GoalFigures(m)
    try run(
      ReportServiceError(
        F.bygglov, kind: .error, reportedBy: "Anna Ek", text: "Fel avgift visas i steg 3."),
      on: &m)
    let s = try #require(m.service(F.bygglov))
    #expect(s.status == .published)
    #expect(s.statusSince == before.statusSince)
    #expect(s.statusHistory == before.statusHistory)
    #expect(GoalFigures(m).publishedExternal == figures.publishedExternal)
    #expect(GoalFigures(m).publishedInternal == figures.publishedInternal)
    // The open error is a flag and a finding.
    #expect(m.flags(of: s, today: Fixtures.today).contains(.openReports))
    #expect(
      Findings.all(in: m, at: Fixtures.now).contains {
        $0.target == .service(F.bygglov) && $0.message.sv.contains("öppen rapport")
      })
    // Resolving it changes no status either.
    let report = try #require(s.openReports.first?.id)
    try run(ResolveServiceReport(F.bygglov, report: report, resolution: "Rättad."), on: &m)
    #expect(m.service(F.bygglov)?.statusHistory == before.statusHistory)
  }

  @Test("4: a service in Revision needed returns when its revision needs are resolved, errors open")
  func openErrorDoesNotHoldRevision() throws {
    var m = F.municipality()
    try run(
      ReportServiceError(F.avlopp, kind: .revisionNeed, reportedBy: "Anna", text: "Ny lag"), on: &m)
    let need = try #require(m.service(F.avlopp)?.openRevisionNeeds.first?.id)
    try run(ResolveServiceReport(F.avlopp, report: need, resolution: "Texten ny."), on: &m)
    let s = try #require(m.service(F.avlopp))
    #expect(s.status == .published)
    #expect(s.openReports.map(\.id) == [F.openReport])
  }

  // MARK: - Reports (4)

  @Test("4: a report adds an entry and sets the status to Revision needed")
  func reportSetsRevisionNeeded() throws {
    var m = F.municipality()
    try run(
      ReportServiceError(
        F.bygglov, kind: .revisionNeed, reportedBy: "Anna Ek", text: "Ny taxa från 1 januari."),
      on: &m)
    let s = m.service(F.bygglov)!
    #expect(s.status == .revisionNeeded)
    #expect(s.openReports.count == 1)
    #expect(s.reports.last?.reportedOn == Fixtures.today)
    #expect(s.statusHistory.last?.status == .revisionNeeded)
  }

  @Test("4: a report needs who reported it, a text and a date not in the future")
  func reportRequired() {
    let m = F.municipality()
    #expect(
      refusal(ReportServiceError(F.bygglov, kind: .error, reportedBy: " ", text: "Fel"), on: m)?
        .field == "reportedBy")
    #expect(
      refusal(ReportServiceError(F.bygglov, kind: .error, reportedBy: "Anna", text: "\n"), on: m)?
        .field == "text")
    let future = ReportServiceError(
      F.bygglov, kind: .error, reportedOn: Fixtures.today.adding(days: 1), reportedBy: "Anna",
      text: "Fel")
    #expect(refusal(future, on: m)?.field == "reportedOn")
  }

  @Test("4: the status stays Revision needed until every report is resolved, then returns")
  func resolveRestoresStatus() throws {
    var m = F.municipality()
    try run(
      ReportServiceError(F.avlopp, kind: .revisionNeed, reportedBy: "Anna", text: "Ny lag"), on: &m)
    try run(
      ResolveServiceReport(F.avlopp, report: F.openReport, resolution: "Avgiften rättad."), on: &m)
    #expect(m.service(F.avlopp)?.status == .revisionNeeded)
    let second = try #require(m.service(F.avlopp)?.openReports.first?.id)
    try run(
      ResolveServiceReport(F.avlopp, report: second, resolution: "Texten uppdaterad."), on: &m)
    let s = m.service(F.avlopp)!
    #expect(s.status == .published)
    #expect(s.openReports.isEmpty)
    #expect(s.reports.first?.resolution == "Avgiften rättad.")
    #expect(s.statusHistory.map(\.status).suffix(2) == [.revisionNeeded, .published])
  }

  @Test("4: a resolution needs a text, a date between the report and today, and an open report")
  func resolveRules() throws {
    let m = F.municipality()
    #expect(
      refusal(ResolveServiceReport(F.avlopp, report: F.openReport, resolution: ""), on: m)?.field
        == "resolution")
    let early = ResolveServiceReport(
      F.avlopp, report: F.openReport, resolvedOn: Day(year: 2026, month: 11, day: 1),
      resolution: "Klart")
    #expect(refusal(early, on: m)?.field == "resolvedOn")
    var done = m
    try run(ResolveServiceReport(F.avlopp, report: F.openReport, resolution: "Klart"), on: &done)
    #expect(
      refusal(ResolveServiceReport(F.avlopp, report: F.openReport, resolution: "Igen"), on: done)?
        .field == "report")
    #expect(
      refusal(ResolveServiceReport(F.avlopp, report: EntityID("rep-gone"), resolution: "x"), on: m)
        != nil)
  }

  // MARK: - Removal (4, 4.2)

  @Test("4: removal is refused while an open order refers to the e-service, naming it")
  func removalRefusedByOrder() {
    let v = refusal(RemoveEService(F.semester), on: F.municipality())
    #expect(v?.message.sv.contains("Semesteransökan digital") == true)
  }

  @Test("4.2: removal is refused while a staff access grant refers to the e-service, naming who")
  func removalRefusedByGrant() {
    let v = refusal(RemoveEService(F.bistand), on: F.municipality())
    #expect(v?.message.sv.contains("Cecilia Öberg") == true)
    #expect(v?.message.en.contains("Cecilia Öberg has access") == true)
  }

  @Test("4: a cancelled order does not stop removal; a service nobody refers to is removed")
  func removalAllowed() throws {
    var m = F.municipality()
    m.orders[0].hold = OrderHold(
      kind: .cancelled, reason: "Ingen budget", since: Fixtures.now, by: "esamordnare")
    try run(RemoveEService(F.semester), on: &m)
    #expect(m.service(F.semester) == nil)
    try run(RemoveEService(F.skolskjuts), on: &m)
    #expect(m.service(F.skolskjuts) == nil)
  }

  @Test("4: undo of a removal puts the service back where it was")
  func undoRemoval() throws {
    var m = F.municipality()
    let original = m.services
    let change = try run(RemoveEService(F.skolskjuts), on: &m)
    try run(change.undo, on: &m)
    #expect(m.services == original)
  }

  @Test("4: undo of a report takes away the entry and the status change together")
  func undoReport() throws {
    var m = F.municipality()
    let before = m.service(F.bygglov)
    let change = try run(
      ReportServiceError(F.bygglov, kind: .error, reportedBy: "Anna", text: "Fel"), on: &m)
    try run(change.undo, on: &m)
    #expect(m.service(F.bygglov) == before)
  }

  // MARK: - Flags (4)

  @Test("4: review is overdue after the interval, and a live service never reviewed is overdue")
  func reviewOverdue() {
    let m = F.municipality()
    #expect(m.service(F.bistand)!.isReviewOverdue(today: Fixtures.today))
    #expect(!m.service(F.bygglov)!.isReviewOverdue(today: Fixtures.today))
    #expect(m.service(F.bygglov)!.isReviewOverdue(today: Day(year: 2027, month: 3, day: 2)))
    var neverReviewed = m.service(F.bygglov)!
    neverReviewed.lastReviewed = nil
    #expect(neverReviewed.isReviewOverdue(today: Fixtures.today))
    #expect(
      !m.service(F.skolskjuts)!.isReviewOverdue(today: Fixtures.today),
      "unpublished is not reviewed")
    #expect(!m.service(F.forskola)!.isReviewOverdue(today: Fixtures.today), "not yet live")
  }

  @Test("4.2: an owner or contact person who is no longer active staff is flagged")
  func inactivePersonFlagged() {
    let m = F.municipality()
    let avlopp = m.service(F.avlopp)!
    #expect(m.flags(of: avlopp, today: Fixtures.today) == [.openReports, .inactivePerson])
    #expect(m.inactivePeople(of: avlopp).map(\.role) == [.serviceOwner])
    #expect(
      m.flags(of: m.service(F.barnomsorg)!, today: Fixtures.today).isEmpty,
      "a named person is not checked")
  }

  @Test("4: the catalogue's flags are listed as findings")
  func findings() {
    let findings = Findings.all(in: F.municipality(), at: Fixtures.now)
    #expect(
      findings.contains {
        $0.subject == "Ekonomiskt bistånd" && $0.message.sv.contains("2025-10-01")
      })
    #expect(findings.contains { $0.subject == "Semesteransökan" && $0.section == "1.1" })
    #expect(
      findings.contains { $0.subject == "Anmälan om avlopp" && $0.message.sv.contains("Bo Lind") })
  }
}

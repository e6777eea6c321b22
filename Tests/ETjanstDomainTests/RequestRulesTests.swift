import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("Requests from managers to the e-coordinator (guideline 4, 4.1, 4.2)")
struct RequestRulesTests {
  typealias F = StaffFixtures
  static let sara = User(login: "sara", name: "Sara Chef", role: .manager(department: F.social))

  func store() -> Municipality {
    var m = F.store()
    m.users.append(Self.sara)
    return m
  }

  @discardableResult
  func file(
    _ draft: RequestDraft, on m: inout Municipality, as user: User = F.manager,
    id: String = "r-1", at date: Date = Fixtures.now
  ) throws -> Request {
    try m.execute(FileRequest(draft, id: EntityID(id)), context: Fixtures.context(user, at: date))
    return try #require(m.request(EntityID(id)))
  }

  func refusal(_ command: any Command, on m: Municipality, as user: User) -> RuleViolation? {
    var copy = m
    do {
      try copy.execute(command, context: Fixtures.context(user))
      return nil
    } catch {
      #expect(copy == m, "a refused command leaves the store as it was")
      return error as? RuleViolation
    }
  }

  @Test("4: a manager files a request for their own department; the sender is who filed it")
  func senderIsTheActor() throws {
    var m = store()
    let r = try file(
      RequestDraft(
        kind: .newEmployee, name: " Greta Ny ", login: "Greta.Ny", day: Day("2026-12-07"),
        services: [F.bygglov], signing: true), on: &m)
    #expect(r.sender == "chef")
    #expect(r.department == F.department)
    #expect(r.state == .sent)
    #expect(r.name == "Greta Ny")
    #expect(r.login == "greta.ny")
    #expect(m.openRequests.map(\.id) == [r.id])
  }

  @Test("a request naming another department's e-service or person is refused")
  func otherDepartmentRefused() {
    let m = store()
    let service = refusal(
      FileRequest(RequestDraft(kind: .error, services: [F.bistand], text: "Fel")), on: m,
      as: F.manager)
    #expect(service?.message.sv.contains("annan förvaltning") == true)
    let person = refusal(
      FileRequest(RequestDraft(kind: .leaver, login: "fredriks", day: Day("2026-12-31"))), on: m,
      as: F.manager)
    #expect(person?.message.sv.contains("Ingen i din förvaltning") == true)
    let newcomer = refusal(
      FileRequest(
        RequestDraft(kind: .newEmployee, name: "X", day: Fixtures.today, services: [F.bistand])),
      on: m, as: F.manager)
    #expect(newcomer != nil)
  }

  @Test("the e-coordinator does not file requests, and a manager writes nothing else")
  func onlyManagersFileAndOnlyRequests() {
    let m = store()
    #expect(
      refusal(
        FileRequest(RequestDraft(kind: .error, services: [F.bygglov], text: "Fel")), on: m,
        as: Fixtures.coordinator) != nil)
    let edit = refusal(
      GrantAccess(person: F.eva, service: F.fardtjanst, validFrom: Fixtures.today, validTo: nil),
      on: m, as: F.manager)
    #expect(edit?.message.sv.contains("läsbehörighet") == true)
    var filed = m
    try? filed.execute(
      FileRequest(
        RequestDraft(kind: .error, services: [F.bygglov], text: "Fel"), id: EntityID("r")),
      context: Fixtures.context(F.manager))
    #expect(refusal(AcceptRequest(EntityID("r")), on: filed, as: F.manager) != nil)
    #expect(refusal(DeclineRequest(EntityID("r"), reason: "nej"), on: filed, as: F.manager) != nil)
  }

  @Test("required parts: a new employee's name and start, a leaver's last day, an error's text")
  func requiredParts() {
    let m = store()
    #expect(
      refusal(
        FileRequest(RequestDraft(kind: .newEmployee, day: Fixtures.today)), on: m, as: F.manager)?
        .field == "name")
    #expect(
      refusal(FileRequest(RequestDraft(kind: .newEmployee, name: "A")), on: m, as: F.manager)?.field
        == "day")
    #expect(
      refusal(FileRequest(RequestDraft(kind: .leaver, login: "evab")), on: m, as: F.manager)?.field
        == "day")
    #expect(
      refusal(FileRequest(RequestDraft(kind: .error, services: [F.bygglov])), on: m, as: F.manager)?
        .field == "text")
    #expect(
      refusal(
        FileRequest(
          RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts], ends: true)),
        on: m, as: F.manager) != nil, "ending access she does not have")
  }

  @Test(
    "4.1: accepting a new employee makes the staff record, its checklist and the asked-for access")
  func acceptNewEmployee() throws {
    var m = store()
    let sent = Fixtures.now.addingTimeInterval(-3 * 86400)
    try file(
      RequestDraft(
        kind: .newEmployee, name: "Greta Ny", day: Day("2026-12-07"),
        services: [F.bygglov, F.fardtjanst]), on: &m, at: sent)
    let missing = refusal(AcceptRequest(EntityID("r-1")), on: m, as: Fixtures.coordinator)
    #expect(missing?.field == "login", "no login in the request and none given")
    let change = try m.execute(
      AcceptRequest(EntityID("r-1"), login: "gretan", newPerson: EntityID("p-greta")),
      context: Fixtures.context())
    let p = try #require(m.staffMember(EntityID("p-greta")))
    #expect(p.name == "Greta Ny")
    #expect(p.manager == "chef")
    #expect(p.department == F.department)
    #expect(p.onboarding?.item(.accessGranted)?.note == "Ansökan om bygglov, Färdtjänst")
    let contacted = p.onboarding?.item(.managerContactedDuringIntroduction)
    #expect(contacted?.doneBy == "chef", "the checklist says who asked")
    #expect(contacted?.doneAt == sent)
    let r = try #require(m.request(EntityID("r-1")))
    #expect(r.state == .accepted)
    #expect(r.answeredBy == "esamordnare", "the request says who acted")
    #expect(r.person == p.id)
    #expect(m.state(of: r) == .accepted)
    #expect(Set(change.entityChanges.map(\.entityType)) == ["staffMember", "request"])
    #expect(refusal(AcceptRequest(EntityID("r-1")), on: m, as: Fixtures.coordinator) != nil)
  }

  @Test(
    "4.1: a request for someone who started before it was sent, asking nothing, adds them as employed and is done"
  )
  func acceptAlreadyEmployed() throws {
    var m = store()
    try file(
      RequestDraft(kind: .newEmployee, name: "Ulla Länge", login: "ullal", day: Day("2019-04-01")),
      on: &m)
    try m.execute(
      AcceptRequest(EntityID("r-1"), newPerson: EntityID("p-ulla")), context: Fixtures.context())
    let p = try #require(m.staffMember(EntityID("p-ulla")))
    #expect(p.status == .active)
    #expect(p.onboarding == nil, "no checklist overdue since 2019")
    #expect(m.state(of: m.requests[0]) == .done, "nothing left to do")
  }

  @Test("4.2: accepting a leaver sets the last day and starts the offboarding checklist")
  func acceptLeaver() throws {
    var m = store()
    try file(RequestDraft(kind: .leaver, login: "EVAB", day: Day("2026-12-31")), on: &m)
    try m.execute(AcceptRequest(EntityID("r-1")), context: Fixtures.context())
    let eva = try #require(m.staffMember(F.eva))
    #expect(eva.endDate == Day("2026-12-31"))
    #expect(eva.offboarding?.due == Day("2026-12-31"))
    #expect(eva.offboarding?.item(.managerContactedOnLeaving)?.doneBy == "chef")
    #expect(m.state(of: m.requests[0]) == .accepted)
    try m.execute(RemoveFromPlatform(person: F.eva), context: Fixtures.context())
    #expect(m.state(of: m.requests[0]) == .done, "done once the leaver is off the platform")
  }

  @Test(
    "an access request grants or ends the access and is done at once; an error becomes a report")
  func acceptAccessAndError() throws {
    var m = store()
    try file(RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts]), on: &m, id: "a")
    try file(
      RequestDraft(kind: .error, services: [F.bygglov], text: "Bilagan försvinner", urgent: true),
      on: &m, id: "e")
    try m.execute(AcceptRequest(EntityID("a")), context: Fixtures.context())
    #expect(m.staffMember(F.eva)?.grants.contains { $0.service == F.skolskjuts } == true)
    #expect(m.state(of: m.request(EntityID("a"))!) == .done)
    try m.execute(
      AcceptRequest(EntityID("e"), newReport: EntityID("rep")), context: Fixtures.context())
    let report = m.service(F.bygglov)?.reports.first { $0.id == EntityID("rep") }
    #expect(report?.text == "Bilagan försvinner")
    #expect(report?.reportedBy == "Maja Chef")
    #expect(m.request(EntityID("e"))?.report == EntityID("rep"))
  }

  @Test("declining needs a reason, and the reason is kept")
  func decline() throws {
    var m = store()
    try file(RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts]), on: &m)
    #expect(
      refusal(DeclineRequest(EntityID("r-1"), reason: "  "), on: m, as: Fixtures.coordinator)?.field
        == "reason")
    try m.execute(
      DeclineRequest(EntityID("r-1"), reason: "Hon slutar snart"), context: Fixtures.context())
    #expect(m.requests[0].state == .declined)
    #expect(m.requests[0].reason == "Hon slutar snart")
    #expect(m.requestsAnswered(since: Fixtures.now).map(\.id) == [EntityID("r-1")])
    #expect(m.requestsAnswered(since: Fixtures.now.addingTimeInterval(1)).isEmpty)
  }

  @Test("a manager sees their own department's requests only")
  func visibility() throws {
    var m = store()
    try file(
      RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts]), on: &m, id: "mine")
    try file(
      RequestDraft(kind: .access, login: "fredriks", services: [F.bistand]), on: &m, as: Self.sara,
      id: "theirs")
    #expect(Visibility(F.manager).scoped(m).requests.map(\.id) == [EntityID("mine")])
    #expect(Visibility(Self.sara).scoped(m).requests.map(\.id) == [EntityID("theirs")])
  }

  @Test("days waiting and the median per department count from sent to done")
  func waiting() throws {
    var m = store()
    let day = 86400.0
    for (i, daysAgo) in [10, 4, 1].enumerated() {
      try file(
        RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts]), on: &m, id: "r\(i)",
        at: Fixtures.now.addingTimeInterval(-Double(daysAgo) * day))
    }
    #expect(m.daysWaiting(m.requests[0], today: Fixtures.today) == 10)
    try m.execute(AcceptRequest(EntityID("r0")), context: Fixtures.context())
    try m.execute(DeclineRequest(EntityID("r1"), reason: "dubblett"), context: Fixtures.context())
    try m.execute(DeclineRequest(EntityID("r2"), reason: "dubblett"), context: Fixtures.context())
    #expect(m.medianDaysToDone() == [F.department: 10])
    #expect(m.daysWaiting(m.requests[0], today: Fixtures.today.adding(days: 5)) == 10)
  }

  @Test("an id is found by its first characters, and an ambiguous one is refused")
  func idPrefix() throws {
    var m = store()
    try file(
      RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts]), on: &m, id: "ab12")
    try file(
      RequestDraft(kind: .access, login: "annaab", services: [F.skolskjuts]), on: &m, id: "ab34")
    #expect(try m.request(named: "AB1").id == EntityID("ab12"))
    #expect(throws: RuleViolation.self) { try m.request(named: "ab") }
    #expect(throws: RuleViolation.self) { try m.request(named: "zz") }
  }

  @Test("gallring removes a request with its subject, and keeps the others")
  func gallringTakesRequestsWithTheirSubject() throws {
    var m = store()
    m.requests = [
      Request(
        id: EntityID("about-david"), kind: .leaver, sender: "chef", department: F.department,
        sent: Fixtures.now, person: F.david),
      Request(
        id: EntityID("about-eva"), kind: .leaver, sender: "chef", department: F.department,
        sent: Fixtures.now, person: F.eva),
    ]
    try m.execute(Gallra(today: Day("2029-01-01")!), context: Fixtures.context())
    #expect(m.staffMember(F.david) == nil)
    #expect(m.requests.map(\.id) == [EntityID("about-eva")])
  }

  @Test(
    "4: an error request may be a need for revision; accepted, it makes a revision need, not an error"
  )
  func revisionNeed() throws {
    var m = store()
    let r = try file(
      RequestDraft(kind: .error, services: [F.bygglov], text: "Nya frågor behövs", revision: true),
      on: &m)
    #expect(r.revision)
    #expect(r.label.sv == "Revideringsbehov")
    try m.execute(
      AcceptRequest(r.id, newReport: EntityID("rep-1")), context: Fixtures.context())
    let report = try #require(m.service(F.bygglov)?.reports.first { $0.id == EntityID("rep-1") })
    #expect(report.kind == .revisionNeed)
    #expect(m.service(F.bygglov)?.status == .revisionNeeded)
    // An error is an error; another kind of request is never a revision.
    let error = try file(
      RequestDraft(kind: .error, services: [F.bygglov], text: "Fel"), on: &m, id: "r-2")
    #expect(!error.revision && error.label.sv == "Fel")
    let access = try file(
      RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts], revision: true), on: &m,
      id: "r-3")
    #expect(!access.revision)
    // A dropped file says it in JSON, read as a typed draft is.
    let dropped = try JSONDecoder().decode(
      RequestDraft.self,
      from: Data(#"{"kind":"error","services":["svc-bygglov"],"text":"x","revision":true}"#.utf8))
    #expect(dropped.revision)
  }

  @Test(
    "what a request became: the new employee with their onboarding, the leaver's offboarding, the report"
  )
  func outcome() throws {
    var m = store()
    let hire = try file(
      RequestDraft(kind: .newEmployee, name: "Greta Ny", login: "gretan", day: Fixtures.today),
      on: &m, id: "r-new")
    #expect(m.outcome(of: hire) == nil)
    try m.execute(
      AcceptRequest(hire.id, newPerson: EntityID("p-greta")), context: Fixtures.context())
    let hired = try #require(m.request(hire.id).flatMap { m.outcome(of: $0) })
    #expect(hired.target == .person(EntityID("p-greta")))
    #expect(hired.step == .onboarding)
    #expect(hired.text.sv.hasPrefix("Greta Ny · introduktion (4.1) 1 av "))
    let leaver = try file(
      RequestDraft(kind: .leaver, login: "evab", day: Fixtures.today.adding(days: 20)), on: &m,
      id: "r-leaver")
    try m.execute(AcceptRequest(leaver.id), context: Fixtures.context())
    let left = try #require(m.request(leaver.id).flatMap { m.outcome(of: $0) })
    #expect(left.target == .person(F.eva) && left.step == .offboarding)
    let error = try file(
      RequestDraft(kind: .error, services: [F.bygglov], text: "Fel i steg 2"), on: &m, id: "r-err")
    try m.execute(
      AcceptRequest(error.id, newReport: EntityID("rep-2")), context: Fixtures.context())
    let reported = try #require(m.request(error.id).flatMap { m.outcome(of: $0) })
    #expect(reported.target == .report(F.bygglov, EntityID("rep-2")))
    #expect(reported.text.en.hasSuffix("error \(Day(Fixtures.now)), open"))
    // Declined, it became nothing.
    let declined = try file(
      RequestDraft(kind: .error, services: [F.bygglov], text: "Fel"), on: &m, id: "r-no")
    try m.execute(DeclineRequest(declined.id, reason: "känt"), context: Fixtures.context())
    #expect(m.request(declined.id).flatMap { m.outcome(of: $0) } == nil)
  }
}

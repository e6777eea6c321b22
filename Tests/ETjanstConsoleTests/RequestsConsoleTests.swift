import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("Requests in the console (guideline 4, 4.1, 4.2)")
struct RequestsConsoleTests {
  typealias F = StaffFixtures
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func screen(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  /// The staff fixture with two requests filed by its manager: a leaver three days
  /// ago and a new employee today.
  func filed() throws -> Municipality {
    var m = F.store()
    try m.execute(
      FileRequest(
        RequestDraft(kind: .leaver, login: "evab", day: Day("2026-12-31")), id: EntityID("r-leaver")
      ),
      context: Fixtures.context(F.manager, at: Fixtures.now.addingTimeInterval(-3 * 86400)))
    try m.execute(
      FileRequest(
        RequestDraft(
          kind: .newEmployee, name: "Greta Ny", login: "gretan", day: Day("2026-12-07"),
          services: [F.bygglov]), id: EntityID("r-new")),
      context: Fixtures.context(F.manager))
    return m
  }

  @Test(
    "a manager files a new employee from the staff list with b; the request names them as sender")
  func managerFilesFromStaffList() throws {
    let d = ConsoleDriver(F.store(), user: F.manager)
    d.press(.character("3"))
    #expect(d.state.screen == .staff)
    d.press(.character("b"))
    #expect(screen(d).contains("Begäran: ny medarbetare"))
    d.type("Greta Ny")
    d.press(.function(2))
    let sent = try #require(d.backend.performed.last as? FileRequest)
    #expect(sent.draft.kind == .newEmployee)
    #expect(sent.draft.name == "Greta Ny")
    let r = try #require(d.backend.data.requests.first)
    #expect(r.sender == "chef")
    #expect(r.department == F.department)
  }

  @Test(
    "4.2: a leaver's form at 80x24 says whole what to do with the open cases, in both languages; a title too long for its box ends in …",
    arguments: [Language.swedish, .english])
  func leaverFormSaysWhatToDo(language: Language) throws {
    let m = try Fixtures.demo
    let d = ConsoleDriver(
      m, user: VisibilityFixtures.demoManager(m), width: 80, height: 24, language: language)
    d.press(.character("3"))
    d.press(.character("/"))
    d.type("Aino")
    d.press(.enter, .enter, .character("b"))
    let text = screen(d)
    let advice =
      language == .swedish
      ? "avsluta eller för över dem före sista dagen (4.2)"
      : "close or transfer them before the last day (4.2)"
    #expect(text.contains(advice), "\(text)")
    // No line of the box ends a cut title without "…": the title is the person's name.
    #expect(text.contains("Aino Keränen ─"), "\(text)")
  }

  @Test("the e-coordinator sees the waiting requests first on the overview, with their age")
  func overviewShowsRequests() throws {
    for language in [Language.swedish, .english] {
      let d = ConsoleDriver(try filed(), language: language)
      let text = screen(d)
      #expect(
        text.contains(language == .swedish ? "2 begäranden väntar på svar" : "2 requests waiting"))
      #expect(
        text.contains(
          language == .swedish
            ? "3 dagar · Slutar · Eva Berg · Maja Chef" : "3 days · Leaver · Eva Berg"))
      let suffix = language == .swedish ? "" : "en-"
      Golden.assertFrame(d.frame, named: "\(suffix)requests-overview-80x24", in: goldenDir)
      d.press(.character("b"))
      Golden.assertFrame(d.frame, named: "\(suffix)requests-list-80x24", in: goldenDir)
    }
  }

  @Test("accept and decline are one key from the request; a new employee's request becomes staff")
  func acceptAndDecline() throws {
    let d = ConsoleDriver(try filed())
    d.press(.character("b"), .character("a"))
    #expect(d.backend.performed.last is AcceptRequest)
    #expect(d.backend.data.request(EntityID("r-leaver"))?.state == .accepted)
    #expect(d.backend.data.staffMember(F.eva)?.endDate == Day("2026-12-31"))
    d.press(.character("b"), .character("d"))
    #expect(screen(d).contains("Avböj begäran"))
    d.type("Finns redan")
    d.press(.function(2))
    #expect(d.backend.data.request(EntityID("r-new"))?.state == .declined)
    #expect(d.backend.data.request(EntityID("r-new"))?.reason == "Finns redan")
  }

  @Test("a manager's list shows their requests with their states, and offers no answer keys")
  func managerSeesStates() throws {
    var m = try filed()
    try m.execute(AcceptRequest(EntityID("r-leaver")), context: Fixtures.context())
    let d = ConsoleDriver(m, user: F.manager)
    d.press(.character("b"))
    let text = screen(d)
    #expect(text.contains("Accepterad"))
    #expect(text.contains("Skickad"))
    d.press(.character("a"))
    #expect(!(d.backend.performed.last is AcceptRequest))
  }

  /// `filed()` with the new employee's request accepted (Greta Ny's record made).
  func accepted() throws -> Municipality {
    var m = try filed()
    try m.execute(
      AcceptRequest(EntityID("r-new"), newPerson: EntityID("p-greta")), context: Fixtures.context())
    return m
  }

  @Test(
    "o on an answered request goes to what it became, the person and their checklist; q goes back")
  func openWhatItBecame() throws {
    let d = ConsoleDriver(try accepted())
    // Waiting first (the leaver), then the answered ones.
    d.press(.character("b"), .down, .character("o"))
    #expect(d.state.screen == .staff)
    #expect(screen(d).contains("Greta Ny (gretan)"), "\(screen(d))")
    #expect(screen(d).contains("Introduktion (4.1)"))
    d.press(.character("q"))
    #expect(d.state.screen == .overview)
    // A request still waiting has become nothing yet, and says so.
    d.press(.character("b"), .character("o"))
    #expect(d.state.screen == .overview)
    #expect(screen(d).contains("Begäran har inte blivit något ännu"), "\(screen(d))")
  }

  @Test("an error request's o opens the e-service with the report it made")
  func openTheReport() throws {
    var m = F.store()
    try m.execute(
      FileRequest(
        RequestDraft(kind: .error, services: [F.bygglov], text: "Steg 2 saknar fält"),
        id: EntityID("r-err")), context: Fixtures.context(F.manager))
    try m.execute(AcceptRequest(EntityID("r-err")), context: Fixtures.context())
    let d = ConsoleDriver(m, user: F.manager)
    d.press(.character("b"), .character("o"))
    #expect(d.state.screen == .catalogue)
    #expect(d.state.catalogue.detail == F.bygglov)
    #expect(screen(d).contains("Steg 2 saknar fält"), "\(screen(d))")
  }

  @Test("an access request's o opens the person's page with that access selected")
  func openTheAccess() throws {
    var m = F.store()
    try m.execute(
      FileRequest(
        RequestDraft(kind: .access, login: "evab", services: [F.skolskjuts]),
        id: EntityID("r-access")), context: Fixtures.context(F.manager))
    try m.execute(AcceptRequest(EntityID("r-access")), context: Fixtures.context())
    let d = ConsoleDriver(m)
    d.press(.character("b"), .character("o"))
    #expect(d.state.screen == .staff)
    let selected = d.frame.lines.first { $0.hasPrefix("›") }
    #expect(selected?.contains("Skolskjuts") == true, "\(screen(d))")
  }

  @Test("the request view says what it became, in Swedish and English")
  func viewSaysWhatItBecame() throws {
    for language in [Language.swedish, .english] {
      let d = ConsoleDriver(try accepted(), language: language)
      d.press(.character("b"), .down, .enter)
      #expect(
        screen(d).contains(
          language == .swedish
            ? "Blev: Greta Ny · introduktion (4.1) 1 av 3 klara"
            : "Became: Greta Ny · onboarding (4.1) 1 of 3 done"), "\(screen(d))")
      let suffix = language == .swedish ? "" : "en-"
      Golden.assertFrame(d.frame, named: "\(suffix)requests-view-80x24", in: goldenDir)
    }
  }

  @Test("the overview's figures give the median days from sent to done per department")
  func medianOnTheOverview() throws {
    var m = F.store()
    for (id, days) in [("r-1", 3.0), ("r-2", 4.0)] {
      m.requests.append(
        Request(
          id: EntityID(id), kind: .access, state: .done, sender: "chef", department: F.department,
          sent: Fixtures.now.addingTimeInterval(-days * 86400), answeredBy: "esamordnare",
          answeredAt: Fixtures.now))
    }
    for language in [Language.swedish, .english] {
      let d = ConsoleDriver(m, language: language)
      let row = d.frame.lines.first {
        $0.contains(language == .swedish ? "Begäran → klar" : "Request → done")
      }
      #expect(
        row?.contains(
          language == .swedish ? "Testförvaltningen 3,5" : "Testförvaltningen 3.5")
          == true, "\(screen(d))")
    }
    // Slowest first; more departments than the row holds end it with "…".
    m.requests.append(
      Request(
        id: EntityID("r-3"), kind: .access, state: .done, sender: "sara", department: F.social,
        sent: Fixtures.now.addingTimeInterval(-9 * 86400), answeredBy: "esamordnare",
        answeredAt: Fixtures.now))
    m.departments.append(
      Department(id: EntityID("dep-long"), name: "Kultur- och fritidsförvaltningen"))
    m.requests.append(
      Request(
        id: EntityID("r-4"), kind: .access, state: .done, sender: "kurt",
        department: EntityID("dep-long"), sent: Fixtures.now, answeredBy: "esamordnare",
        answeredAt: Fixtures.now))
    let d = ConsoleDriver(m)
    let row = try #require(d.frame.lines.first { $0.contains("Begäran → klar") })
    #expect(row.contains("Socialförvaltningen 9, Testförvaltningen"), "\(row)")
    #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(row)")
  }

  @Test("a manager's error request can be a need for revision: a flag on the form")
  func revisionOnTheForm() throws {
    let d = ConsoleDriver(F.store(), user: F.manager)
    d.press(.character("2"))
    d.press(.character("b"))
    #expect(screen(d).contains("Revidering, inte fel"), "\(screen(d))")
    d.type("Nya frågor behövs")
    d.press(.tab, .tab, .character(" "))
    Golden.assertFrame(d.frame, named: "requests-error-form-80x24", in: goldenDir)
    d.press(.function(2))
    let sent = try #require(d.backend.performed.last as? FileRequest)
    #expect(sent.draft.kind == .error && sent.draft.revision)
    #expect(d.backend.data.requests.first?.label.sv == "Revideringsbehov")
    // In English too.
    let english = ConsoleDriver(F.store(), user: F.manager, language: .english)
    english.press(.character("2"), .character("b"))
    #expect(screen(english).contains("Revision, not an error"), "\(screen(english))")
    Golden.assertFrame(english.frame, named: "en-requests-error-form-80x24", in: goldenDir)
  }
}

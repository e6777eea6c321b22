import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// The first day's imports: a catalogue and HR's list of new staff.
@Suite struct SetupImportTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Resources/import")

  func sample(_ name: String) throws -> String {
    try String(contentsOf: Self.samples.appendingPathComponent(name), encoding: .utf8)
  }

  /// The demo without its catalogue, and without what refers to it.
  func emptyCatalogue() throws -> Municipality {
    var m = try Fixtures.demo
    m.services = []
    m.orders = []
    m.cases = []
    m.outages = []
    for i in m.staff.indices { m.staff[i].grants = [] }
    return m
  }

  func context(_ m: Municipality) -> CommandContext {
    CommandContext(actor: Actor(m.users[0]), now: Fixtures.now)
  }

  @Test("services: what list services writes as CSV imports back into an empty catalogue")
  func servicesRoundTrip() throws {
    let demo = try Fixtures.demo
    let csv = try ExportFormat.csv.render(
      try ExportKind.services.table(demo, ListOptions(today: Fixtures.today)))
    var m = try emptyCatalogue()
    let plan = try ServiceImport.parse(csv, m)
    #expect(plan.rows.count == demo.services.count)
    #expect(plan.skipped.isEmpty)
    _ = try m.execute(plan.command(source: "x.csv", noun: Self.noun), context: context(m))
    for s in demo.services {
      let imported = try #require(m.services.first { $0.name == s.name }, "\(s.name)")
      #expect(imported.department == s.department)
      #expect(imported.status == s.status)
      #expect(imported.roles == s.roles, "\(s.name)")
      #expect(imported.needsELegitimation == s.needsELegitimation)
      #expect(imported.yearlyCaseVolume == s.yearlyCaseVolume)
    }
    // The same file again adds nothing.
    let again = try ServiceImport.parse(csv, m)
    #expect(again.rows.isEmpty)
    #expect(again.skipped.count == demo.services.count)
  }

  static let noun = (LocalizedText(verbatim: "x"), LocalizedText(verbatim: "xs"))

  @Test("services: the sample file, Swedish headers and ';', a name with commas kept whole")
  func servicesSample() throws {
    var m = try Fixtures.demo
    let plan = try ServiceImport.parse(try sample("e-tjanster.csv"), m)
    #expect(plan.rows.count == 4)
    _ = try m.execute(plan.command(source: "e-tjanster.csv", noun: Self.noun), context: context(m))
    let trip = try #require(
      m.services.first { $0.name == "Ansökan om bidrag till studieresa, lägerskola eller utbyte" })
    #expect(trip.status == .inDevelopment)
    let parking = try #require(m.services.first { $0.name.hasPrefix("Ansökan om parkering") })
    #expect(parking.yearlyCaseVolume == 40)
    #expect(
      parking.roles.serviceOwner == .staff(try #require(m.staffMember(login: "elin.sirkka")).id))
    #expect(parking.lastReviewed == Day(year: 2026, month: 3, day: 2))
    let absence = try #require(m.services.first { $0.name == "Anmälan om frånvaro i grundskolan" })
    #expect(absence.yearlyCaseVolume == 2500)
    #expect(absence.automated)
  }

  @Test("services: every bad row is named by its line, and nothing is planned")
  func servicesBadRows() throws {
    let m = try Fixtures.demo
    let text = """
      name,department,status,needsSigning
      Ny tjänst,Kultur och fritid,Publicerad,ja
      Annan,Finns inte,,
      Tredje,Kultur och fritid,Halvklar,
      Fjärde,Kultur och fritid,,kanske
      Ny tjänst,Kultur och fritid,,
      """
    let error = try #require(throws: CaseImportError.self) { try ServiceImport.parse(text, m) }
    #expect(error.lines == [3, 4, 5, 6])
    #expect(error.message(.swedish).contains("rad 3: förvaltningen 'Finns inte' finns inte"))
    #expect(error.message(.english).contains("line 6: Ny tjänst is already on line 2"))
  }

  @Test("services: a header without name or department is refused on line 1")
  func servicesHeader() throws {
    let error = try #require(throws: CaseImportError.self) {
      try ServiceImport.parse("namn,status\nA,Publicerad\n", try Fixtures.demo)
    }
    #expect(error.lines == [1])
    #expect(error.message(.swedish).contains("'department'"))
  }

  @Test("staff: the sample file, e-services one a line or separated by |, onboarding made")
  func staffSample() throws {
    var m = try Fixtures.demo
    let plan = try StaffImport.parse(try sample("personal.csv"), m, today: Fixtures.today)
    #expect(plan.rows.map(\.line) == [2, 4, 5])
    _ = try m.execute(plan.command(source: "personal.csv", noun: Self.noun), context: context(m))
    let sara = try #require(m.staffMember(login: "sara.lantto"))
    #expect(sara.status == .onboarding)
    #expect(sara.startDate == Day(year: 2027, month: 1, day: 7))
    let access = try #require(sara.onboarding?.items.first { $0.step == .accessGranted })
    #expect(access.note == "Ansökan om hemtjänst, Ansökan om färdtjänst och riksfärdtjänst")
    let johan = try #require(m.staffMember(login: "johan.vaara"))
    let johansAccess = try #require(johan.onboarding?.items.first { $0.step == .accessGranted })
    #expect(johansAccess.note.contains("Ansökan om bygglov, marklov och rivningslov"))
    #expect(m.staffMember(login: "maja.keinanen")?.endDate == Day(year: 2027, month: 6, day: 15))
    // The same file again: everyone is known, nothing new.
    let again = try StaffImport.parse(try sample("personal.csv"), m, today: Fixtures.today)
    #expect(again.rows.isEmpty && again.skipped.count == 3)
  }

  @Test("staff: a rule the domain keeps refuses the row by its line, all or nothing")
  func staffRuleRefusal() throws {
    var m = try Fixtures.demo
    let text = """
      name,login,department,startDate,endDate
      Ok Person,ok.person,Kultur och fritid,2027-01-01,
      Bakvänd,bak.vand,Kultur och fritid,2027-02-01,2027-01-01
      Utan Namn,,Kultur och fritid,,
      """
    let plan = try StaffImport.parse(text, m, today: Fixtures.today)
    let before = m
    let violation = try #require(throws: RuleViolation.self) {
      _ = try m.execute(plan.command(source: "hr.csv", noun: Self.noun), context: context(m))
    }
    #expect(violation.message.sv.contains("rad 3: "))
    #expect(violation.message.sv.contains("rad 4: "))
    #expect(!violation.message.sv.contains("rad 2: "))
    #expect(violation.message.en.hasPrefix("Nothing was imported"))
    #expect(m.staff.count == before.staff.count)
    #expect(m.staffMember(login: "ok.person") == nil)
  }

  @Test(
    "staff: each e-service of the access may have its own first day in brackets; a bad day names the form"
  )
  func staffAccessDayPerService() throws {
    var m = try Fixtures.demo
    let text = """
      namn;inloggning;förvaltning;anställd from;behörigheter;behörig från
      Ny Person;ny.person;Kultur och fritid;2025-01-01;Ansökan om föreningsbidrag (2025-08-29), Ansökan om bygglov, marklov och rivningslov;2026-01-05
      Mo Person;mo.person;Kultur och fritid;2025-01-01;Anmälan till modersmålsundervisning (finska, meänkieli och samiska) (2024-02-01);
      """
    let plan = try StaffImport.parse(text, m, today: Fixtures.today)
    _ = try m.execute(plan.command(source: "hr.csv", noun: Self.noun), context: context(m))
    let ny = try #require(m.staffMember(login: "ny.person"))
    func from(_ p: StaffMember, _ service: String) -> Day? {
      p.grants.first { m.service($0.service)?.name == service }?.validFrom
    }
    #expect(from(ny, "Ansökan om föreningsbidrag") == Day("2025-08-29"))
    #expect(from(ny, "Ansökan om bygglov, marklov och rivningslov") == Day("2026-01-05"))
    let mo = try #require(m.staffMember(login: "mo.person"))
    #expect(
      from(mo, "Anmälan till modersmålsundervisning (finska, meänkieli och samiska)")
        == Day("2024-02-01"), "a name's own brackets are part of it; the day after them is the day")

    let bad = """
      namn;inloggning;förvaltning;behörigheter
      Tre Person;tre.person;Kultur och fritid;Ansökan om föreningsbidrag (29/8 2025), Ansökan om skolskjuts
      """
    let error = try #require(throws: CaseImportError.self) {
      try StaffImport.parse(bad, m, today: Fixtures.today)
    }
    #expect(error.lines == [2])
    let said = error.message(.english)
    #expect(said.contains("'Ansökan om föreningsbidrag (29/8 2025)'"), "\(said)")
    #expect(said.contains("'Ansökan om föreningsbidrag (2025-08-29)'"), "the form allowed: \(said)")
  }

  @Test("staff: an unknown e-service or date is named with its line")
  func staffBadRows() throws {
    let text = """
      name;login;department;startDate;services
      A;a.a;Kultur och fritid;2027-13-01;
      B;b.b;Kultur och fritid;;Finns inte | Ansökan om föreningsbidrag
      """
    let error = try #require(throws: CaseImportError.self) {
      try StaffImport.parse(text, try Fixtures.demo, today: Fixtures.today)
    }
    #expect(error.lines == [2, 3])
    #expect(error.message(.english).contains("'Finns inte'"))
  }

  @Test(
    "staff: a known login, in any case, gets no second record and no checklist; the row says who it is"
  )
  func staffKnownLoginAnyCase() throws {
    var m = try Fixtures.demo
    let aino = try #require(m.staffMember(login: "aino.keranen"))
    #expect(aino.onboarding == nil)
    let text = """
      namn;inloggning;förvaltning;e-tjänster
      Aino K;Aino.Keranen;Kultur och fritid;Ansökan om hemtjänst
      Ny Person;ny.person;Kultur och fritid;
      """
    let plan = try StaffImport.parse(text, m, today: Fixtures.today)
    #expect(plan.rows.map(\.line) == [3])
    #expect(plan.skipped.map(\.line) == [2])
    let said = try #require(plan.skipped.first).text(.swedish)
    #expect(said.contains("Aino Keränen"))
    #expect(said.contains("Ansökan om hemtjänst"))
    let before = m.staff.count
    _ = try m.execute(plan.command(source: "hr.csv", noun: Self.noun), context: context(m))
    #expect(m.staff.count == before + 1)
    #expect(m.staff.filter { $0.login.lowercased() == "aino.keranen" }.count == 1)
    #expect(m.staffMember(login: "aino.keranen")?.onboarding == nil)
    // The domain keeps the rule too: the same login in another case is taken.
    let violation = try #require(throws: RuleViolation.self) {
      _ = try m.execute(
        AddStaffMember(
          name: "Aino K", login: "AINO.KERANEN", department: aino.department, manager: "",
          startDate: Fixtures.today), context: context(m))
    }
    #expect(violation.field == "login")
  }
}

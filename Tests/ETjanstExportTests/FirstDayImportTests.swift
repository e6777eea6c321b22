import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// The first day's other lists: departments with their fallback routines, the users
/// of etjanst, and the access and signing staff already have.
@Suite struct FirstDayImportTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Resources/import/first-day")

  func sample(_ name: String) throws -> String {
    try String(contentsOf: Self.samples.appendingPathComponent(name), encoding: .utf8)
  }

  static let noun = (LocalizedText(verbatim: "x"), LocalizedText(verbatim: "xs"))

  func apply(_ plan: ImportPlan, to m: inout Municipality) throws {
    _ = try m.execute(
      plan.command(source: "f.csv", noun: Self.noun),
      context: CommandContext(actor: Actor(Fixtures.coordinator), now: Fixtures.now))
  }

  func blank() -> Municipality {
    Municipality.standing(name: "Pajala kommun", firstUser: Fixtures.coordinator)
  }

  @Test(
    "departments: the sample makes the demo's departments and routines; a second run changes nothing"
  )
  func departmentsSample() throws {
    let demo = try Fixtures.demo
    var m = blank()
    let plan = try DepartmentImport.parse(try sample("forvaltningar.csv"), m)
    #expect(plan.added.count == demo.departments.count)
    try apply(plan, to: &m)
    for d in demo.departments {
      let made = try #require(m.departments.first { $0.name == d.name }, "\(d.name)")
      #expect(made.fallbackRoutine?.responsible == d.fallbackRoutine?.responsible)
      #expect(made.fallbackRoutine?.steps == d.fallbackRoutine?.steps)
      #expect(made.fallbackRoutine?.lastTested == d.fallbackRoutine?.lastTested)
    }
    let again = try DepartmentImport.parse(try sample("forvaltningar.csv"), m)
    #expect(again.rows.isEmpty)
    #expect(again.skipped.count == demo.departments.count)
  }

  @Test(
    "departments: a new responsible person changes the routine; a routine without steps is refused by its line"
  )
  func departmentsChangedAndRefused() throws {
    var m = try Fixtures.demo
    let text = "Förvaltning;Ansvarig\nVård och omsorg;Ny Person\nKultur och fritid;Någon\n"
    let plan = try DepartmentImport.parse(text, m)
    #expect(plan.changed.count == 2 && plan.added.isEmpty)
    #expect(throws: RuleViolation.self) { try apply(plan, to: &m) }
    do {
      try apply(plan, to: &m)
    } catch let violation as RuleViolation {
      #expect(violation.message.sv.contains("rad 3:"), "\(violation.message.sv)")
      #expect(!violation.message.sv.contains("rad 2:"))
    }
    let fine = try DepartmentImport.parse("Förvaltning;Ansvarig\nVård och omsorg;Ny Person\n", m)
    try apply(fine, to: &m)
    let vo = try #require(m.departments.first { $0.name == "Vård och omsorg" })
    #expect(vo.fallbackRoutine?.responsible == "Ny Person")
    #expect(vo.fallbackRoutine?.steps.isEmpty == false, "the steps the store had are kept")
  }

  @Test("users: the sample gives the managers their departments; a second run changes nothing")
  func usersSample() throws {
    var m = try Fixtures.demo
    m.users = [Fixtures.coordinator]
    let plan = try UserImport.parse(try sample("anvandare.csv"), m)
    try apply(plan, to: &m)
    let soc = try #require(m.user(login: "chef.soc"))
    #expect(soc.role == .manager(department: EntityID("dep-soc")))
    #expect(m.user(login: "esamordnare")?.role == .eCoordinator)
    let again = try UserImport.parse(try sample("anvandare.csv"), m)
    #expect(again.rows.isEmpty)
  }

  @Test(
    "users: a role not allowed names the allowed ones, a manager without department is refused, both by line"
  )
  func usersBadRows() throws {
    let m = try Fixtures.demo
    let text = "login,name,role,department\nx.y,X Y,boss,\nz.w,Z W,manager,\n"
    #expect {
      try UserImport.parse(text, m)
    } throws: { error in
      let problems = (error as? CaseImportError)?.problems ?? []
      return problems.map(\.line) == [2, 3]
        && problems[0].message.en.contains("allowed: e-coordinator, manager")
    }
  }

  @Test(
    "staff: access (',' or '|', a name with a comma whole), access from and signing, granted by the rule; a second run changes nothing"
  )
  func staffAccess() throws {
    var m = try Fixtures.demo
    let text = """
      namn;inloggning;förvaltning;startdatum;behörigheter;behörig från;signering
      Ny Person;ny.person;Samhällsbyggnadsförvaltningen;2026-11-02;Ansökan om bygglov, marklov och rivningslov, Ansökan om strandskyddsdispens;;ja
      Elin Sirkka;elin.sirkka;Samhällsbyggnadsförvaltningen;;Ansökan om serveringstillstånd|Ansökan om strandskyddsdispens;2026-10-01;nej

      """
    let plan = try StaffImport.parse(text, m, today: Fixtures.today)
    #expect(plan.added.count == 1 && plan.changed.count == 1)
    try apply(plan, to: &m)
    let new = try #require(m.staffMember(login: "ny.person"))
    #expect(new.grants.count == 2)
    #expect(new.grants.allSatisfy { $0.validFrom == Day(year: 2026, month: 11, day: 2) })
    #expect(new.canSign)
    let elin = try #require(m.staffMember(login: "elin.sirkka"))
    let heat = try #require(m.services.first { $0.name == "Ansökan om serveringstillstånd" })
    #expect(elin.grant(for: heat.id)?.validFrom == Day(year: 2026, month: 10, day: 1))
    let again = try StaffImport.parse(text, m, today: Fixtures.today)
    #expect(again.rows.isEmpty)
  }

  @Test("staff: an access that is no e-service is named by its line")
  func staffUnknownAccess() throws {
    let m = try Fixtures.demo
    let text = "namn;inloggning;förvaltning;behörigheter\nA B;a.b;Vård och omsorg;Finns inte\n"
    #expect {
      try StaffImport.parse(text, m, today: Fixtures.today)
    } throws: { error in
      let problems = (error as? CaseImportError)?.problems ?? []
      return problems.map(\.line) == [2] && problems[0].message.sv.contains("'Finns inte'")
    }
  }

  @Test(
    "set-up: a name is needed, the contact is checked, the e-coordinator's card follows the name")
  func setUp() throws {
    var m = Municipality.standing(name: "", firstUser: Fixtures.coordinator)
    #expect(m.needsSetUp)
    let context = CommandContext(actor: Actor(Fixtures.coordinator), now: Fixtures.now)
    #expect(throws: RuleViolation.self) {
      try m.execute(SetUpMunicipality(name: " "), context: context)
    }
    let badPhone = ContactCard(
      name: "Mikael Rova", organisation: "Norrbottens e-nämnd", phone: "ring", email: "")
    #expect(throws: RuleViolation.self) {
      try m.execute(SetUpMunicipality(name: "Pajala kommun", contact: badPhone), context: context)
    }
    // The standing card's "Systemförvaltaren" is a role, not the contact's name.
    let standing = m.contacts.systemAdministrator
    #expect(throws: RuleViolation.self) {
      try m.execute(SetUpMunicipality(name: "Pajala kommun", contact: standing), context: context)
    }
    var card = badPhone
    card.phone = "0920-45 38 12"
    try m.execute(SetUpMunicipality(name: "Pajala kommun", contact: card), context: context)
    #expect(m.name == "Pajala kommun")
    #expect(m.contacts.systemAdministrator.phone == "0920-45 38 12")
    #expect(m.contacts.eCoordinator.organisation == "Kommunledningsförvaltningen, Pajala kommun")
    #expect(!m.needsSetUp)
  }
}

import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// A person's declared details (e-mail, language) through `users import`,
/// `staff import` and `list staff`, all from their field declarations.
@Suite struct PersonDetailsImportTests {
  static let noun = (LocalizedText(verbatim: "x"), LocalizedText(verbatim: "xs"))

  func apply(_ plan: ImportPlan, to m: inout Municipality) throws {
    _ = try m.execute(
      plan.command(source: "f.csv", noun: Self.noun),
      context: CommandContext(actor: Actor(Fixtures.coordinator), now: Fixtures.now))
  }

  @Test("users import: e-post and språk set a user's e-mail and language; empty cells keep them")
  func usersImport() throws {
    var m = try Fixtures.demo
    let text = """
      inloggning;namn;roll;förvaltning;e-post;språk
      chef.soc;Anna-Karin Lantto;chef;Socialförvaltningen – individ- och familjeomsorg;ak.lantto@overtornea.se;engelska
      ny.chef;Ny Chef;chef;Socialförvaltningen – individ- och familjeomsorg;ny.chef@overtornea.se;sv

      """
    let plan = try UserImport.parse(text, m)
    #expect(plan.changed.count == 1 && plan.added.count == 1)
    #expect(plan.columns.map(\.field).contains("email"))
    #expect(plan.columns.map(\.field).contains("language"))
    try apply(plan, to: &m)
    #expect(m.user(login: "chef.soc")?.email == "ak.lantto@overtornea.se")
    #expect(m.user(login: "chef.soc")?.language == .english)
    #expect(m.user(login: "ny.chef")?.email == "ny.chef@overtornea.se")
    #expect(m.user(login: "ny.chef")?.language == .swedish)
    #expect(try UserImport.parse(text, m).rows.isEmpty, "a second run changes nothing")
    let keep =
      "login,name,role,department,email,language\nchef.soc,Anna-Karin Lantto,manager,dep-soc,,\n"
    #expect(try UserImport.parse(keep, m).rows.isEmpty, "empty cells keep what is stored")
  }

  @Test("users and staff import: an e-mail that is no address is refused by its line")
  func badAddress() throws {
    var m = try Fixtures.demo
    let users = "login;name;role;mail\nny.chef;Ny Chef;e-samordnare;ny chef@x.se\n"
    #expect(throws: RuleViolation.self) { try apply(try UserImport.parse(users, m), to: &m) }
    let staff =
      "namn;inloggning;förvaltning;e-mail\nNy Person;ny.person;Samhällsbyggnadsförvaltningen;ny.person\n"
    do {
      try apply(try StaffImport.parse(staff, m, today: Fixtures.today), to: &m)
      Issue.record("not refused")
    } catch let violation as RuleViolation {
      #expect(violation.message.sv.contains("rad 2:"), "\(violation.message.sv)")
      #expect(violation.message.sv.contains("E-post"), "\(violation.message.sv)")
    }
    let language =
      "namn;inloggning;förvaltning;language\nNy Person;ny.person;Samhällsbyggnadsförvaltningen;fi\n"
    #expect(throws: (any Error).self) { try StaffImport.parse(language, m, today: Fixtures.today) }
  }

  @Test("staff import sets a new and a known person's e-mail and language; list staff exports them")
  func staffImportAndList() throws {
    var m = try Fixtures.demo
    let text = """
      namn;inloggning;förvaltning;e-post;language
      Ny Person;ny.person;Samhällsbyggnadsförvaltningen;ny.person@overtornea.se;en
      Jonas Hietala;jonas.hietala;Kommunledningsförvaltningen;jonas.hietala@overtornea.se;

      """
    let plan = try StaffImport.parse(text, m, today: Fixtures.today)
    #expect(plan.added.count == 1 && plan.changed.count == 1)
    try apply(plan, to: &m)
    let new = try #require(m.staffMember(login: "ny.person"))
    #expect(new.email == "ny.person@overtornea.se" && new.language == .english)
    #expect(m.staffMember(login: "jonas.hietala")?.email == "jonas.hietala@overtornea.se")
    #expect(try StaffImport.parse(text, m, today: Fixtures.today).rows.isEmpty)

    let table = try ExportTable.staff(m, ListOptions(today: Fixtures.today))
    let email = try #require(table.columns.firstIndex(of: "email"))
    let language = try #require(table.columns.firstIndex(of: "language"))
    let row = try #require(table.rows.first { $0.contains(.text("ny.person")) })
    #expect(row[email] == .text("ny.person@overtornea.se"))
    #expect(row[language].text == "en")
    #expect(table.label("email")?.sv == "E-post")
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// A person's declared details (`User.details`, `StaffMember.details`): an e-mail
/// address and a language, carried whole by the add and edit commands and refused
/// there when the e-mail is no address.
@Suite struct PersonDetailsTests {
  func run(_ command: any Command, on m: inout Municipality) throws {
    try m.execute(command, context: Fixtures.context())
  }

  var details: User {
    User(login: "", name: "", role: .eCoordinator, email: " chef@kommun.se ", language: .english)
  }

  @Test("4: a user's e-mail is kept trimmed and their language set; empty means none")
  func userDetails() throws {
    var m = Fixtures.small()
    try run(
      AddUser(
        login: "chef", name: "Chef", role: .manager(department: EntityID("dep-test")),
        details: details), on: &m)
    #expect(m.user(login: "chef")?.email == "chef@kommun.se")
    #expect(m.user(login: "chef")?.language == .english)
    #expect(m.ownMailAddress(login: "chef") == "chef@kommun.se")
    // An edit without details keeps them; with them, sets them (empty: none).
    try run(EditUser(login: "chef", name: "Chef Nilsson", role: .eCoordinator), on: &m)
    #expect(m.user(login: "chef")?.email == "chef@kommun.se")
    var cleared = details
    (cleared.email, cleared.language) = ("  ", nil)
    try run(
      EditUser(login: "chef", name: "Chef Nilsson", role: .eCoordinator, details: cleared), on: &m)
    #expect(m.user(login: "chef")?.email == nil)
    #expect(m.user(login: "chef")?.language == nil)
    #expect(m.ownMailAddress(login: "chef") == nil)
  }

  @Test("4: an e-mail with a space, no @, two @ or a line break is refused beside its field")
  func notAnAddress() throws {
    var m = Fixtures.small()
    m.staff.append(
      StaffMember(
        id: EntityID("p-a"), name: "A", login: "a", department: EntityID("dep-test"),
        startDate: Fixtures.today))
    for bad in [
      "chef @kommun.se", "chef.kommun.se", "chef@@kommun.se", "a@b@kommun.se",
      "chef@kommun.se\nBcc: x@y.se",
    ] {
      var user = details
      user.email = bad
      var copy = m
      #expect(throws: RuleViolation.self, "\(bad)") {
        try run(AddUser(login: "chef", name: "Chef", role: .eCoordinator, details: user), on: &copy)
      }
      do {
        try run(AddUser(login: "chef", name: "Chef", role: .eCoordinator, details: user), on: &copy)
      } catch let violation as RuleViolation {
        #expect(violation.field == "email")
        #expect(violation.message.sv.hasPrefix("E-post: "), "\(violation.message.sv)")
        #expect(violation.message.en.hasPrefix("E-mail: "), "\(violation.message.en)")
      }
      var person = m.staff[0]
      person.email = bad
      #expect(throws: RuleViolation.self, "\(bad)") {
        try run(
          EditStaffMember(
            id: person.id, name: person.name, login: person.login, department: person.department,
            manager: person.manager, startDate: person.startDate, endDate: nil, details: person),
          on: &copy)
      }
      #expect(copy.staff == m.staff)
    }
  }

  @Test("4.1: a staff member's e-mail and language are set by adding and editing, and undone")
  func staffDetails() throws {
    var m = Fixtures.small()
    var person = StaffMember(
      name: "", login: "", department: EntityID("dep-test"), startDate: Fixtures.today)
    person.email = "anna.berg@kommun.se"
    try run(
      AddStaffMember(
        name: "Anna Berg", login: "anna.berg", department: EntityID("dep-test"), manager: "",
        startDate: Fixtures.today, id: EntityID("p-anna"), details: person), on: &m)
    #expect(m.staffMember(EntityID("p-anna"))?.email == "anna.berg@kommun.se")
    #expect(m.ownMailAddress(login: "Anna.Berg") == "anna.berg@kommun.se")
    var changed = try #require(m.staffMember(EntityID("p-anna")))
    changed.language = .english
    let change = try m.execute(
      EditStaffMember(
        id: changed.id, name: changed.name, login: changed.login, department: changed.department,
        manager: changed.manager, startDate: changed.startDate, endDate: nil, details: changed),
      context: Fixtures.context())
    #expect(m.staffMember(EntityID("p-anna"))?.language == .english)
    #expect(change.entityChanges.flatMap(\.fields).map(\.name) == ["language"])
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Commands: who may send them, and undo that leaves others' changes alone.
@Suite struct CommandAndUndoTests {
  struct Rename: Command {
    let id: EntityID<Department>
    let name: String
    var summary: LocalizedText { LocalizedText(verbatim: "rename \(name)") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      guard let i = m.departments.index(of: id) else {
        throw RuleViolation.notFound(LocalizedText(verbatim: "x"))
      }
      m.departments[i].name = name
    }
  }

  struct Add: Command {
    let department: Department
    var summary: LocalizedText { LocalizedText(verbatim: "add") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      m.departments.append(department)
    }
  }

  @Test("4: a manager cannot change anything; the refusal names the e-coordinator")
  func managerIsReadOnly() {
    var m = Fixtures.small()
    let manager = User(
      login: "chef", name: "Chef", role: .manager(department: EntityID("dep-test")))
    m.users.append(manager)
    let before = m
    #expect(throws: RuleViolation.readOnly(coordinator: m.contacts.eCoordinator)) {
      try m.execute(Rename(id: EntityID("dep-test"), name: "Y"), context: Fixtures.context(manager))
    }
    #expect(m == before)
  }

  @Test("a login the store does not know is refused")
  func unknownUser() {
    var m = Fixtures.small()
    let stranger = User(login: "okand", name: "?", role: .eCoordinator)
    #expect(throws: RuleViolation.self) {
      try m.execute(
        Rename(id: EntityID("dep-test"), name: "Y"), context: Fixtures.context(stranger))
    }
  }

  @Test("a refused command leaves the state untouched")
  func refusedLeavesState() {
    var m = Fixtures.small()
    let before = m
    #expect(throws: RuleViolation.self) {
      try m.execute(Rename(id: EntityID("nope"), name: "Y"), context: Fixtures.context())
    }
    #expect(m == before)
  }

  @Test("undo restores what the change altered and keeps what others did since")
  func undoKeepsOthersChanges() throws {
    var m = Fixtures.small()
    let change = try m.execute(
      Rename(id: EntityID("dep-test"), name: "Nytt namn"), context: Fixtures.context())
    // Someone else adds a department after our change.
    try m.execute(
      Add(department: Department(id: EntityID("dep-other"), name: "Annan")),
      context: Fixtures.context())
    try m.execute(change.undo, context: Fixtures.context())
    #expect(m.department(EntityID("dep-test"))?.name == "Testförvaltningen")
    #expect(m.department(EntityID("dep-other"))?.name == "Annan")
  }

  @Test("undo of an addition removes it; undo of a removal puts it back in place")
  func undoAddAndRemove() throws {
    var m = Fixtures.small()
    let add = try m.execute(
      Add(department: Department(id: EntityID("dep-x"), name: "X")), context: Fixtures.context())
    try m.execute(add.undo, context: Fixtures.context())
    #expect(m.department(EntityID("dep-x")) == nil)
    #expect(add.undo.isEmpty == false)
  }
}

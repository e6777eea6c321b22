import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.1, 4.2: a manager sees their own department; the e-coordinator
/// everything. One rule, `Visibility`, that every reader asks.
@Suite struct VisibilityTests {
  func text(_ m: Municipality) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return String(decoding: try encoder.encode(m), as: UTF8.self)
  }

  @Test("4.1: the e-coordinator sees the whole store, unchanged")
  func coordinatorSeesEverything() throws {
    let m = try Fixtures.demo
    let v = Visibility(Fixtures.coordinator)
    #expect(v.seesEverything && v.seesAuditTrail)
    #expect(v.scoped(m) == m)
    #expect(v.departments(in: m).count == m.departments.count)
  }

  @Test(
    "4.1: nothing in a manager's view of the store names a person of another department",
    arguments: ["chef.soc", "chef.vo", "chef.bou", "chef.sbf", "chef.tf"])
  func managerSeesNoOtherDepartmentsPeople(login: String) throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m, login: login)
    let hidden = VisibilityFixtures.namesHidden(from: manager, in: m)
    #expect(hidden.count >= 10, "the demo has people in other departments to hide")
    // The whole store names them (so the search below can find them) …
    let whole = try text(m)
    for name in hidden { #expect(whole.contains(name), "\(name)") }
    // … the manager's view does not.
    let seen = try text(Visibility(manager).scoped(m))
    let leaked = hidden.filter { seen.contains($0) }.sorted()
    #expect(leaked.isEmpty, "\(login) sees \(leaked)")
  }

  @Test("4.1: a second manager of a department reads the person's manager by name, no other's")
  func ownDepartmentsManagersByName() throws {
    var m = try Fixtures.demo
    let own = EntityID<Department>("dep-soc")
    let deputy = User(login: "chef.soc2", name: "Biträdande Chef", role: .manager(department: own))
    m.users.append(deputy)
    let seen = Visibility(deputy).scoped(m)
    #expect(seen.displayName(login: "chef.soc") == "Anna-Karin Lantto")
    #expect(seen.displayName(login: "chef.vo") == "chef.vo", "another department's manager")
    for u in seen.users {
      #expect(u.role == .eCoordinator || u.role.department == own, "\(u.login)")
    }
  }

  @Test("4.1: a manager keeps their own staff, cases, orders and routine, and nobody else's")
  func managerKeepsOwnDepartment() throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m)
    let own = manager.role.department!
    let v = Visibility(manager)
    let s = v.scoped(m)
    #expect(!v.seesAuditTrail)
    #expect(v.departments(in: m).map(\.id) == [own])
    #expect(s.staff.map(\.id) == m.staff.filter { $0.department == own }.map(\.id))
    #expect(!s.staff.isEmpty)
    let ownStaff = Set(s.staff.map(\.id))
    #expect(s.cases.count == m.cases.filter { ownStaff.contains($0.officer) }.count)
    #expect(s.orders.allSatisfy { $0.department == own })
    #expect(s.department(own)?.fallbackRoutine == m.department(own)?.fallbackRoutine)
    #expect(
      s.services.filter { $0.department == own }.map(\.id)
        == m.services.filter { $0.department == own }.map(\.id))
    // Every reference in the manager's view points at something in it.
    let integrity = Findings.all(in: s, at: Fixtures.now).filter { $0.section == "data" }
    #expect(integrity.isEmpty, "\(integrity.map(\.subject))")
  }

  @Test("4.1: a manager's findings are their own department's, outages' and contacts'")
  func managerFindings() throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m)
    let own = manager.role.department!
    let all = Findings.all(in: m, at: Fixtures.now)
    let mine = Visibility(manager).findings(in: m, at: Fixtures.now)
    #expect(mine.count < all.count)
    #expect(!mine.isEmpty)
    for f in mine {
      switch f.target {
      case .service(let id): #expect(m.service(id)?.department == own)
      case .staff(let id): #expect(m.staffMember(id)?.department == own)
      case .department(let id): #expect(id == own)
      case .order(let id): #expect(m.orders[id: id]?.department == own)
      case .outage, .contacts: break
      case .users, nil: Issue.record("a manager is shown \(f.subject)")
      }
    }
    let hidden = VisibilityFixtures.namesHidden(from: manager, in: m)
    for f in mine {
      let line = "\(f.subject) \(f.message.sv) \(f.message.en)"
      for name in hidden { #expect(!line.contains(name), "\(line)") }
    }
  }

  @Test("every finding says what it is about, so the overview can open it and visibility judge it")
  func everyFindingHasATarget() throws {
    let all = Findings.all(in: try Fixtures.demo, at: Fixtures.now)
    #expect(!all.isEmpty)
    for f in all { #expect(f.target != nil, "\(f.subject): \(f.message.en)") }
  }

  @Test(
    "4: a manager's catalogue is their own department's e-services, flagged as the whole store flags them",
    arguments: ["chef.soc", "chef.vo", "chef.bou", "chef.sbf", "chef.tf", "chef.kle", "chef.kof"])
  func managerCatalogueTellsTheTruth(login: String) throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m, login: login)
    let own = manager.role.department!
    let s = Visibility(manager).scoped(m)
    // The view still holds other departments' e-services (for the names of their
    // staff's access) …
    #expect(s.services.contains { $0.department != own } || login == "chef.kle")
    // … but its catalogue is exactly the department's own …
    #expect(s.catalogue.map(\.id) == m.services.filter { $0.department == own }.map(\.id))
    // … and every flag on it is the flag the whole store gives.
    for service in s.catalogue {
      let whole = try #require(m.service(service.id))
      #expect(
        s.flags(of: service, today: Fixtures.today) == m.flags(of: whole, today: Fixtures.today),
        "\(login): \(service.name)")
    }
  }

  @Test("2: a manager's goal figures count their own department's e-services only")
  func managerGoalFiguresAreTheDepartments() throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m, login: "chef.bou")
    let own = manager.role.department!
    var department = m
    department.services = m.services.filter { $0.department == own }
    department.orders = m.orders.filter { $0.department == own }
    let seen = GoalFigures(Visibility(manager).scoped(m))
    #expect(seen == GoalFigures(department))
    #expect(seen != GoalFigures(m))
  }
}

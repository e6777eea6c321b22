import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Two people edit the same record at once, each in a console with its own
/// `StoreFile` on one file (as two processes have): every form sends only the
/// fields its user changed, so different fields are both kept, and the same field
/// changed by both opens a choice instead of a silent overwrite.
@Suite struct TwoWriterFormTests {
  typealias F = CatalogueFixtures

  static func municipality() -> Municipality {
    var m = F.municipality()
    let i = m.departments.index(of: F.building)!
    m.departments[i].fallbackRoutine = FallbackRoutine(
      steps: "Papper", location: "Pärm i receptionen", responsible: "Anna Ek",
      lastReviewed: Day(year: 2026, month: 1, day: 10))
    m.users.append(User(login: "chef", name: "Chef Ek", role: .manager(department: F.building)))
    let o = m.orders.index(of: F.order)!
    m.orders[o].step = .review
    m.orders[o].meeting = ReviewMeeting(at: Fixtures.now.addingTimeInterval(86_400), place: "Rum 1")
    m.orders[o].comments = [ReviewComment(id: EntityID("c-1"), text: "Fel rubrik")]
    return m
  }

  /// Opens a form as the screen's key would, on the console's own state.
  func open(_ c: StoreConsole, _ make: (inout AppState) -> [Effect]) {
    _ = make(&c.program.stateForTesting)
  }

  func openForm(_ c: StoreConsole, _ make: (AppState) -> FormOverlay) {
    c.open(make(c.state))
  }

  /// Both open the form, B changes `b` and saves, A changes `a` and saves.
  func race(
    _ store: SharedStore, open: (StoreConsole) -> Void, a: [(String, String)],
    b: [(String, String)]
  ) throws -> (a: StoreConsole, b: StoreConsole) {
    let ca = try store.console()
    let cb = try store.console()
    open(ca)
    open(cb)
    for (field, text) in b { cb.set(field, to: text) }
    cb.press(.control("s"))
    #expect(cb.form == nil, "B's save closes its form: \(cb.screen)")
    for (field, text) in a { ca.set(field, to: text) }
    ca.press(.control("s"))
    return (ca, cb)
  }

  /// The choice is shown, their value named by whoever saved it (both consoles here
  /// run as the one e-coordinator).
  func conflictShown(_ c: StoreConsole, theirs: String, yours: String) -> Bool {
    c.state.overlays.last is ConflictOverlay
      && c.screen.contains("\(Fixtures.coordinator.name)s: \(theirs)")
      && c.screen.contains("Ditt: \(yours)")
      && c.screen.contains("\(Fixtures.coordinator.name) har ändrat samma fält")
  }

  // MARK: - Catalogue

  @Test("catalogue: B changes Kategori, A changes Adress: both are kept")
  func catalogueDifferentFields() throws {
    let store = try SharedStore(Self.municipality())
    let (a, _) = try race(
      store,
      open: { c in
        c.press(.character("2"), .character("/"))
        c.type("bygglov")
        c.press(.enter, .character("e"))
      }, a: [("address", "Storgatan 1")], b: [("category", "Miljö och bygg")])
    #expect(a.form == nil, "\(a.screen)")
    let s = try #require(try store.saved().service(F.bygglov))
    #expect(s.category == "Miljö och bygg")
    #expect(s.address == "Storgatan 1")
  }

  @Test("catalogue: both change Kategori: A is shown theirs and theirs, picks, nothing lost")
  func catalogueSameField() throws {
    let store = try SharedStore(Self.municipality())
    let (a, _) = try race(
      store,
      open: { c in openForm(c) { CatalogueForms.service($0.data.service(F.bygglov), $0) } },
      a: [("category", "Mitt val")], b: [("category", "Deras val")])
    #expect(conflictShown(a, theirs: "Deras val", yours: "Mitt val"), "\(a.screen)")
    #expect(try store.saved().service(F.bygglov)?.category == "Deras val")
    // Keep yours: the choice is saved over theirs, knowingly.
    a.press(.enter)
    #expect(a.state.overlays.isEmpty, "\(a.screen)")
    #expect(try store.saved().service(F.bygglov)?.category == "Mitt val")
  }

  @Test("catalogue: after a conflict, choosing theirs keeps theirs and saves the rest")
  func catalogueChooseTheirs() throws {
    let store = try SharedStore(Self.municipality())
    let (a, _) = try race(
      store,
      open: { c in openForm(c) { CatalogueForms.service($0.data.service(F.bygglov), $0) } },
      a: [("category", "Mitt val"), ("address", "Torget 2")], b: [("category", "Deras val")])
    #expect(a.state.overlays.last is ConflictOverlay)
    a.press(.right, .enter)  // theirs
    let s = try #require(try store.saved().service(F.bygglov))
    #expect(s.category == "Deras val")
    #expect(s.address == "Torget 2")
  }

  @Test("catalogue status: both set a status: a choice, not an overwrite")
  func statusSameField() throws {
    let store = try SharedStore(Self.municipality())
    let (a, _) = try race(
      store,
      open: { c in openForm(c) { CatalogueForms.status($0.data.service(F.bygglov)!, $0) } },
      a: [("status", "Avpubl")], b: [("status", "Revider")])
    #expect(conflictShown(a, theirs: "Revidering behövs", yours: "Avpublicerad"), "\(a.screen)")
    #expect(try store.saved().service(F.bygglov)?.status == .revisionNeeded)
  }

  // MARK: - Staff and access

  func openPerson(_ c: StoreConsole, _ id: EntityID<StaffMember>) {
    c.program.stateForTesting.screen = .staff
    c.program.stateForTesting.staffScreen.mode = .person
    c.program.stateForTesting.staffScreen.person = id
  }

  @Test("staff: B changes the manager, A the end date: both kept; both the manager: a choice")
  func staffEdit() throws {
    let store = try SharedStore(Self.municipality())
    let (a, _) = try race(
      store,
      open: { c in
        openPerson(c, F.anna)
        open(c, StaffForms.edit)
      }, a: [("endDate", "2027-06-30")], b: [("manager", "chef")])
    #expect(a.form == nil, "\(a.screen)")
    let p = try #require(try store.saved().staffMember(F.anna))
    #expect(p.manager == "chef", "a manager is kept as a login")
    #expect(p.endDate == Day(year: 2027, month: 6, day: 30))

    let (a2, _) = try race(
      store,
      open: { c in
        openPerson(c, F.anna)
        open(c, StaffForms.edit)
      }, a: [("manager", "bo.lind")], b: [("manager", "cecilia.oberg")])
    // The choice reads as people, not as the logins the store keeps.
    #expect(conflictShown(a2, theirs: "Cecilia Öberg", yours: "Bo Lind"), "\(a2.screen)")
    #expect(try store.saved().staffMember(F.anna)?.manager == "cecilia.oberg")
  }

  @Test("access: B moves a grant's start, A its end: both kept; both its end: a choice")
  func accessGrant() throws {
    let store = try SharedStore(Self.municipality())
    func openGrant(_ c: StoreConsole) {
      openPerson(c, F.cecilia)
      let items = StaffPersonView.items(c.state)
      c.program.stateForTesting.staffScreen.personSelected =
        items.firstIndex { if case .grant(F.bistand) = $0 { return true } else { return false } }
        ?? 0
      open(c, StaffForms.grant)
    }
    let (a, _) = try race(
      store, open: openGrant, a: [("validTo", "2027-12-31")], b: [("validFrom", "2021-04-01")])
    #expect(a.form == nil, "\(a.screen)")
    let g = try #require(try store.saved().staffMember(F.cecilia)?.grant(for: F.bistand))
    #expect(g.validFrom == Day(year: 2021, month: 4, day: 1))
    #expect(g.validTo == Day(year: 2027, month: 12, day: 31))

    let (a2, _) = try race(
      store, open: openGrant, a: [("validTo", "2028-01-31")], b: [("validTo", "2028-02-29")])
    #expect(conflictShown(a2, theirs: "2028-02-29", yours: "2028-01-31"), "\(a2.screen)")
  }

  // MARK: - Routines and outages

  @Test("routines: B changes where it is kept, A who is responsible: both kept; same: a choice")
  func routine() throws {
    let store = try SharedStore(Self.municipality())
    let openRoutine: (StoreConsole) -> Void = { c in
      openForm(c) { OutageForms.routine($0.data.department(F.building)!, $0) }
    }
    let (a, _) = try race(
      store, open: openRoutine, a: [("responsible", "Bo Lind")], b: [("location", "Intranätet")])
    #expect(a.form == nil, "\(a.screen)")
    let r = try #require(try store.saved().department(F.building)?.fallbackRoutine)
    #expect(r.location == "Intranätet")
    #expect(r.responsible == "Bo Lind")
    #expect(r.steps == "Papper")

    let (a2, _) = try race(
      store, open: openRoutine, a: [("location", "Mitt ställe")], b: [("location", "Deras ställe")])
    #expect(conflictShown(a2, theirs: "Deras ställe", yours: "Mitt ställe"), "\(a2.screen)")
  }

  @Test("outages: a second resolve of the same outage is refused, not written over the first")
  func outageResolvedTwice() throws {
    var m = Self.municipality()
    let outage = Outage(
      id: EntityID("out-1"), start: Fixtures.now.addingTimeInterval(-3600), scope: .wholePlatform,
      observed: "Inloggningen fungerar inte", declaredBy: "Linnea",
      contact: ContactRecord(
        at: Fixtures.now.addingTimeInterval(-3000), channel: "Telefon", by: "Linnea",
        reference: "1"))
    m.outages = [outage]
    let store = try SharedStore(m)
    let (a, _) = try race(
      store,
      open: { c in
        // Resolved as after "j" to the question about the departments never told.
        openForm(c) {
          OutageForms.resolve(outage, $0, neverTold: $0.data.untoldDepartments(outage).map(\.id))
        }
      },
      a: [("cause", "Mitt svar")], b: [("cause", "Certifikatet gick ut")])
    #expect(a.form != nil, "A's form stays open with the refusal")
    #expect(try store.saved().outages.first?.cause == "Certifikatet gick ut")
  }

  // MARK: - Orders

  @Test("orders: B moves the meeting's place, A its time: both kept; a comment's note: a choice")
  func orders() throws {
    let store = try SharedStore(Self.municipality())
    let openMeeting: (StoreConsole) -> Void = { c in
      openForm(c) { OrderForms.meeting($0.data.orders[id: F.order]!, $0) }
    }
    let (a, _) = try race(
      store, open: openMeeting, a: [("at", "2026-12-01 10:00")], b: [("place", "Rum 2")])
    #expect(a.form == nil, "\(a.screen)")
    let meeting = try #require(try store.saved().orders[id: F.order]?.meeting)
    #expect(meeting.place == "Rum 2")
    #expect(Format.dateTime(meeting.at) == "2026-12-01 10:00 +01:00")

    let openResolve: (StoreConsole) -> Void = { c in
      let o = c.state.data.orders[id: F.order]!
      c.open(OrderForms.resolve(o, o.comments[0]))
    }
    let (a2, _) = try race(
      store, open: openResolve, a: [("note", "Min anteckning")], b: [("note", "Deras anteckning")])
    #expect(conflictShown(a2, theirs: "Deras anteckning", yours: "Min anteckning"), "\(a2.screen)")
  }

  // MARK: - Settings and administration

  @Test("settings: B changes one limit, A another: both kept; the same limit: a choice")
  func limits() throws {
    let store = try SharedStore(Self.municipality())
    let (a, _) = try race(
      store, open: { c in open(c, AdminForms.editLimits) },
      a: [("orderStepLimitDays", "45")], b: [("outageContactLimitMinutes", "20")])
    #expect(a.form == nil, "\(a.screen)")
    let s = try store.saved().settings
    #expect(s.orderStepLimitDays == 45)
    #expect(s.outageContactLimitMinutes == 20)

    let (a2, _) = try race(
      store, open: { c in open(c, AdminForms.editLimits) },
      a: [("orderStepLimitDays", "60")], b: [("orderStepLimitDays", "90")])
    #expect(conflictShown(a2, theirs: "90", yours: "60"), "\(a2.screen)")
  }

  @Test("contacts: B changes the administrator's phone, A the coordinator's e-mail: both kept")
  func contacts() throws {
    // Named contacts: the standing data's role words are no one's name, and a form
    // over them asks for the names first.
    var m = Self.municipality()
    m.contacts.eCoordinator.name = "Linnea Alatalo"
    m.contacts.systemAdministrator.name = "Mikael Rova"
    let store = try SharedStore(m)
    let (a, _) = try race(
      store, open: { c in open(c, AdminForms.editContacts) },
      a: [("eCoordinator.email", "linnea@overtornea.se")],
      b: [("systemAdministrator.phone", "0920-123 45")])
    #expect(a.form == nil, "\(a.screen)")
    let c = try store.saved().contacts
    #expect(c.eCoordinator.email == "linnea@overtornea.se")
    #expect(c.systemAdministrator.phone == "0920-123 45")
  }

  @Test("users and departments: a name and a role both kept; one name twice: a choice")
  func usersAndDepartments() throws {
    let store = try SharedStore(Self.municipality())
    func selectUser(_ c: StoreConsole) {
      let rows = AdminTables.userRows(c.state)
      c.program.stateForTesting.overview.admin.users.selected =
        rows.firstIndex { $0.login == "chef" } ?? 0
      open(c, AdminForms.editUser)
    }
    let (a, _) = try race(
      store, open: selectUser, a: [("name", "Chef Ekström")], b: [("role", "Socialförv")])
    #expect(a.form == nil, "\(a.screen)")
    let u = try #require(try store.saved().user(login: "chef"))
    #expect(u.name == "Chef Ekström")
    #expect(u.role == .manager(department: F.social))

    func selectDepartment(_ c: StoreConsole) {
      let rows = AdminTables.departmentRows(c.state)
      c.program.stateForTesting.overview.admin.departments.selected =
        rows.firstIndex { $0.id == F.school } ?? 0
      open(c, AdminForms.renameDepartment)
    }
    let (a2, _) = try race(
      store, open: selectDepartment, a: [("name", "Skola A")], b: [("name", "Skola B")])
    #expect(conflictShown(a2, theirs: "Skola B", yours: "Skola A"), "\(a2.screen)")
  }
}

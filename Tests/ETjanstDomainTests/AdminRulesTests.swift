import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Setting a municipality up: departments, contacts, users and limits.
@Suite struct AdminRulesTests {
  let dep = EntityID<Department>("dep-test")
  let manager = User(
    login: "chef", name: "Chef Chefsson", role: .manager(department: EntityID("dep-test")))

  func run(_ command: any Command, on m: inout Municipality, as user: User = Fixtures.coordinator)
    throws
  {
    try m.execute(command, context: Fixtures.context(user))
  }

  /// Runs a command that must be refused; returns the refusal and checks nothing changed.
  func refusal(_ command: any Command, on m: Municipality, as user: User = Fixtures.coordinator)
    -> RuleViolation?
  {
    var copy = m
    do {
      try run(command, on: &copy, as: user)
    } catch let violation as RuleViolation {
      #expect(copy == m, "a refused command left the store as it was")
      return violation
    } catch {
      Issue.record("not a RuleViolation: \(error)")
    }
    Issue.record("\(type(of: command)) was not refused")
    return nil
  }

  // MARK: - Departments

  @Test("data: a department is added with a cleaned name, and undo takes it away again")
  func addDepartment() throws {
    var m = Municipality.standing(name: "Övertorneå kommun", firstUser: Fixtures.coordinator)
    let change = try m.execute(
      AddDepartment(name: "  Socialförvaltningen\u{202E} "), context: Fixtures.context())
    #expect(m.departments.map(\.name) == ["Socialförvaltningen"])
    #expect(change.summary.sv == "Ny förvaltning Socialförvaltningen")
    try m.execute(change.undo, context: Fixtures.context())
    #expect(m.departments.isEmpty)
  }

  @Test("data: a department needs a name, not another department's in other case")
  func departmentNameRules() throws {
    var m = Fixtures.small()
    #expect(refusal(AddDepartment(name: "  "), on: m)?.field == "name")
    let taken = refusal(AddDepartment(name: "TESTFÖRVALTNINGEN"), on: m)
    #expect(taken?.field == "name")
    #expect(taken?.message.sv == "Det finns redan en förvaltning som heter 'Testförvaltningen'.")
    try run(AddDepartment(name: "Kultur", id: EntityID("dep-kultur")), on: &m)
    #expect(
      refusal(RenameDepartment(EntityID("dep-kultur"), to: "testförvaltningen"), on: m) != nil)
    try run(RenameDepartment(dep, to: "testförvaltningen"), on: &m)
    #expect(m.department(dep)?.name == "testförvaltningen", "renaming to its own name in new case")
    #expect(refusal(RenameDepartment(EntityID("gone"), to: "X"), on: m) != nil)
  }

  @Test("4: a department is not removed while anything refers to it; the message counts each kind")
  func removeDepartmentInUse() throws {
    var m = Fixtures.small()
    m.services = [EService(name: "Bygglov", department: dep)]
    m.staff = [StaffMember(name: "Anna", login: "anna", department: dep, startDate: Fixtures.today)]
    m.orders = [
      ServiceOrder(
        title: "Ny", department: dep, contactPerson: "Anna", audience: .external,
        created: Fixtures.now),
      ServiceOrder(
        title: "Ny 2", department: dep, contactPerson: "Anna", audience: .external,
        created: Fixtures.now),
    ]
    m.users.append(manager)
    m.outages = [
      Outage(
        start: Fixtures.now, scope: .wholePlatform, observed: "nere", declaredBy: "x",
        notified: [DepartmentNotice(department: dep, at: Fixtures.now)])
    ]
    let v = refusal(RemoveDepartment(dep, name: "Testförvaltningen"), on: m)
    #expect(
      v?.message.sv
        == "Testförvaltningen kan inte tas bort: 1 e-tjänst, 1 medarbetare, 2 beställningar, 1 chefsinloggning, 1 underrättelse om avbrott hör till förvaltningen. Flytta eller ta bort dem först."
    )
    #expect(v?.message.en.contains("2 orders") == true)
    // Each kind alone is enough to refuse.
    let kinds: [(inout Municipality) -> Void] = [
      { $0.staff = [] }, { $0.orders = [] }, { $0.users.removeAll { $0.login == "chef" } },
      { $0.outages = [] },
    ]
    for (n, clear) in kinds.enumerated() {
      clear(&m)
      let left = refusal(RemoveDepartment(dep, name: "Testförvaltningen"), on: m)
      #expect(left != nil, "still refused after clearing \(n + 1) kinds")
    }
    m.services = []
    try run(RemoveDepartment(dep, name: "Testförvaltningen"), on: &m)
    #expect(m.departments.isEmpty)
  }

  @Test("data: removing a department that is already gone says so")
  func removeMissingDepartment() {
    let m = Fixtures.small()
    let v = refusal(RemoveDepartment(EntityID("gone"), name: "X"), on: m)
    #expect(v?.message.sv.contains("finns inte längre") == true)
  }

  // MARK: - Contacts

  func filledContacts() -> Contacts {
    Contacts(
      eCoordinator: ContactCard(
        name: "Linnea Alatalo", organisation: "Kommunledningsförvaltningen",
        phone: "0927-720 00", email: "linnea.alatalo@overtornea.se"),
      systemAdministrator: ContactCard(
        name: "Jonas Berg", organisation: "Norrbottens e-nämnd", phone: "+46 (0)920 45 60 00",
        email: ""),
      orderServiceAddress: "https://example.se/bestall")
  }

  @Test("5: the contacts are saved cleaned, and the warnings about them go away")
  func editContacts() throws {
    var m = Fixtures.small()
    let before = Findings.all(in: m, at: Fixtures.now).filter {
      ["E-samordnaren", "Systemförvaltaren"].contains($0.subject)
    }
    #expect(before.map(\.section).sorted() == ["4.3", "5"])
    #expect(before.allSatisfy { $0.severity == .warning })
    var contacts = filledContacts()
    contacts.eCoordinator.name = " Linnea\tAlatalo "
    try run(EditContacts(contacts), on: &m)
    #expect(m.contacts == filledContacts().with { $0.eCoordinator.name = "Linnea Alatalo" })
    #expect(Findings.all(in: m, at: Fixtures.now).filter { $0.subject == "Jonas Berg" }.isEmpty)
    #expect(!Findings.all(in: m, at: Fixtures.now).contains { $0.section == "5" })
  }

  @Test("4.3: the system administrator without a phone number is a warning, even with e-mail")
  func administratorWithoutPhone() throws {
    var m = Fixtures.small()
    var contacts = filledContacts()
    contacts.systemAdministrator.phone = ""
    contacts.systemAdministrator.email = "support@enamnd.se"
    try run(EditContacts(contacts), on: &m)
    let found = Findings.all(in: m, at: Fixtures.now).filter {
      $0.section == "4.3" && $0.subject != "Testförvaltningen"
    }
    #expect(found.map(\.subject) == ["Jonas Berg"])
    #expect(found.first?.message.sv.contains("telefonnummer saknas") == true)
  }

  @Test("5: an e-coordinator with e-mail but no phone can be reached: no warning")
  func coordinatorWithEmailOnly() throws {
    var m = Fixtures.small()
    var contacts = filledContacts()
    contacts.eCoordinator.phone = ""
    try run(EditContacts(contacts), on: &m)
    #expect(!Findings.all(in: m, at: Fixtures.now).contains { $0.section == "5" })
  }

  @Test(
    "5: contacts need names (not role words), real phone numbers and e-mail addresses, and the order address"
  )
  func contactRefusals() {
    let m = Fixtures.small()
    let cases: [(String, (inout Contacts) -> Void)] = [
      ("eCoordinator.name", { $0.eCoordinator.name = " " }),
      ("systemAdministrator.name", { $0.systemAdministrator.name = "" }),
      // The standing data's role words name no one to call.
      ("eCoordinator.name", { $0.eCoordinator.name = "E-samordnaren" }),
      ("systemAdministrator.name", { $0.systemAdministrator.name = " systemförvaltaren" }),
      ("eCoordinator.phone", { $0.eCoordinator.phone = "ring växeln" }),
      ("systemAdministrator.phone", { $0.systemAdministrator.phone = "+-()" }),
      ("eCoordinator.email", { $0.eCoordinator.email = "linnea.overtornea.se" }),
      ("systemAdministrator.email", { $0.systemAdministrator.email = "a b@enamnd.se" }),
      ("systemAdministrator.email", { $0.systemAdministrator.email = "support@enamnd" }),
      ("orderServiceAddress", { $0.orderServiceAddress = "" }),
    ]
    for (field, spoil) in cases {
      var contacts = filledContacts()
      spoil(&contacts)
      #expect(refusal(EditContacts(contacts), on: m)?.field == field)
    }
  }

  // MARK: - Users

  @Test("4: every user chooses their own way to quit, a manager too, and nobody else's")
  func ownQuitPreference() throws {
    var m = Fixtures.small()
    let manager = User(
      login: "chef", name: "Karin Pekkala", role: .manager(department: EntityID("dep-test")))
    m.users.append(manager)
    try run(SetQuitPreference(login: "chef", quitWith: .secondKey), on: &m, as: manager)
    #expect(m.user(login: "chef")?.quitWith == .secondKey)
    let other = refusal(
      SetQuitPreference(login: Fixtures.coordinator.login, quitWith: .secondKey), on: m,
      as: manager)
    #expect(other?.field == "quitWith")
    #expect(
      refusal(EditUser(login: "chef", name: "Karin", role: manager.role), on: m, as: manager) != nil
    )
  }

  @Test("4: a manager's login is added for an existing department, and can be edited")
  func addAndEditUser() throws {
    var m = Fixtures.small()
    try run(
      AddUser(login: " chef ", name: "Chef Chefsson", role: .manager(department: dep)), on: &m)
    #expect(m.user(login: "chef") == manager)
    try run(EditUser(login: "chef", name: "Chef Nilsson", role: .eCoordinator), on: &m)
    #expect(m.user(login: "chef")?.role == .eCoordinator)
    #expect(m.user(login: "chef")?.name == "Chef Nilsson")
  }

  @Test("4: a login is one word, unique, with a name; a manager needs a department that exists")
  func userRefusals() {
    var m = Fixtures.small()
    m.users.append(manager)
    let cases: [(any Command, String)] = [
      (AddUser(login: "", name: "X", role: .eCoordinator), "login"),
      (AddUser(login: "anna berg", name: "Anna", role: .eCoordinator), "login"),
      (AddUser(login: "chef", name: "Ny chef", role: .eCoordinator), "login"),
      (AddUser(login: "anna", name: " ", role: .eCoordinator), "name"),
      (AddUser(login: "anna", name: "Anna", role: .manager(department: EntityID("gone"))), "role"),
      (EditUser(login: "chef", name: "", role: .eCoordinator), "name"),
      (EditUser(login: "chef", name: "C", role: .manager(department: EntityID("gone"))), "role"),
    ]
    for (command, field) in cases {
      #expect(refusal(command, on: m)?.field == field, "\(command)")
    }
    #expect(
      refusal(AddUser(login: "chef", name: "X", role: .eCoordinator), on: m)?.message.sv
        == "Inloggningen 'chef' finns redan (Chef Chefsson).")
    #expect(refusal(EditUser(login: "nobody", name: "X", role: .eCoordinator), on: m) != nil)
  }

  @Test("4: the last e-coordinator cannot be demoted or removed; with two, one can")
  func lastCoordinator() throws {
    var m = Fixtures.small()
    m.users.append(manager)
    let demote = EditUser(
      login: Fixtures.coordinator.login, name: "T", role: .manager(department: dep))
    let v = refusal(demote, on: m)
    #expect(v?.field == "role")
    #expect(v?.message.sv.contains("den enda e-samordnaren") == true)
    // Another coordinator: removing the last one is refused even when sent by someone else.
    let other = User(login: "annan", name: "Annan", role: .eCoordinator)
    try run(AddUser(login: other.login, name: other.name, role: .eCoordinator), on: &m)
    try run(RemoveUser(login: Fixtures.coordinator.login), on: &m, as: other)
    #expect(m.user(login: Fixtures.coordinator.login) == nil)
    // Through `execute` only a coordinator removes, never themselves, so the last
    // one is safe; the command guards it too, for a store edited another way.
    var direct = m
    #expect(throws: RuleViolation.self) {
      try RemoveUser(login: "annan").apply(to: &direct, context: Fixtures.context())
    }
    m.users.append(Fixtures.coordinator.with { $0.role = .manager(department: dep) })
    // With two again, demotion is allowed.
    m.users.append(Fixtures.coordinator.with { $0.login = "tredje" })
    try run(
      EditUser(login: "annan", name: "Annan", role: .manager(department: dep)), on: &m, as: other)
    #expect(m.user(login: "annan")?.role == .manager(department: dep))
  }

  @Test("4: a user cannot remove their own login; removing a manager is allowed, and undone")
  func removeUser() throws {
    var m = Fixtures.small()
    m.users.append(User(login: "annan", name: "Annan", role: .eCoordinator))
    m.users.append(manager)
    let v = refusal(RemoveUser(login: Fixtures.coordinator.login), on: m)
    #expect(v?.message.sv.contains("din egen inloggning") == true)
    let change = try m.execute(RemoveUser(login: "chef"), context: Fixtures.context())
    #expect(m.user(login: "chef") == nil)
    try m.execute(change.undo, context: Fixtures.context())
    #expect(m.users.map(\.login) == [Fixtures.coordinator.login, "annan", "chef"])
    #expect(refusal(RemoveUser(login: "nobody"), on: m) != nil)
  }

  @Test("4: a manager cannot administer")
  func managerReadOnly() {
    var m = Fixtures.small()
    m.users.append(manager)
    #expect(refusal(AddDepartment(name: "Ny"), on: m, as: manager)?.section == "4")
  }

  // MARK: - Settings

  @Test("data: the limits change within their bounds; each bound refuses beside its field")
  func settings() throws {
    var m = Fixtures.small()
    let changed = Settings(
      outageContactLimitMinutes: 240, orderStepLimitDays: 1, serviceReviewIntervalMonths: 120,
      routineReviewIntervalMonths: 1, accessExpiryWarningDays: 0)
    try run(EditSettings(changed), on: &m)
    #expect(m.settings == changed)
    let bad: [(String, (inout Settings) -> Void)] = [
      ("outageContactLimitMinutes", { $0.outageContactLimitMinutes = 0 }),
      ("outageContactLimitMinutes", { $0.outageContactLimitMinutes = 241 }),
      ("orderStepLimitDays", { $0.orderStepLimitDays = 366 }),
      ("serviceReviewIntervalMonths", { $0.serviceReviewIntervalMonths = 0 }),
      ("routineReviewIntervalMonths", { $0.routineReviewIntervalMonths = 121 }),
      ("accessExpiryWarningDays", { $0.accessExpiryWarningDays = -1 }),
      ("accessExpiryWarningDays", { $0.accessExpiryWarningDays = 91 }),
    ]
    for (field, spoil) in bad {
      var s = Settings()
      spoil(&s)
      #expect(refusal(EditSettings(s), on: m)?.field == field)
    }
    #expect(
      refusal(EditSettings(Settings(outageContactLimitMinutes: 0)), on: m)?.message.sv
        == "Kontakt med e-nämnden: 1–240 minuter.")
  }

  @Test(
    "data: the mail settings: a domain, a login or address, a full path, an address; each may be empty"
  )
  func mailSettings() throws {
    var m = Fixtures.small()
    var good = Settings()
    good.mailDomain = "kommun.se"
    good.outageDeputy = "vikarie"
    good.sendmailPath = "/usr/sbin/sendmail"
    good.mailFrom = "noreply@kommun.se"
    try run(EditSettings(good), on: &m)
    #expect(m.settings == good)
    let bad: [(String, (inout Settings) -> Void)] = [
      ("mailDomain", { $0.mailDomain = "kommun" }),
      ("mailDomain", { $0.mailDomain = "kommun.se\nBcc: x@y.se" }),
      ("outageDeputy", { $0.outageDeputy = "två ord" }),
      ("sendmailPath", { $0.sendmailPath = "sendmail" }),
      ("mailFrom", { $0.mailFrom = "noreply" }),
      ("mailFrom", { $0.mailFrom = "Etjanst <noreply@kommun.se>" }),
      ("mailFrom", { $0.mailFrom = "a@kommun.se\nBcc: x@y.se" }),
    ]
    for (field, spoil) in bad {
      var s = good
      spoil(&s)
      #expect(refusal(EditSettings(s), on: m)?.field == field, "\(field)")
    }
  }
}

extension Contacts {
  fileprivate func with(_ change: (inout Contacts) -> Void) -> Contacts {
    var copy = self
    change(&copy)
    return copy
  }
}

extension User {
  fileprivate func with(_ change: (inout User) -> Void) -> User {
    var copy = self
    change(&copy)
    return copy
  }
}

import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("Administration (guideline 4, 4.3, 5)")
struct AdminScreenTests {
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")
  let manager = User(
    login: "chef", name: "Karin Pekkala", role: .manager(department: EntityID("dep-test")))

  /// The screen as text, so a failed expectation prints something readable.
  func screen(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  /// The administration open on `section` (0 contacts … 3 limits), from the overview.
  func admin(
    _ data: Municipality = Fixtures.small(), section: Int = 0, user: User = Fixtures.coordinator
  )
    -> ConsoleDriver
  {
    let d = ConsoleDriver(data, user: user)
    d.press(.character("i"))
    for _ in 0..<section { d.press(.right) }
    return d
  }

  @Test("4: an empty store's overview says what to set up first; i opens on Förvaltningar")
  func gettingStarted() {
    let d = ConsoleDriver(
      Municipality.standing(name: "Övertorneå kommun", firstUser: Fixtures.coordinator))
    #expect(screen(d).contains("Kom igång"))
    #expect(screen(d).contains("Tryck i för Inställningar"))
    #expect(screen(d).contains("telefonnummer saknas"), "the contact warning is listed")
    Golden.assertFrame(d.frame, named: "admin-getting-started-80x24", in: goldenDir)
    d.press(.character("i"))
    #expect(d.state.overview.admin.isOpen)
    #expect(d.state.overview.admin.section == .departments)
    #expect(screen(d).contains("Inga förvaltningar ännu. Tryck n"))
    #expect(!ConsoleDriver(Fixtures.small()).frame.lines.joined().contains("Kom igång"))
  }

  @Test("data: n adds a department; the list shows what belongs to each; undo removes it")
  func addDepartment() {
    let d = ConsoleDriver(
      Municipality.standing(name: "Övertorneå kommun", firstUser: Fixtures.coordinator))
    d.press(.character("i"), .character("n"))
    d.type("Socialförvaltningen")
    d.press(.enter)
    #expect(d.backend.data.departments.map(\.name) == ["Socialförvaltningen"])
    #expect(d.state.overlays.isEmpty)
    d.press(.character("n"))
    d.type("Kultur och fritid")
    d.press(.enter)
    #expect(screen(d).contains("Kultur och fritid"))
    Golden.assertFrame(d.frame, named: "admin-departments-80x24", in: goldenDir)
    d.press(.character("u"))
    #expect(d.backend.data.departments.map(\.name) == ["Socialförvaltningen"])
    d.press(.character("q"))
    #expect(!d.state.overview.admin.isOpen)
    #expect(!screen(d).contains("Kom igång"), "with a department the figures are back")
  }

  @Test("data: a department's name that exists is refused beside the field; e renames")
  func departmentRefusedAndRenamed() {
    let d = admin(section: 1)
    d.press(.character("n"))
    d.type("testförvaltningen")
    d.press(.enter)
    #expect(d.state.overlays.count == 1, "the form stays open")
    #expect(screen(d).contains("! Det finns redan en förvaltning som heter 'Testförvaltningen'."))
    Golden.assertFrame(d.frame, named: "admin-department-refused-80x24", in: goldenDir)
    // The refused form is changed: Esc asks to discard it, j does.
    d.press(.escape, .character("j"), .character("e"), .control("u"))
    d.type("Kommunledningsförvaltningen")
    d.press(.enter)
    #expect(d.backend.data.departments.map(\.name) == ["Kommunledningsförvaltningen"])
  }

  @Test("4: d asks with Cancel focused; a department in use is refused, saying what is left")
  func removeDepartment() {
    var data = Fixtures.small()
    data.services = [EService(name: "Bygglov", department: EntityID("dep-test"))]
    data.departments.append(Department(id: EntityID("dep-tom"), name: "Tomma förvaltningen"))
    let d = admin(data, section: 1)
    d.press(.character("d"), .enter)
    #expect(d.backend.data.departments.count == 2, "Enter on Cancel removes nothing")
    d.press(.character("d"), .right, .enter)
    #expect(
      screen(d).contains("Testförvaltningen kan inte tas bort: 1 e-tjänst hör till"),
      "\(screen(d))")
    d.press(.enter, .character("j"), .character("d"), .right, .enter)
    #expect(d.backend.data.departments.map(\.name) == ["Testförvaltningen"])
  }

  @Test("5: the contacts form fills in the emergency contacts; the warnings go away")
  func editContacts() {
    let d = admin()
    #expect(screen(d).contains("! saknas – behövs vid avbrott"))
    Golden.assertFrame(d.frame, named: "admin-contacts-empty-80x24", in: goldenDir)
    d.press(.character("e"), .control("u"))
    d.type("Linnea Alatalo")
    d.press(.tab, .tab)
    d.type("0927-720 00")
    d.press(.tab)
    d.type("linnea.alatalo@overtornea.se")
    d.press(.tab, .control("u"))
    d.type("Mikael Rova")
    d.press(.tab, .tab)
    d.type("0920-45 38 12")
    Golden.assertFrame(d.frame, named: "admin-contacts-form-80x24", in: goldenDir)
    d.press(.enter)
    let c = d.backend.data.contacts
    #expect(c.eCoordinator.name == "Linnea Alatalo")
    #expect(c.eCoordinator.phone == "0927-720 00")
    #expect(c.eCoordinator.email == "linnea.alatalo@overtornea.se")
    #expect(c.systemAdministrator.name == "Mikael Rova")
    #expect(c.systemAdministrator.phone == "0920-45 38 12")
    #expect(c.systemAdministrator.organisation == "Norrbottens e-nämnd")
    #expect(!screen(d).contains("saknas – behövs"))
    Golden.assertFrame(d.frame, named: "admin-contacts-filled-80x24", in: goldenDir)
    #expect(
      !d.state.findings.contains {
        ["4.3", "5"].contains($0.section) && $0.subject == "Mikael Rova"
      })
  }

  @Test("5: a phone number that is not one is refused beside its field")
  func contactRefused() {
    let d = admin()
    d.press(.character("e"))
    d.type("Linnea Alatalo")
    d.press(.tab, .tab)
    d.type("ring växeln")
    d.press(.enter)
    #expect(screen(d).contains("! Bara siffror, mellanslag, + - och ()."))
    #expect(d.backend.data.contacts == .guideline)
    Golden.assertFrame(d.frame, named: "admin-contacts-refused-80x24", in: goldenDir)
  }

  @Test("5: the standing role words are no one's name: the form starts them empty and asks")
  func contactRoleWords() {
    let d = admin()
    #expect(!screen(d).contains("Systemförvaltaren"), "shown as missing:\n\(screen(d))")
    d.press(.character("e"))
    #expect(!screen(d).contains("E-samordnaren"), "\(screen(d))")
    #expect(!screen(d).contains("Systemförvaltaren"), "\(screen(d))")
    // Only the order address changed: the names left empty are refused, not kept.
    for _ in 0..<8 { d.press(.tab) }
    d.press(.control("u"))
    d.type("https://example.se/bestall")
    d.press(.enter)
    #expect(screen(d).contains("Namn måste fyllas i."), "\(screen(d))")
    #expect(d.backend.data.contacts == .guideline)
  }

  @Test("set-up: the e-nämnd's contact starts empty; the municipality's name alone is not enough")
  func setUpAsksThePerson() {
    let d = ConsoleDriver(
      Municipality.standing(name: "", firstUser: Fixtures.coordinator), width: 100)
    #expect(d.frame.lines[0].hasPrefix(" etjanst "), "no empty name: \(d.frame.lines[0])")
    var state = d.program.stateForTesting
    SetUpForm.openIfNeeded(&state)
    d.program.stateForTesting = state
    #expect(screen(d).contains("Nytt register"))
    let field = d.frame.lines.first { $0.contains("E-nämnden: namn *") } ?? ""
    #expect(!field.contains("Systemförvaltaren"), "the role is no one's name: \(field)")
    d.type("Pajala kommun")
    d.press(.enter)
    #expect(screen(d).contains("Namn måste fyllas i."), "\(screen(d))")
    #expect(d.backend.data.needsSetUp)
    d.type("Mikael Rova")
    d.press(.enter)
    #expect(d.backend.data.contacts.systemAdministrator.name == "Mikael Rova")
    #expect(d.frame.lines[0].hasPrefix(" Pajala kommun · etjanst "), "\(d.frame.lines[0])")
    d.resize(80, 24)
    #expect(d.frame.lines[0].hasPrefix(" Pajala kommun "), "\(d.frame.lines[0])")
  }

  @Test("4: a new login's role is preselected only where one department makes it no guess")
  func newUserRoleNotGuessed() {
    var data = Fixtures.small()
    data.departments.append(Department(id: EntityID("dep-two"), name: "Andra förvaltningen"))
    let d = admin(data, section: 2)
    d.press(.character("n"))
    d.type("chef")
    d.press(.tab)
    d.type("Karin Pekkala")
    d.press(.enter)
    #expect(screen(d).contains("Roll måste fyllas i."), "\(screen(d))")
    #expect(d.backend.data.user(login: "chef") == nil)
    d.press(.right, .right, .enter)  // the focus is on the role: the first department's manager
    #expect(
      d.backend.data.user(login: "chef")?.role == .manager(department: EntityID("dep-two")),
      "\(screen(d))")
  }

  @Test("4: a user named by their login (the first user) is asked for a name")
  func loginIsNoName() {
    let first = User(login: "tester", name: "tester", role: .eCoordinator)
    var data = Fixtures.small()
    data.users.append(first)
    let d = admin(data, section: 2, user: first)
    // "tester" sorts after "Test Samordnare": G selects it.
    d.press(.character("G"), .character("e"))
    #expect(screen(d).contains("Ändra användaren tester"), "\(screen(d))")
    d.press(.enter)
    #expect(screen(d).contains("Namn måste fyllas i."), "\(screen(d))")
    d.type("Tea Testare")
    d.press(.enter)
    #expect(d.backend.data.user(login: "tester")?.name == "Tea Testare")
    // The title names the user as the newest data does.
    #expect(d.frame.lines[0].contains("Tea Testare (e-samordnare)"), "\(d.frame.lines[0])")
  }

  @Test("4.3: Enter on the missing phone number's warning opens the contacts")
  func findingOpensContacts() {
    let d = ConsoleDriver(Fixtures.small())
    let i = d.state.findings.firstIndex { $0.subject == "Systemförvaltaren" } ?? -1
    #expect(i >= 0)
    for _ in 0..<i { d.press(.down) }
    d.press(.enter)
    #expect(d.state.overview.admin.isOpen)
    #expect(d.state.overview.admin.section == .contacts)
  }

  @Test("4: n adds a manager's login; a login that exists is refused beside the field")
  func addManager() {
    let d = admin(section: 2)
    d.press(.character("n"))
    d.type("esamordnare")
    d.press(.tab)
    d.type("Dubbel")
    d.press(.enter)
    #expect(screen(d).contains("! Inloggningen 'esamordnare' finns redan (Test Samordnare)."))
    Golden.assertFrame(d.frame, named: "admin-user-refused-80x24", in: goldenDir)
    d.press(.escape, .character("j"), .character("n"))
    d.type("chef")
    d.press(.tab)
    d.type("Karin Pekkala")
    d.press(.enter)
    #expect(d.backend.data.user(login: "chef") == manager)
    #expect(screen(d).contains("chef, Testförvaltningen (läser)"))
    Golden.assertFrame(d.frame, named: "admin-users-80x24", in: goldenDir)
  }

  @Test("4: a new login's e-mail and language are given in the form that adds it, checked alike")
  func newUserDetails() {
    let d = admin(section: 2)
    d.press(.character("n"))
    d.type("chef")
    d.press(.tab)
    d.type("Karin Pekkala")
    d.press(.tab, .tab)  // past the preselected role, to the e-mail
    #expect(screen(d).contains("E-post"), "\(screen(d))")
    #expect(screen(d).contains("Språk"), "\(screen(d))")
    d.type("karin pekkala")
    d.press(.tab, .right, .right)  // the language: English
    d.press(.enter)
    #expect(screen(d).contains("ingen e-postadress"), "\(screen(d))")
    #expect(d.backend.data.user(login: "chef") == nil)
    for _ in 0..<13 { d.press(.backspace) }
    d.type("karin.pekkala@kommun.se")
    d.press(.enter)
    let added = d.backend.data.user(login: "chef")
    #expect(added?.email == "karin.pekkala@kommun.se", "\(screen(d))")
    #expect(added?.language == .english)
  }

  @Test("4: the last e-coordinator cannot be demoted, and nobody removes their own login")
  func lastCoordinator() {
    var data = Fixtures.small()
    data.users.append(manager)
    let d = admin(data, section: 2)
    d.press(.character("G"), .character("e"), .tab, .right, .enter)
    #expect(screen(d).contains("! Test Samordnare är den enda e-samordnaren."), "\(screen(d))")
    d.press(.escape, .character("j"), .character("d"), .right, .enter)
    #expect(screen(d).contains("Du kan inte ta bort din egen inloggning."))
    #expect(d.backend.data.users.count == 2)
    d.press(.enter, .character("g"), .character("d"), .right, .enter)
    #expect(d.backend.data.user(login: "chef") == nil)
  }

  @Test("4: a user's way to quit is theirs, set in the users form: a second q, kept in the data")
  func quitPreferenceInTheUsersForm() {
    let d = admin(section: 2)
    d.press(.character("e"), .tab, .tab)
    #expect(screen(d).contains("fråga först (j/n)"), "\(screen(d))")
    d.press(.right, .enter)
    #expect(d.backend.data.user(login: Fixtures.coordinator.login)?.quitWith == .secondKey)
    d.press(.character("2"), .character("q"))
    #expect(screen(d).contains("Tryck q igen för att avsluta"), "\(screen(d))")
  }

  @Test("data: the limits: e changes one; a value out of bounds is refused beside its field")
  func limits() {
    let d = admin(section: 3)
    #expect(screen(d).contains("15 minuter"))
    d.press(.character("e"), .control("u"))
    d.type("500")
    d.press(.enter)
    #expect(screen(d).contains("! Kontakt med e-nämnden: 1–240 minuter."))
    Golden.assertFrame(d.frame, named: "admin-limits-refused-80x24", in: goldenDir)
    d.press(.control("u"))
    d.type("30")
    d.press(.enter)
    #expect(d.backend.data.settings.outageContactLimitMinutes == 30)
    #expect(screen(d).contains("30 minuter"))
    Golden.assertFrame(d.frame, named: "admin-limits-80x24", in: goldenDir)
  }

  @Test(
    "data: every limit, the gallring periods too, is in the form; a period out of bounds is refused beside its own field"
  )
  func everyLimitInTheForm() {
    let d = admin(section: 3)
    #expect(!screen(d).contains("avsnitt gallring"), "\(screen(d))")
    d.press(.character("e"))
    for label in [
      "Kontakt e-nämnden, minuter", "Varna före slutdatum, dagar", "Gallra personal, månader",
      "Gallra ärenden, månader", "Gallra loggposter, år", "Kopior en per dag, dagar",
    ] {
      #expect(screen(d).contains(label), "\(label) is not in the form:\n\(screen(d))")
    }
    // The trail's period in years, 1–50.
    let trail = Settings.limits.firstIndex { $0.name == "retentionTrailYears" } ?? 0
    for _ in 0..<trail { d.press(.tab) }
    d.press(.control("u"))
    d.type("99")
    d.press(.enter)
    #expect(screen(d).contains("! Gallring av loggposter: 1–50 år."), "\(screen(d))")
    d.press(.control("u"))
    d.type("7")
    d.press(.enter)
    #expect(d.backend.data.settings.retentionTrailYears == 7)
  }

  @Test("4: any user, a manager too, chooses their own way to quit with :avslutning")
  func ownQuitPreference() {
    var data = Fixtures.small()
    data.users.append(manager)
    let d = ConsoleDriver(data, user: manager)
    #expect(d.state.readOnly)
    d.press(.character("2"), .character(":"))
    d.type("avslutning")
    d.press(.enter)
    #expect(screen(d).contains("Ditt sätt att avsluta konsolen"), "\(screen(d))")
    d.press(.right, .enter)
    #expect(d.backend.data.user(login: manager.login)?.quitWith == .secondKey)
    #expect(d.backend.data.user(login: Fixtures.coordinator.login)?.quitWith == .ask)
    // Read from the newest data: q now waits for a second q.
    d.press(.character("q"))
    #expect(d.state.overlays.isEmpty, "no question: \(screen(d))")
    #expect(screen(d).contains("Tryck q igen för att avsluta"), "\(screen(d))")
  }

  @Test(
    "data: the mail settings are in the limits form, held to the rule notify --set goes through: refused beside their field, saved when right"
  )
  func mailSettingsInTheForm() {
    let d = admin(section: 3)
    #expect(screen(d).contains("E-postdomän"), "\(screen(d))")
    d.press(.character("e"))
    for _ in 0..<Settings.limits.count { d.press(.tab) }
    for (text, refusal) in [
      ("kommun", "! E-postdomänen ska vara ett domännamn som"),
      ("kommun.se\nBcc: x@y.se", "! E-postdomänen ska vara ett domännamn som"),
    ] {
      d.press(.control("u"))
      d.type(text)
      d.press(.enter)
      #expect(screen(d).contains(refusal), "\(text): \(screen(d))")
    }
    #expect(d.backend.data.settings.mailDomain == "")
    d.press(.control("u"))
    d.type("kommun.se")
    d.press(.tab, .control("u"))
    d.type("vikarie")
    d.press(.tab, .control("u"))
    d.type("sendmail")
    d.press(.enter)
    #expect(
      screen(d).contains("! E-postprogrammet anges med hela"), "\(screen(d))")
    d.press(.control("u"))
    d.type("/usr/sbin/sendmail")
    d.press(.tab, .control("u"))
    d.type("noreply@kommun.se")
    d.press(.enter)
    let s = d.backend.data.settings
    #expect(s.mailDomain == "kommun.se")
    #expect(s.outageDeputy == "vikarie")
    #expect(s.sendmailPath == "/usr/sbin/sendmail")
    #expect(s.mailFrom == "noreply@kommun.se")
    // The list of limits scrolls: the last setting is at its end.
    d.press(.end)
    #expect(screen(d).contains("noreply@kommun.se"), "\(screen(d))")
  }

  @Test(":inställningar opens it from any screen; ? lists its keys")
  func commandLineAndHelp() {
    let d = ConsoleDriver(Fixtures.small())
    d.press(.character("2"), .character(":"))
    d.type("inst")
    d.press(.enter)
    #expect(d.state.screen == .overview)
    #expect(d.state.overview.admin.isOpen)
    d.press(.right, .character("?"))
    #expect(screen(d).contains("Lägg till en förvaltning"))
    #expect(screen(d).contains("Byt del: Kontakter, Förvaltningar"))
  }

  @Test("4: a manager sees the settings read-only: no editing keys, and n says who to ask")
  func managerReadOnly() {
    var data = Fixtures.small()
    data.users.append(manager)
    let d = admin(data, section: 1, user: manager)
    #expect(d.state.overview.admin.isOpen)
    #expect(!d.frame.lines[23].contains("Ny"), "\(d.frame.lines[23])")
    d.press(.character("n"))
    #expect(d.state.overlays.isEmpty)
    #expect(screen(d).contains("Ändringar görs av e-samordnaren"))
  }

  @Test("English: the contacts in English")
  func english() {
    let d = ConsoleDriver(Fixtures.small(), language: .english)
    d.press(.character("i"))
    #expect(screen(d).contains("[Contacts]"))
    #expect(screen(d).contains("! missing – needed during an outage"))
  }
}

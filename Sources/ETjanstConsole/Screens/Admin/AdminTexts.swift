import ETjanstDomain

/// The administration's texts, Swedish and English side by side.
enum AdminTexts {
  typealias T = LocalizedText
  static let title = T(sv: "Inställningar", en: "Settings")
  static let keyOpen = T(sv: "Inställningar", en: "Settings")
  static let helpOpen = T(
    sv: "Inställningar: kontakter, förvaltningar, användare och gränser",
    en: "Settings: contacts, departments, users and limits")
  static let commandHelp = T(
    sv: "Öppna inställningarna (kontakter, förvaltningar, användare, gränser)",
    en: "Open the settings (contacts, departments, users, limits)")

  // Sections
  static let contacts = T(sv: "Kontakter", en: "Contacts")
  static let departments = T(sv: "Förvaltningar", en: "Departments")
  static let users = T(sv: "Användare", en: "Users")
  static let limits = T(sv: "Gränser", en: "Limits")
  static func switchHint(_ key: String) -> T { T(sv: "\(key) byter del", en: "\(key) switch part") }

  // Keys
  static let keyNextSection = T(sv: "Nästa del", en: "Next part")
  static let keyPreviousSection = T(sv: "Föregående del", en: "Previous part")
  static let helpSections = T(
    sv: "Byt del: Kontakter, Förvaltningar, Användare, Gränser",
    en: "Switch part: Contacts, Departments, Users, Limits")
  static let keyBack = T(sv: "Tillbaka", en: "Back")
  static let helpBack = T(sv: "Tillbaka till översikten", en: "Back to the overview")
  static let keyNew = T(sv: "Ny", en: "New")
  static let keyEdit = T(sv: "Ändra", en: "Edit")
  static let keyRemove = T(sv: "Ta bort", en: "Remove")
  static let helpEditContacts = T(
    sv: "Ändra kontaktuppgifterna som avbrottsskärmen visar",
    en: "Edit the contact details the outage screen shows")
  static let helpNewDepartment = T(sv: "Lägg till en förvaltning", en: "Add a department")
  static let helpRenameDepartment = T(
    sv: "Byt namn på den markerade förvaltningen", en: "Rename the selected department")
  static let helpRemoveDepartment = T(
    sv: "Ta bort den markerade förvaltningen (frågar först)",
    en: "Remove the selected department (asks first)")
  static let helpNewUser = T(
    sv: "Ge en inloggning behörighet (e-samordnare eller chef)",
    en: "Give a login access (e-coordinator or manager)")
  static let helpEditUser = T(
    sv: "Ändra namn eller roll för den markerade användaren",
    en: "Change the selected user's name or role")
  static let helpRemoveUser = T(
    sv: "Ta bort den markerade användarens behörighet (frågar först)",
    en: "Remove the selected user's access (asks first)")
  static let helpEditLimits = T(sv: "Ändra gränserna", en: "Change the limits")

  // Contacts
  static let coordinatorHeading = T(sv: "E-samordnare (avsnitt 5)", en: "E-coordinator (section 5)")
  static let administratorHeading = T(
    sv: "Norrbottens e-nämnd, systemförvaltare (avsnitt 4.3)",
    en: "Norrbottens e-nämnd, system administrator (section 4.3)")
  static let orderHeading = T(
    sv: "Beställning av e-tjänst (avsnitt 6, steg 2)", en: "Ordering an e-service (6, step 2)")
  static let name = T(sv: "Namn", en: "Name")
  static let organisation = T(sv: "Organisation", en: "Organisation")
  static let phone = T(sv: "Telefon", en: "Phone")
  static let email = T(sv: "E-post", en: "E-mail")
  static let address = T(sv: "Adress", en: "Address")
  static let missing = T(sv: "–", en: "–")
  static let missingNeeded = T(
    sv: "! saknas – behövs vid avbrott", en: "! missing – needed during an outage")
  static let contactsStatus = T(
    sv: "Kontakterna visas på översikten och avbrottsskärmen",
    en: "The contacts are shown on the overview and the outage screen")
  static let contactsTitle = T(sv: "Kontaktuppgifter", en: "Contact details")
  static func coordinatorField(_ part: T) -> T {
    T(sv: "E-samordnare: \(part.sv.lowercased())", en: "E-coordinator: \(part.en.lowercased())")
  }
  static func administratorField(_ part: T) -> T {
    T(sv: "E-nämnden: \(part.sv.lowercased())", en: "E-nämnd: \(part.en.lowercased())")
  }
  static let orderAddress = T(sv: "Beställning av e-tjänst", en: "Order e-service address")

  // Departments
  static let services = T(sv: "E-tjänster", en: "E-services")
  static let staff = T(sv: "Personal", en: "Staff")
  static let managers = T(sv: "Chefer", en: "Managers")
  static let routine = T(sv: "Reservrutin", en: "Fallback routine")
  static let routineMissing = T(sv: "saknas !", en: "missing !")
  static let routineThere = T(sv: "finns", en: "written")
  static func noDepartments(new key: String?) -> T {
    guard let key else { return T(sv: "Inga förvaltningar ännu.", en: "No departments yet.") }
    return T(
      sv: "Inga förvaltningar ännu. Tryck \(key) för att lägga till den första.",
      en: "No departments yet. Press \(key) to add the first.")
  }
  static let newDepartmentTitle = T(sv: "Ny förvaltning", en: "New department")
  static func renameTitle(_ name: String) -> T {
    T(sv: "Byt namn på \(name)", en: "Rename \(name)")
  }
  static func removeDepartmentTitle(_ name: String) -> T {
    T(sv: "Ta bort \(name)?", en: "Remove \(name)?")
  }
  static let removeDepartmentQuestion = T(
    sv:
      "Förvaltningen tas bort ur registret, med sin reservrutin. Det går bara när inga e-tjänster, medarbetare, beställningar eller chefer hör till den.",
    en:
      "The department is removed from the store, with its fallback routine. Only possible when no e-services, staff, orders or managers belong to it."
  )

  // Users
  static let login = T(sv: "Inloggning", en: "Login")
  static let role = T(sv: "Roll", en: "Role")
  /// How the user leaves the console from below the overview's top.
  static let quitWith = T(sv: "Avsluta", en: "Quit")
  static let ownQuitTitle = T(
    sv: "Ditt sätt att avsluta konsolen", en: "Your way to quit the console")
  static let ownQuitHelp = T(
    sv: "Välj hur du avslutar: fråga först eller ett andra q",
    en: "Choose how you quit: ask first or a second q")
  static let coordinatorRole = T(sv: "e-samordnare (ändrar)", en: "e-coordinator (edits)")
  static func managerRole(_ department: String) -> T {
    T(sv: "chef, \(department) (läser)", en: "manager, \(department) (reads)")
  }
  static let you = T(sv: " (du)", en: " (you)")
  static let newUserTitle = T(sv: "Ny användare", en: "New user")
  static func editUserTitle(_ login: String) -> T {
    T(sv: "Ändra användaren \(login)", en: "Edit the user \(login)")
  }
  static func removeUserTitle(_ login: String) -> T {
    T(sv: "Ta bort \(login)?", en: "Remove \(login)?")
  }
  static let removeUserQuestion = T(
    sv: "Inloggningen kan inte längre öppna registret. Personalregistret påverkas inte.",
    en: "The login can no longer open the store. The staff register is not affected.")

  // Limits
  static let limitsTitle = T(sv: "Gränser", en: "Limits")
  static let limitsIntro = T(
    sv: "Gränser som riktlinjen överlåter åt kommunen; de styr flaggorna och varningarna.",
    en: "Limits the guideline leaves to the municipality; they drive the flags and warnings.")
  static let limitHeading = T(sv: "Gräns", en: "Limit")
  static let limitValue = T(sv: "Värde", en: "Value")
  static let limitNote = T(sv: "Tillåtet", en: "Allowed")
  static func section(_ s: String) -> T { T(sv: "avsnitt \(s)", en: "section \(s)") }
  /// A limit's label in the list, with its guideline section where it has one.
  static func limitLabel(_ label: T, section: String?) -> T {
    guard let number = section else { return label }
    let place = Self.section(number)
    return T(sv: "\(label.sv) (\(place.sv))", en: "\(label.en) (\(place.en))")
  }
  /// What a text setting takes, or what it means empty, beside its value (short: the
  /// list's last column at 80 columns).
  static let textSettingHints: [String: T] = [
    Settings.Fields.mailDomain.name: T(sv: "(inloggning@domän)", en: "(login@domain)"),
    Settings.Fields.outageDeputy.name: T(sv: "(tomt: ingen)", en: "(empty: nobody)"),
    Settings.Fields.sendmailPath.name: T(sv: "(tomt: sendmail)", en: "(empty: sendmail)"),
    Settings.Fields.mailFrom.name: T(sv: "(tomt: Kontakter)", en: "(empty: Contacts)"),
  ]
  static func allowed(_ range: ClosedRange<Int>) -> T {
    T(
      sv: "(tillåtet \(range.lowerBound)–\(range.upperBound))",
      en: "(allowed \(range.lowerBound)–\(range.upperBound))")
  }

  // Getting started, on the overview of an empty store
  static let startTitle = T(sv: "Kom igång", en: "Getting started")
  /// What to set up first, in order; the keys are those of the overview, where
  /// these lines are shown (the keys inside Inställningar are its own hint bar's).
  static func startLines(_ keys: KeyNames) -> [T] {
    let settings = keys[.settings].map { T(sv: "Tryck \($0) för", en: "Press \($0) for") }
    let screens = [keys[.screenCatalogue], keys[.screenStaff], keys[.screenOutages]].map {
      $0.map { " (\($0))" } ?? ""
    }
    return [
      T(
        sv: "Registret är tomt. \(settings?.sv ?? "Börja i") Inställningar:",
        en: "The store is empty. \(settings?.en ?? "Start in") Settings:"),
      T(
        sv: "1. Förvaltningar: lägg till varje förvaltning",
        en: "1. Departments: add each department"),
      T(
        sv: "2. Kontakter: fyll i namn, telefon och e-post",
        en: "2. Contacts: fill in names, phone and e-mail"),
      T(sv: "3. Användare: ge cheferna inloggning", en: "3. Users: give the managers a login"),
      T(
        sv: "Sedan e-tjänster\(screens[0]), personal\(screens[1]), rutiner\(screens[2])",
        en: "Then e-services\(screens[0]), staff\(screens[1]), routines\(screens[2])"),
    ]
  }
}

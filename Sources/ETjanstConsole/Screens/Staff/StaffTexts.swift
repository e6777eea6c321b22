import ETjanstDomain

/// Every text of the Personal screen, Swedish and English side by side.
enum StaffTexts {
  typealias T = LocalizedText

  // MARK: - Columns
  static let name = T(sv: "Namn", en: "Name")
  static let login = T(sv: "Inloggning", en: "Login")
  static let department = T(sv: "Förvaltning", en: "Department")
  static let manager = T(sv: "Närmaste chef", en: "Manager")
  static let status = T(sv: "Status", en: "Status")
  static let startDate = T(sv: "Startdatum", en: "Start date")
  static let endDate = T(sv: "Slutdatum", en: "End date")
  static let ends = T(sv: "Slutar", en: "Leaves")
  static let checklist = T(sv: "Checklista", en: "Checklist")
  static let openCases = T(sv: "Öppna", en: "Open")
  static let signing = T(sv: "Sign", en: "Sign")
  static let service = T(sv: "E-tjänst", en: "E-service")
  static let validFrom = T(sv: "Giltig från", en: "Valid from")
  static let validTo = T(sv: "Giltig till", en: "Valid to")
  static let colleague = T(sv: "Kollega", en: "Colleague")
  static let caseNumber = T(sv: "Ärendenummer", en: "Case number")
  static let reason = T(sv: "Skäl (sparas och visas)", en: "Reason (kept and shown)")
  static let allDepartments = T(sv: "alla förvaltningar", en: "all departments")
  static let overdue = T(sv: "FÖRSENAD", en: "OVERDUE")

  static func status(_ s: StaffStatus) -> T { s.label }

  static func caseStatus(_ s: CaseStatus) -> T { s.label }

  static func step(_ s: ChecklistStep) -> T { s.label }

  // MARK: - Person view
  static let onboardingTitle = T(sv: "Introduktion (4.1)", en: "Onboarding (4.1)")
  static let offboardingTitle = T(sv: "Avslut (4.2)", en: "Offboarding (4.2)")
  static func checklistHead(_ title: T, _ list: Checklist) -> T {
    T(
      sv: "\(title.sv) – klar senast \(list.due) · \(list.doneCount) av \(list.items.count) klara",
      en: "\(title.en) – due \(list.due) · \(list.doneCount) of \(list.items.count) done")
  }
  static func checklistDone(_ title: T, _ list: Checklist) -> T {
    T(
      sv: "\(title.sv): klar (\(list.items.count) av \(list.items.count))",
      en: "\(title.en): done (\(list.items.count) of \(list.items.count))")
  }
  static let accessTitle = T(sv: "Behörighet som handläggare", en: "Case-officer access")
  static let noAccess = T(sv: "Ingen behörighet.", en: "No access.")
  static func casesTitle(_ open: Int) -> T {
    let open = Adjective.open.count(open, of: .case)
    return T(sv: "Ärenden (\(open.sv))", en: "Cases (\(open.en))")
  }
  static let noCases = T(sv: "Inga ärenden.", en: "No cases.")
  static let untilFurther = T(sv: "tills vidare", en: "until removed")
  static func transferredFrom(_ name: String) -> T { T(sv: "från \(name)", en: "from \(name)") }
  static func signingLine(_ on: Bool) -> T {
    on
      ? T(sv: "Dokumentsignering: ja", en: "Document signing: yes")
      : T(sv: "Dokumentsignering: nej", en: "Document signing: no")
  }
  static func overrideLine(_ reason: String) -> T {
    T(
      sv: "! Borttagen trots öppna ärenden. Skäl: \(reason)",
      en: "! Removed despite open cases. Reason: \(reason)")
  }
  static func flag(_ flag: AccessFlag) -> T {
    switch flag {
    case .heldByRemoved:
      return T(sv: "! borttagen men har behörighet", en: "! removed but holds access")
    case .leaverWithoutValidTo:
      return T(sv: "! slutar, saknar giltig till", en: "! leaving, no valid-to")
    case .expiresWithOpenCases:
      return T(sv: "! upphör med öppna ärenden", en: "! ends with cases open")
    }
  }
  static let noOfficer = T(sv: "! ingen aktiv handläggare", en: "! no active case officer")

  // MARK: - Access view
  static func accessHead(_ department: String, _ people: Int) -> T {
    T(
      sv: "Behörigheter · \(department) · \(Noun.person.count(people).sv)",
      en: "Access · \(department) · \(Noun.person.count(people).en)")
  }
  static func legend(column key: String?) -> T {
    let choose = key.map { T(sv: "  \($0) välj e-tjänst", en: "  \($0) choose e-service") }
    return T(
      sv: "● behörighet  ○ ej giltig i dag  ! åtgärdas  · ingen\(choose?.sv ?? "")",
      en: "● access  ○ not valid today  ! needs action  · none\(choose?.en ?? "")")
  }
  static func holders(_ service: String, _ names: String) -> T {
    T(sv: "\(service): \(names)", en: "\(service): \(names)")
  }
  static let nobody = T(sv: "ingen har behörighet", en: "nobody has access")
  static let servicesLabel = T(sv: "E-tjänster", en: "E-services")
  static let noServices = T(
    sv: "Förvaltningen har inga e-tjänster.", en: "The department has no e-services.")

  // MARK: - Keys
  static let keyOpen = T(sv: "Öppna", en: "Open")
  static let helpOpen = T(
    sv: "Öppna personen: checklistor, behörigheter och ärenden",
    en: "Open the person: checklists, access and cases")
  static let keyAccess = T(sv: "Behörigheter", en: "Access")
  static let helpAccess = T(
    sv: "Visa eller stäng behörighetsmatrisen (personal × e-tjänster och signering)",
    en: "Show or close the access matrix (staff × e-services and signing)")
  static let keyDepartment = T(sv: "Förvaltning", en: "Department")
  static let helpDepartment = T(
    sv: "Byt förvaltning (eller alla)", en: "Switch department (or all)")
  static let keyNew = T(sv: "Ny", en: "New")
  static let helpNewStaff = T(
    sv: "Lägg till en medarbetare; introduktionens checklista skapas (4.1)",
    en: "Add a staff member; the onboarding checklist is made (4.1)")
  static let keyBack = T(sv: "Tillbaka", en: "Back")
  static let helpBack = T(sv: "Tillbaka till listan", en: "Back to the list")
  static let keyColumn = T(sv: "E-tjänst", en: "E-service")
  static let helpColumn = T(
    sv: "Välj e-tjänst; raden nederst visar vem som har behörighet",
    en: "Choose an e-service; the bottom line shows who holds access")
  static let keyTick = T(sv: "Bocka av", en: "Tick")
  static let helpTick = T(
    sv: "Bocka av det valda steget i checklistan (vem och när sparas)",
    en: "Tick the selected checklist step (who and when are kept)")
  static let keyClose = T(sv: "Avsluta ärende", en: "Close case")
  static let helpClose = T(
    sv: "Sätt det valda ärendet till Avslutad/Arkiverad (4.2)",
    en: "Set the selected case to closed/archived (4.2)")
  static let keyTransfer = T(sv: "För över", en: "Transfer")
  static let helpTransfer = T(
    sv: "För över det valda ärendet till en kollega med behörighet (4.2)",
    en: "Transfer the selected case to a colleague with access (4.2)")
  static let keyTransferAll = T(sv: "För över alla", en: "Transfer all")
  static let helpTransferAll = T(
    sv: "För över alla öppna ärenden till en kollega",
    en: "Transfer all open cases to one colleague")
  static let keyRemove = T(sv: "Ta bort", en: "Remove")
  static let helpRemove = T(
    sv: "Ta bort från plattformen (nekas så länge ärenden är öppna)",
    en: "Remove from the platform (refused while cases are open)")
  static let keyRemoveReason = T(sv: "Ta bort med skäl", en: "Remove with reason")
  static let helpRemoveReason = T(
    sv: "Ta bort trots öppna ärenden, med ett skriftligt skäl som sparas",
    en: "Remove despite open cases, with a written reason that is kept")
  static let keyEdit = T(sv: "Ändra", en: "Edit")
  static let helpEdit = T(
    sv: "Ändra uppgifter; ett slutdatum skapar avslutets checklista (4.2)",
    en: "Edit details; an end date makes the offboarding checklist (4.2)")
  static let keyGrant = T(sv: "Ge behörighet", en: "Grant")
  static let helpGrant = T(
    sv: "Ge (eller ändra) behörighet till en e-tjänst, med giltighetstid",
    en: "Grant (or change) access to an e-service, with its period")
  static let keyRevoke = T(sv: "Ta bort behörighet", en: "Revoke")
  static let helpRevoke = T(sv: "Ta bort den valda behörigheten", en: "Revoke the selected access")
  static let keyNewCase = T(sv: "Nytt ärende", en: "New case")
  static let helpNewCase = T(
    sv: "Lägg till ett ärende för personen för hand", en: "Add a case for the person by hand")

  // MARK: - Dialogs
  static let newStaffTitle = T(sv: "Ny medarbetare", en: "New staff member")
  static let editTitle = T(sv: "Ändra medarbetare", en: "Edit staff member")
  static let servicesField = T(sv: "E-tjänster", en: "E-services")
  static func transferTitle(_ number: String) -> T {
    T(sv: "För över ärende \(number)", en: "Transfer case \(number)")
  }
  static func transferAllTitle(_ name: String) -> T {
    T(sv: "För över alla öppna ärenden från \(name)", en: "Transfer all open cases from \(name)")
  }
  static func grantTitle(_ name: String) -> T {
    T(sv: "Behörighet för \(name)", en: "Access for \(name)")
  }
  static let newCaseTitle = T(sv: "Nytt ärende", en: "New case")
  static func removeTitle(_ name: String) -> T { T(sv: "Ta bort \(name)", en: "Remove \(name)") }
  static func removeQuestion(_ name: String) -> T {
    T(
      sv:
        "Ta bort \(name) från e-tjänsteplattformen? All behörighet och dokumentsigneringen tas bort.",
      en: "Remove \(name) from the platform? All access and document signing are taken away.")
  }
  static let removeConfirm = T(sv: "Ta bort", en: "Remove")
  static func revokeQuestion(_ service: String, _ name: String) -> T {
    T(
      sv: "Ta bort \(name)s behörighet till \(service)?",
      en: "Revoke \(name)'s access to \(service)?")
  }
  static let revokeTitle = T(sv: "Ta bort behörighet", en: "Revoke access")
  static let selectCase = T(
    sv: "Välj ett ärende i listan först.", en: "Select a case in the list first.")
  static let selectStep = T(
    sv: "Välj ett steg i en checklista först.", en: "Select a checklist step first.")
  static let selectGrant = T(
    sv: "Välj en behörighet i listan först.", en: "Select an access in the list first.")
  static let noColleagues = T(
    sv: "Det finns ingen annan aktiv kollega.", en: "There is no other active colleague.")
  static let noServicesToGrant = T(
    sv: "Det finns inga e-tjänster i katalogen.", en: "There are no e-services in the catalogue.")
  static func unknownServices(_ names: String) -> T {
    T(sv: "Finns inte i katalogen: \(names)", en: "Not in the catalogue: \(names)")
  }
  static func colleagueOption(_ p: StaffMember, hasAccess: Bool) -> T {
    hasAccess
      ? T(verbatim: p.name) : T(sv: "\(p.name) (saknar behörighet)", en: "\(p.name) (no access)")
  }
}

extension StaffTexts {
  static let keyCell = T(sv: "Ge/avsluta", en: "Grant/end")
  static let helpCell = T(
    sv: "Ge behörighet i den valda rutan, eller avsluta den (frågar datumen)",
    en: "Grant access in the chosen cell, or end it (asks the dates)")
  static func grantCellTitle(_ name: String, _ service: String) -> T {
    T(sv: "Ge \(name) behörighet till \(service)", en: "Grant \(name) access to \(service)")
  }
  static func endCellTitle(_ name: String, _ service: String) -> T {
    T(
      sv: "Avsluta behörigheten till \(service) för \(name)",
      en: "End the access to \(service) for \(name)")
  }
  static let keyMark = T(sv: "Markera", en: "Mark")
  static let helpMark = T(
    sv: "Markera personen på raden, eller ta bort markeringen, och gå till nästa rad",
    en: "Mark the person on the row, or unmark them, and go to the next row")
  static let keyColumnAccess = T(sv: "Ge/avsluta flera", en: "Grant/end several")
  static let helpColumnAccess = T(
    sv:
      "Ge de markerade (eller alla som visas) behörighet till den valda e-tjänsten, eller avsluta den när alla redan har den; datumen frågas en gång, alla eller ingen",
    en:
      "Grant the marked people (or everyone shown) access to the chosen e-service, or end it when all have it; the dates are asked once, all or none"
  )
  static let nobodyToGrant = T(
    sv: "Ingen som visas kan få behörighet.", en: "Nobody shown can be granted access.")
  static let marked = Adjective(sv: "markerad", "markerat", "markerade", en: "marked")
  /// "1 markerad", "2 markerade": people, the noun understood.
  static func markedCount(_ n: Int) -> T { marked.count(n, of: Noun.person) }
  static func grantColumnTitle(_ service: String, _ n: Int, having: Int) -> T {
    let people = Noun.person.count(n)
    let have = T(sv: " (\(having) har den redan)", en: " (\(having) have it already)")
    return T(
      sv: "Ge \(people.sv) behörighet till \(service)\(having > 0 ? have.sv : "")",
      en: "Grant \(people.en) access to \(service)\(having > 0 ? have.en : "")")
  }
  static func endColumnTitle(_ service: String, _ n: Int) -> T {
    let people = Noun.person.count(n)
    return T(
      sv: "Avsluta behörigheten till \(service) för \(people.sv)",
      en: "End the access to \(service) for \(people.en)")
  }
}

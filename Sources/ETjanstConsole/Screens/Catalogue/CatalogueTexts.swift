import ETjanstDomain

/// Every text of the E-tjänster screen, Swedish and English side by side. Status,
/// role, audience and flag words live with the domain (CatalogueLabels.swift),
/// since the command line and the rules use them too.
enum CatalogueTexts {
  // MARK: - Columns
  static let name = T(sv: "Namn", en: "Name")
  static let department = T(sv: "Förvaltning", en: "Department")
  static let status = T(sv: "Status", en: "Status")
  static let audience = T(sv: "Målgrupp", en: "Audience")
  static let category = T(sv: "Kategori", en: "Category")
  static let owner = T(sv: "E-tjänsteägare", en: "E-service owner")
  static let reviewed = T(sv: "Granskad", en: "Reviewed")
  static let flags = T(sv: "Flaggor", en: "Flags")

  // MARK: - Keys
  static let keyOpen = T(sv: "Öppna", en: "Open")
  static let helpOpen = T(
    sv: "Visa allt: ansvar, flaggor, rapporter, statushistorik",
    en: "Show everything: owners, flags, reports, status history")
  static let keyStatusFilter = T(sv: "Statusfilter", en: "Status filter")
  static let helpStatusFilter = T(
    sv: "Visa bara en status, t.ex. Publicerad", en: "Show one status only, e.g. Published")
  static let helpStatusFilterBack = T(
    sv: "Statusfiltret bakåt", en: "The status filter backwards")
  static let keyNew = T(sv: "Ny", en: "New")
  static let helpNew = T(sv: "Lägg till en e-tjänst", en: "Add an e-service")
  static let keyEdit = T(sv: "Ändra", en: "Edit")
  static let helpEdit = T(sv: "Ändra e-tjänstens uppgifter", en: "Edit the e-service")
  static let keyRemove = T(sv: "Ta bort", en: "Remove")
  static let helpRemove = T(
    sv: "Ta bort (frågar; nekas vid beställning, behörighet, ärende)",
    en: "Remove (asks; refused while an order, access, case refers)")
  static let keyStatus = T(sv: "Status", en: "Status")
  static func source(_ source: PublicationSource) -> T {
    switch source {
    case .orderStep5: return T(sv: "beställningens steg 5", en: "the order's step 5")
    case .registeredRunning:
      return T(sv: "registrerad som redan i drift", en: "registered as already running")
    }
  }
  static let statusChangedOn = T(sv: "Ändrades den", en: "Changed on")
  static let registrationReason = T(
    sv: "Skäl, om redan i drift", en: "Why, if already running")
  static let registerRunning = T(
    sv: "Publicerad – redan i drift", en: "Published – already running")
  static let helpStatus = T(
    sv: "Byt status; datum och vem sparas i historiken",
    en: "Change the status; date and who are kept in the history")
  static let keyReport = T(sv: "Rapportera", en: "Report")
  static let helpReport = T(
    sv: "Rapportera fel/revideringsbehov (status: Revidering behövs)",
    en: "Report an error/revision need (status: Revision needed)")
  static let keyResolve = T(sv: "Åtgärda", en: "Resolve")
  static let keyReviewed = T(sv: "Granskad idag", en: "Reviewed today")
  static let helpReviewed = T(
    sv:
      "Notera att verksamheten har granskat e-tjänsten idag (4); nästa granskning räknas härifrån",
    en:
      "Record that the department reviewed the e-service today (4); the next review is due from here"
  )
  static let helpResolve = T(
    sv: "Markera en öppen rapport som åtgärdad, med vad som gjordes",
    en: "Mark an open report resolved, with what was done")
  static let keyBack = T(sv: "Tillbaka", en: "Back")
  static let helpBack = T(sv: "Tillbaka till listan", en: "Back to the list")
  static let keyScroll = T(sv: "Rulla", en: "Scroll")
  static let flagsHelpTitle = T(sv: "Flagga", en: "Flag")
  static func flagHelp(_ flag: ServiceFlag) -> T {
    switch flag {
    case .reviewOverdue:
      return T(
        sv: "Flagga: granskning försenad (eller aldrig granskad)",
        en: "Flag: review overdue (or never reviewed)")
    case .openReports:
      return T(
        sv: "Flagga: öppna rapporter om fel eller revidering",
        en: "Flag: open reports of errors or revision needs")
    case .inactivePerson:
      return T(
        sv: "Flagga: ägare eller kontaktperson har slutat",
        en: "Flag: an owner or the contact person has left")
    case .notOnOpenEPlatform:
      return T(
        sv: "Flagga: ligger inte på Open ePlatform (1.1)", en: "Flag: not on Open ePlatform (1.1)")
    case .noOwner:
      return T(
        sv: "Flagga: publicerad utan e-tjänsteägare (4)",
        en: "Flag: published with no service owner (4)")
    case .registeredUnreviewed:
      return T(
        sv: "Flagga: registrerad som redan i drift, inte granskad sedan (6)",
        en: "Flag: registered as already running, not reviewed since (6)")
    case .notInProcessingRegister:
      return T(
        sv: "Flagga: behandlar personuppgifter men saknas i registerförteckningen (GDPR art. 30)",
        en: "Flag: processes personal data but is not in the register of processing (GDPR art. 30)")
    }
  }

  // MARK: - Status line
  static let allStatuses = T(sv: "alla", en: "all")
  static func statusFilter(_ label: String) -> T {
    T(sv: "status: \(label)", en: "status: \(label)")
  }

  // MARK: - Detail
  static let platform = T(sv: "Plattform", en: "Platform")
  static let flowFamily = T(sv: "Flödesfamilj", en: "Flow family")
  static let address = T(sv: "Adress", en: "Address")
  static let noFlags = T(sv: "inga", en: "none")
  static let roles = T(sv: "Ansvar", en: "Responsibility")
  static let service = T(sv: "Tjänsten", en: "The service")
  static let eLegitimation = T(sv: "E-legitimation", en: "E-legitimation")
  static let signing = T(sv: "Signering", en: "Signing")
  static let automated = T(sv: "Automatiserad", en: "Automated")
  static let paperForms = T(sv: "Ersätter blanketter", en: "Replaces paper forms")
  static let caseVolume = T(sv: "Ärenden per år", en: "Cases per year")
  static let handlingTime = T(sv: "Handläggningstid", en: "Handling time")
  static let legalNote = T(sv: "Lagkrav", en: "Legal requirements")
  static let lastReviewed = T(sv: "Senast granskad", en: "Last reviewed")
  static let reviewInterval = T(sv: "Granskas var (mån)", en: "Review every (months)")
  static let statusHistory = T(sv: "Statushistorik", en: "Status history")
  static let notSet = T(sv: "–", en: "–")
  static let inactive = T(sv: "[slutat]", en: "[left]")
  static let open = T(sv: "ÖPPEN", en: "OPEN")
  static let resolved = T(sv: "ÅTGÄRDAD", en: "RESOLVED")
  static func since(_ status: String, _ when: String) -> T {
    T(sv: "\(status) sedan \(when)", en: "\(status) since \(when)")
  }
  static func handling(_ before: String, _ after: String) -> T {
    T(
      sv: "\(before) dagar före, \(after) dagar efter",
      en: "\(before) days before, \(after) days after")
  }
  static func review(_ months: Int, due: String) -> T {
    T(
      sv: "var \(months):e månad, nästa senast \(due)",
      en: "every \(Noun.month.count(months).en), next by \(due)"
    )
  }
  static func reports(open: Int, total: Int) -> T {
    T(
      sv: "Rapporter (\(Adjective.open.count(open, of: .report).sv) av \(total))",
      en: "Reports (\(Adjective.open.count(open, of: .report).en) of \(total))")
  }
  static let noReports = T(sv: "Inga rapporter.", en: "No reports.")
  static func reportedBy(_ who: String) -> T { T(sv: "av \(who)", en: "by \(who)") }
  static func byWhom(_ who: String) -> T { T(sv: "(\(who))", en: "(\(who))") }

  // MARK: - Forms
  static let newTitle = T(sv: "Ny e-tjänst", en: "New e-service")
  static func editTitle(_ name: String) -> T { T(sv: "Ändra \(name)", en: "Edit \(name)") }
  static let choose = T(sv: "– välj –", en: "– choose –")
  static let handlingBefore = T(sv: "Handläggning före, dagar", en: "Handling before, days")
  static let handlingAfter = T(sv: "Handläggning efter, dagar", en: "Handling after, days")
  static let paperFormsField = T(sv: "Blanketter (en per rad)", en: "Paper forms (one a line)")
  static func statusTitle(_ name: String) -> T {
    T(sv: "Status för \(name)", en: "Status of \(name)")
  }
  static func reportTitle(_ name: String) -> T {
    T(sv: "Rapportera i \(name)", en: "Report in \(name)")
  }
  static func resolveTitle(_ name: String) -> T {
    T(sv: "Åtgärda rapport i \(name)", en: "Resolve a report in \(name)")
  }
  static let kind = T(sv: "Typ", en: "Kind")
  static let reportedOn = T(sv: "Datum", en: "Date")
  static let reportedByField = T(sv: "Rapportör", en: "Reported by")
  static let text = T(sv: "Beskrivning", en: "Description")
  static let report = T(sv: "Rapport", en: "Report")
  static let resolvedOn = T(sv: "Åtgärdad den", en: "Resolved on")
  static let resolution = T(sv: "Åtgärd", en: "Resolution")
  static let nothingSelected = T(sv: "Ingen e-tjänst är markerad.", en: "No e-service is selected.")
  static let noOpenReports = T(
    sv: "E-tjänsten har inga öppna rapporter.", en: "The e-service has no open reports.")

  // MARK: - Remove
  static let removeTitle = T(sv: "Ta bort e-tjänst", en: "Remove e-service")
  static func removeQuestion(_ name: String, _ department: String) -> T {
    T(
      sv:
        "Ta bort \(name) (\(department)) ur katalogen? Rapporter och statushistorik försvinner med den.",
      en:
        "Remove \(name) (\(department)) from the catalogue? Its reports and status history go with it."
    )
  }
}

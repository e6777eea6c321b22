// The staff rules' refusals, in words a department understands (guideline 4.1, 4.2).

extension RuleViolation {
  static let staffMember = LocalizedText(sv: "Medarbetaren", en: "The staff member")
  static let theCase = LocalizedText(sv: "Ärendet", en: "The case")

  static func loginTaken(_ login: String, by name: String) -> RuleViolation {
    RuleViolation(
      section: "4.1", field: "login",
      LocalizedText(
        sv: "Inloggningen '\(login)' används redan av \(name).",
        en: "The login '\(login)' is already used by \(name)."))
  }

  static func unknownDepartment() -> RuleViolation {
    RuleViolation(
      field: "department", LocalizedText(sv: "Välj en förvaltning.", en: "Choose a department."))
  }

  static func unknownService(field: String = "service") -> RuleViolation {
    RuleViolation(
      field: field,
      LocalizedText(sv: "Välj en e-tjänst som finns.", en: "Choose an existing e-service."))
  }

  static func endBeforeStart() -> RuleViolation {
    RuleViolation(
      section: "4.2", field: "endDate",
      LocalizedText(
        sv: "Slutdatum kan inte vara före startdatum.",
        en: "The end date cannot be before the start date."))
  }

  static func validToBeforeFrom() -> RuleViolation {
    RuleViolation(
      field: "validTo",
      LocalizedText(
        sv: "Giltig till kan inte vara före giltig från.",
        en: "Valid to cannot be before valid from."))
  }

  static func removed(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4.2",
      LocalizedText(
        sv: "\(name) är borttagen från plattformen och kan inte få behörighet eller ärenden.",
        en: "\(name) has been removed from the platform and cannot be given access or cases."))
  }

  /// Names each open case, so the e-coordinator sees what is left to do.
  static func openCasesRemain(_ name: String, _ cases: [String]) -> RuleViolation {
    let list = cases.joined(separator: "; ")
    return RuleViolation(
      section: "4.2",
      LocalizedText(
        sv:
          "\(name) kan inte tas bort från plattformen: \(cases.count) pågående ärenden är varken avslutade eller överförda: \(list). Sätt dem till 'Avslutad/Arkiverad' eller för över dem till en kollega.",
        en:
          "\(name) cannot be removed from the platform: \(cases.count) ongoing cases are neither closed nor transferred: \(list). Set them to 'Avslutad/Arkiverad' (closed/archived) or transfer them to a colleague."
      ))
  }

  static func reasonRequired() -> RuleViolation {
    RuleViolation(
      section: "4.2", field: "reason",
      LocalizedText(
        sv: "Skriv varför medarbetaren tas bort trots öppna ärenden; skälet sparas och visas.",
        en:
          "Write why the staff member is removed despite open cases; the reason is kept and shown.")
    )
  }

  static func transferTargetUnavailable(_ name: String, _ status: StaffStatus) -> RuleViolation {
    let why: LocalizedText =
      switch status {
      case .offboarding: LocalizedText(sv: "slutar själv", en: "is leaving too")
      case .removed:
        LocalizedText(sv: "är borttagen från plattformen", en: "has been removed from the platform")
      default: LocalizedText(sv: "är inte aktiv", en: "is not active")
      }
    return RuleViolation(
      section: "4.2", field: "colleague",
      LocalizedText(
        sv: "Ärendena kan inte föras över till \(name): \(name) \(why.sv).",
        en: "The cases cannot be transferred to \(name): \(name) \(why.en)."))
  }

  static func transferTargetLacksAccess(
    _ name: String, _ cases: [(number: String, service: String)]
  ) -> RuleViolation {
    let list = cases.map { "\($0.number) (\($0.service))" }.joined(separator: ", ")
    return RuleViolation(
      section: "4.2", field: "colleague",
      LocalizedText(
        sv:
          "\(name) saknar behörighet som handläggare för e-tjänsten i ärende \(list). Ge behörigheten först eller välj en annan kollega.",
        en:
          "\(name) has no case-officer access to the e-service of case \(list). Grant it first or choose another colleague."
      ))
  }

  static func sameOfficer(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4.2", field: "colleague",
      LocalizedText(sv: "Ärendet är redan \(name)s.", en: "The case is already \(name)'s."))
  }

  static func caseNotOpen(_ number: String) -> RuleViolation {
    RuleViolation(
      section: "4.2",
      LocalizedText(
        sv: "Ärende \(number) är redan avslutat.", en: "Case \(number) is already closed."))
  }

  static func noOpenCases(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4.2",
      LocalizedText(sv: "\(name) har inga öppna ärenden.", en: "\(name) has no open cases."))
  }

  static func caseNumberTaken(_ number: String) -> RuleViolation {
    RuleViolation(
      field: "number",
      LocalizedText(
        sv: "Ärendenummer \(number) finns redan.", en: "Case number \(number) already exists."))
  }

  static func stepNotInChecklist() -> RuleViolation {
    RuleViolation(
      LocalizedText(
        sv: "Steget hör inte till någon av medarbetarens checklistor.",
        en: "The step is not on any of the staff member's checklists."))
  }

  static func noAccessToTick(_ name: String) -> RuleViolation {
    var v = RuleViolation(
      section: "4.1",
      LocalizedText(
        sv: "\(name) har ännu ingen behörighet till någon e-tjänst. Ge behörighet först.",
        en: "\(name) has no access to any e-service yet. Grant access first."))
    v.remedy = .grantAccess
    return v
  }

  static func alreadyRemoved(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4.2",
      LocalizedText(sv: "\(name) är redan borttagen.", en: "\(name) has already been removed."))
  }

  static func removalIsItsOwnStep() -> RuleViolation {
    var v = RuleViolation(
      section: "4.2",
      LocalizedText(
        sv: "Borttagning görs med 'Ta bort från plattformen', som kontrollerar ärendena.",
        en: "Removal is done with 'Remove from platform', which checks the cases."))
    v.remedy = .removeFromPlatform
    return v
  }
}

import ETjanstDomain

/// Headings of the text table in the reader's language. CSV and JSON keep the
/// stable English keys. Every column has a heading here (a test says so).
enum ColumnLabel {
  /// The heading of `key` in `language`; an id column ("departmentId") is its
  /// reference's heading with "(id)".
  static func text(_ key: String, _ language: Language) -> String {
    label(key)?(language) ?? key
  }

  static func label(_ key: String) -> LocalizedText? {
    if let label = labels[key] ?? declared[key] { return label }
    for suffix in ["Ids", "Id"] where key.hasSuffix(suffix) {
      guard let base = labels[String(key.dropLast(suffix.count))] else { continue }
      return LocalizedText(sv: base.sv + " (id)", en: base.en + " (id)")
    }
    return nil
  }

  /// The headings of the columns the field declarations make (the e-service's, the
  /// outage's and a staff member's details), each its field's label.
  private static let declared: [String: LocalizedText] = Dictionary(
    FieldColumns.export(EService.storedFields).map { ($0.key, $0.label) }
      + FieldColumns.export(Outage.storedFields).map { ($0.key, $0.label) }
      + FieldColumns.export(StaffMember.details).map { ($0.key, $0.label) },
    uniquingKeysWith: { first, _ in first })

  private static let labels: [String: LocalizedText] = [
    "name": T(sv: "Namn", en: "Name"),
    "ref": T(sv: "Ref", en: "Ref"),
    "sender": T(sv: "Avsändare", en: "Sender"),
    "senderName": T(sv: "Avsändarens namn", en: "Sender's name"),
    "subject": T(sv: "Gäller", en: "Subject"),
    "sent": T(sv: "Skickad", en: "Sent"),
    "daysWaiting": T(sv: "Dagar", en: "Days"),
    "day": T(sv: "Datum", en: "Day"),
    "signing": T(sv: "Signering", en: "Signing"),
    "ends": T(sv: "Avsluta", en: "End"),
    "urgent": T(sv: "Brådskande", en: "Urgent"),
    "revision": T(sv: "Revidering", en: "Revision"),
    "became": T(sv: "Blev", en: "Became"),
    "checklist": T(sv: "Checklista", en: "Checklist"),
    "checklistDone": T(sv: "Klara steg", en: "Steps done"),
    "checklistSteps": T(sv: "Steg", en: "Steps"),
    "report": T(sv: "Felrapport", en: "Error report"),
    "person": T(sv: "Medarbetare", en: "Staff member"),
    "text": T(sv: "Beskrivning", en: "Description"),
    "answeredBy": T(sv: "Besvarad av", en: "Answered by"),
    "answeredAt": T(sv: "Besvarad", en: "Answered"),
    "reason": T(sv: "Skäl", en: "Reason"),
    "title": T(sv: "Rubrik", en: "Title"),
    "department": T(sv: "Förvaltning", en: "Department"),
    "statusLabel": T(sv: "Status", en: "Status"),
    "status": T(sv: "Status", en: "Status"),
    "serviceOwnerName": T(sv: "E-tjänsteägare", en: "E-service owner"),
    "flags": T(sv: "Flaggor", en: "Flags"),
    "login": T(sv: "Inloggning", en: "Login"),
    "openCases": T(sv: "Öppna ärenden", en: "Open cases"),
    "endDate": T(sv: "Slutdatum", en: "End date"),
    "service": T(sv: "E-tjänst", en: "E-service"),
    "validTo": T(sv: "Giltig till", en: "Valid to"),
    "flag": T(sv: "Flagga", en: "Flag"),
    "number": T(sv: "Ärende", en: "Case"),
    "officerName": T(sv: "Handläggare", en: "Officer"),
    "step": T(sv: "Steg", en: "Step"),
    "state": T(sv: "Läge", en: "State"),
    "daysInStep": T(sv: "Dagar i steget", en: "Days in step"),
    "overdue": T(sv: "Försenad", en: "Overdue"),
    "lastReviewed": T(sv: "Granskad", en: "Reviewed"),
    "lastTested": T(sv: "Testad", en: "Tested"),
    "start": T(sv: "Start", en: "Start"),
    "drill": T(sv: "Övning", en: "Drill"),
    "scope": T(sv: "Omfattning", en: "Scope"),
    "minutesToContact": T(sv: "Min. till kontakt", en: "Min. to contact"),
    "end": T(sv: "Slut", en: "End"),
    "at": T(sv: "Tid", en: "Time"),
    "what": T(sv: "Ändring", en: "Change"),
    "id": T(sv: "Id", en: "Id"),
    "staff": T(sv: "Medarbetare", en: "Staff member"),
    "services": T(sv: "E-tjänster", en: "E-services"),
    "officer": T(sv: "Handläggare (inloggning)", en: "Officer (login)"),
    "transferredFrom": T(sv: "Överfört från", en: "Transferred from"),
    "manager": T(sv: "Chef", en: "Manager"),
    "startDate": T(sv: "Startdatum", en: "Start date"),
    "canSign": T(sv: "Signerar", en: "Signs"),
    "onboardingDone": T(sv: "Introduktion klar", en: "Onboarding done"),
    "onboardingOverdue": T(sv: "Introduktion försenad", en: "Onboarding overdue"),
    "offboardingDone": T(sv: "Avslut klart", en: "Offboarding done"),
    "offboardingOverdue": T(sv: "Avslut försenat", en: "Offboarding overdue"),
    "removalOverride": T(sv: "Skäl vid borttagning", en: "Reason for removal"),
    "validFrom": T(sv: "Giltig från", en: "Valid from"),
    "validToday": T(sv: "Giltig i dag", en: "Valid today"),
    "audience": T(sv: "Målgrupp", en: "Audience"),
    "category": T(sv: "Kategori", en: "Category"),
    "statusSince": T(sv: "Status sedan", en: "Status since"),
    "platform": T(sv: "Plattform", en: "Platform"),
    "onOpenEPlatform": T(sv: "På Open ePlatform", en: "On Open ePlatform"),
    "flowFamilyId": T(sv: "Flödesfamilj", en: "Flow family"),
    "address": T(sv: "Adress", en: "Address"),
    "processOwner": T(sv: "Processägare", en: "Process owner"),
    "serviceOwner": T(sv: "E-tjänsteägare", en: "E-service owner"),
    "informationOwner": T(sv: "Informationsägare", en: "Information owner"),
    "dataController": T(sv: "Personuppgiftsansvarig", en: "Data controller"),
    "contactPerson": T(sv: "Kontaktperson", en: "Contact person"),
    "needsELegitimation": T(sv: "E-legitimation", en: "E-identification"),
    "needsSigning": T(sv: "Underskrift", en: "Signing"),
    "automated": T(sv: "Automatiserad", en: "Automated"),
    "paperFormsReplaced": T(sv: "Ersätter blanketter", en: "Paper forms replaced"),
    "yearlyCaseVolume": T(sv: "Ärenden per år", en: "Cases a year"),
    "handlingDaysBefore": T(sv: "Handläggningsdagar före", en: "Handling days before"),
    "handlingDaysAfter": T(sv: "Handläggningsdagar efter", en: "Handling days after"),
    "reviewIntervalMonths": T(sv: "Granskas var (mån.)", en: "Review every (months)"),
    "reviewDue": T(sv: "Granskas senast", en: "Review due"),
    "openReports": T(sv: "Öppna rapporter", en: "Open reports"),
    "reports": T(sv: "Rapporter", en: "Reports"),
    "legalNote": T(sv: "Lagkrav", en: "Legal requirements"),
    "stepName": T(sv: "Stegets namn", en: "Step name"),
    "holdReason": T(sv: "Skäl", en: "Reason"),
    "leadTimeDays": T(sv: "Dagar sedan start", en: "Lead time (days)"),
    "rank": T(sv: "Prioritet", en: "Rank"),
    "effectScore": T(sv: "Effekt", en: "Effect"),
    "orderCaseNumber": T(sv: "Beställningens ärende", en: "Order case number"),
    "contactEmail": T(sv: "Kontaktens e-post", en: "Contact e-mail"),
    "serviceStatus": T(sv: "E-tjänstens status", en: "E-service status"),
    "meetingAt": T(sv: "Möte", en: "Meeting"),
    "meetingPlace": T(sv: "Mötesplats", en: "Meeting place"),
    "comments": T(sv: "Kommentarer", en: "Comments"),
    "openComments": T(sv: "Öppna kommentarer", en: "Open comments"),
    "agreedBy": T(sv: "Överenskommet av", en: "Agreed by"),
    "created": T(sv: "Skapad", en: "Created"),
    "hasRoutine": T(sv: "Har rutin", en: "Has routine"),
    "location": T(sv: "Förvaras", en: "Kept at"),
    "responsible": T(sv: "Ansvarig", en: "Responsible"),
    "observed": T(sv: "Iakttaget", en: "Observed"),
    "declaredBy": T(sv: "Anmält av", en: "Declared by"),
    "contactAt": T(sv: "Kontakt", en: "Contact"),
    "contactChannel": T(sv: "Kontaktväg", en: "Contact channel"),
    "contactBy": T(sv: "Kontakt av", en: "Contact by"),
    "contactReference": T(sv: "Kontaktens referens", en: "Contact reference"),
    "contactLate": T(sv: "Kontakt sen", en: "Contact late"),
    "minutesToEnd": T(sv: "Min. till slut", en: "Min. to end"),
    "departmentsAffected": T(sv: "Berörda förvaltningar", en: "Departments affected"),
    "departmentsNotified": T(sv: "Underrättade förvaltningar", en: "Departments notified"),
    "cause": T(sv: "Orsak", en: "Cause"),
    "followUp": T(sv: "Uppföljning", en: "Follow-up"),
    "kind": T(sv: "Typ", en: "Kind"),
    "scopeServiceIds": T(sv: "Omfattning (id)", en: "Scope (id)"),
    "officerId": T(sv: "Handläggare (id)", en: "Officer (id)"),
    "changes": T(sv: "Gammalt → nytt", en: "Old → new"),
  ]

  private typealias T = LocalizedText
}

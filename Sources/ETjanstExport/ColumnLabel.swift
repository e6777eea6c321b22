import ETjanstDomain

/// Headings of the text table in the reader's language. CSV and JSON keep the
/// stable English keys; a key without a heading here is shown as itself.
enum ColumnLabel {
  static func text(_ key: String, _ language: Language) -> String {
    guard let label = labels[key] else { return key }
    return label(language)
  }

  private static let labels: [String: LocalizedText] = [
    "name": T(sv: "Namn", en: "Name"),
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
  ]

  private typealias T = LocalizedText
}

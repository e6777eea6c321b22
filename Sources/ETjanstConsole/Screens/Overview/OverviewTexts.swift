import ETjanstDomain

/// The overview's texts, Swedish and English side by side.
enum OverviewTexts {
  typealias T = LocalizedText
  static let goalsTitle = T(sv: "Mål (riktlinjen, avsnitt 2)", en: "Goals (guideline, section 2)")
  static let published = T(sv: "Publicerade e-tjänster", en: "Published e-services")
  static func externalInternal(_ e: Int, _ i: Int) -> T {
    T(sv: "\(e) externa, \(i) interna", en: "\(e) external, \(i) internal")
  }
  static let paperForms = T(sv: "Ersatta pappersblanketter", en: "Paper forms replaced")
  static let automated = T(sv: "Automatiserade e-tjänster", en: "Automated e-services")
  static let digitalCases = T(sv: "Ärenden per år via e-tjänst", en: "Yearly cases via e-services")
  static let handling = T(sv: "Handläggningstid före → efter", en: "Handling time before → after")
  static let leadTime = T(sv: "Ledtid beställning → publicerad", en: "Lead time order → published")
  static let openOrders = T(sv: "Pågående beställningar", en: "Open orders")
  static let offPlatform = T(sv: "Utanför Open ePlatform", en: "Outside Open ePlatform")
  static let days = T(sv: "dagar", en: "days")
  static let requestsDone = T(
    sv: "Begäran → klar, mediandagar", en: "Request → done, median days")
  static let contactTitle = T(sv: "Kontakt (avsnitt 5 och 4.3)", en: "Contact (sections 5 and 4.3)")
  static let coordinator = T(sv: "E-samordnare", en: "E-coordinator")
  static let systemAdministrator = T(sv: "Norrbottens e-nämnd", en: "Norrbottens e-nämnd")
  static let columnSeverity = T(sv: "Nivå", en: "Level")
  static let columnSection = T(sv: "Avs.", en: "Sec.")
  static let columnSubject = T(sv: "Gäller", en: "Concerns")
  static let columnMessage = T(sv: "Behöver åtgärdas", en: "Needs attention")
  static let violation = T(sv: "BRIST", en: "BREACH")
  static let warning = T(sv: "VARNING", en: "WARNING")
  static let notice = T(sv: "notis", en: "notice")
  static let nothingNeedsAttention = T(
    sv: "Inget behöver åtgärdas just nu.", en: "Nothing needs attention right now.")
  /// While the first findings are worked out (a region's take a moment).
  static let lookingThrough = T(
    sv: "Går igenom registret…", en: "Going through the store…")
  static func attentionCount(_ shown: Int, _ total: Int) -> T {
    shown == total
      ? T(sv: "\(total) saker behöver åtgärdas", en: "\(total) things need attention")
      : T(
        sv: "\(shown) av \(total) saker som behöver åtgärdas",
        en: "\(shown) of \(total) things needing attention")
  }
  static let keyGo = T(sv: "Gå dit", en: "Go there")
  static let helpGo = T(
    sv: "Öppna skärmen där den markerade saken åtgärdas",
    en: "Open the screen where the selected item is dealt with")
}

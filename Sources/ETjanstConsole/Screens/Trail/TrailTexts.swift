import ETjanstDomain

enum TrailTexts {
  typealias T = LocalizedText

  static let title = T(sv: "Logg", en: "Audit trail")
  static func history(_ name: String) -> T { T(sv: "Historik · \(name)", en: "History · \(name)") }
  static let saved = T(sv: "Sparad", en: "Saved")
  static let who = T(sv: "Vem", en: "Who")
  static let what = T(sv: "Vad", en: "What")
  static let changes = T(sv: "Ändring", en: "Change")
  static let reading = T(sv: "Läser loggen …", en: "Reading the trail …")
  static let empty = T(sv: "Inga poster.", en: "No entries.")
  static let emptyFiltered = T(sv: "Inga poster matchar.", en: "No entries match.")
  static func count(_ n: Int, more: Bool) -> T {
    more
      ? T(
        sv: "\(Noun.entry.count(n).sv) hittills · fler läses när du bläddrar",
        en: "\(Noun.entry.count(n).en) so far · more load as you scroll")
      : Noun.entry.count(n)
  }
  static func kindFilter(_ kind: String) -> T {
    let word = ChangeKind.label(kind)
    return T(sv: "typ: \(word.sv)", en: "kind: \(word.en)")
  }
  static let cannotRead = T(sv: "Loggen kunde inte läsas", en: "The trail could not be read")
  static let entryTitle = T(sv: "Loggpost", en: "Trail entry")
  static let keyOpen = T(sv: "Visa", en: "Show")
  static let keyOpenHelp = T(
    sv: "Visa hela posten: varje fält med gammalt och nytt värde",
    en: "Show the whole entry: every field with its old and new value")
  static let keyFilter = T(sv: "Filtrera", en: "Filter")
  static let keyFilterHelp = T(
    sv: "Filtrera på ord: namn, e-tjänst, värde eller datum (2026-03)",
    en: "Filter by words: a name, an e-service, a value or a date (2026-03)")
  static let keyKind = T(sv: "Samma typ", en: "Same kind")
  static let keyKindHelp = T(
    sv: "Bara poster av samma typ som den valda (igen: alla typer)",
    en: "Only entries of the selected one's kind (again: every kind)")
  static let keyBack = T(sv: "Tillbaka", en: "Back")
  static let keyHistory = T(sv: "Historik", en: "History")
  static let keyHistoryHelp = T(
    sv: "Loggen för den här: vem ändrade vad, när, med gammalt och nytt värde",
    en: "The trail of this one: who changed what, when, with old and new values")
  static let commandHelp = T(
    sv: "Loggen: vem ändrade vad, när, med gammalt → nytt värde",
    en: "The audit trail: who changed what, when, with old → new values")
  static let byLine = T(sv: "Av", en: "By")
  static let kindLine = T(sv: "Typ", en: "Kind")
}

import ETjanstDomain

/// The texts of forms: saving, lists, conflicts, waiting for another's save.
extension Texts {
  static let nothingChanged = T(
    sv: "Inget ändrat; inget sparades.", en: "Nothing changed; nothing was saved.")
  static func chosenCount(_ n: Int) -> T { T(sv: "\(n) valda", en: "\(n) chosen") }

  static func conflictTitle(_ savedBy: String?) -> T {
    guard let savedBy else {
      return T(sv: "Någon annan har ändrat samma fält", en: "Someone else changed the same field")
    }
    return T(sv: "\(savedBy) har ändrat samma fält", en: "\(savedBy) changed the same field")
  }
  static let conflictIntro = T(
    sv: "Välj för varje fält vilket värde som ska gälla:",
    en: "For each field, choose which value to keep:")
  /// The other save's value, by the name of who saved it.
  static func conflictTheirs(_ savedBy: String?) -> T {
    guard let savedBy else { return T(sv: "Den andras", en: "The other save's") }
    // Swedish adds no s to a name that ends in one ("Lars värde").
    let sv = ["s", "x", "z"].contains(savedBy.suffix(1).lowercased()) ? savedBy : savedBy + "s"
    return T(sv: sv, en: "\(savedBy)'s")
  }
  static let conflictYours = T(sv: "Ditt", en: "Yours")
  /// A person's language as the form offers it: none chosen reads as Swedish.
  static let languageChoices: [(Language?, T)] =
    [(nil, T(sv: "inte valt (svenska)", en: "not chosen (Swedish)"))]
    + Language.allCases.map { ($0, $0.label) }
  static let conflictEmpty = T(sv: "(tomt)", en: "(empty)")
  static func conflictKeys(_ keys: KeyNames) -> T {
    keyLine(
      keys,
      [
        (.nextField, T(sv: "fält", en: "field")), (.choose, T(sv: "väljer", en: "chooses")),
        (.save, T(sv: "sparar", en: "saves")),
        (.cancel, T(sv: "tillbaka till formuläret", en: "back to the form")),
      ])
  }

  /// "linnea 4711" (login and process id, as the lock file says) → "linnea (process 4711)".
  static func waitingFor(holder: String) -> T {
    let parts = holder.split(separator: " ")
    let stop = Program.stopWaitingKey.description
    guard let login = parts.first else {
      return T(
        sv: "Väntar på att en annan process sparar klart … (\(stop) slutar vänta)",
        en: "Waiting for another process to finish saving … (\(stop) stops waiting)")
    }
    let who = parts.count > 1 ? "\(login) (process \(parts[parts.count - 1]))" : String(login)
    return T(
      sv: "Väntar på att \(who) sparar klart … (\(stop) slutar vänta)",
      en: "Waiting for \(who) to finish saving … (\(stop) stops waiting)")
  }
  static let waitGivenUp = T(
    sv: "Slutade vänta; inget sparades. Formuläret finns kvar.",
    en: "Stopped waiting; nothing was saved. The form is still here.")
  static let busySaving = T(
    sv: "En sparning pågår redan; vänta eller tryck \(Program.stopWaitingKey.description).",
    en: "A save is already under way; wait or press \(Program.stopWaitingKey.description).")
}

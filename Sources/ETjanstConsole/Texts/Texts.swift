import ETjanstDomain

/// Every user-facing text of the console's frame, in both languages side by side
/// (gitui's strings file). Screens keep theirs in `Texts+<Screen>.swift`.
public enum Texts {
  typealias T = LocalizedText

  // MARK: - Tabs
  static let tabOverview = T(sv: "Översikt", en: "Overview")
  static let tabCatalogue = T(sv: "E-tjänster", en: "E-services")
  static let tabStaff = T(sv: "Personal", en: "Staff")
  static let tabOutages = T(sv: "Avbrott & reservrutiner", en: "Outages & fallback routines")
  static let tabOutagesShort = T(sv: "Avbrott", en: "Outages")
  static let tabOrders = T(sv: "Beställningar", en: "Orders")

  // MARK: - Title line
  static let roleCoordinator = T(sv: "e-samordnare", en: "e-coordinator")
  static func roleManager(_ department: String) -> T {
    T(sv: "chef, \(department)", en: "manager, \(department)")
  }
  static let readOnlyMark = T(sv: "LÄSLÄGE", en: "READ-ONLY")

  // MARK: - Global keys
  static let keyScreens = T(sv: "Skärm", en: "Screen")
  static let helpScreens = T(
    sv: "Byt skärm: Översikt, E-tjänster, Personal, Avbrott, Beställningar i den ordningen",
    en: "Switch screen: Overview, E-services, Staff, Outages, Orders in that order")
  static let keyNextScreen = T(sv: "Nästa skärm", en: "Next screen")
  static let keyPreviousScreen = T(sv: "Föregående skärm", en: "Previous screen")
  static let keyUndo = T(sv: "Ångra", en: "Undo")
  static let helpUndo = T(
    sv: "Ångra den senaste ändringen du gjort i den här sessionen",
    en: "Undo the last change you made in this session")
  static let keyHelp = T(sv: "Hjälp", en: "Help")
  static let helpHelp = T(
    sv: "Visa alla tangenter för skärmen", en: "Show every key of this screen")
  static let keyQuit = T(sv: "Avsluta", en: "Quit")
  static let helpQuit = T(
    sv: "Tillbaka; på översta nivån avslutar (utanför översikten efter en fråga)",
    en: "Back; at the top level quits (away from the overview after a question)")
  static let keyRedraw = T(sv: "Rita om", en: "Redraw")
  static let quitEtjanst = T(sv: "Avsluta etjanst?", en: "Quit etjanst?")
  /// Said when leaving takes a second press of `key`.
  static func quitAgain(_ key: String) -> T {
    T(sv: "Tryck \(key) igen för att avsluta", en: "Press \(key) again to quit")
  }
  static let discardChanges = T(sv: "Kasta ändringarna?", en: "Discard the changes?")
  static let questionTitle = T(sv: "Fråga", en: "Question")
  /// The answer keys of a question, in the language shown.
  static let yesNo = T(sv: "j/n", en: "y/n")

  // MARK: - Lists
  static let keyMove = T(sv: "Flytta", en: "Move")
  static let helpMove = T(
    sv: "Flytta markeringen: en rad, en sida, en halv sida, först, sist",
    en: "Move the selection: a row, a page, half a page, first, last")
  static let keyFilter = T(sv: "Filtrera", en: "Filter")
  /// The filter's help; `keep` and `clear` are the keys that end the typing.
  static func helpFilter(
    keep: String = ListState.keepFilterKey.description,
    clear: String = ListState.clearFilterKey.description
  ) -> T {
    T(
      sv: "Filtrera medan du skriver; \(KeyNames.named(keep, .keepFilter)) behåller filtret, "
        + "\(KeyNames.named(clear, .clearFilter)) tar bort det",
      en: "Filter as you type; \(KeyNames.named(keep, .keepFilter)) keeps the filter, "
        + "\(KeyNames.named(clear, .clearFilter)) clears it")
  }
  static let keyClearFilter = T(sv: "Rensa filtret", en: "Clear the filter")
  static let helpClearFilter = T(
    sv: "Ta bort filtret och visa hela listan", en: "Remove the filter and show the whole list")
  static let keySort = T(sv: "Sortera", en: "Sort")
  static let helpSort = T(
    sv: "Sortera på nästa kolumn (svensk ordning: … Z Å Ä Ö)",
    en: "Sort by the next column (Swedish order: … Z Å Ä Ö)")
  static let helpSortReverse = T(sv: "Vänd sorteringsordningen", en: "Reverse the sort order")
  static let noRows = T(sv: "Inga rader.", en: "No rows.")
  static let noMatches = T(sv: "Inga träffar för filtret.", en: "Nothing matches the filter.")
  static func filterShown(_ text: String) -> T { T(sv: "Filter: \(text)", en: "Filter: \(text)") }
  static func rowCount(_ shown: Int, _ total: Int) -> T {
    shown == total
      ? T(sv: "\(total) st", en: "\(total)")
      : T(sv: "\(shown) av \(total)", en: "\(shown) of \(total)")
  }
  static func sortedBy(_ column: String, reversed: Bool) -> T {
    T(
      sv: "sorterat på \(column)\(reversed ? " ↓" : "")",
      en: "sorted by \(column)\(reversed ? " ↓" : "")")
  }

  // MARK: - Dialogs
  static let ok = T(sv: "OK", en: "OK")
  static let cancel = T(sv: "Avbryt", en: "Cancel")
  static let close = T(sv: "Stäng", en: "Close")
  static let save = T(sv: "Spara", en: "Save")
  static let next = T(sv: "Nästa fält", en: "Next field")
  static let choose = T(sv: "Välj", en: "Choose")
  static let edit = T(sv: "Redigera", en: "Edit")
  static let scroll = T(sv: "Rulla", en: "Scroll")
  static let yes = T(sv: "Ja", en: "Yes")
  static let no = T(sv: "Nej", en: "No")
  static let refusedTitle = T(sv: "Det gick inte", en: "Not done")
  static let helpTitle = T(sv: "Hjälp", en: "Help")
  static let helpGlobal = T(sv: "Överallt", en: "Everywhere")
  static let helpDialog = T(sv: "I dialogen", en: "In the dialog")
  static func canUndo(_ key: String) -> T {
    T(
      sv: "Du kan ångra med \(key) under sessionen.",
      en: "You can undo with \(key) during this session.")
  }
  static let nothingToUndo = T(
    sv: "Inget att ångra i den här sessionen.", en: "Nothing to undo in this session.")
  static func saved(_ summary: T) -> T {
    T(sv: "Sparat: \(summary.sv)", en: "Saved: \(summary.en)")
  }
  static func undone(_ summary: T) -> T {
    T(sv: "\(summary.sv) – klart", en: "\(summary.en) – done")
  }
  static func textEditorHint(_ keys: KeyNames) -> T {
    let line = keyLine(
      keys, [(.save, T(sv: "sparar", en: "saves")), (.cancel, T(sv: "avbryter", en: "cancels"))])
    return T(sv: "Skriv fritt. \(line.sv)", en: "Type freely. \(line.en)")
  }
  static let invalidDay = T(
    sv: "Skriv datumet som ÅÅÅÅ-MM-DD.", en: "Write the date as YYYY-MM-DD.")
  static let invalidDateTime = T(
    sv: "Skriv tiden som ÅÅÅÅ-MM-DD TT:MM.", en: "Write the time as YYYY-MM-DD HH:MM.")
  static let invalidNumber = T(sv: "Skriv ett heltal.", en: "Write a whole number.")

  // MARK: - Terminal
  static func tooSmall(_ width: Int, _ height: Int) -> T {
    T(
      sv: "Terminalen är för liten (\(width)×\(height)). Minst 80×24 behövs. "
        + "\(KeyNames.named(App.tooSmallQuitKey.description, .quit)) avslutar.",
      en: "The terminal is too small (\(width)×\(height)). At least 80×24 is needed. "
        + "\(KeyNames.named(App.tooSmallQuitKey.description, .quit)) quits.")
  }

  static func tooLarge(_ width: Int, _ height: Int) -> T {
    let most = "\(AppState.maximumWidth)×\(AppState.maximumHeight)"
    return T(
      sv: "Terminalen är för stor (\(width)×\(height)). Högst \(most) ritas. "
        + "\(KeyNames.named(App.tooSmallQuitKey.description, .quit)) avslutar.",
      en: "The terminal is too large (\(width)×\(height)). At most \(most) is drawn. "
        + "\(KeyNames.named(App.tooSmallQuitKey.description, .quit)) quits.")
  }

  /// A failed command or store error, in words for the user.
  public static func describe(_ error: any Error) -> LocalizedText {
    describe(error, keys: [])
  }

  /// A refusal naming its remedy ends with the key bound to it in `keys` (the
  /// bindings where the message is shown), never a letter written into the text.
  public static func describe(_ error: any Error, keys: [Binding]) -> LocalizedText {
    if let violation = error as? RuleViolation {
      guard let remedy = violation.remedy, let b = keys.first(where: { $0.remedy == remedy })
      else { return violation.message }
      let key = b.keys.first.map(\.description) ?? b.keyText
      return LocalizedText(
        sv: violation.message.sv + " (\(key): \(b.label.sv))",
        en: violation.message.en + " (\(key): \(b.label.en))")
    }
    if let conflict = error as? EditConflict { return conflict.message }
    if error is SaveWaitCancelled { return waitGivenUp }
    if error is SaveBusy { return busySaving }
    if let explained = error as? any ExplainedError { return explained.message }
    return T(verbatim: String(describing: error))
  }

  /// The store on disk became unusable while the console showed it.
  public static func storeUnusable(_ error: any Error) -> LocalizedText {
    let detail = describe(error)
    return LocalizedText(
      sv: "Visar det senast lästa läget; filen på disk kan inte användas: \(detail.sv)",
      en: "Showing the state last read; the file on disk cannot be used: \(detail.en)")
  }
}

extension Texts {
  /// "Enter sparar · Tab nästa fält · Esc avbryter": each key as `keys` binds it for
  /// what it says; a key not bound there is left out.
  static func keyLine(_ keys: KeyNames, _ items: [(KeyAction, LocalizedText)]) -> LocalizedText {
    let named = items.compactMap { action, words in keys[action].map { ($0, words) } }
    return LocalizedText(
      sv: named.map { "\($0.0) \($0.1.sv)" }.joined(separator: " · "),
      en: named.map { "\($0.0) \($0.1.en)" }.joined(separator: " · "))
  }

  static func formFooter(_ keys: KeyNames) -> LocalizedText {
    keyLine(
      keys,
      [
        (.editField, T(sv: "redigerar fältet", en: "edits the field")),
        (.save, T(sv: "sparar", en: "saves")), (.nextField, T(sv: "nästa fält", en: "next field")),
        (.cancel, T(sv: "avbryter", en: "cancels")),
      ])
  }

  static let keyCommand = LocalizedText(sv: "Kommando", en: "Command")
  static let helpCommand = LocalizedText(
    sv: "Kommandorad: skärmens namn (:personal), :språk en, :hjälp, :ångra, :avsluta",
    en: "Command line: a screen's name (:staff), :lang sv, :help, :undo, :quit")
  static let commandLanguage = LocalizedText(
    sv: "Byt språk: :språk sv eller :språk en", en: "Switch language: :lang sv or :lang en")
  static let complete = LocalizedText(sv: "Fyll i", en: "Complete")
  static let helpCommands = LocalizedText(sv: "Kommandon efter :", en: "Commands after :")
  static func unknownCommand(_ word: String) -> LocalizedText {
    LocalizedText(
      sv: "Okänt kommando ':\(word)'. Skriv :hjälp för en lista.",
      en: "Unknown command ':\(word)'. Type :help for a list.")
  }
}

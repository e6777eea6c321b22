import ETjanstDomain

/// Ctrl-Z: suspending the console to the shell that started it.
extension Texts {
  static let keySuspend = LocalizedText(sv: "Pausa till skalet", en: "Suspend to the shell")
  static let helpSuspend = LocalizedText(
    sv: "Pausar konsolen och ger terminalen till skalet; fg tar tillbaka den",
    en: "Suspends the console and gives the terminal to the shell; fg brings it back")
  static let notWhileSaving = LocalizedText(
    sv: "Pausen väntar tills sparandet är klart; försök igen om en stund.",
    en: "Suspending waits until the save is done; try again in a moment.")
  static let cannotSuspend = LocalizedText(
    sv: "Det går inte att pausa här: inget skal med jobbkontroll startade konsolen (som vid "
      + "ssh VÄRD etjanst). Avsluta och starta den från ett skal.",
    en: "Suspending cannot work here: no shell with job control started the console (as with "
      + "ssh HOST etjanst). Quit and start it from a shell.")
}

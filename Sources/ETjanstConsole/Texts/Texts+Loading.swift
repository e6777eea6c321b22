import ETjanstDomain

/// A large store still being read while the console shows (`AppState.loading`).
extension Texts {
  static let key = Noun(sv: "tangent", "tangenter", en: "key", "keys")

  static func loadingStore(bytes: Int) -> LocalizedText {
    let size = "\(max(1, bytes / 1_000_000)) MB"
    return LocalizedText(
      sv: "Läser in registret (\(size)) …", en: "Reading the store (\(size)) …")
  }

  static var keysWaitWhileLoading: LocalizedText {
    let quit = KeyNames.named(App.alwaysQuitKeys[0].description, .quit)
    return LocalizedText(
      sv: "Tangenter du trycker nu görs när allt är inläst. \(quit) avslutar.",
      en: "Keys you press now are done once everything is read. \(quit) quits.")
  }

  /// The status line while keys wait for the lists.
  static func keysHeld(_ n: Int) -> LocalizedText {
    let waiting = key.count(n)
    return LocalizedText(
      sv: "Listorna läses fortfarande in: \(waiting.sv) väntar",
      en: "The lists are still being read: \(waiting.en) waiting")
  }
}

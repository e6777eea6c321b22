/// The console's two languages. Swedish is the default; English on request.
public enum Language: String, Codable, Sendable, CaseIterable {
  case swedish = "sv"
  case english = "en"
}

/// A user-facing text in both languages, side by side so neither can be forgotten.
/// Every message the console or the command line shows is one of these; the rules
/// of the domain carry theirs, so a rule's wording lives with the rule.
public struct LocalizedText: Hashable, Sendable, CustomStringConvertible {
  public let sv: String
  public let en: String

  public init(sv: String, en: String) {
    self.sv = sv
    self.en = en
  }

  /// Text that is the same in both languages (a name, a number).
  public init(verbatim: String) {
    self.sv = verbatim
    self.en = verbatim
  }

  public func callAsFunction(_ language: Language) -> String {
    language == .swedish ? sv : en
  }

  public var description: String { sv }
}

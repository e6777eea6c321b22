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

/// A noun in both languages, singular and plural: every count shown to a person goes
/// through `count`, so one reads "1 post" and "1 entry", never "1 poster".
public struct Noun: Hashable, Sendable {
  public let one: LocalizedText
  public let many: LocalizedText

  public init(sv one: String, _ many: String, en oneEn: String, _ manyEn: String) {
    self.one = LocalizedText(sv: one, en: oneEn)
    self.many = LocalizedText(sv: many, en: manyEn)
  }

  /// The word for `n` of them, without the number.
  public func word(_ n: Int) -> LocalizedText { n == 1 ? one : many }

  /// "1 post", "2 poster".
  public func count(_ n: Int) -> LocalizedText {
    let word = word(n)
    return LocalizedText(sv: "\(n) \(word.sv)", en: "\(n) \(word.en)")
  }

  public static let entry = Noun(sv: "post", "poster", en: "entry", "entries")
  public static let record = Noun(sv: "post", "poster", en: "record", "records")
  public static let `case` = Noun(sv: "ärende", "ärenden", en: "case", "cases")
  public static let day = Noun(sv: "dag", "dagar", en: "day", "days")
  public static let person = Noun(sv: "person", "personer", en: "person", "people")
  public static let eService = Noun(sv: "e-tjänst", "e-tjänster", en: "e-service", "e-services")
  public static let staffMember = Noun(
    sv: "medarbetare", "medarbetare", en: "staff member", "staff members")
  public static let order = Noun(sv: "beställning", "beställningar", en: "order", "orders")
  public static let managerLogin = Noun(
    sv: "chefsinloggning", "chefsinloggningar", en: "manager login", "manager logins")
  public static let outageNotice = Noun(
    sv: "underrättelse om avbrott", "underrättelser om avbrott", en: "outage notice",
    "outage notices")
  public static let openReport = Noun(
    sv: "öppen rapport", "öppna rapporter", en: "open report", "open reports")
}

/// An error that says itself in both languages: the command line and the console
/// show its `message` in the user's language, never Swift's description of it.
public protocol ExplainedError: Error {
  var message: LocalizedText { get }
}

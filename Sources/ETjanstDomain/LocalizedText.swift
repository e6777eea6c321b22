/// The console's two languages. Swedish is the default; English on request.
public enum Language: String, Codable, Sendable, CaseIterable {
  case swedish = "sv"
  case english = "en"

  /// The language's name, in both languages.
  public var label: LocalizedText {
    switch self {
    case .swedish: LocalizedText(sv: "svenska", en: "Swedish")
    case .english: LocalizedText(sv: "engelska", en: "English")
    }
  }
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
/// through `count`, so one reads "1 post" and "1 entry", never "1 poster", and an
/// adjective agrees with it ("1 öppet ärende", "2 öppna ärenden").
///
/// Hand-written rather than Foundation's: its automatic grammar agreement
/// (`inflect: true`, `Morphology`) exists only on Apple's platforms, not in the
/// Foundation this program ships with on Linux, and knows no Swedish. Two forms a
/// noun and three an adjective are all Swedish and English counts need.
public struct Noun: Hashable, Sendable {
  /// A Swedish noun's gender ("en e-tjänst", "ett ärende"), which an adjective's
  /// singular follows.
  public enum Gender: Hashable, Sendable { case common, neuter }

  public let one: LocalizedText
  public let many: LocalizedText
  public let gender: Gender

  public init(
    sv one: String, _ many: String, en oneEn: String, _ manyEn: String, gender: Gender = .common
  ) {
    self.one = LocalizedText(sv: one, en: oneEn)
    self.many = LocalizedText(sv: many, en: manyEn)
    self.gender = gender
  }

  /// The word for `n` of them, without the number.
  public func word(_ n: Int) -> LocalizedText { n == 1 ? one : many }

  /// "1 post", "2 poster"; with an adjective, "1 öppet ärende", "2 öppna ärenden".
  public func count(_ n: Int, _ adjective: Adjective? = nil) -> LocalizedText {
    let word = word(n)
    guard let adjective else { return LocalizedText(sv: "\(n) \(word.sv)", en: "\(n) \(word.en)") }
    let a = adjective.form(n, agreeingWith: self)
    return LocalizedText(sv: "\(n) \(a.sv) \(word.sv)", en: "\(n) \(a.en) \(word.en)")
  }

  public static let entry = Noun(sv: "post", "poster", en: "entry", "entries")
  public static let record = Noun(sv: "post", "poster", en: "record", "records")
  public static let row = Noun(sv: "rad", "rader", en: "row", "rows")
  public static let `case` = Noun(sv: "ärende", "ärenden", en: "case", "cases", gender: .neuter)
  public static let day = Noun(sv: "dag", "dagar", en: "day", "days")
  public static let month = Noun(sv: "månad", "månader", en: "month", "months")
  public static let year = Noun(sv: "år", "år", en: "year", "years", gender: .neuter)
  public static let minute = Noun(sv: "minut", "minuter", en: "minute", "minutes")
  public static let hour = Noun(sv: "timme", "timmar", en: "hour", "hours")
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
  public static let report = Noun(sv: "rapport", "rapporter", en: "report", "reports")
  public static let openReport = Noun(
    sv: "öppen rapport", "öppna rapporter", en: "open report", "open reports")
  public static let backup = Noun(
    sv: "säkerhetskopia", "säkerhetskopior", en: "backup", "backups")
  public static let request = Noun(sv: "begäran", "begäranden", en: "request", "requests")
  /// What a reminder mail lists.
  public static let item = Noun(sv: "punkt", "punkter", en: "item", "items")
  /// The findings the e-coordinator's digest counts in its subject.
  public static let violationFinding = Noun(
    sv: "brist", "brister", en: "violation", "violations")
  public static let warningFinding = Noun(sv: "varning", "varningar", en: "warning", "warnings")
  public static let notice = Noun(sv: "notis", "notiser", en: "notice", "notices")
  /// What `etjanst notify` sends.
  public static let mail = Noun(sv: "e-brev", "e-brev", en: "mail", "mails", gender: .neuter)

  /// Every noun above, for tests that read every count.
  public static let all: [Noun] = [
    entry, record, `case`, day, month, year, minute, person, eService, staffMember, order,
    managerLogin, outageNotice, report, openReport, backup, request, item, violationFinding,
    warningFinding, notice, mail,
  ]
}

/// An adjective that agrees with a counted noun: Swedish has a singular for each
/// gender and one plural ("öppen e-tjänst", "öppet ärende", "öppna ärenden"),
/// English one form.
public struct Adjective: Hashable, Sendable {
  public let common: String
  public let neuter: String
  public let plural: String
  public let en: String

  public init(sv common: String, _ neuter: String, _ plural: String, en: String) {
    self.common = common
    self.neuter = neuter
    self.plural = plural
    self.en = en
  }

  /// The form for `n` of `noun`, without the number or the noun.
  public func form(_ n: Int, agreeingWith noun: Noun) -> LocalizedText {
    let sv = n != 1 ? plural : noun.gender == .neuter ? neuter : common
    return LocalizedText(sv: sv, en: en)
  }

  /// "1 öppet", "2 öppna": the number and the adjective, the noun understood
  /// ("Ärenden (1 öppet)").
  public func count(_ n: Int, of noun: Noun) -> LocalizedText {
    let a = form(n, agreeingWith: noun)
    return LocalizedText(sv: "\(n) \(a.sv)", en: "\(n) \(a.en)")
  }

  public static let open = Adjective(sv: "öppen", "öppet", "öppna", en: "open")
}

/// An error that says itself in both languages: the command line and the console
/// show its `message` in the user's language, never Swift's description of it.
public protocol ExplainedError: Error {
  var message: LocalizedText { get }
}

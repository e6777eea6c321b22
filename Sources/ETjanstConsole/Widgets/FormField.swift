import ETjanstDomain
import Foundation

/// One field of a form. Values are kept as text while the user types and parsed on
/// submit, so a half-typed date is never lost.
public struct FormField {
  public enum Kind {
    case text
    /// Long text, edited in $EDITOR or the console's editor.
    case multiline
    /// One of fixed options: (stored value, label).
    case choice([(value: String, label: LocalizedText)])
    case toggle
    case day
    case dateTime
    case number
  }

  /// Matches `RuleViolation.field`, so a refused command marks the right field.
  public var key: String
  public var label: LocalizedText
  public var kind: Kind
  public var value: String
  public var required: Bool

  public init(
    _ key: String, _ label: LocalizedText, _ kind: Kind = .text, value: String = "",
    required: Bool = false
  ) {
    self.key = key
    self.label = label
    self.kind = kind
    self.value = value
    self.required = required
  }

  public static func toggle(_ key: String, _ label: LocalizedText, _ on: Bool) -> FormField {
    FormField(key, label, .toggle, value: on ? "true" : "false")
  }

  public static func day(_ key: String, _ label: LocalizedText, _ day: Day?, required: Bool = false)
    -> FormField
  {
    FormField(key, label, .day, value: day?.description ?? "", required: required)
  }

  public static func number(_ key: String, _ label: LocalizedText, _ n: Int?) -> FormField {
    FormField(key, label, .number, value: n.map(String.init) ?? "")
  }

  /// What the field shows when not being typed into.
  func display(_ language: Language) -> String {
    switch kind {
    case .toggle: return value == "true" ? "[x]" : "[ ]"
    case .choice(let options):
      let label = options.first { $0.value == value }?.label(language) ?? value
      return "◂ \(label) ▸"
    case .multiline:
      let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
      let first = lines.first.map(String.init) ?? ""
      return lines.count > 1 ? "\(first) … (+\(lines.count - 1))" : first
    default: return value
    }
  }

  var takesTyping: Bool {
    switch kind {
    case .text, .day, .dateTime, .number: return true
    default: return false
    }
  }
}

/// The values of a submitted form, parsed on request. A value that does not parse
/// throws a `RuleViolation` naming its field.
public struct FormValues {
  let fields: [FormField]

  func field(_ key: String) -> FormField {
    guard let field = fields.first(where: { $0.key == key }) else {
      preconditionFailure("form has no field '\(key)'")
    }
    return field
  }

  /// A one-line text, cleaned.
  public func text(_ key: String) -> String {
    let f = field(key)
    if case .multiline = f.kind { return TextCleaning.multiline(f.value) }
    return TextCleaning.line(f.value)
  }

  public func bool(_ key: String) -> Bool { field(key).value == "true" }

  public func day(_ key: String) throws -> Day? {
    let text = self.text(key)
    if text.isEmpty { return nil }
    guard let day = Day(text) else { throw RuleViolation(field: key, Texts.invalidDay) }
    return day
  }

  public func dateTime(_ key: String) throws -> Date? {
    let text = self.text(key)
    if text.isEmpty { return nil }
    guard let date = Format.parseDateTime(text) else {
      throw RuleViolation(field: key, Texts.invalidDateTime)
    }
    return date
  }

  public func int(_ key: String) throws -> Int? {
    let text = self.text(key).replacingOccurrences(of: " ", with: "")
    if text.isEmpty { return nil }
    guard let n = Int(text) else { throw RuleViolation(field: key, Texts.invalidNumber) }
    return n
  }

  /// Lines of a multi-line field, empty ones dropped (a list of paper forms, say).
  public func lines(_ key: String) -> [String] {
    text(key).split(separator: "\n").map { TextCleaning.line(String($0)) }.filter { !$0.isEmpty }
  }
}

import ETjanstDomain
import Foundation

/// One field of a form, as the user edits it: text while typing (a half-typed date
/// is never lost), a flag, or a pick from a list. Its typed value is read through
/// the `FormInput` that made it, so no form names a field by a hand-written string
/// or keeps a value as the text "true".
public struct FormField {
  public enum Kind {
    case text
    /// Long text, edited in $EDITOR, the console's editor, or inline.
    case multiline
    case toggle
    case day
    case dateTime
    case number
    /// One of a list; typing filters the list.
    case choice([Option])
    /// Several of a list; typing filters, Space ticks.
    case choices([Option])
  }

  public struct Option {
    public let value: any Equatable & Sendable
    public let label: LocalizedText

    public init(_ value: any Equatable & Sendable, _ label: LocalizedText) {
      self.value = value
      self.label = label
    }
  }

  public enum Content: Equatable {
    case text(String)
    case flag(Bool)
    case choice(Int?)
    case choices(Set<Int>)
  }

  /// The domain field's name (`Field.name`), which a refusal and a conflict name too.
  public let name: String
  public var label: LocalizedText
  public var kind: Kind
  public var content: Content
  public var required: Bool
  /// The content when the form opened: a field left as it was is not sent.
  let initial: Content
  /// What the user has typed into a list to narrow it.
  var filter = ""

  init(name: String, label: LocalizedText, kind: Kind, content: Content, required: Bool) {
    self.name = name
    self.label = label
    self.kind = kind
    self.content = content
    self.required = required
    self.initial = content
  }

  public var isChanged: Bool { content != initial }

  /// The text of a typing field ("" for the others).
  public var text: String {
    get {
      if case .text(let t) = content { return t }
      return ""
    }
    set { content = .text(newValue) }
  }

  /// Edits a typing field's text in place: the enum lets go of it first, so a
  /// long text is not copied on every key.
  mutating func editText<R>(_ body: (inout String) -> R) -> R {
    guard case .text(var text) = content else {
      var none = ""
      return body(&none)
    }
    content = .flag(false)
    let result = body(&text)
    content = .text(text)
    return result
  }

  /// The most characters the field takes (a choice's: what its filter takes).
  public var limit: Int {
    switch kind {
    case .multiline: return TextInput.multilineLimit
    case .choice, .choices: return TextInput.filterLimit
    default: return TextInput.lineLimit
    }
  }

  public var options: [Option] {
    switch kind {
    case .choice(let o), .choices(let o): return o
    default: return []
    }
  }

  /// The options whose label contains what was typed (in the given language).
  func filtered(_ language: Language) -> [Int] {
    let needle = filter.lowercased()
    return options.indices.filter {
      needle.isEmpty || options[$0].label(language).lowercased().contains(needle)
    }
  }

  /// What the field shows when not being typed into.
  func display(_ language: Language) -> String {
    switch content {
    case .flag(let on): return on ? "[x]" : "[ ]"
    case .choice(let i):
      let label = i.map { options[$0].label(language) } ?? ""
      return filter.isEmpty ? "◂ \(label) ▸" : "/\(filter)  → \(label)"
    case .choices(let set):
      let names = set.sorted().map { options[$0].label(language) }.joined(separator: "; ")
      return filter.isEmpty ? "[\(set.count)] \(names)" : "/\(filter)  [\(set.count)] \(names)"
    case .text(let value):
      guard case .multiline = kind else { return value }
      let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
      let first = lines.first.map(String.init) ?? ""
      return lines.count > 1 ? "\(first) … (+\(lines.count - 1))" : first
    }
  }

  var takesTyping: Bool {
    switch kind {
    case .text, .day, .dateTime, .number, .multiline: return true
    default: return false
    }
  }
}

/// A typed field of a form: how a value of type `Value` is shown in it and read back.
/// The form's code holds these, so reading a value is typed and a misspelt name
/// cannot compile.
public struct FormInput<Value> {
  public let name: String
  let make: (Value) -> FormField
  let read: (FormField) throws -> Value

  /// The form field showing `value`.
  public func field(_ value: Value) -> FormField { make(value) }

  static func typing(
    _ name: String, _ label: LocalizedText, _ kind: FormField.Kind, required: Bool,
    show: @escaping (Value) -> String, read: @escaping (String) throws -> Value
  ) -> FormInput {
    FormInput(
      name: name,
      make: { v in
        FormField(name: name, label: label, kind: kind, content: .text(show(v)), required: required)
      },
      read: { f in try read(f.text) })
  }
}

extension FormInput where Value == String {
  /// One line of text, cleaned.
  public static func text(_ name: String, _ label: LocalizedText, required: Bool = false)
    -> FormInput
  {
    typing(name, label, .text, required: required, show: { $0 }, read: TextCleaning.line)
  }

  /// Several lines, cleaned.
  public static func multiline(_ name: String, _ label: LocalizedText, required: Bool = false)
    -> FormInput
  {
    typing(name, label, .multiline, required: required, show: { $0 }, read: TextCleaning.multiline)
  }
}

extension FormInput where Value == String? {
  /// One line of text; empty reads as nil.
  public static func optionalText(_ name: String, _ label: LocalizedText) -> FormInput {
    typing(
      name, label, .text, required: false, show: { $0 ?? "" },
      read: { t in
        let line = TextCleaning.line(t)
        return line.isEmpty ? nil : line
      })
  }
}

extension FormInput where Value == [String] {
  /// A list, one entry a line; empty lines dropped.
  public static func lines(_ name: String, _ label: LocalizedText) -> FormInput {
    typing(
      name, label, .multiline, required: false, show: { $0.joined(separator: "\n") },
      read: { t in
        TextCleaning.multiline(t).split(separator: "\n").map { TextCleaning.line(String($0)) }
          .filter { !$0.isEmpty }
      })
  }
}

extension FormInput where Value == Bool {
  public static func flag(_ name: String, _ label: LocalizedText) -> FormInput {
    FormInput(
      name: name,
      make: { v in
        FormField(name: name, label: label, kind: .toggle, content: .flag(v), required: false)
      },
      read: { f in
        if case .flag(let on) = f.content { return on }
        return false
      })
  }
}

extension FormInput where Value == Day? {
  public static func day(_ name: String, _ label: LocalizedText) -> FormInput {
    typing(
      name, label, .day, required: false, show: { $0?.description ?? "" },
      read: { t in
        let text = TextCleaning.line(t)
        if text.isEmpty { return nil }
        guard let day = Day(text) else { throw RuleViolation(field: name, Texts.invalidDay) }
        return day
      })
  }
}

extension FormInput where Value == Day {
  public static func day(_ name: String, _ label: LocalizedText) -> FormInput {
    .required(.day(name, label), label)
  }
}

extension FormInput where Value == Date? {
  public static func dateTime(_ name: String, _ label: LocalizedText) -> FormInput {
    typing(
      name, label, .dateTime, required: false, show: { $0.map(Format.editable) ?? "" },
      read: { t in
        let text = TextCleaning.line(t)
        if text.isEmpty { return nil }
        guard let date = Format.parseDateTime(text) else {
          throw RuleViolation(field: name, Texts.invalidDateTime)
        }
        return date
      })
  }
}

extension FormInput where Value == Date {
  public static func dateTime(_ name: String, _ label: LocalizedText) -> FormInput {
    .required(.dateTime(name, label), label)
  }
}

extension FormInput where Value == Int? {
  public static func number(_ name: String, _ label: LocalizedText) -> FormInput {
    typing(
      name, label, .number, required: false, show: { $0.map(String.init) ?? "" },
      read: { t in
        let text = TextCleaning.line(t).replacingOccurrences(of: " ", with: "")
        if text.isEmpty { return nil }
        guard let n = Int(text) else { throw RuleViolation(field: name, Texts.invalidNumber) }
        return n
      })
  }
}

extension FormInput where Value == Int {
  /// A whole number that must be given; `marked`: shown with the required mark
  /// (a form whose every field is required leaves the marks out).
  public static func number(_ name: String, _ label: LocalizedText, marked: Bool = true)
    -> FormInput
  {
    .required(.number(name, label), label, marked: marked)
  }
}

extension FormInput {
  /// `optional` as a value that must be given: empty is refused as required.
  static func required(_ optional: FormInput<Value?>, _ label: LocalizedText, marked: Bool = true)
    -> FormInput
  {
    FormInput(
      name: optional.name,
      make: { v in
        var f = optional.make(v)
        f.required = marked
        return f
      },
      read: { f in
        guard let value = try optional.read(f) else {
          throw RuleViolation.required(optional.name, label)
        }
        return value
      })
  }
}

extension FormInput where Value: Equatable & Sendable {
  /// One of `options`; typing narrows the list.
  public static func choice(
    _ name: String, _ label: LocalizedText, _ options: [(Value, LocalizedText)],
    required: Bool = false
  ) -> FormInput {
    let list = options.map { FormField.Option($0.0, $0.1) }
    return FormInput(
      name: name,
      make: { v in
        FormField(
          name: name, label: label, kind: .choice(list),
          content: .choice(options.firstIndex { $0.0 == v }), required: required)
      },
      read: { f in
        guard case .choice(let i?) = f.content, let value = list[i].value as? Value else {
          throw RuleViolation.required(name, label)
        }
        return value
      })
  }
}

extension FormInput {
  /// Several of `options` (names may contain commas: they are picked, not typed).
  public static func choices<Element: Equatable & Sendable>(
    _ name: String, _ label: LocalizedText, _ options: [(Element, LocalizedText)]
  ) -> FormInput where Value == [Element] {
    let list = options.map { FormField.Option($0.0, $0.1) }
    return FormInput(
      name: name,
      make: { v in
        let picked = Set(options.indices.filter { i in v.contains(options[i].0) })
        return FormField(
          name: name, label: label, kind: .choices(list), content: .choices(picked),
          required: false)
      },
      read: { f in
        guard case .choices(let set) = f.content else { return [] }
        return set.sorted().compactMap { list[$0].value as? Element }
      })
  }
}

extension FormInput where Value == PersonRef? {
  /// A person by staff name or login, or "Name <e-mail>", shown as `m` names them.
  public static func person(_ name: String, _ label: LocalizedText, in m: Municipality)
    -> FormInput
  {
    typing(
      name, label, .text, required: false, show: { m.personFieldText($0) },
      read: { t in try PersonRef.parse(t, staff: m.staff, field: name) })
  }
}

/// The values of a submitted form, read through the typed inputs that made them.
public struct FormValues {
  let fields: [FormField]
  /// The user's choice for each field someone else changed meanwhile: keep yours?
  let resolutions: [String: (conflict: FieldConflict, keepYours: Bool)]

  public subscript<Value>(_ input: FormInput<Value>) -> Value {
    get throws {
      guard let field = fields.first(where: { $0.name == input.name }) else {
        preconditionFailure("form has no field '\(input.name)'")
      }
      return try input.read(field)
    }
  }

  func field(named name: String) -> FormField? { fields.first { $0.name == name } }
}

/// A form that edits one entity: each input bound to a domain field, and only the
/// fields the user changed are sent, as typed edits from the value they saw.
public struct EntityForm<Entity: FieldedEntity> {
  public let base: Entity
  public private(set) var fields: [FormField] = []
  private var reads: [(FormValues) throws -> FieldEdit<Entity>?] = []

  public init(_ base: Entity) { self.base = base }

  /// Adds an input for `field`, made under the field's name, showing the base's value
  /// (or `shown`, a proposal such as today's date, which is then always sent).
  public mutating func add<Value>(
    _ field: Field<Entity, Value>, shown: Value? = nil, _ make: (String) -> FormInput<Value>
  ) {
    let input = make(field.name)
    let base = self.base[keyPath: field.keyPath]
    fields.append(input.field(shown ?? base))
    let proposed = shown.map { $0 != base } ?? false
    reads.append { values in
      let resolution = values.resolutions[field.name]
      guard let f = values.field(named: field.name), f.isChanged || proposed || resolution != nil
      else { return nil }
      let edit = field.edit(from: base, to: try values[input])
      if let resolution {
        return edit.resolving(resolution.conflict, keepYours: resolution.keepYours)
      }
      return edit
    }
  }

  /// The edits of the fields the user changed (or chose a value for after a conflict).
  public func patch(_ values: FormValues) throws -> EntityPatch<Entity> {
    EntityPatch(try reads.compactMap { try $0(values) })
  }

  /// The base with the user's changes, for a command that makes something new.
  public func entity(_ values: FormValues) throws -> Entity {
    try patch(values).applied(toBase: base)
  }
}

extension EntityForm {
  /// A person's declared details, the same rows in the users form and the staff form.
  mutating func addPersonDetails(
    email: Field<Entity, String?>, language: Field<Entity, Language?>
  ) {
    add(email) { .optionalText($0, email.label) }
    add(language) { .choice($0, language.label, Texts.languageChoices) }
  }
}

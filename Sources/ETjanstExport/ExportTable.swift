import ETjanstDomain
import Foundation

/// What `etjanst list KIND` prints: named columns and rows of values, rendered as a
/// text table, CSV or JSON by `ExportFormat`. Each kind builds one of these from
/// the municipality in its own file (`ExportTable+Services.swift`, …).
public struct ExportTable: Sendable, Equatable {
  /// Stable English camelCase keys, used as JSON keys and the CSV header.
  public var columns: [String]
  public var rows: [[ExportValue]]
  /// The columns of the default text table, narrow enough for an 80–100 column
  /// terminal; `--wide`, CSV and JSON have them all. Nil: every column.
  public var narrow: [String]?
  /// Headings of columns made from an entity's fields (their labels); the other
  /// columns' are `ColumnLabel`'s.
  public var labels: [String: LocalizedText]

  public init(
    columns: [String], rows: [[ExportValue]], narrow: [String]? = nil,
    labels: [String: LocalizedText] = [:]
  ) {
    self.columns = columns
    self.rows = rows
    self.narrow = narrow
    self.labels = labels
  }

  /// The heading of `column`, if it has one.
  public func label(_ column: String) -> LocalizedText? {
    labels[column] ?? ColumnLabel.label(column)
  }

  /// Keeps the rows whose text contains every word of `filter` (Swedish-aware).
  public func filtered(_ filter: String?) -> ExportTable {
    guard let filter, !filter.isEmpty else { return self }
    let words = filter.split(separator: " ").map(String.init)
    return ExportTable(
      columns: columns,
      rows: rows.filter { row in
        let text = row.map(\.text).joined(separator: " ")
        return words.allSatisfy { SwedishCollation.contains(text, $0) }
      },
      narrow: narrow, labels: labels)
  }
}

/// One cell: typed, so JSON keeps numbers, booleans and lists as such.
public enum ExportValue: Sendable, Equatable {
  case text(String)
  case number(Int)
  case decimal(Double)
  case bool(Bool)
  case day(Day)
  case time(Date)
  /// Several values (flags, e-services): a JSON array; "; " between them elsewhere.
  case list([String])
  /// A stable key for scripts (CSV, JSON: "active") that a person reads as its label
  /// in their language (the text table: "Aktiv").
  case label(String, LocalizedText)
  /// Several of them: a JSON array of keys, the labels with commas in the table.
  case labels([String], [LocalizedText])
  case none

  /// The value as a script reads it (CSV, and what `--filter` matches): numbers
  /// with a decimal point, times in ISO 8601 with the local offset.
  public var text: String {
    switch self {
    case .text(let s): return s
    case .number(let n): return String(n)
    case .decimal(let d): return String(d)
    case .bool(let b): return b ? "true" : "false"
    case .day(let d): return d.description
    case .time(let t): return LocalTime.iso(t)
    case .list(let items): return items.joined(separator: "; ")
    case .label(let key, _): return key
    case .labels(let keys, _): return keys.joined(separator: "; ")
    case .none: return ""
    }
  }

  /// The value as a person reads it in `language`: yes/no, a decimal comma in
  /// Swedish, local time with its offset, lists with commas.
  public func display(_ language: Language) -> String {
    switch self {
    case .decimal(let d): return NumberText.decimal(d, language)
    case .bool(let b): return language == .swedish ? (b ? "ja" : "nej") : (b ? "yes" : "no")
    case .time(let t): return LocalTime.text(t)
    case .list(let items): return items.joined(separator: ", ")
    case .label(_, let label): return label(language)
    case .labels(_, let labels): return labels.map { $0(language) }.joined(separator: ", ")
    default: return text
    }
  }

  public static func optional(_ day: Day?) -> ExportValue { day.map(ExportValue.day) ?? .none }
  public static func optional(_ n: Int?) -> ExportValue { n.map(ExportValue.number) ?? .none }
  public static func optional(_ t: Date?) -> ExportValue { t.map(ExportValue.time) ?? .none }
  public static func optional(_ s: String?) -> ExportValue { s.map(ExportValue.text) ?? .none }

  /// An enum's stable raw value with its label.
  public static func label<E: RawRepresentable<String>>(_ value: E, _ label: LocalizedText)
    -> ExportValue
  {
    .label(value.rawValue, label)
  }
}

/// Options every `list` takes.
public struct ListOptions: Sendable {
  public var filter: String?
  public var department: String?
  /// `--step N`: only orders in step N (1–5) of guideline 6.
  public var step: Int?
  public var today: Day
  /// `--lang`: the language of labels in the rows (`statusLabel`).
  public var language: Language

  public init(
    filter: String? = nil, department: String? = nil, step: Int? = nil, today: Day,
    language: Language = .swedish
  ) {
    self.filter = filter
    self.department = department
    self.step = step
    self.today = today
    self.language = language
  }

  /// The department named by `--department`, matched by name (case-insensitive,
  /// a unique prefix is enough) or id; throws with the known names otherwise.
  public func departmentID(in m: Municipality) throws -> EntityID<Department>? {
    guard let name = department, !name.isEmpty else { return nil }
    if let exact = m.departments.first(where: {
      $0.id.rawValue == name || $0.name.compare(name, options: .caseInsensitive) == .orderedSame
    }) {
      return exact.id
    }
    let prefixed = m.departments.filter { SwedishCollation.contains($0.name, name) }
    if prefixed.count == 1 { return prefixed[0].id }
    throw ExportError.unknownDepartment(name, known: m.departments.map(\.name).sortedSwedish { $0 })
  }
}

public enum ExportError: ExplainedError, CustomStringConvertible, Equatable {
  case unknownDepartment(String, known: [String])
  case invalidStep(Int)

  public var description: String { message.en }

  public var message: LocalizedText {
    switch self {
    case .unknownDepartment(let name, let known):
      let list = known.joined(separator: ", ")
      return LocalizedText(
        sv: "ingen förvaltning matchar '\(name)'; kända: \(list)",
        en: "no department matches '\(name)'; known: \(list)")
    case .invalidStep(let step):
      return LocalizedText(
        sv: "det finns inget steg \(step); en beställnings steg är 1 till 5",
        en: "there is no step \(step); the steps of an order are 1 to 5")
    }
  }
}

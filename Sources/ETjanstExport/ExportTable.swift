import ETjanstDomain
import Foundation

/// What `etjanst list KIND` prints: named columns and rows of values, rendered as a
/// text table, CSV or JSON by `ExportFormat`. Each kind builds one of these from
/// the municipality in its own file (`ExportTable+Services.swift`, …).
public struct ExportTable: Sendable, Equatable {
  /// Stable English camelCase keys, used as JSON keys and the CSV header.
  public var columns: [String]
  public var rows: [[ExportValue]]

  public init(columns: [String], rows: [[ExportValue]]) {
    self.columns = columns
    self.rows = rows
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
      })
  }
}

/// One cell: typed, so JSON keeps numbers and booleans as such.
public enum ExportValue: Sendable, Equatable {
  case text(String)
  case number(Int)
  case bool(Bool)
  case day(Day)
  case time(Date)
  case none

  public var text: String {
    switch self {
    case .text(let s): return s
    case .number(let n): return String(n)
    case .bool(let b): return b ? "true" : "false"
    case .day(let d): return d.description
    case .time(let t): return ISO8601DateFormatter().string(from: t)
    case .none: return ""
    }
  }

  public static func optional(_ day: Day?) -> ExportValue { day.map(ExportValue.day) ?? .none }
  public static func optional(_ n: Int?) -> ExportValue { n.map(ExportValue.number) ?? .none }
  public static func optional(_ t: Date?) -> ExportValue { t.map(ExportValue.time) ?? .none }
}

/// Options every `list` takes.
public struct ListOptions: Sendable {
  public var filter: String?
  public var department: String?
  /// `--step N`: only orders in step N (1–5) of guideline 6.
  public var step: Int?
  public var today: Day

  public init(filter: String? = nil, department: String? = nil, step: Int? = nil, today: Day) {
    self.filter = filter
    self.department = department
    self.step = step
    self.today = today
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

public enum ExportError: Error, CustomStringConvertible, Equatable {
  case unknownDepartment(String, known: [String])
  case invalidStep(Int)

  public var description: String {
    switch self {
    case .unknownDepartment(let name, let known):
      return "no department matches '\(name)'; known: \(known.joined(separator: ", "))"
    case .invalidStep(let step):
      return "there is no step \(step); the steps of an order are 1 to 5"
    }
  }
}

import CSV
import ETjanstDomain
import Foundation

/// How `list` writes a table: aligned text for people, CSV for spreadsheets, JSON
/// for scripts.
public enum ExportFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case json

  public func render(_ table: ExportTable) throws -> String {
    switch self {
    case .table: return Self.text(table)
    case .csv: return try Self.csv(table)
    case .json: return try Self.json(table)
    }
  }

  /// Columns padded to their widest cell; control characters shown as U+FFFD so a
  /// stored value can never drive the terminal.
  static func text(_ table: ExportTable) -> String {
    let cells = [table.columns] + table.rows.map { $0.map { TextCleaning.printable($0.text) } }
    let widths = table.columns.indices.map { i in cells.map { Self.width($0[i]) }.max() ?? 0 }
    return cells.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[i] - Self.width(cell))
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }

  /// RFC 4180 CSV through CSV.swift; a cell that a spreadsheet would run as a
  /// formula (= + - @, tab, CR) gets a leading apostrophe.
  static func csv(_ table: ExportTable) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream)
    try writer.write(row: table.columns)
    for row in table.rows {
      try writer.write(
        row: row.map { Self.neutralised(TextCleaning.printable($0.text, keepingLineBreaks: true)) })
    }
    writer.stream.close()
    guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
      return ""
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func neutralised(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first else { return cell }
    return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + cell : cell
  }

  /// An array of objects with the table's columns as keys, in column order.
  static func json(_ table: ExportTable) throws -> String {
    let objects = table.rows.map { row in
      "  {"
        + zip(table.columns, row).map { "\(Self.quoted($0)): \(Self.jsonValue($1))" }.joined(
          separator: ", ") + "}"
    }
    return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  static func jsonValue(_ value: ExportValue) -> String {
    switch value {
    case .number(let n): return String(n)
    case .bool(let b): return b ? "true" : "false"
    case .none: return "null"
    default: return quoted(value.text)
    }
  }

  /// A JSON string. Invisible characters JSON would leave raw (a bidi override)
  /// are written as \u escapes: the data stays exact, and a terminal shows it
  /// harmlessly.
  static func quoted(_ s: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
    let array = String(decoding: data, as: UTF8.self)
    var out = ""
    for scalar in array.dropFirst().dropLast().unicodeScalars {
      if TextCleaning.isUnsafe(scalar.value) {
        out += String(format: "\\u%04x", scalar.value)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func width(_ s: String) -> Int { s.count }
}

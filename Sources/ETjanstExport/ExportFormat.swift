import CSV
import ETjanstDomain
import Foundation

/// How `list` writes a table: aligned text for people, CSV for spreadsheets, JSON
/// for scripts.
public enum ExportFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case json

  /// The table in this format. `language` is for people: the text table's headings,
  /// yes/no and decimal commas (CSV and JSON keep stable keys and plain values);
  /// `wide` gives the text table every column instead of its narrow default, whole;
  /// the narrow table is fitted to `width` (a terminal's), or whole when it is nil (a
  /// pipe: nothing is cut for a program to read).
  public func render(
    _ table: ExportTable, language: Language = .english, wide: Bool = false,
    width: Int? = ExportFormat.narrowWidth
  ) throws -> String {
    switch self {
    case .table: return Self.text(table, language: language, wide: wide, width: width)
    case .csv: return try Self.csv(table)
    case .json: return try Self.json(table)
    }
  }

  /// The width a narrow table is fitted to when no terminal says its own; wider cells
  /// are cut with "…".
  public static let narrowWidth = 100

  /// Columns padded to their widest cell; control characters shown as U+FFFD so a
  /// stored value can never drive the terminal. The narrow table shrinks its widest
  /// columns until it fits `width`.
  static func text(_ table: ExportTable, language: Language, wide: Bool, width: Int?) -> String {
    let shown: [Int] =
      wide
      ? Array(table.columns.indices)
      : (table.narrow ?? table.columns).compactMap { table.columns.firstIndex(of: $0) }
    let header = shown.map { i in
      table.label(table.columns[i]).map { $0(language) } ?? table.columns[i]
    }
    var cells =
      [header]
      + table.rows.map { row in shown.map { TextCleaning.printable(row[$0].display(language)) } }
    var widths = shown.indices.map { i in cells.map { Self.width($0[i]) }.max() ?? 0 }
    if !wide, let width {
      // A time or a day is never cut: "2026-12-01 14:05 …" says less than nothing.
      let floors = shown.indices.map { i in
        table.rows.allSatisfy { row in
          switch row[shown[i]] {
          case .time, .day, .none: return true
          default: return false
          }
        } ? widths[i] : 8
      }
      widths = fitted(widths, into: width - 2 * (widths.count - 1), floors: floors)
      cells = cells.map { row in row.enumerated().map { cut($1, to: widths[$0]) } }
    }
    return cells.map { row in
      let line = row.enumerated().map { i, cell in
        i == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[i] - Self.width(cell))
      }.joined(separator: "  ")
      return String(line.reversed().drop { $0 == " " }.reversed())
    }.joined(separator: "\n") + "\n"
  }

  /// Narrows the widest column that may shrink, one column at a time, until the sum
  /// fits (no column below its floor: 8, or its whole width for times and days).
  static func fitted(_ widths: [Int], into total: Int, floors: [Int]? = nil) -> [Int] {
    var widths = widths
    let floors = floors ?? widths.map { _ in 8 }
    while widths.reduce(0, +) > total,
      let i = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: {
        widths[$0] < widths[$1]
      })
    {
      widths[i] -= 1
    }
    return widths
  }

  static func cut(_ cell: String, to width: Int) -> String {
    Self.width(cell) <= width ? cell : String(cell.prefix(max(0, width - 1))) + "…"
  }

  /// RFC 4180 CSV through CSV.swift; a cell that a spreadsheet would run as a
  /// formula (= + - @, tab, CR) gets a leading apostrophe.
  static func csv(_ table: ExportTable, header: Bool = true) throws -> String {
    guard header || !table.rows.isEmpty else { return "" }
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream)
    if header { try writer.write(row: table.columns) }
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
    return formulaStarts.contains(first) ? "'" + cell : cell
  }

  /// A cell as it was before `neutralised`: the apostrophe taken off again where it
  /// stands before a formula's first character, so a list re-imports unchanged.
  static func unneutralised(_ cell: String) -> String {
    let scalars = cell.unicodeScalars
    guard scalars.first == "'", let second = scalars.dropFirst().first,
      formulaStarts.contains(second)
    else { return cell }
    return String(scalars.dropFirst())
  }

  private static let formulaStarts = "=+-@\t\r".unicodeScalars

  /// An array of objects with the table's columns as keys, in column order.
  static func json(_ table: ExportTable) throws -> String {
    let objects = jsonObjects(table)
    return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  static func jsonObjects(_ table: ExportTable) -> [String] {
    table.rows.map { row in
      "  {"
        + zip(table.columns, row).map { "\(Self.quoted($0)): \(Self.jsonValue($1))" }.joined(
          separator: ", ") + "}"
    }
  }

  /// A long table written part by part as its rows are read (`list audit`): `part`
  /// for each batch of rows (`first` for the first, which carries the heading), then
  /// `end`. The first part is the only one that may be empty (when no row came).
  /// CSV and JSON come out as `render` would make them of all the rows; the text
  /// table is aligned within each part.
  public func part(
    _ table: ExportTable, first: Bool, language: Language, wide: Bool, width: Int?
  ) throws -> String {
    switch self {
    case .table:
      guard first || !table.rows.isEmpty else { return "" }
      let text = Self.text(table, language: language, wide: wide, width: width)
      return first ? text : String(text.drop { $0 != "\n" }.dropFirst())
    case .csv: return try Self.csv(table, header: first)
    case .json:
      let objects = Self.jsonObjects(table)
      guard !objects.isEmpty else { return "" }
      return (first ? "[\n" : ",\n") + objects.joined(separator: ",\n")
    }
  }

  /// What closes a table written by `part`; `rows`: whether any part had rows.
  public func end(rows: Bool) -> String {
    switch self {
    case .table, .csv: return ""
    case .json: return rows ? "\n]\n" : "[]\n"
    }
  }

  static func jsonValue(_ value: ExportValue) -> String {
    switch value {
    case .number(let n): return String(n)
    case .decimal(let d): return String(d)
    case .bool(let b): return b ? "true" : "false"
    case .list(let items), .labels(let items, _):
      return "[" + items.map(quoted).joined(separator: ", ") + "]"
    case .none: return "null"
    default: return quoted(value.text)
    }
  }

  /// A JSON string. Invisible characters JSON would leave raw (a bidi override)
  /// are written as \u escapes: the data stays exact, and a terminal shows it
  /// harmlessly. Escaped by hand, as JSONSerialization would (short escapes for
  /// quote, backslash, BS, FF, LF, CR and tab; slashes left alone): one
  /// JSONSerialization call per cell was most of `list --format json` on a region.
  static func quoted(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x22: out.append(contentsOf: "\\\"".unicodeScalars)
      case 0x5C: out.append(contentsOf: "\\\\".unicodeScalars)
      case 0x08: out.append(contentsOf: "\\b".unicodeScalars)
      case 0x0C: out.append(contentsOf: "\\f".unicodeScalars)
      case 0x0A: out.append(contentsOf: "\\n".unicodeScalars)
      case 0x0D: out.append(contentsOf: "\\r".unicodeScalars)
      case 0x09: out.append(contentsOf: "\\t".unicodeScalars)
      case let v where TextCleaning.isUnsafe(v):
        out.append(contentsOf: String(format: "\\u%04x", v).unicodeScalars)
      default: out.append(scalar)
      }
    }
    out.append("\"")
    return String(out)
  }

  static func width(_ s: String) -> Int { s.count }
}

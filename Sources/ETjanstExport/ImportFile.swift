import CSV
import ETjanstDomain
import Foundation

/// A CSV file to import, read the way `cases import` reads one (its delimiter
/// guess and physical line numbers, `CaseImport.delimiter` and
/// `CaseImport.recordLines`), with a header row whose column names, Swedish or
/// English, say which cell is which: a spreadsheet or a platform export may have
/// its columns in any order, and extra ones, which are ignored.
struct ImportFile {
  struct Record {
    var line: Int
    var cells: [String]
  }

  /// The columns the header named: canonical key → cell index.
  var columns: [String: Int]
  var records: [Record]
  var delimiter: UnicodeScalar
  /// Which header went to which field, in the file's order (for --dry-run).
  var read: [ImportColumn] = []
  /// The headers of the columns nothing reads, in the file's order: said, never
  /// dropped without a word.
  var ignored: [String] = []
  /// The file had no header row and is read in `positional` order.
  var isPositional = false

  /// Reads `text`; `known` maps each canonical key to the header names it may
  /// have (compared case-insensitively), `required` must all be there. `secondary`
  /// names another form of a key's value ("departmentid" beside "department", as
  /// `list --format csv` writes both), read only when no column of `known` names it.
  /// `positional`: the columns, in order, of a file whose first row names none of
  /// `known` (a short export without a header row); nil requires a header row.
  init(
    _ text: String, known: [String: [String]], secondary: [String: String] = [:],
    required: [String], positional: [String]? = nil
  ) throws {
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    delimiter = CaseImport.delimiter(text)
    let lines = CaseImport.recordLines(text)
    let reader = try CSVReader(string: text, delimiter: delimiter)
    var all: [Record] = []
    var index = 0
    while let cells = reader.next() {
      let line = index < lines.count ? lines[index] : index + 1
      index += 1
      let clean = cells.map {
        TextCleaning.trimmingSpaces(TextCleaning.multiline(ExportFormat.unneutralised($0)))
      }
      if clean.allSatisfy(\.isEmpty) { continue }
      all.append(Record(line: line, cells: clean))
    }
    func problem(_ line: Int, _ sv: String, _ en: String) -> CaseImportError {
      CaseImportError(problems: [.init(line: line, message: LocalizedText(sv: sv, en: en))])
    }
    if let error = reader.error {
      throw problem(
        index + 1, "filen kunde inte läsas (\(error))", "the file could not be read (\(error))")
    }
    guard let header = all.first else {
      throw problem(1, "filen är tom", "the file is empty")
    }
    let names = Set(known.values.joined())
    if let positional, !header.cells.contains(where: { names.contains($0.lowercased()) }) {
      columns = Dictionary(uniqueKeysWithValues: positional.enumerated().map { ($1, $0) })
      records = all
      isPositional = true
      return
    }
    var columns: [String: Int] = [:]
    for (i, name) in header.cells.enumerated() {
      let name = name.lowercased()
      guard let key = known.first(where: { $0.value.contains(name) })?.key else { continue }
      // Two columns for one thing ("namn" and "name"): which one is meant cannot be
      // told, and taking either would drop the other's cells without a word.
      if let first = columns[key] {
        let both = "'\(header.cells[first])' (\(first + 1)) och '\(header.cells[i])' (\(i + 1))"
        let bothEn = "'\(header.cells[first])' (\(first + 1)) and '\(header.cells[i])' (\(i + 1))"
        throw problem(
          header.line, "rubrikraden har samma kolumn två gånger: \(both)",
          "the header row has the same column twice: \(bothEn)")
      }
      columns[key] = i
    }
    // The other form of a value, read only where no column of `known` names it: the
    // given ones, and an id beside a reference ("departmentId", "serviceOwnerId").
    for (i, name) in header.cells.enumerated() {
      let name = name.lowercased()
      var key = secondary[name]
      if key == nil, name.hasSuffix("id"), name.count > 2 {
        let base = String(name.dropLast(2))
        key = known.first(where: { $0.value.contains(base) })?.key
      }
      if let key, columns[key] == nil { columns[key] = i }
    }
    let missing = required.filter { columns[$0] == nil }
    guard missing.isEmpty else {
      // Every name the column may have, so the message names the one the user would
      // have written, whichever language their file is in.
      let names = missing.map { key in
        (known[key] ?? [key]).map { "'\($0)'" }.joined(separator: " / ")
      }
      throw Self.missing(sv: names.joined(separator: ", "), en: names.joined(separator: ", "))
    }
    self.columns = columns
    records = Array(all.dropFirst())
    let used = Dictionary(columns.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    for (i, name) in header.cells.enumerated() where !name.isEmpty {
      if let key = used[i] {
        read.append(ImportColumn(header: name, field: key))
      } else {
        ignored.append(name)
      }
    }
  }

  /// "The header row lacks the column …", on line 1.
  static func missing(sv: String, en: String) -> CaseImportError {
    CaseImportError(problems: [
      .init(
        line: 1,
        message: LocalizedText(
          sv: "rubrikraden saknar kolumnen \(sv)", en: "the header row lacks the column \(en)"))
    ])
  }

  /// The other forms of a value `list --format csv` writes beside it: an id beside a
  /// name, a label beside a status.
  static let secondary = ["departmentid": "department", "statuslabel": "status"]

  /// The cell of `key` in `record`; empty when the column or the cell is absent.
  func cell(_ key: String, _ record: Record) -> String {
    guard let i = columns[key], i < record.cells.count else { return "" }
    return record.cells[i]
  }
}

/// A cell that cannot be read, and why: its row's problem.
struct BadCell: Error {
  var message: LocalizedText

  init(_ sv: String, _ en: String) { message = LocalizedText(sv: sv, en: en) }
}

extension ImportFile {
  /// Runs `body` on every record with a reader of its cells; a `BadCell` becomes
  /// that line's problem, and every problem is thrown together at the end.
  func eachRecord(_ body: (Record, (String) -> String) throws -> Void) throws {
    var problems: [CaseImportError.Problem] = []
    let report = ImportProgress.report
    for (n, record) in records.enumerated() {
      if let report, n % ImportProgress.every == 0 { report(n, records.count) }
      do {
        try body(record) { cell($0, record) }
      } catch let bad as BadCell {
        problems.append(.init(line: record.line, message: bad.message))
      }
    }
    if !problems.isEmpty { throw CaseImportError(problems: problems) }
  }
}

/// How a cell's words are read, the same for every import.
enum ImportValue {
  /// ja/nej, yes/no, true/false, x/empty, 1/0.
  static func bool(_ text: String) throws -> Bool {
    switch text.lowercased() {
    case "ja", "j", "yes", "y", "true", "x", "1": return true
    case "nej", "n", "no", "false", "", "0": return false
    default: throw BadCell("'\(text)' är varken ja eller nej", "'\(text)' is neither yes nor no")
    }
  }

  /// YYYY-MM-DD; nil when empty.
  static func day(_ text: String) throws -> Day? {
    guard !text.isEmpty else { return nil }
    guard let day = Day(text) else {
      throw BadCell(
        "'\(text)' är inte \(Day.expected.sv)", "'\(text)' is not \(Day.expected.en)")
    }
    return day
  }

  /// A whole number, "2 500" as well as "2500"; nil when empty.
  static func count(_ text: String) throws -> Int? {
    guard !text.isEmpty else { return nil }
    guard let n = Int(text.filter { !$0.isWhitespace }), n >= 0 else {
      throw BadCell("'\(text)' är inget antal", "'\(text)' is not a number")
    }
    return n
  }

  /// One of `choices` by its stable key or its label in either language; nil when empty.
  static func choice<T>(
    _ text: String, _ choices: [T], key: (T) -> String, label: (T) -> LocalizedText,
    what: LocalizedText
  ) throws -> T? {
    guard !text.isEmpty else { return nil }
    let t = text.lowercased()
    guard
      let found = choices.first(where: {
        key($0).lowercased() == t || label($0).sv.lowercased() == t
          || label($0).en.lowercased() == t
      })
    else {
      let sv = choices.map { label($0).sv }.joined(separator: ", ")
      let en = choices.map { label($0).en }.joined(separator: ", ")
      throw BadCell(
        "okänd \(what.sv) '\(text)' (tillåtna: \(sv))",
        "unknown \(what.en) '\(text)' (allowed: \(en))")
    }
    return found
  }

  /// Several values in one cell: one a line, or separated by '|' (or by ';' when the
  /// file itself is separated by commas), so a name with a comma stays whole.
  static func list(_ text: String, fileDelimiter: UnicodeScalar) -> [String] {
    var separators: Set<Character> = ["|", "\n"]
    if fileDelimiter == "," { separators.insert(";") }
    return text.split(whereSeparator: { separators.contains($0) })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// A department by name (case-insensitive), a unique part of it, or id.
  static func department(_ text: String, _ m: Municipality) throws -> EntityID<Department> {
    guard let id = try? ListOptions(department: text, today: Day(Date())).departmentID(in: m)
    else { throw unknownDepartment(text) }
    return id
  }

  static func unknownDepartment(_ text: String) -> BadCell {
    BadCell("förvaltningen '\(text)' finns inte", "the department '\(text)' does not exist")
  }
}

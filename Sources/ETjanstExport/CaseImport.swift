import CSV
import ETjanstDomain
import Foundation

/// Reads `etjanst cases import FILE.csv`: an Open ePlatform case export with the
/// columns case number, e-service, officer login and status, in that order. A
/// header row is recognised and skipped; ';' works as well as ',' (Excel in
/// Swedish writes ';'). Every bad row is reported by its line number, and nothing
/// is imported unless every row is good. Parsing is pure; `ImportCases` applies.
public enum CaseImport {
  /// Parses and checks the whole file against the store.
  public static func parse(_ text: String, _ m: Municipality) throws -> [ImportedCase] {
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let delimiter: UnicodeScalar = Self.delimiter(text)
    let reader = try CSVReader(string: text, delimiter: delimiter)
    let lines = Self.recordLines(text)
    var rows: [ImportedCase] = []
    var problems: [CaseImportError.Problem] = []
    var record = 0
    var lookup = Lookup(m)
    while let cells = reader.next() {
      let line = record < lines.count ? lines[record] : record + 1
      record += 1
      let clean = cells.map(TextCleaning.line)
      if clean.allSatisfy(\.isEmpty) { continue }
      if rows.isEmpty, problems.isEmpty, Self.isHeader(clean) { continue }
      do {
        rows.append(try Self.row(clean, line: line, &lookup))
      } catch let problem as CaseImportError.Problem {
        problems.append(problem)
      }
    }
    if let error = reader.error {
      problems.append(
        .init(
          line: record + 1,
          message: Self.text(
            "filen kunde inte läsas (\(error))", "the file could not be read (\(error))")))
    }
    var firstLine: [String: Int] = [:]
    for row in rows {
      if let first = firstLine[row.number] {
        problems.append(
          .init(
            line: row.line,
            message: Self.text(
              "ärende \(row.number) finns redan på rad \(first)",
              "case \(row.number) is already on line \(first)")))
      } else {
        firstLine[row.number] = row.line
      }
    }
    if !problems.isEmpty { throw CaseImportError(problems: problems.sorted { $0.line < $1.line }) }
    if rows.isEmpty {
      throw CaseImportError(problems: [
        .init(line: 1, message: Self.text("filen har inga ärenden", "the file has no cases"))
      ])
    }
    return rows
  }

  /// The store's e-services and staff by what a row names them with, each answer
  /// computed once: an export names the same hundred e-services over and over, and
  /// a search of the catalogue per row made large files quadratic.
  struct Lookup {
    let m: Municipality
    private var services: [String: EService?] = [:]
    private var staff: [String: StaffMember] = [:]

    init(_ m: Municipality) {
      self.m = m
      for person in m.staff.reversed() { staff[StaffMember.loginKey(person.login)] = person }
    }

    mutating func service(_ text: String) -> EService? {
      if let known = services[text] { return known }
      let found = CaseImport.service(text, m)
      services[text] = found
      return found
    }

    func staffMember(login: String) -> StaffMember? { staff[StaffMember.loginKey(login)] }
  }

  static func row(_ cells: [String], line: Int, _ lookup: inout Lookup) throws -> ImportedCase {
    func bad(_ sv: String, _ en: String) -> CaseImportError.Problem {
      .init(line: line, message: text(sv, en))
    }
    guard cells.count >= 4 else {
      throw bad(
        "\(cells.count) kolumner, 4 behövs: ärendenummer, e-tjänst, handläggarens inloggning, status",
        "\(cells.count) columns, 4 needed: case number, e-service, officer login, status")
    }
    if cells.count > 4, cells[4...].contains(where: { !$0.isEmpty }) {
      throw bad("fler än 4 kolumner", "more than 4 columns")
    }
    let (number, serviceName, login, statusText) = (cells[0], cells[1], cells[2], cells[3])
    if number.isEmpty { throw bad("ärendenummer saknas", "the case number is missing") }
    guard let service = lookup.service(serviceName) else {
      throw bad(
        "e-tjänsten '\(serviceName)' finns inte i katalogen",
        "the e-service '\(serviceName)' is not in the catalogue")
    }
    guard let officer = lookup.staffMember(login: login) else {
      throw bad(
        "handläggaren '\(login)' finns inte bland personalen",
        "the officer '\(login)' is not among the staff")
    }
    guard let status = Self.status(statusText) else {
      throw bad(
        "okänd status '\(statusText)' (Pågående eller Avslutad/Arkiverad)",
        "unknown status '\(statusText)' (Pågående/ongoing or Avslutad/Arkiverad/closed)")
    }
    return ImportedCase(
      line: line, number: number, service: service.id, officer: officer.id, status: status)
  }

  /// By name (case-insensitive), Open ePlatform flow family id, or id.
  static func service(_ text: String, _ m: Municipality) -> EService? {
    guard !text.isEmpty else { return nil }
    return m.services.first {
      $0.name.compare(text, options: .caseInsensitive, locale: Locale(identifier: "sv_SE"))
        == .orderedSame
    }
      ?? m.services.first { !$0.flowFamilyID.isEmpty && $0.flowFamilyID == text }
      ?? m.services.first { $0.id.rawValue == text }
  }

  static func status(_ text: String) -> CaseStatus? {
    switch text.lowercased().replacingOccurrences(of: " ", with: "") {
    case "ongoing", "pågående", "öppen", "open", "ny", "new", "underhandläggning": return .ongoing
    case "closedarchived", "closed", "archived", "avslutad/arkiverad", "avslutad", "arkiverad":
      return .closedArchived
    default: return nil
    }
  }

  static func isHeader(_ cells: [String]) -> Bool {
    let first = cells.first?.lowercased() ?? ""
    return ["ärendenummer", "case number", "casenumber", "number", "ärende", "nummer"].contains(
      first)
  }

  /// ';' when the first line has more semicolons than commas.
  static func delimiter(_ text: String) -> UnicodeScalar {
    let first = text.prefix { $0 != "\n" && $0 != "\r\n" }
    return first.filter { $0 == ";" }.count > first.filter { $0 == "," }.count ? ";" : ","
  }

  /// The physical line each record starts on, so a message names the line an
  /// editor shows even when a quoted cell spans lines.
  static func recordLines(_ text: String) -> [Int] {
    var starts = [1]
    var line = 1
    var quoted = false
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted.toggle() }
      if scalar == "\n" {
        line += 1
        if !quoted { starts.append(line) }
      }
    }
    return starts
  }

  static func text(_ sv: String, _ en: String) -> LocalizedText { LocalizedText(sv: sv, en: en) }
}

/// The rows of an import file that are wrong, each by line number.
public struct CaseImportError: Error, Equatable, CustomStringConvertible {
  public struct Problem: Error, Equatable {
    public var line: Int
    public var message: LocalizedText
  }

  public var problems: [Problem]

  public var lines: [Int] { problems.map(\.line) }

  public func message(_ language: Language) -> String {
    ([headline(language)] + lines(language)).joined(separator: "\n")
  }

  public func headline(_ language: Language) -> String {
    language == .swedish
      ? "Inget importerades; rätta raderna och försök igen:"
      : "Nothing was imported; fix the lines and try again:"
  }

  /// One line per bad row.
  public func lines(_ language: Language) -> [String] {
    let word = language == .swedish ? "rad" : "line"
    return problems.map { "  \(word) \($0.line): \($0.message(language))" }
  }

  public var description: String { message(.english) }
}

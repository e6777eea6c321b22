import CSV
import ETjanstDomain
import Foundation

/// Reads `etjanst cases import FILE.csv`: an Open ePlatform case export, through the
/// one reader of every import (`ImportFile`): columns by header name in any order,
/// Swedish or English (case number, e-service, officer login, status), or, without a
/// header row, in that order. Every bad row is reported by its line number, and
/// nothing is imported unless every row is good. Parsing is pure; `ImportCases`
/// applies.
public enum CaseImport {
  /// The columns a case export may have, by header name (any case), Swedish or
  /// English: Open ePlatform's labels and this program's own keys.
  static let known: [String: [String]] = [
    "number": [
      "number", "ärendenummer", "ärende", "nummer", "ärende-id", "ärendeid", "case number",
      "casenumber", "case",
    ],
    "service": [
      "service", "e-tjänst", "e-tjänstens namn", "tjänst", "flöde", "flödesnamn", "e-service",
      "flow", "flowname",
    ],
    "officer": [
      "officer", "handläggare", "handläggarens inloggning", "handläggare (inloggning)",
      "användar-id", "användarnamn", "inloggning", "signatur", "officer login", "login",
    ],
    "status": ["status", "ärendestatus", "state"],
  ]

  /// The order of a file without a header row, as the platform's short export has it.
  static let positional = ["number", "service", "officer", "status"]

  /// Parses and checks the whole file against the store: every row new or changed,
  /// and how many are already there as they are. `today`: the day an open case's
  /// officer must hold access on (`CaseOfficerRule`).
  public static func parse(_ text: String, _ m: Municipality, today: Day) throws -> CaseImportPlan {
    let file = try ImportFile(
      text, known: known, required: ["number", "service", "officer", "status"],
      positional: positional)
    let lookup = Lookup(m)
    var existing: [String: Case] = [:]
    for c in m.cases where existing[c.number] == nil { existing[c.number] = c }
    var plan = CaseImportPlan(columns: file.read, ignored: file.ignored)
    var firstLine: [String: Int] = [:]
    try file.eachRecord { record, cell in
      if file.isPositional, record.cells.count > 4,
        record.cells[4...].contains(where: { !$0.isEmpty })
      {
        throw BadCell("fler än 4 kolumner", "more than 4 columns")
      }
      let needed = (file.columns.values.max() ?? 3) + 1
      if record.cells.count < needed {
        throw BadCell(
          "\(record.cells.count) kolumner, \(needed) behövs: ärendenummer, e-tjänst, handläggarens inloggning, status",
          "\(record.cells.count) columns, \(needed) needed: case number, e-service, officer login, status"
        )
      }
      let row = try Self.row(
        number: TextCleaning.line(cell("number")), serviceName: TextCleaning.line(cell("service")),
        login: TextCleaning.line(cell("officer")), statusText: TextCleaning.line(cell("status")),
        line: record.line, lookup, today: today)
      if let first = firstLine[row.number] {
        throw BadCell(
          "ärende \(row.number) finns redan på rad \(first)",
          "case \(row.number) is already on line \(first)")
      }
      firstLine[row.number] = row.line
      if let old = existing[row.number] {
        if old.service == row.service && old.officer == row.officer && old.status == row.status {
          plan.unchanged += 1
          return
        }
        plan.changed += 1
      } else {
        plan.added += 1
      }
      plan.rows.append(row)
    }
    if firstLine.isEmpty {
      throw CaseImportError(problems: [
        .init(line: 1, message: Self.text("filen har inga ärenden", "the file has no cases"))
      ])
    }
    return plan
  }

  /// The store's e-services, staff and departments by what a row names them with,
  /// each answer computed once: an export names the same hundred e-services over and
  /// over, and a search of the lists per row made large files quadratic. Every import
  /// reads through one.
  final class Lookup {
    let m: Municipality
    private var services: [String: EService?] = [:]
    private var departments: [String: EntityID<Department>?] = [:]
    private var staff: [String: StaffMember] = [:]
    /// Staff by folded name: the people of that name who are not removed.
    private var staffByName: [String: [StaffMember]] = [:]
    /// "department id/lower-case name" of every e-service in the store.
    private(set) var serviceKeys = Set<String>()

    init(_ m: Municipality) {
      self.m = m
      for person in m.staff.reversed() { staff[StaffMember.loginKey(person.login)] = person }
      for person in m.staff where person.status != .removed {
        staffByName[ImportBatch.fold(person.name), default: []].append(person)
      }
      for s in m.services { serviceKeys.insert(Self.serviceKey(s.department, s.name)) }
    }

    static func serviceKey(_ department: EntityID<Department>, _ name: String) -> String {
      "\(department.rawValue)/\(name.lowercased())"
    }

    func service(_ text: String) -> EService? {
      if let known = services[text] { return known }
      let found = CaseImport.service(text, m)
      services[text] = found
      return found
    }

    func department(_ text: String) throws -> EntityID<Department> {
      if let known = departments[text] {
        guard let known else { throw ImportValue.unknownDepartment(text) }
        return known
      }
      let found = try? ImportValue.department(text, m)
      departments[text] = .some(found)
      guard let found else { throw ImportValue.unknownDepartment(text) }
      return found
    }

    func staffMember(login: String) -> StaffMember? { staff[StaffMember.loginKey(login)] }

    /// The one person on the staff list (not removed) with this name, if exactly one.
    func staffMember(name: String) -> StaffMember? {
      guard let people = staffByName[ImportBatch.fold(name)], people.count == 1 else { return nil }
      return people[0]
    }
  }

  static func row(
    number: String, serviceName: String, login: String, statusText: String, line: Int,
    _ lookup: Lookup, today: Day
  ) throws -> ImportedCase {
    func bad(_ sv: String, _ en: String) -> BadCell { BadCell(sv, en) }
    if let violation = StoreLimits.violation(in: [("number", number)]) {
      throw bad(violation.message.sv, violation.message.en)
    }
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
    if status == .ongoing,
      let violation = CaseOfficerRule.violation(
        officer, service: service.id, serviceName: service.name, on: today)
    {
      throw BadCell(violation.message.sv, violation.message.en)
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
    case "closedarchived", "closed", "archived", "avslutad/arkiverad", "avslutad", "avslutat",
      "arkiverad", "arkiverat", "stängd", "stängt", "klar":
      return .closedArchived
    default: return nil
    }
  }

  /// Of ',', ';' and tab, the one the first line has most of (',' when none):
  /// Excel in Swedish writes ';', a copy from a spreadsheet tabs.
  static func delimiter(_ text: String) -> UnicodeScalar {
    let first = text.prefix { $0 != "\n" && $0 != "\r\n" }
    let counts = ([",", ";", "\t"] as [UnicodeScalar]).map { d in
      (d, first.unicodeScalars.filter { $0 == d }.count)
    }
    // The first of the most frequent: ',' on a tie, as before.
    return counts.max { $0.1 < $1.1 }?.0 ?? ","
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

/// What a case file asks for: the rows that are new or differ from the store (which
/// `ImportCases` applies), how many of each, and how many are already as the file
/// says; and the file's columns, for the summary.
public struct CaseImportPlan: Sendable {
  public var rows: [ImportedCase] = []
  public var added = 0
  public var changed = 0
  public var unchanged = 0
  public var columns: [ImportColumn]
  public var ignored: [String]
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

import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstExport

/// The text table of `list` in the reader's language, every heading and label
/// included, and counts through one plural helper.
@Suite struct ListLanguageTests {
  func tables() throws -> [(String, ExportTable)] {
    let m = try Fixtures.demo
    let options = ListOptions(today: Fixtures.today)
    let entry = AuditEntry(
      at: Fixtures.now, login: "esamordnare", name: "Linnea Alatalo-Keränen Pekkala Mäkitalo Niemi",
      kind: "GrantAccess",
      sv: "Gav behörighet till " + String(repeating: "Ansökan om ekonomiskt bistånd, ", count: 4),
      en: "Granted access")
    return try ExportKind.allCases.map { ($0.rawValue, try $0.table(m, options)) } + [
      ("audit", ExportTable.audit([entry], .swedish))
    ]
  }

  @Test("every column of every kind, the trail's included, has a heading in both languages")
  func everyColumnHasAHeading() throws {
    for (kind, table) in try tables() {
      for column in table.columns {
        let label = ColumnLabel.label(column)
        #expect(label != nil, "\(kind): '\(column)' has no heading")
        if let label { #expect(label.sv != column && label.en != column, "\(kind): \(column)") }
      }
      let header =
        try ExportFormat.table.render(table, language: .swedish, wide: true)
        .split(separator: "\n").first.map(String.init) ?? ""
      for column in table.columns where column.count > 2 {
        #expect(!header.contains(column), "\(kind): the Swedish heading shows '\(column)'")
      }
    }
  }

  @Test("values with stable keys read as words: Swedish by default, the keys in CSV and JSON")
  func labelsInTheTableKeysForScripts() throws {
    let m = try Fixtures.demo
    let options = ListOptions(today: Fixtures.today)
    let staff = try ExportKind.staff.table(m, options)
    let sv = try ExportFormat.table.render(staff, language: .swedish)
    #expect(sv.contains("Aktiv") && !sv.contains(" active"), "\(sv)")
    let en = try ExportFormat.table.render(staff, language: .english)
    #expect(en.contains("Active"))
    #expect(try ExportFormat.csv.render(staff).contains(",active,"))
    let routines = try ExportFormat.table.render(
      try ExportKind.routines.table(m, options), language: .swedish)
    #expect(!routines.contains("missing") && !routines.contains("neverTested"), "\(routines)")
    let outages = try ExportFormat.table.render(
      try ExportKind.outages.table(m, options), language: .swedish)
    #expect(!outages.contains("wholePlatform"), "\(outages)")
    let cases = try ExportFormat.table.render(
      try ExportKind.cases.table(m, options), language: .swedish)
    #expect(!cases.contains("ongoing") && cases.contains("Pågående"))
    let json = try ExportFormat.json.render(try ExportKind.routines.table(m, options))
    #expect(json.contains("\"missing\"") || json.contains("\"neverTested\""))
  }

  @Test("a time in the default table is never cut, however narrow the rest")
  func timesAreNotCut() throws {
    let (_, audit) = try #require(try tables().last)
    let text = try ExportFormat.table.render(audit, language: .swedish)
    let row = try #require(text.split(separator: "\n").dropFirst().first)
    #expect(
      row.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d "#, options: .regularExpression)
        != nil, "\(row)")
  }

  @Test("one plural helper: one is singular in both languages, other counts plural")
  func plurals() {
    #expect(Noun.entry.count(1)(.swedish) == "1 post")
    #expect(Noun.entry.count(1)(.english) == "1 entry")
    #expect(Noun.entry.count(0)(.swedish) == "0 poster")
    #expect(Noun.entry.count(2)(.english) == "2 entries")
    #expect(Noun.day.count(1)(.swedish) == "1 dag")
    #expect(Noun.case.count(3)(.swedish) == "3 ärenden")
  }
}

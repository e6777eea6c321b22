import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// "Nothing stored is printed outside ncurses unescaped": text that bypassed
/// cleaning (a hand-edited store) is made harmless in every output format.
@Suite struct PrintableTests {
  static func dirtyStore() -> Municipality {
    var m = Fixtures.small()
    m.departments[0].name = "Test\u{1B}[2Jförvaltningen\u{202E}"
    return m
  }

  @Test("table, CSV and JSON output never carry ESC or a bidi override")
  func everyFormat() throws {
    let table = try ExportKind.routines.table(Self.dirtyStore(), ListOptions(today: Fixtures.today))
    for format in ExportFormat.allCases {
      let text = try format.render(table)
      #expect(
        !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E },
        "\(format): \(text)")
    }
    #expect(try ExportFormat.table.render(table).contains("Test\u{FFFD}[2Jförvaltningen\u{FFFD}"))
  }

  @Test("the text audit finds the unclean string and names its field")
  func audit() {
    let found = TextAudit.unclean(in: Self.dirtyStore())
    #expect(found.count == 1)
    #expect(found.first?.field == "name")
    #expect(TextAudit.unclean(in: Fixtures.small()).isEmpty)
  }

  @Test("printable keeps line breaks only when asked")
  func lineBreaks() {
    #expect(TextCleaning.printable("a\nb\rc") == "a\u{FFFD}b\u{FFFD}c")
    #expect(TextCleaning.printable("a\nb\rc", keepingLineBreaks: true) == "a\nb\u{FFFD}c")
    #expect(TextCleaning.printable("ren text åäö") == "ren text åäö")
    // The Unicode line breaks are line breaks: U+FFFD in one line, and where LF is kept.
    for keeping in [false, true] {
      #expect(
        TextCleaning.printable("a\u{2028}b\u{2029}c\u{85}d", keepingLineBreaks: keeping)
          == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }
  }

  @Test("U+2028, U+2029 and NEL leave no output raw: table, CSV, JSON, routines, extract")
  func unicodeLineBreaks() throws {
    var m = Fixtures.small()
    m.departments[0].name = "Före\u{2028}efter\u{2029}slut\u{85}"
    let table = try ExportKind.routines.table(m, ListOptions(today: Fixtures.today))
    for format in ExportFormat.allCases {
      let text = try format.render(table)
      #expect(
        !text.unicodeScalars.contains { [0x2028, 0x2029, 0x85].contains($0.value) },
        "\(format): \(text)")
    }
    // JSON keeps the exact text, escaped.
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(try ExportFormat.json.render(table).utf8))
        as? [[String: Any]])
    #expect(rows.first?["department"] as? String == "Före\u{2028}efter\u{2029}slut\u{85}")
    for format in RoutineExportFormat.allCases {
      let text = try RoutineExport.render(
        m, format: format, department: nil, today: Fixtures.today, language: .swedish)
      #expect(
        !text.unicodeScalars.contains { [0x2028, 0x2029, 0x85].contains($0.value) }, "\(format)")
    }
  }
}

extension PrintableTests {
  @Test("JSON keeps the exact text, escaped")
  func jsonRoundTrip() throws {
    let table = try ExportKind.routines.table(Self.dirtyStore(), ListOptions(today: Fixtures.today))
    let json = try ExportFormat.json.render(table)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(rows.first?["department"] as? String == "Test\u{1B}[2Jförvaltningen\u{202E}")
  }
}

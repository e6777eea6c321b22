import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Guideline 4.3 on paper and in scripts: the printable routines and the
/// `list routines|outages` tables.
@Suite struct OutagesExportTests {
  /// The demo with a department whose stored texts try to break out of HTML and Markdown.
  static func store() throws -> Municipality {
    var m = try Fixtures.demo
    m.departments.append(
      Department(
        id: EntityID("dep-evil"), name: "Förvaltning <script>alert('x')</script> & Co",
        fallbackRoutine: FallbackRoutine(
          steps: "1. Ring \"jouren\" & skriv <b>inte</b> här\n2. [länk](http://x) *fet*",
          location: "G:\\Reservrutiner\\<evil>.pdf", responsible: "Eva O'Brien",
          lastReviewed: Fixtures.today, lastTested: nil)))
    return m
  }

  @Test("4.3: the HTML export parses back as XML, escapes what it prints and has every department")
  func htmlWellFormed() throws {
    let m = try Self.store()
    let html = try RoutineExport.render(m, format: .html, today: Fixtures.today)
    let doc = try XMLDocument(xmlString: html, options: [])
    let sections = try doc.nodes(forXPath: "//section")
    #expect(sections.count == m.departments.count)
    let headings = try doc.nodes(forXPath: "//h2").compactMap(\.stringValue)
    #expect(headings.contains("Förvaltning <script>alert('x')</script> & Co"))
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>inte"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
    let text = try #require(doc.rootElement()?.stringValue)
    #expect(text.contains("Ring \"jouren\" & skriv <b>inte</b> här"))
    #expect(text.contains("0920-45 38 12"))
    #expect(text.contains("0927-720 45"))
  }

  @Test(
    "4.3: every routine carries the e-nämnd's and the e-coordinator's contacts, in every format")
  func contactsEverywhere() throws {
    let m = try Fixtures.demo
    for format in RoutineExportFormat.allCases {
      let out = try RoutineExport.render(m, format: format, today: Fixtures.today)
      let admin = out.components(separatedBy: "Mikael Rova").count - 1
      #expect(
        admin >= m.departments.count,
        "\(format): the e-nämnd's contact is on each department's page")
      #expect(out.contains("Linnea Alatalo"))
      #expect(out.contains("Kultur och fritid"))
      #expect(out.contains("SAKNAS"), "\(format): a department without a routine is flagged")
    }
  }

  @Test("4.3: the department filter keeps one routine; an unknown name lists the known ones")
  func departmentFilter() throws {
    let m = try Fixtures.demo
    let txt = try RoutineExport.render(
      m, format: .txt, department: "teknisk", today: Fixtures.today)
    #expect(txt.contains("Teknisk försörjning"))
    #expect(txt.contains("felanmälningsboken"))
    #expect(!txt.contains("Socialförvaltningen"))
    #expect(throws: ExportError.self) {
      _ = try RoutineExport.render(m, format: .txt, department: "Finns inte", today: Fixtures.today)
    }
  }

  @Test("4.3: Markdown and text show stored text as written, without control characters")
  func markdownAndText() throws {
    var m = try Self.store()
    m.departments[m.departments.count - 1].fallbackRoutine?.responsible = "Eva\u{1B}[31m"
    let md = try RoutineExport.render(m, format: .md, department: "dep-evil", today: Fixtures.today)
    #expect(md.contains("\\[länk\\](http://x) \\*fet\\*"))
    #expect(md.contains("\\<b\\>inte"))
    #expect(md.contains("1. Ring"), "a numbered step stays a Markdown list")
    let txt = try RoutineExport.render(
      m, format: .txt, department: "dep-evil", today: Fixtures.today)
    #expect(!txt.unicodeScalars.contains { $0.value == 0x1B })
    #expect(txt.contains("Eva\u{FFFD}[31m"))
    #expect(txt.contains("! ALDRIG TESTAD"))
  }

  @Test("4.3: list routines shows each department's flags as stable keys")
  func listRoutines() throws {
    let m = try Fixtures.demo
    let table = try ExportTable.routines(m, ListOptions(today: Fixtures.today))
    let flags = try #require(table.columns.firstIndex(of: "flags"))
    let name = try #require(table.columns.firstIndex(of: "department"))
    let byName = Dictionary(
      uniqueKeysWithValues: table.rows.map { ($0[name].text, $0[flags]) })
    #expect(byName["Kultur och fritid"]?.text == "missing")
    #expect(byName["Kultur och fritid"]?.display(.swedish) == "! SAKNAS")
    for d in m.departments where d.routineFlags(on: Fixtures.today).isEmpty {
      #expect(byName[d.name]?.text == "")
    }
    let json = try ExportFormat.json.render(table)
    #expect(json.contains("\"hasRoutine\": false"))
    #expect(json.contains(#""flags": ["missing"]"#))
  }

  @Test("4.3: list outages has the minutes to contact and to end, scope and drill")
  func listOutages() throws {
    let m = try Fixtures.demo
    let table = try ExportTable.outages(m, ListOptions(today: Fixtures.today))
    func column(_ key: String) throws -> Int { try #require(table.columns.firstIndex(of: key)) }
    let id = try column("id")
    let row = try #require(table.rows.first { $0[id].text == "out-2026-02-inloggning" })
    #expect(row[try column("minutesToContact")] == .number(9))
    #expect(row[try column("minutesToEnd")] == .number(165))
    #expect(row[try column("contactLate")] == .bool(false))
    #expect(row[try column("scope")].text == "wholePlatform")
    #expect(row[try column("drill")] == .bool(false))
    let drill = try #require(table.rows.first { $0[id].text == "out-2026-04-ovning" })
    #expect(drill[try column("drill")] == .bool(true))
    #expect(drill[try column("scope")].text.contains("bygglov"))
    let only = try ExportTable.outages(
      m, ListOptions(department: "Vård och omsorg", today: Fixtures.today))
    #expect(only.rows.map { $0[id].text } == ["out-2026-02-inloggning"])
    let csv = try ExportFormat.csv.render(table)
    #expect(csv.hasPrefix("id,drill,start,scope"))
  }

  @Test("4.3: list outages names the departments never told, in the table, CSV and JSON")
  func listOutagesNeverTold() throws {
    var m = try Fixtures.demo
    let i = try #require(m.outages.firstIndex { $0.id.rawValue == "out-2026-02-inloggning" })
    let department = try #require(m.departments.first)
    m.outages[i].neverTold = [department.id]
    let table = try ExportTable.outages(m, ListOptions(today: Fixtures.today))
    let id = try #require(table.columns.firstIndex(of: "id"))
    let names = try #require(table.columns.firstIndex(of: "departmentsNeverTold"))
    let ids = try #require(table.columns.firstIndex(of: "departmentsNeverToldId"))
    let row = try #require(table.rows.first { $0[id].text == "out-2026-02-inloggning" })
    #expect(row[names] == .list([department.name]))
    #expect(row[ids] == .list([department.id.rawValue]))
    #expect(table.narrow?.contains("departmentsNeverTold") == true)
    let text = try ExportFormat.table.render(table, language: .swedish, wide: false, width: 200)
    #expect(text.contains("Fick aldrig besked"))
    #expect(text.contains(department.name))
    let csv = try ExportFormat.csv.render(table)
    #expect(csv.contains("departmentsNeverTold,departmentsNeverToldId"))
    let json = try ExportFormat.json.render(table)
    #expect(json.contains(#""departmentsNeverToldId": ["\#(department.id.rawValue)"]"#))
  }
}

import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// What `etjanst list` prints, as people and scripts read it.
@Suite struct ListFormatTests {
  func json(_ table: ExportTable) throws -> [[String: Any]] {
    let text = try ExportFormat.json.render(table)
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
  }

  @Test("every kind's default table fits 100 columns; --wide has every column")
  func narrowTables() throws {
    let m = try Fixtures.demo
    let options = ListOptions(today: Fixtures.today)
    for kind in ExportKind.allCases {
      let table = try kind.table(m, options)
      for language in Language.allCases {
        let text = try ExportFormat.table.render(table, language: language)
        let widest = text.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 100, "\(kind) is \(widest) columns wide")
      }
      let wide = try ExportFormat.table.render(table, wide: true)
      let header = try #require(wide.split(separator: "\n").first)
      #expect(
        header.split(separator: " ", omittingEmptySubsequences: true).count >= table.columns.count)
    }
  }

  @Test("the table speaks the reader's language: headings, yes/no, status labels")
  func tableLanguage() throws {
    let m = try Fixtures.demo
    let sv = try ExportFormat.table.render(
      try ExportKind.services.table(m, ListOptions(today: Fixtures.today, language: .swedish)),
      language: .swedish)
    let en = try ExportFormat.table.render(
      try ExportKind.services.table(m, ListOptions(today: Fixtures.today, language: .english)),
      language: .english)
    #expect(sv.hasPrefix("Namn"))
    #expect(sv.contains("Publicerad"))
    #expect(en.hasPrefix("Name"))
    #expect(en.contains("Published"))
    #expect(!en.contains("Publicerad"))
    let orders = try ExportKind.orders.table(m, ListOptions(today: Fixtures.today))
    #expect(try ExportFormat.table.render(orders, language: .swedish).contains(" nej"))
    #expect(try ExportFormat.table.render(orders, language: .english).contains(" no"))
  }

  @Test("--lang sets the JSON statusLabel; the status key stays stable")
  func statusLabel() throws {
    let m = try Fixtures.demo
    for (language, label) in [(Language.swedish, "Publicerad"), (.english, "Published")] {
      let table = try ExportKind.services.table(
        m, ListOptions(today: Fixtures.today, language: language))
      let published = try json(table).filter { $0["status"] as? String == "published" }
      #expect(!published.isEmpty)
      #expect(published.allSatisfy { $0["statusLabel"] as? String == label })
    }
  }

  @Test("JSON has arrays for lists and ids beside names")
  func arraysAndIDs() throws {
    let m = try Fixtures.demo
    let options = ListOptions(today: Fixtures.today)
    let services = try json(try ExportKind.services.table(m, options))
    for object in services {
      #expect(object["flags"] is [String])
      #expect(object["paperFormsReplaced"] is [String])
      let department = try #require(object["departmentId"] as? String)
      #expect(m.departments.contains { $0.id.rawValue == department })
    }
    let owned = try #require(services.first { $0["serviceOwnerId"] is String })
    let ownerID = try #require(owned["serviceOwnerId"] as? String)
    let owner = try #require(m.staff.first { $0.id.rawValue == ownerID })
    #expect((owned["serviceOwner"] as? String)?.contains(owner.name) == true)
    let staff = try json(try ExportKind.staff.table(m, options))
    #expect(staff.allSatisfy { $0["services"] is [String] && $0["serviceIds"] is [String] })
    let routines = try json(try ExportKind.routines.table(m, options))
    #expect(routines.allSatisfy { $0["flags"] is [String] && $0["departmentId"] is String })
    let cases = try json(try ExportKind.cases.table(m, options))
    #expect(cases.allSatisfy { $0["serviceId"] is String && $0["officerId"] is String })
    let orders = try json(try ExportKind.orders.table(m, options))
    #expect(orders.allSatisfy { $0["departmentId"] is String })
  }

  @Test("CSV joins a list with '; ' and JSON escapes each item")
  func listInCSV() throws {
    let table = ExportTable(columns: ["flags"], rows: [[.list(["a", "b,c"])]])
    #expect(try ExportFormat.csv.render(table) == "flags\n\"a; b,c\"\n")
    #expect(try ExportFormat.json.render(table) == "[\n  {\"flags\": [\"a\", \"b,c\"]}\n]\n")
  }

  @Test("decimals: a comma in Swedish text, a point in English and in JSON")
  func decimals() throws {
    #expect(NumberText.decimal(14.5, .swedish) == "14,5")
    #expect(NumberText.decimal(14.5, .english) == "14.5")
    #expect(NumberText.decimal(18.8823, .swedish) == "18,9")
    #expect(NumberText.decimal(5000, .swedish) == "5000,0")
    let table = ExportTable(columns: ["days"], rows: [[.decimal(14.5)]])
    #expect(try ExportFormat.table.render(table, language: .swedish).contains("14,5"))
    #expect(try ExportFormat.json.render(table).contains("14.5"))
  }

  @Test("times are local (Europe/Stockholm) with their offset, winter and summer")
  func localTimes() throws {
    let winter = try #require(ISO8601DateFormatter().date(from: "2026-11-27T11:29:00Z"))
    let summer = try #require(ISO8601DateFormatter().date(from: "2026-06-01T10:00:00Z"))
    #expect(LocalTime.text(winter) == "2026-11-27 12:29 +01:00")
    #expect(LocalTime.text(summer) == "2026-06-01 12:00 +02:00")
    #expect(LocalTime.iso(winter) == "2026-11-27T12:29:00+01:00")
    let table = ExportTable(columns: ["at"], rows: [[.time(winter)]])
    #expect(try ExportFormat.table.render(table).contains("2026-11-27 12:29 +01:00"))
    #expect(try ExportFormat.json.render(table).contains("2026-11-27T12:29:00+01:00"))
  }

  @Test("missing time-zone data is said, not silently GMT")
  func missingZone() {
    let (zone, missing) = LocalTime.resolve("Europe/Nowhere")
    #expect(zone.secondsFromGMT() == 0)
    #expect(missing?.en.contains("Europe/Nowhere") == true)
    #expect(missing?.sv.contains("saknas") == true)
    #expect(LocalTime.resolve("Europe/Stockholm").missing == nil)
  }
}

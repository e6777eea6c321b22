import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

@Suite struct CatalogueExportTests {
  let m = CatalogueFixtures.municipality()
  var options: ListOptions { ListOptions(today: Fixtures.today) }

  func row(_ table: ExportTable, _ name: String) throws -> [String: ExportValue] {
    let i = try #require(table.columns.firstIndex(of: "name"))
    let row = try #require(table.rows.first { $0[i].text == name })
    return Dictionary(uniqueKeysWithValues: zip(table.columns, row))
  }

  @Test("4: list services shows owners, review dates, open reports and flags")
  func servicesCarryOwnersAndFlags() throws {
    let table = try ExportKind.services.table(m, options)
    #expect(table.rows.count == m.services.count)
    let avlopp = try row(table, "Anmälan om avlopp")
    #expect(avlopp["serviceOwner"] == .text("Bo Lind (bo.lind)"))
    #expect(avlopp["flags"]?.text == "openReports; inactivePerson")
    #expect(avlopp["openReports"] == .number(1))
    #expect(avlopp["status"]?.text == "revisionNeeded")
    #expect(avlopp["status"]?.display(.swedish) == "Revidering behövs")
    let bistand = try row(table, "Ekonomiskt bistånd")
    #expect(bistand["reviewDue"] == .day(Day(year: 2025, month: 10, day: 1)))
    #expect(bistand["flags"]?.text == "reviewOverdue")
    #expect(bistand["dataController"] == .text("Socialnämnden <social@overtornea.se>"))
    let semester = try row(table, "Semesteransökan")
    #expect(semester["onOpenEPlatform"] == .bool(false))
    #expect(semester["flags"]?.text == "notOnOpenEPlatform")
  }

  @Test("4: --department and --filter narrow the list; names in Swedish order")
  func departmentAndFilter() throws {
    var o = options
    o.department = "Barn"
    let school = try ExportKind.services.table(m, o)
    let names = school.rows.map { $0[1].text }
    #expect(names == ["Skolskjuts", "Ändring av barnomsorgstid"])
    o.department = nil
    o.filter = "Åsa"
    #expect(
      try ExportKind.services.table(m, o).rows.map { $0[1].text } == ["Ändring av barnomsorgstid"])
  }

  @Test("4: JSON keeps numbers and booleans typed, CSV has a header")
  func formats() throws {
    let table = try ExportKind.services.table(m, options)
    let json = try ExportFormat.json.render(table)
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let bistand = try #require(objects.first { $0["name"] as? String == "Ekonomiskt bistånd" })
    #expect(bistand["yearlyCaseVolume"] as? Int == 600)
    #expect(bistand["needsELegitimation"] as? Bool == true)
    let csv = try ExportFormat.csv.render(table)
    #expect(csv.hasPrefix("id,name,department,departmentId,audience,category,status"))
  }
}

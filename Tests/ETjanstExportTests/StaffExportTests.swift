import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

@Suite("Staff export and case import")
struct StaffExportTests {
  typealias F = StaffFixtures
  let options = ListOptions(today: Fixtures.today)

  @Test("4.2: a good file is parsed; header skipped; ';' and Swedish statuses understood")
  func parsesGoodFile() throws {
    let csv =
      "\u{FEFF}Ärendenummer;E-tjänst;Handläggare;Status\r\n2026-0412;ansökan om bygglov;bertilo;Avslutad/Arkiverad\r\n\r\n2026-0900;Färdtjänst;annaab;Pågående\r\n"
    let rows = try CaseImport.parse(csv, F.store(), today: Fixtures.today).rows
    #expect(rows.map(\.number) == ["2026-0412", "2026-0900"])
    #expect(rows.map(\.line) == [2, 4])
    #expect(rows.map(\.status) == [.closedArchived, .ongoing])
    #expect(rows[0].service == F.bygglov && rows[1].officer == F.anna)
  }

  @Test("4.2: every bad row is reported by its line number, and nothing is returned")
  func reportsBadLines() {
    let csv = """
      number,service,officer,status
      2026-1,Färdtjänst,annaab,ongoing
      2026-2,Okänd tjänst,annaab,ongoing
      "2026-3
      x",Färdtjänst,nobody,ongoing
      2026-4,Färdtjänst,annaab,kanske
      2026-1,Färdtjänst,annaab,ongoing
      2026-5,Färdtjänst
      """
    #expect {
      try CaseImport.parse(csv, F.store(), today: Fixtures.today)
    } throws: { error in
      guard let e = error as? CaseImportError else { return false }
      let text = e.message(.swedish)
      return e.lines == [3, 4, 6, 7, 8]
        && text.contains("rad 3: e-tjänsten 'Okänd tjänst' finns inte")
        && text.contains("rad 4: handläggaren 'nobody'")
        && text.contains("rad 6: okänd status 'kanske'")
        && text.contains("rad 7: ärende 2026-1 finns redan på rad 2")
        && text.contains("rad 8: 2 kolumner")
        && text.hasPrefix("Inget importerades")
    }
  }

  @Test("4.2: an empty file is refused")
  func emptyFile() {
    #expect(throws: CaseImportError.self) {
      try CaseImport.parse("number,service,officer,status\n", F.store(), today: Fixtures.today)
    }
  }

  @Test("4.2: parse then ImportCases closes a leaver's last cases and ticks the step")
  func importEndToEnd() throws {
    var m = F.store()
    let rows = try CaseImport.parse(
      "2026-0412,Ansökan om bygglov,bertilo,closed\n2026-0587,Färdtjänst,annaab,ongoing\n", m,
      today: Fixtures.today
    ).rows
    try m.execute(ImportCases(rows, source: "export.csv"), context: Fixtures.context())
    #expect(m.openCases(of: F.bertil).isEmpty)
    #expect(m.cases.first { $0.number == "2026-0587" }?.transferredFrom == F.bertil)
    #expect(m.staffMember(F.bertil)?.offboarding?.item(.casesClosedOrTransferred)?.isDone == true)
  }

  @Test("list staff shows checklists' progress and open cases, filtered by department")
  func staffTable() throws {
    let table = try ExportKind.staff.table(
      F.store(), ListOptions(department: "testförv", today: Fixtures.today))
    let names = table.rows.map { $0[1].text }
    #expect(
      names
        == ["Anna Åberg", "Bertil Öst", "Cecilia Ek", "David Lund", "Eva Berg"].sortedSwedish { $0 }
    )
    let bertil = try #require(table.rows.first { $0[1].text == "Bertil Öst" })
    let col = { (name: String) in table.columns.firstIndex(of: name)! }
    #expect(bertil[col("openCases")] == .number(2))
    #expect(bertil[col("offboardingDone")] == .text("1/4"))
    let cecilia = try #require(table.rows.first { $0[1].text == "Cecilia Ek" })
    #expect(cecilia[col("onboardingOverdue")] == .bool(true))
  }

  @Test("list access flags removed staff's access and leavers without valid-to, and lists signing")
  func accessTable() throws {
    let table = try ExportKind.access.table(F.store(), options)
    let json = try ExportFormat.json.render(table)
    #expect(
      json.contains(
        #""staff": "David Lund", "staffId": "p-david", "login": "davidl", "department": "Testförvaltningen", "departmentId": "dep-test", "status": "removed", "service": "Ansökan om bygglov""#
      ))
    #expect(json.contains(#""flag": "heldByRemoved""#))
    #expect(json.contains(#""flag": "leaverWithoutValidTo""#))
    #expect(json.contains(#""flag": "expiresWithOpenCases 2026-12-05""#))
    #expect(table.rows.filter { $0[6].text == "document signing" }.count == 3)
  }

  @Test("list cases puts open cases first and shows transfers")
  func casesTable() throws {
    var m = F.store()
    try m.execute(TransferCase(F.case2, to: F.anna), context: Fixtures.context())
    let csv = try ExportFormat.csv.render(ExportKind.cases.table(m, options))
    let lines = csv.split(separator: "\n").map(String.init)
    #expect(
      lines[0]
        == "number,service,serviceId,officer,officerId,officerName,status,transferredFrom,transferredFromId"
    )
    #expect(lines.last?.hasPrefix("2026-0101,") == true)
    #expect(
      lines.contains(
        "2026-0587,Färdtjänst,svc-fardtjanst,annaab,p-anna,Anna Åberg,ongoing,bertilo,p-bertil"))
  }
}

extension StaffExportTests {
  @Test(
    "4.2: list staff shows a fixed-term hire as employed, with the end day, until 30 days before it"
  )
  func fixedTermListsEmployed() throws {
    var m = F.store()
    let end = Fixtures.today.adding(days: 200)
    _ = try F.addFixedTermHire(to: &m, end: end)
    func cells(on day: Day) throws -> [String: ExportValue] {
      let table = try ExportTable.staff(m, ListOptions(today: day))
      let row = try #require(table.rows.first { $0.contains(.text("vera.visstid")) })
      return Dictionary(uniqueKeysWithValues: zip(table.columns, row))
    }
    let now = try cells(on: Fixtures.today)
    #expect(now["status"] == .label("onboarding", StaffStatus.onboarding.label))
    #expect(now["endDate"] == .day(end))
    #expect(now["offboardingDone"] == ExportValue.none)
    let within = try cells(on: end.adding(days: -m.settings.leavingLeadDays))
    #expect(within["status"] == .label("offboarding", StaffStatus.offboarding.label))
    #expect(within["offboardingDone"] != ExportValue.none)
  }
}

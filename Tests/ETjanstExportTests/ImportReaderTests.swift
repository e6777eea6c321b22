import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// The one reader of every import: headers by name in either language, the file's
/// encoding, columns nothing reads named, the export's formula guard taken off.
@Suite struct ImportReaderTests {
  typealias F = StaffFixtures

  @Test("a file that is not UTF-8 is read as Windows-1252, and the note says so")
  func windows1252() throws {
    let bytes: [UInt8] =
      Array("Maja Kein".utf8) + [0xE4] + Array("nen;maja.keinanen;f".utf8) + [0xF6]
      + Array("rvaltning ".utf8) + [0x80]
    let read = ImportText(Data(bytes))
    #expect(read.text == "Maja Keinänen;maja.keinanen;förvaltning €")
    #expect(read.note?.en == "The file was not UTF-8 and was read as Windows-1252 (Latin-1).")
    let utf8 = ImportText(Data("\u{FEFF}namn;Keinänen\r\n".utf8))
    #expect(utf8.note == nil)
    #expect(utf8.text == "\u{FEFF}namn;Keinänen\r\n")
  }

  @Test("staff: an HR export's headers, first and last name, start and end; unused columns named")
  func hrExport() throws {
    let m = F.store()
    let csv = """
      Personnummer;Förnamn;Efternamn;Användar-ID;FÖRVALTNING;Anställd from;Anställd tom;Kostnadsställe;
      19800101-1234;Maja;Keinänen;maja.keinanen;Testförvaltningen;2027-01-07;2027-06-15;4410;\r
      """
    let plan = try StaffImport.parse(csv, m, today: Fixtures.today)
    #expect(plan.ignored == ["Personnummer", "Kostnadsställe"])
    #expect(plan.columns.contains(ImportColumn(header: "Anställd from", field: "startDate")))
    #expect(plan.columns.contains(ImportColumn(header: "Förnamn", field: "firstName")))
    var next = m
    _ = try next.execute(
      plan.command(source: "hr.csv", noun: SetupImportTests.noun), context: Fixtures.context())
    let maja = try #require(next.staffMember(login: "maja.keinanen"))
    #expect(maja.name == "Maja Keinänen")
    #expect(maja.startDate == Day("2027-01-07"))
    #expect(maja.endDate == Day("2027-06-15"))
  }

  @Test("a value that is not allowed names the allowed ones")
  func allowedValues() {
    #expect {
      try ServiceImport.parse("namn;förvaltning;status\nX;Testförvaltningen;Kanske\n", F.store())
    } throws: { error in
      let text = (error as? CaseImportError)?.message(.swedish) ?? ""
      return text.contains("rad 2: okänd") && text.contains("'Kanske' (tillåtna: ")
        && text.contains("Publicerad")
    }
  }

  @Test("a tab-separated file, as a copy from a spreadsheet, is read by its headers")
  func tabs() throws {
    let plan = try ServiceImport.parse(
      "namn\tförvaltning\tstatus\nTabbtjänst\tTestförvaltningen\tUnder utveckling\n", F.store())
    #expect(plan.added.first?.text.sv.hasPrefix("Tabbtjänst (Testförvaltningen") == true)
  }

  @Test("staff: the e-mail address gives the login; a missing column is named as a Swede wrote it")
  func emailAndMissing() throws {
    let m = F.store()
    let plan = try StaffImport.parse(
      "Namn,E-post,Förvaltning\nOla Nilsson,ola.nilsson@kommun.se,Testförvaltningen\n", m,
      today: Fixtures.today)
    #expect(plan.added.first?.text.sv.contains("ola.nilsson") == true)
    #expect {
      try StaffImport.parse("Namn;Inloggning\nOla;ola\n", m, today: Fixtures.today)
    } throws: { error in
      (error as? CaseImportError)?.message(.swedish).contains("'förvaltning'") == true
    }
  }

  @Test("services: an Open ePlatform catalogue; a name on the staff list is that person")
  func openEPlatformCatalogue() throws {
    let m = F.store()
    let csv = """
      Namn;Förvaltning;FamiljeID;E-tjänstansvarig;Processägare;Besökare senaste månaden
      Ansökan om nybyggnadskarta;Testförvaltningen;311;Eva Berg <eva@kommun.se>;anna åberg;120
      """
    let plan = try ServiceImport.parse(csv, m)
    #expect(plan.ignored == ["Besökare senaste månaden"])
    var next = m
    _ = try next.execute(
      plan.command(source: "oep.csv", noun: SetupImportTests.noun), context: Fixtures.context())
    let s = try #require(next.services.first { $0.name == "Ansökan om nybyggnadskarta" })
    #expect(s.flowFamilyID == "311")
    #expect(s.roles.processOwner == .staff(F.anna))
    #expect(s.roles.serviceOwner == .staff(F.eva))
  }

  @Test(
    "services: list services --format csv imports back as nothing changed, formula guard and all")
  func formulaGuardRoundTrip() throws {
    var m = F.store()
    m.services[0].name = "=Bygglov (summa)"
    m.services[1].name = "-Färdtjänst"
    let csv = try ExportFormat.csv.render(
      try ExportKind.services.table(m, ListOptions(today: Fixtures.today)))
    #expect(csv.contains("'=Bygglov (summa)"))
    let plan = try ServiceImport.parse(csv, m)
    #expect(plan.rows.isEmpty)
    #expect(plan.skipped.count == m.services.count)
  }

  @Test(
    "cases: headers by name in any order, extra columns named, Avslutat; a second run changes nothing"
  )
  func casesByHeader() throws {
    var m = F.store()
    let csv = """
      Status;Inkommet;Handläggare;Ärendenummer;E-tjänst
      Avslutat;2026-10-01;bertilo;2026-0412;Ansökan om bygglov
      Pågående;2026-11-02;annaab;2026-0999;Färdtjänst
      Pågående;2026-11-03;annaab;2026-0300;Ansökan om bygglov
      """
    let plan = try CaseImport.parse(csv, m, today: Fixtures.today)
    #expect(plan.ignored == ["Inkommet"])
    #expect((plan.added, plan.changed, plan.unchanged) == (1, 1, 1))
    #expect(plan.rows.map(\.number) == ["2026-0412", "2026-0999"])
    _ = try m.execute(ImportCases(plan.rows, source: "x.csv"), context: Fixtures.context())
    #expect(m.cases.first { $0.number == "2026-0412" }?.status == .closedArchived)
    let again = try CaseImport.parse(csv, m, today: Fixtures.today)
    #expect(again.rows.isEmpty)
    #expect(again.unchanged == 3)
  }

  @Test("cases: an open case whose officer lacks access is refused by its line before the lock")
  func casesOfficerRule() throws {
    let csv = "Ärendenummer;E-tjänst;Handläggare;Status\nN-1;Färdtjänst;ceciliae;Pågående\n"
    #expect {
      try CaseImport.parse(csv, F.store(), today: Fixtures.today)
    } throws: { error in
      let e = error as? CaseImportError
      return e?.lines == [2]
        && e?.message(.english).contains("Cecilia Ek has no case-officer access to Färdtjänst")
          == true
    }
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("Large imports: one pass, a bounded trail line")
struct ImportScaleTests {
  typealias F = StaffFixtures

  @Test("a change of more entities than a trail line names counts the rest by kind and action")
  func trailLineIsBounded() throws {
    let m = F.store()
    let extra = AuditSubject.limit + 500
    let rows = (0..<extra).map { i in
      ImportedCase(
        line: i + 2, number: "B-\(i)", service: F.bygglov, officer: F.anna, status: .ongoing)
    }
    var next = m
    let change = try next.execute(
      ImportCases(rows, source: "cases.csv"), context: Fixtures.context())
    let entry = AuditEntry(
      change: change, command: ImportCases(rows, source: "cases.csv"),
      actor: Actor(Fixtures.coordinator), savedAt: Fixtures.now)
    #expect(entry.subjects?.count == AuditSubject.limit)
    #expect(entry.more == [AuditTally(type: "case", action: .added, count: 500)])
    // The named ones still carry their department, found through their officer.
    #expect(entry.subjects?.first?.department == F.department.rawValue)
    let line = try JSONEncoder().encode(entry)
    #expect(line.count < 1_000_000)
  }

  @Test("a small change names every entity and counts none")
  func smallChangeNamesAll() throws {
    var m = F.store()
    let rows = [
      ImportedCase(line: 2, number: "S-1", service: F.bygglov, officer: F.anna, status: .ongoing)
    ]
    let change = try m.execute(ImportCases(rows, source: "x.csv"), context: Fixtures.context())
    let entry = AuditEntry(
      change: change, command: ImportCases(rows, source: "x.csv"),
      actor: Actor(Fixtures.coordinator), savedAt: Fixtures.now)
    #expect(entry.subjects?.count == 1)
    #expect(entry.more == nil)
  }

  @Test("an import's rows see the rows before them: a login or a name twice is refused by line")
  func batchSeesEarlierRows() throws {
    var m = F.store()
    let start = Day("2027-01-07")!
    let rows = [
      ImportRow(
        line: 2,
        command: AddStaffMember(
          name: "Ny Person", login: "ny.person", department: F.department, manager: "",
          startDate: start)),
      ImportRow(
        line: 3,
        command: AddStaffMember(
          name: "Annan Person", login: "NY.PERSON", department: F.department, manager: "",
          startDate: start)),
      // A manager named by a person added on an earlier row of the same file.
      ImportRow(
        line: 4,
        command: AddStaffMember(
          name: "Tredje Person", login: "tredje", department: F.department,
          manager: "ny person", startDate: start)),
    ]
    let refused = #expect(throws: RuleViolation.self) {
      try m.execute(
        ImportRows(rows, what: LocalizedText(verbatim: "x")), context: Fixtures.context())
    }
    let text = refused?.message.en ?? ""
    #expect(text.contains("line 3"))
    #expect(!text.contains("line 4"))
    #expect(!text.contains("line 2"))

    func service(_ line: Int, _ name: String) -> ImportRow {
      ImportRow(
        line: line,
        command: AddEService(
          EServiceDraft(
            EService(
              id: EntityID("x\(line)"), name: name, department: F.department, status: .ordered))))
    }
    let services = [
      service(2, "Ansökan om tillstånd 1"), service(3, "ANSÖKAN OM TILLSTÅND 1"),
      service(4, "färdtjänst"), service(5, "Ansökan om tillstånd 2"),
    ]
    let twins = #expect(throws: RuleViolation.self) {
      try m.execute(
        ImportRows(services, what: LocalizedText(verbatim: "x")), context: Fixtures.context())
    }
    let twinText = twins?.message.en ?? ""
    #expect(twinText.contains("line 3"))
    #expect(twinText.contains("line 4"))
    #expect(!twinText.contains("line 5"))
    #expect(!twinText.contains("line 2"))
  }
}

@Suite("Cleaning plain ASCII takes the short way and gives what the long way gives")
struct PlainASCIICleaningTests {
  @Test("line and multiline of printable ASCII: trimmed as before, nothing else changed")
  func plainASCII() {
    #expect(TextCleaning.line("  KS 2026/0701  ") == "KS 2026/0701")
    #expect(TextCleaning.multiline("svc-bygglov   ") == "svc-bygglov")
    #expect(TextCleaning.multiline("  indented") == "  indented")
    #expect(TextCleaning.line("") == "")
    // Not plain: a tab, a line break, a non-ASCII letter go the long way, as before.
    #expect(TextCleaning.line("a\tb") == "a b")
    #expect(TextCleaning.multiline("a  \nb ") == "a\nb")
    #expect(TextCleaning.line("Åsa\u{200B}") == "Åsa")
  }
}

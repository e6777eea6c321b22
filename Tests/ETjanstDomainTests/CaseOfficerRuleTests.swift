import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("An open case's officer holds access to its e-service (4.1, 4.2)")
struct CaseOfficerRuleTests {
  typealias F = StaffFixtures

  @Test("a new open case for an officer without access is refused; a closed one is history")
  func addCase() throws {
    var m = F.store()
    // Cecilia Ek holds no access at all.
    #expect(throws: RuleViolation.self) {
      try m.execute(
        AddCase(number: "N-1", service: F.bygglov, officer: F.cecilia), context: Fixtures.context())
    }
    #expect(!m.cases.contains { $0.number == "N-1" })
    try m.execute(
      AddCase(number: "N-2", service: F.bygglov, officer: F.cecilia, status: .closedArchived),
      context: Fixtures.context())
    try m.execute(
      AddCase(number: "N-3", service: F.bygglov, officer: F.anna), context: Fixtures.context())
    #expect(m.cases.contains { $0.number == "N-3" })
  }

  @Test("the rule says who and which e-service, in one line")
  func message() throws {
    let m = F.store()
    let cecilia = try #require(m.staffMember(F.cecilia))
    let violation = try #require(
      CaseOfficerRule.violation(
        cecilia, service: F.bygglov, serviceName: "Ansökan om bygglov", on: Fixtures.today))
    #expect(
      violation.message.sv
        == "Cecilia Ek saknar behörighet som handläggare till Ansökan om bygglov den 2026-11-27. Ge behörigheten först eller välj en annan handläggare."
    )
    #expect(!violation.message.sv.contains("\n"))
  }

  @Test("an imported open case whose officer lacks access is refused by its line; all or none")
  func importRefusesRow() throws {
    var m = F.store()
    let rows = [
      ImportedCase(line: 2, number: "I-1", service: F.bygglov, officer: F.anna, status: .ongoing),
      ImportedCase(
        line: 3, number: "I-2", service: F.bygglov, officer: F.cecilia, status: .ongoing),
    ]
    let refused = #expect(throws: RuleViolation.self) {
      try m.execute(ImportCases(rows, source: "x.csv"), context: Fixtures.context())
    }
    #expect(refused?.message.en.hasPrefix("Line 3: Cecilia Ek has no case-officer access") == true)
    #expect(!m.cases.contains { $0.number == "I-1" })
  }

  @Test("check: an open case kept by an officer whose access has ended is a violation to hand over")
  func finding() throws {
    let m = F.store()
    // Bertil's access to Färdtjänst ends on 2026-12-05; case 2026-0587 is still his.
    let before = Findings.all(in: m, at: Day(year: 2026, month: 12, day: 5).start)
    #expect(!before.contains { $0.message.en.contains("without case-officer access") })
    let after = Findings.all(in: m, at: Day(year: 2026, month: 12, day: 6).start)
    let found = try #require(after.first { $0.message.en.contains("without case-officer access") })
    #expect(found.subject == "Bertil Öst")
    #expect(found.severity == .violation)
    #expect(found.message.en.contains("2026-0587 (Färdtjänst)"))
    #expect(!found.message.en.contains("2026-0412"))
  }
}

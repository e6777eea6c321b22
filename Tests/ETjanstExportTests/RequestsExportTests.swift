import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

@Suite("list requests")
struct RequestsExportTests {
  typealias F = StaffFixtures

  @Test(
    "JSON says what an accepted request became and leads to it: the person, the checklist, the report"
  )
  func becameColumns() throws {
    var m = F.store()
    try m.execute(
      FileRequest(
        RequestDraft(kind: .newEmployee, name: "Greta Ny", login: "gretan", day: Fixtures.today),
        id: EntityID("r-new")), context: Fixtures.context(F.manager))
    try m.execute(
      FileRequest(
        RequestDraft(kind: .error, services: [F.bygglov], text: "Ny fråga", revision: true),
        id: EntityID("r-rev")), context: Fixtures.context(F.manager))
    try m.execute(
      AcceptRequest(EntityID("r-new"), newPerson: EntityID("p-greta")), context: Fixtures.context())
    try m.execute(
      AcceptRequest(EntityID("r-rev"), newReport: EntityID("rep-1")), context: Fixtures.context())
    let table = try ExportTable.requests(m, ListOptions(today: Fixtures.today, language: .english))
    let json = try ExportFormat.json.render(table)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let hire = try #require(rows.first { $0["id"] as? String == "r-new" })
    #expect(hire["personId"] as? String == "p-greta")
    #expect(hire["checklist"] as? String == "onboarding")
    #expect(hire["checklistDone"] as? Int == 1)
    #expect((hire["became"] as? String)?.hasPrefix("Greta Ny · onboarding (4.1) 1 of ") == true)
    let revision = try #require(rows.first { $0["id"] as? String == "r-rev" })
    #expect(revision["revision"] as? Bool == true)
    #expect(revision["serviceId"] as? String == F.bygglov.rawValue)
    #expect(revision["reportId"] as? String == "rep-1")
    #expect((revision["became"] as? String)?.contains("revision need") == true)
  }
}

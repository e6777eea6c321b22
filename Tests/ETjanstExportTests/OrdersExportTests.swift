import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

@Suite struct OrdersExportTests {
  /// Three orders made through the commands: one in step 1, one published, one
  /// registered 40 days ago (over the 30-day limit).
  func store() throws -> Municipality {
    var m = Fixtures.small()
    m.departments.append(Department(id: EntityID("dep-vo"), name: "Vård och omsorg"))
    let early = Fixtures.context(at: Fixtures.now.addingTimeInterval(-40 * 86_400))
    func draft(_ title: String, _ dep: String, _ a: Audience, effect: Int, volume: Int)
      -> OrderDraft
    {
      OrderDraft(
        title: title, department: EntityID(dep), contactPerson: "Ida", audience: a,
        need: Need(effectScore: effect, yearlyCaseVolume: volume))
    }
    try m.execute(
      ReceiveOrder(
        id: EntityID("o1"),
        draft: draft("Lokalbokning", "dep-test", .external, effect: 2, volume: 400),
        channel: .needOnly), context: early)
    try m.execute(
      ReceiveOrder(
        id: EntityID("o2"), draft: draft("Tillbud", "dep-test", .internal, effect: 3, volume: 60),
        channel: .orderService, caseNumber: "KS 1"), context: early)
    try m.execute(
      ReceiveOrder(
        id: EntityID("o3"), draft: draft("Färdtjänst", "dep-vo", .external, effect: 3, volume: 120),
        channel: .orderService, caseNumber: "KS 2"), context: early)
    let id = EntityID<ServiceOrder>("o3")
    try m.execute(BuildFirstVersion(order: id), context: early)
    try m.execute(StartReview(order: id), context: early)
    try m.execute(
      BookReviewMeeting(order: id, at: Fixtures.now.addingTimeInterval(-86_400), place: "Teams"),
      context: early)
    try m.execute(RecordAgreement(order: id), context: Fixtures.context())
    try m.execute(PublishOrder(order: id), context: Fixtures.context())
    return m
  }

  func rows(_ json: String) throws -> [[String: Any]] {
    try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
  }

  @Test("6: list orders shows step, days waited, flag and guideline 3's rank as JSON")
  func json() throws {
    let table = try ExportKind.orders.table(try store(), ListOptions(today: Fixtures.today))
    let out = try rows(try ExportFormat.json.render(table))
    #expect(out.map { $0["title"] as? String } == ["Färdtjänst", "Lokalbokning", "Tillbud"])
    let tillbud = try #require(out.last)
    #expect(tillbud["step"] as? Int == 2)
    #expect(tillbud["stepName"] as? String == "ordered")
    #expect(tillbud["daysInStep"] as? Int == 40)
    #expect(tillbud["overdue"] as? Bool == true)
    #expect(tillbud["rank"] as? Int == 2, "internal ranks after external (guideline 3)")
    #expect(out[1]["rank"] as? Int == 1)
    let published = try #require(out.first)
    #expect(published["serviceStatus"] as? String == "published")
    #expect(published["agreedBy"] as? String == "Ida")
    #expect(published["overdue"] as? Bool == false)
    #expect(published["rank"] is NSNull, "a published order is not ranked: nothing is left to do")
  }

  @Test("6: --step and --department narrow the list; an unknown step is refused")
  func filters() throws {
    let m = try store()
    let step2 = try ExportKind.orders.table(m, ListOptions(step: 2, today: Fixtures.today))
    #expect(step2.rows.map { $0[1] } == [.text("Tillbud")])
    let vo = try ExportKind.orders.table(m, ListOptions(department: "Vård", today: Fixtures.today))
    #expect(vo.rows.map { $0[1] } == [.text("Färdtjänst")])
    #expect(throws: ExportError.invalidStep(7)) {
      try ExportKind.orders.table(m, ListOptions(step: 7, today: Fixtures.today))
    }
  }

  @Test("6: CSV has the header row and one line per order")
  func csv() throws {
    let text = try ExportFormat.csv.render(
      try ExportKind.orders.table(try store(), ListOptions(today: Fixtures.today)))
    let lines = text.split(separator: "\n")
    #expect(lines.first?.hasPrefix("id,title,department,departmentId,step,stepName") == true)
    #expect(lines.count == 4)
  }
}

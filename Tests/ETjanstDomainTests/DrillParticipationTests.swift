import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.3: a drill tests the routines of the departments that took part.
@Suite struct DrillParticipationTests {
  /// The demo with a whole-platform drill under way, contacted, and `told` departments told.
  func drill(told: [String]) throws -> (Municipality, EntityID<Outage>) {
    var m = try Fixtures.demo
    let start = Fixtures.now.addingTimeInterval(-3600)
    var o = Outage(
      id: EntityID("drill"), start: start, scope: .wholePlatform, observed: "Övning",
      declaredBy: "Linnea Alatalo", isDrill: true)
    o.contact = ContactRecord(
      at: start.addingTimeInterval(120), channel: "Telefon", by: "L", reference: "")
    o.notified = told.map { DepartmentNotice(department: EntityID($0), at: start) }
    m.outages.append(o)
    return (m, o.id)
  }

  @Test("4.3: a whole-platform drill with 0 of 8 departments told marks no routine tested")
  func noneTold() throws {
    var (m, id) = try drill(told: [])
    let before = m.departments.map(\.fallbackRoutine?.lastTested)
    try m.execute(
      ResolveOutage(outage: id, end: Fixtures.now, cause: "Övning", followUp: ""),
      context: Fixtures.context())
    #expect(m.departments.map(\.fallbackRoutine?.lastTested) == before)
  }

  @Test("4.3: the departments told are tested; naming one that did not take part is refused")
  func someTold() throws {
    var (m, id) = try drill(told: ["dep-soc", "dep-vo"])
    let outage = try #require(m.outages[id: id])
    #expect(m.drillParticipants(outage).map(\.id.rawValue).sorted() == ["dep-soc", "dep-vo"])
    var refused = m
    #expect(throws: RuleViolation.self) {
      try refused.execute(
        ResolveOutage(
          outage: id, end: Fixtures.now, cause: "Övning", followUp: "",
          tested: [EntityID("dep-soc"), EntityID("dep-tf")]), context: Fixtures.context())
    }
    try m.execute(
      ResolveOutage(
        outage: id, end: Fixtures.now, cause: "Övning", followUp: "", tested: [EntityID("dep-soc")]),
      context: Fixtures.context())
    #expect(m.department(EntityID("dep-soc"))?.fallbackRoutine?.lastTested == Fixtures.today)
    #expect(m.department(EntityID("dep-vo"))?.fallbackRoutine?.lastTested != Fixtures.today)
    #expect(m.department(EntityID("dep-tf"))?.fallbackRoutine?.lastTested != Fixtures.today)
  }
}

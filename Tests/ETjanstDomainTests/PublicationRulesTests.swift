import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 6, steps 4–5: an e-service is published by its order's step 5, or
/// registered as already running; no other path publishes.
extension OrdersRulesTests {
  @Test("6 step 5: t → Published on a service whose order is at step 4 is refused; the order stays")
  func statusCannotSkipReview() throws {
    let (m, id) = try store(at: .review, comments: ["Lägg till ledsagare"])
    let service = try #require(m.orders[id: id]?.service)
    let refused = refusal(SetServiceStatus(service, to: .published), on: m)
    #expect(refused?.section == "6" && refused?.field == "status")
    #expect(refused?.message.sv.contains("steg 5") == true, "\(String(describing: refused))")
    #expect(refused?.message.en.contains("is at step 4") == true)
    // Nor by registering it as running.
    #expect(refusal(RegisterRunningEService(existing: service, name: "x"), on: m) != nil)
    // Steps before publishing stay open to it.
    var copy = m
    try copy.execute(SetServiceStatus(service, to: .inReview), context: Fixtures.context())
    #expect(copy.service(service)?.status == .inReview)
  }

  @Test("6: a new e-service cannot be added as Published; registering one already running can")
  func newServiceNotPublished() throws {
    var m = Fixtures.small()
    let draft = EServiceDraft(name: "Ansökan om skolskjuts", department: dep)
    let refused = refusal(AddEService(draft, status: .published), on: m)
    #expect(refused?.field == "status")
    #expect(refused?.message.sv.contains("redan i drift") == true)
    let id = EntityID<EService>("svc-running")
    try m.execute(RegisterRunningEService(id: id, draft), context: Fixtures.context())
    let s = try #require(m.service(id))
    #expect(s.status == .published)
    #expect(s.statusHistory.map(\.source) == [.registeredRunning])
  }

  @Test("6: a service never published, without an order, is registered rather than set Published")
  func existingNeverPublished() throws {
    var m = Fixtures.small()
    let id = EntityID<EService>("svc-1")
    try m.execute(
      AddEService(id: id, EServiceDraft(name: "Felanmälan", department: dep)),
      context: Fixtures.context())
    #expect(refusal(SetServiceStatus(id, to: .published), on: m)?.field == "status")
    try m.execute(
      RegisterRunningEService(existing: id, name: "Felanmälan"), context: Fixtures.context())
    #expect(m.service(id)?.statusHistory.last?.source == .registeredRunning)
    // Once live, it may be unpublished and published again.
    try m.execute(SetServiceStatus(id, to: .unpublished), context: Fixtures.context())
    try m.execute(SetServiceStatus(id, to: .published), context: Fixtures.context())
    #expect(m.service(id)?.status == .published)
  }

  @Test("6: check reports a published service whose order never reached step 5")
  func findingPublishedWithoutStep5() throws {
    var (m, id) = try store(at: .review)
    let service = try #require(m.orders[id: id]?.service)
    #expect(
      !Findings.all(in: m, at: Fixtures.now).contains {
        $0.target == .service(service) && $0.section == "6"
      })
    // As a hand-edited file would have it.
    let i = try #require(m.services.index(of: service))
    m.services[i].status = .published
    let found = Findings.all(in: m, at: Fixtures.now).filter {
      $0.target == .service(service) && $0.section == "6"
    }
    #expect(found.count == 1)
    #expect(found.first?.severity == .violation)
    #expect(found.first?.message.en.contains("is at step 4") == true)
  }
}

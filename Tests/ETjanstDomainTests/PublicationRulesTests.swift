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
    #expect(
      refusal(RegisterRunningEService(existing: service, name: "x", reason: "sedan 2019"), on: m)
        != nil)
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
    // Registering asks why, and the trail's summary says it.
    let unexplained = refusal(RegisterRunningEService(id: id, draft, reason: "  "), on: m)
    #expect(unexplained?.field == RegisterRunningEService.reasonField)
    let register = RegisterRunningEService(id: id, draft, reason: "I drift sedan 2019")
    #expect(register.summary.sv.hasSuffix(": I drift sedan 2019"))
    try m.execute(register, context: Fixtures.context())
    let s = try #require(m.service(id))
    #expect(s.status == .published)
    #expect(s.statusHistory.map(\.source) == [.registeredRunning])
    #expect(s.statusHistory.first?.by == Fixtures.coordinator.login)
    // Flagged, and a finding, until a review is recorded.
    #expect(m.flags(of: s, today: Fixtures.today).contains(.registeredUnreviewed))
    #expect(
      Findings.all(in: m, at: Fixtures.now).contains {
        $0.target == .service(id) && $0.section == "6"
      })
    try m.execute(MarkServiceReviewed(id), context: Fixtures.context())
    #expect(
      !m.flags(of: try #require(m.service(id)), today: Fixtures.today).contains(
        .registeredUnreviewed))
  }

  @Test("6: a service added here is published by its order, never registered as running")
  func serviceKnownFromItsStartIsNotRegistered() throws {
    var m = Fixtures.small()
    let id = EntityID<EService>("svc-1")
    try m.execute(
      AddEService(id: id, EServiceDraft(name: "Felanmälan", department: dep)),
      context: Fixtures.context())
    #expect(refusal(SetServiceStatus(id, to: .published), on: m)?.field == "status")
    let registered = refusal(
      RegisterRunningEService(existing: id, name: "Felanmälan", reason: "i drift"), on: m)
    #expect(registered?.field == "status")
    #expect(registered?.message.en.contains("was added here on") == true)
    #expect(m.service(id)?.status == .ordered)
    // One kept from before the status history was kept may be registered.
    let i = try #require(m.services.index(of: id))
    m.services[i].statusHistory = []
    try m.execute(
      RegisterRunningEService(existing: id, name: "Felanmälan", reason: "i drift sedan 2020"),
      context: Fixtures.context())
    #expect(m.service(id)?.statusHistory.last?.source == .registeredRunning)
  }

  @Test("6: a service taken down is published again only after a review since")
  func republishingNeedsAReview() throws {
    var m = Fixtures.small()
    let id = EntityID<EService>("svc-running")
    try m.execute(
      RegisterRunningEService(
        id: id, EServiceDraft(name: "Felanmälan", department: dep), reason: "i drift sedan 2020"),
      context: Fixtures.context(at: Fixtures.now.addingTimeInterval(-40 * 86_400)))
    try m.execute(
      MarkServiceReviewed(id),
      context: Fixtures.context(at: Fixtures.now.addingTimeInterval(-30 * 86_400)))
    try m.execute(SetServiceStatus(id, to: .unpublished), context: Fixtures.context())
    try m.execute(SetServiceStatus(id, to: .inReview), context: Fixtures.context())
    // Unpublished, then In review, then Published with no review: refused.
    let refused = refusal(SetServiceStatus(id, to: .published), on: m)
    #expect(refused?.section == "6" && refused?.field == "status")
    #expect(refused?.message.sv.contains("avpublicerades") == true)
    try m.execute(MarkServiceReviewed(id), context: Fixtures.context())
    try m.execute(SetServiceStatus(id, to: .published), context: Fixtures.context())
    #expect(m.service(id)?.status == .published)
    // A revision (not taken down) is published again without one.
    try m.execute(SetServiceStatus(id, to: .revisionNeeded), context: Fixtures.context())
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

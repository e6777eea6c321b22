import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4: each department owns its e-services and answers for their content:
/// a published service has an owner, and its review is recorded.
@Suite struct ServiceReviewTests {
  typealias F = CatalogueFixtures

  @Test("4: a published e-service with no owner is flagged and found; one in development is not")
  func noOwnerFlagged() throws {
    var m = F.municipality()
    let i = try #require(m.services.index(of: F.bygglov))
    #expect(m.services[i].status == .published)
    #expect(!m.flags(of: m.services[i], today: Fixtures.today).contains(.noOwner))
    m.services[i].roles.serviceOwner = nil
    #expect(m.flags(of: m.services[i], today: Fixtures.today).contains(.noOwner))
    let found = Findings.all(in: m, at: Fixtures.now).filter {
      $0.target == .service(F.bygglov) && $0.message.en.contains("no service owner")
    }
    #expect(found.count == 1)
    m.services[i].status = .inDevelopment
    #expect(!m.flags(of: m.services[i], today: Fixtures.today).contains(.noOwner))
  }

  @Test("4: 'reviewed today' sets the last review and clears an overdue review; undo puts it back")
  func reviewedToday() throws {
    var m = F.municipality()
    let overdue = try #require(
      m.services.first { $0.isReviewOverdue(today: Fixtures.today) && $0.status != .unpublished })
    let change = try m.execute(
      MarkServiceReviewed(overdue.id, name: overdue.name), context: Fixtures.context())
    #expect(m.service(overdue.id)?.lastReviewed == Fixtures.today)
    #expect(m.service(overdue.id)?.isReviewOverdue(today: Fixtures.today) == false)
    #expect(change.summary.sv.contains("granskad"))
    let manager = User(login: "chef", name: "Chef", role: .manager(department: F.social))
    var copy = m
    #expect(throws: RuleViolation.self) {
      try copy.execute(MarkServiceReviewed(overdue.id), context: Fixtures.context(manager))
    }
  }

  @Test("4: an unpublished e-service is not reviewed")
  func unpublishedNotReviewed() throws {
    var m = F.municipality()
    let i = try #require(m.services.index(of: F.bygglov))
    m.services[i].status = .unpublished
    #expect(throws: RuleViolation.self) {
      try m.execute(MarkServiceReviewed(F.bygglov), context: Fixtures.context())
    }
  }
}

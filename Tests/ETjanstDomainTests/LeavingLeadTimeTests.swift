import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.2: a fixed-term hire is employed until shortly before the end day; they
/// count as leaving, with the offboarding checklist, only within the lead time.
@Suite struct LeavingLeadTimeTests {
  @Test("4.2: a person added with an end day 200 days away is not leaving")
  func farEndDayIsNotLeaving() throws {
    var m = Fixtures.small()
    let p = try StaffFixtures.addFixedTermHire(to: &m, end: Fixtures.today.adding(days: 200))
    #expect(p.endDate == Fixtures.today.adding(days: 200))
    #expect(!p.isLeaving(on: Fixtures.today))
    #expect(p.status(on: Fixtures.today) != .offboarding)
    #expect(p.offboardingChecklist(on: Fixtures.today) == nil)
  }

  @Test("4.2: leaving, with the offboarding checklist, from 30 days before the end day")
  func leavingWithinLeadTime() throws {
    var m = Fixtures.small()
    let end = Fixtures.today.adding(days: 200)
    let p = try StaffFixtures.addFixedTermHire(
      to: &m, start: Fixtures.today.adding(days: -10), end: end)
    let lead = StaffMember.leavingLeadDays
    #expect(lead == 30)
    let before = end.adding(days: -lead - 1)
    let from = end.adding(days: -lead)
    #expect(!p.isLeaving(on: before) && p.isLeaving(on: from) && p.isLeaving(on: end))
    #expect(p.status(on: from) == .offboarding)
    #expect(p.offboardingChecklist(on: before) == nil)
    #expect(p.offboardingChecklist(on: from)?.due == end)
    // Before the lead time the person may still take over cases; within it, not.
    #expect(p.canTakeCases(on: before) && !p.canTakeCases(on: from))
    // A store that kept "leaving" from the day the end day was set reads the same.
    var stored = p
    stored.status = .offboarding
    #expect(stored.status(on: before) == p.status(on: before))
  }

}

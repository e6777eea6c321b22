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
    #expect(!p.isLeaving(on: Fixtures.today, m.settings))
    #expect(p.status(on: Fixtures.today, m.settings) != .offboarding)
    #expect(p.offboardingChecklist(on: Fixtures.today, m.settings) == nil)
  }

  @Test("4.2: leaving, with the offboarding checklist, from 30 days before the end day")
  func leavingWithinLeadTime() throws {
    var m = Fixtures.small()
    let end = Fixtures.today.adding(days: 200)
    let p = try StaffFixtures.addFixedTermHire(
      to: &m, start: Fixtures.today.adding(days: -10), end: end)
    let lead = m.settings.leavingLeadDays
    #expect(lead == 30)
    let before = end.adding(days: -lead - 1)
    let from = end.adding(days: -lead)
    let settings = m.settings
    #expect(
      !p.isLeaving(on: before, settings) && p.isLeaving(on: from, settings)
        && p.isLeaving(on: end, settings))
    #expect(p.status(on: from, settings) == .offboarding)
    #expect(p.offboardingChecklist(on: before, settings) == nil)
    #expect(p.offboardingChecklist(on: from, settings)?.due == end)
    // Before the lead time the person may still take over cases; within it, not.
    #expect(p.canTakeCases(on: before, settings) && !p.canTakeCases(on: from, settings))
    // A store that kept "leaving" from the day the end day was set reads the same.
    var stored = p
    stored.status = .offboarding
    #expect(stored.status(on: before, settings) == p.status(on: before, settings))
  }

  @Test("4.2: the lead time is the municipality's setting, read by the rule and its findings")
  func leadTimeIsASetting() throws {
    var m = Fixtures.small()
    let end = Fixtures.today.adding(days: 20)
    let p = try StaffFixtures.addFixedTermHire(
      to: &m, start: Fixtures.today.adding(days: -10), end: end)
    #expect(p.isLeaving(on: Fixtures.today, m.settings), "20 days away, within the default 30")
    var settings = m.settings
    settings.leavingLeadDays = 10
    try m.execute(
      EditSettings(settings),
      context: CommandContext(actor: Actor(Fixtures.coordinator), now: Fixtures.now))
    #expect(m.settings.leavingLeadDays == 10)
    #expect(!p.isLeaving(on: Fixtures.today, m.settings))
    #expect(p.status(on: end.adding(days: -10), m.settings) == .offboarding)
    #expect(p.status(on: end.adding(days: -11), m.settings) != .offboarding)
    // Declared as the other settings are, with the range the form accepts.
    let limit = try #require(Settings.limits.first { $0.name == "leavingLeadDays" })
    #expect(limit.allowed == 0...365 && limit.section == "4.2")
    settings.leavingLeadDays = 366
    #expect(throws: RuleViolation.self) {
      try m.execute(
        EditSettings(settings),
        context: CommandContext(actor: Actor(Fixtures.coordinator), now: Fixtures.now))
    }
  }
}

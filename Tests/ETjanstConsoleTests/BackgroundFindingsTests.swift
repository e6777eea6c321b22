import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Over a real store, the overview's findings are worked out off the key loop: at
/// start, after a change of data and when the clock reaches their next change, the frame shows the last
/// findings (or says they are being worked out) instead of waiting for new ones.
@Suite struct BackgroundFindingsTests {
  typealias F = CatalogueFixtures

  func expected(_ c: StoreConsole, _ data: Municipality, at now: Date) -> [Finding] {
    c.state.visibility.findings(in: data, at: now)
  }

  /// Carries out what finished, as the run loop does between keys, until the
  /// findings are current.
  func settle(_ c: StoreConsole) -> Bool {
    c.wait {
      c.program.refreshFindings()
      return c.program.stateForTesting.findingsAreCurrent
    }
  }

  @Test("first, after a change and when the day turns, the frame does not wait for the findings")
  func offTheKeyLoop() throws {
    let store = try SharedStore(F.municipality())
    let c = try store.console(background: true)
    // Before the first findings come, the overview says they are being worked out.
    c.program.refreshFindings()
    #expect(c.state.findingsPending)
    #expect(c.screen.contains("Går igenom registret…"))
    #expect(settle(c))
    #expect(!c.state.findingsPending)
    let first = c.state.findings
    #expect(first == expected(c, F.municipality(), at: Fixtures.now))
    #expect(!first.isEmpty)
    #expect(!c.screen.contains("Går igenom registret…"))

    // Another process's save leaves a department's e-service pointing nowhere: the
    // frame right after it still shows the findings it had, then the new ones.
    var changed = F.municipality()
    changed.services[0].department = EntityID("ingen-sadan")
    c.program.stateForTesting.overview.list.filter = "pekar"
    #expect(OverviewScreen.findings(c.state).isEmpty)
    c.program.send(.storeChangedElsewhere(changed))
    #expect(c.state.findings == first)
    #expect(!c.state.findingsAreCurrent)
    // The filtered list asked for meanwhile is made again when the new findings come.
    #expect(OverviewScreen.findings(c.state).isEmpty)
    #expect(settle(c))
    let after = c.state.findings
    #expect(after == expected(c, changed, at: Fixtures.now))
    #expect(after.contains { $0.section == "data" })
    #expect(OverviewScreen.findings(c.state).count == after.filter { $0.section == "data" }.count)
    c.program.stateForTesting.overview.list.filter = ""

    // The minute turns with no outage under way: the rules count days, so nothing is
    // worked out again (a region's findings took a core for a third of a second every
    // minute, beside the keys).
    c.program.send(.clockTicked(Fixtures.now.addingTimeInterval(120)))
    #expect(c.state.findingsAreCurrent)
    let version = c.state.findingsVersion
    c.program.refreshFindings()
    #expect(!c.state.findingsPending && c.state.findingsVersion == version)

    // The day turns: the same as a change, by the clock.
    let tomorrow = Fixtures.today.adding(days: 1).start.addingTimeInterval(60)
    c.program.send(.clockTicked(tomorrow))
    #expect(!c.state.findingsAreCurrent)
    #expect(c.state.findings == after)
    #expect(settle(c))
    #expect(c.state.findings == expected(c, changed, at: tomorrow))
  }

  @Test("while an outage waits for its contact, they are worked out again when it turns late")
  func byTheMinuteWhileAnOutageWaits() throws {
    var m = F.municipality()
    m.settings.outageContactLimitMinutes = 15
    try m.execute(
      DeclareOutage(start: Fixtures.now, scope: .wholePlatform, observed: "", declaredBy: "T"),
      context: Fixtures.context())
    let store = try SharedStore(m)
    let c = try store.console(background: true)
    #expect(settle(c))
    #expect(!c.state.findings.contains { $0.message.sv.hasPrefix("FÖRSENAD") })
    c.program.send(.clockTicked(Fixtures.now.addingTimeInterval(10 * 60)))
    #expect(c.state.findingsAreCurrent)
    c.program.send(.clockTicked(Fixtures.now.addingTimeInterval(16 * 60)))
    #expect(!c.state.findingsAreCurrent)
    #expect(settle(c))
    #expect(c.state.findings.contains { $0.message.sv.hasPrefix("FÖRSENAD") })
    // Late, it counts the minutes: the next one is worked out again.
    c.program.send(.clockTicked(Fixtures.now.addingTimeInterval(17 * 60)))
    #expect(!c.state.findingsAreCurrent)
  }

  @Test("without a background (the tests' console in memory) they are worked out at once")
  func atOnceInMemory() throws {
    let store = try SharedStore(F.municipality())
    let c = try store.console(background: false)
    c.program.refreshFindings()
    #expect(!c.state.findingsPending)
    #expect(c.state.findings == expected(c, F.municipality(), at: Fixtures.now))
  }
}

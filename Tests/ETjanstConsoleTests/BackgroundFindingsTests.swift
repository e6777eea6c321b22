import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Over a real store, the overview's findings are worked out off the key loop: at
/// start, after a change of data and when the minute turns, the frame shows the last
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

  @Test("first, after a change and each minute, the frame does not wait for the findings")
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

    // The minute turns: the same, by the clock.
    let later = Fixtures.now.addingTimeInterval(120)
    c.program.send(.clockTicked(later))
    #expect(!c.state.findingsAreCurrent)
    #expect(c.state.findings == after)
    #expect(settle(c))
    #expect(c.state.findings == expected(c, changed, at: later))
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

import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.3: in an outage under way, `t` marks the department the list shows
/// selected, wherever the selection has been.
@Suite struct OutageTellTests {
  @Test(
    "4.3: after moving down a long department list, a new outage with fewer departments still takes t"
  )
  func tellAfterListShrank() throws {
    let m = try OutagesScreenTests.withOutage(minutesAgo: 3)
    let d = ConsoleDriver(m)
    d.press(.character("4"), .character("G"))
    #expect(d.state.outagesScreen.told.selected == 7)
    // Another console resolves it and declares an outage of one e-service.
    var next = m
    let i = try #require(next.outages.firstIndex { $0.isActive })
    next.outages[i].end = Fixtures.now
    next.outages.append(
      Outage(
        id: EntityID("out-hemtjanst"), start: Fixtures.now,
        scope: .services([EntityID("svc-hemtjanst")]),
        observed: "Hemtjänst svarar inte", declaredBy: "Linnea Alatalo"))
    d.program.send(.storeChangedElsewhere(next))
    d.backend.data = next
    let outage = try #require(d.state.data.activeOutage)
    #expect(d.state.data.affectedDepartments(outage).count == 1)
    d.press(.character("t"))
    #expect(OutagesScreenTests.active(d)?.notified.map(\.department) == [EntityID("dep-vo")])
  }
}

/// Guideline 4.3: closing an outage whose departments were not all told asks first.
@Suite struct OutageUntoldCloseTests {
  @Test("4.3: x on an outage some departments were never told of asks, naming them")
  func asksNamingUntold() throws {
    let d = ConsoleDriver(try OutagesScreenTests.withOutage(minutesAgo: 30, contactAfter: 5))
    d.press(.character("4"), .character("x"))
    let asked = (d.state.overlays.last as? ConfirmOverlay)?.question
    #expect(asked?.sv.contains("fick aldrig besked. Avsluta ändå? j/n") == true)
    #expect(asked?.sv.contains("Barn- och utbildningsförvaltningen") == true)
    #expect(asked?.sv.contains("Socialförvaltningen") == false)
    #expect(OutagesScreenTests.text(d).contains("Avsluta ändå"))
    // n leaves the outage as it was.
    d.press(.character("n"))
    #expect(OutagesScreenTests.active(d) != nil)
    #expect(!(d.state.overlays.last is ConfirmOverlay))
  }
}

import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// The overview lists what needs attention, most urgent first, and Enter goes to
/// the item itself: filters that would hide it are cleared, it is selected and opened.
@Suite struct OverviewJumpTests {
  func text(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  /// Selects the overview's finding whose line contains `subject` and presses Enter.
  func enter(_ d: ConsoleDriver, on subject: String) throws {
    d.press(.character("1"), .home)
    let index = try #require(
      d.state.findings.firstIndex { $0.subject.contains(subject) }, "no finding on \(subject)")
    for _ in 0..<index { d.press(.down) }
    d.press(.enter)
  }

  @Test("Enter on 'Henrik Wasara' with the staff list filtered to Aino opens Henrik")
  func personThroughFilter() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("3"), .character("/"))
    d.type("Aino")
    d.press(.enter)
    try enter(d, on: "Henrik Wasara")
    #expect(d.state.screen == .staff)
    #expect(d.state.staffScreen.mode == .person)
    let henrik = d.state.data.staff.first { $0.name == "Henrik Wasara" }
    #expect(d.state.staffScreen.person == henrik?.id)
    #expect(text(d).contains("Henrik Wasara"))
    #expect(d.state.staffScreen.list.filter.isEmpty)
    // Back in the list, Henrik is the selected row.
    d.press(.character("q"))
    #expect(d.frame.lines.first { $0.hasPrefix("›") || $0.contains("Henrik") } != nil)
  }

  @Test("Enter on a service's finding with the catalogue filtered and a status filter opens it")
  func serviceThroughFilters() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("2"), .character("f"), .character("/"))
    d.type("kulturskolan")
    d.press(.enter)
    try enter(d, on: "Ansökan om strandskyddsdispens")
    #expect(d.state.screen == .catalogue)
    let id = d.state.data.services.first { $0.name == "Ansökan om strandskyddsdispens" }?.id
    #expect(d.state.catalogue.detail == id)
    #expect(d.state.catalogue.statusFilter == nil && d.state.catalogue.list.filter.isEmpty)
    #expect(text(d).contains("Ansökan om strandskyddsdispens"))
  }

  @Test("Enter on an order's finding opens the order; on a routine's, the routine")
  func orderAndRoutine() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    try enter(d, on: "Anmälan om tillbud")
    #expect(d.state.screen == .orders)
    #expect(d.state.ordersScreen.opened != nil)
    #expect(text(d).contains("Anmälan om tillbud och arbetsskada"))
    try enter(d, on: "Kultur och fritid")
    #expect(d.state.screen == .outages)
    #expect(text(d).contains("Kultur och fritid"))
  }

  @Test("the overview sorts by urgency: a late outage contact first, then what is most overdue")
  func urgency() throws {
    var m = try Fixtures.demo
    m.outages.append(
      Outage(
        id: EntityID("out-late"), start: Fixtures.now.addingTimeInterval(-40 * 60),
        scope: .wholePlatform, observed: "", declaredBy: "Linnea Alatalo"))
    let all = Findings.all(in: m, at: Fixtures.now)
    #expect(all.first?.target == .outage(EntityID("out-late")), "\(all.prefix(3).map(\.subject))")
    // Within warnings, the most overdue comes first and undated ones last.
    let warnings = all.filter { $0.severity == .warning }
    let dated = warnings.compactMap(\.due)
    #expect(dated == dated.sorted())
    let firstUndated = warnings.firstIndex { $0.due == nil } ?? warnings.count
    #expect(warnings[firstUndated...].allSatisfy { $0.due == nil })
    let d = ConsoleDriver(m, width: 100, height: 30)
    #expect(d.frame.lines.first { $0.contains("FÖRSENAD") || $0.contains("Avbrott") } != nil)
  }
}

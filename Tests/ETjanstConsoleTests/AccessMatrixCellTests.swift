import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// The access matrix grants and ends access from the keyboard, on the chosen cell,
/// through the person page's rule, asking the dates and changing no other.
@Suite struct AccessMatrixCellTests {
  typealias F = StaffFixtures

  func matrix() -> ConsoleDriver {
    let d = ConsoleDriver(F.store(), user: Fixtures.coordinator, width: 100, height: 30)
    d.press(.character("3"), .character("a"))
    return d
  }

  /// Chooses the column of `service` and the row of `person`.
  func choose(_ d: ConsoleDriver, _ person: String, _ service: EntityID<EService>) throws {
    let rows = AccessMatrixView.rows(d.state)
    let row = try #require(rows.firstIndex { $0.name == person })
    let column = try #require(AccessMatrixView.services(d.state).firstIndex { $0.id == service })
    d.press(.character("g"))
    for _ in 0..<row { d.press(.down) }
    while d.state.staffScreen.matrixColumn > column { d.press(.left) }
    while d.state.staffScreen.matrixColumn < column { d.press(.right) }
  }

  func anna(_ d: ConsoleDriver) throws -> StaffMember {
    try #require(d.backend.data.staff.first { $0.name == "Anna Åberg" })
  }

  @Test("space on an empty cell asks the dates and grants from today")
  func grant() throws {
    let d = matrix()
    try choose(d, "Anna Åberg", F.skolskjuts)
    d.press(.character(" "))
    let screen = d.frame.lines.joined(separator: "\n")
    #expect(screen.contains("Ge Anna Åberg behörighet till Skolskjuts"), "\(screen)")
    d.press(.enter)
    let grant = try #require(try anna(d).grant(for: F.skolskjuts))
    #expect(grant.validFrom == Fixtures.today)
    #expect(grant.validTo == nil)
  }

  @Test("space on a granted cell asks the last day and sets only that; valid from stays")
  func end() throws {
    let d = matrix()
    try choose(d, "Anna Åberg", F.bygglov)
    let before = try #require(try anna(d).grant(for: F.bygglov))
    d.press(.character(" "))
    let screen = d.frame.lines.joined(separator: "\n")
    #expect(
      screen.contains("Avsluta behörigheten till Ansökan om bygglov för Anna Åberg"), "\(screen)")
    d.press(.enter)
    let after = try #require(try anna(d).grant(for: F.bygglov))
    #expect(after.validTo == Fixtures.today)
    #expect(after.validFrom == before.validFrom)
  }

  @Test("a manager's read-only matrix grants nothing")
  func readOnly() throws {
    let d = ConsoleDriver(F.store(), user: F.manager, width: 100, height: 30)
    d.press(.character("3"), .character("a"))
    let before = d.backend.data
    d.press(.character(" "))
    #expect(d.backend.data == before)
    #expect(!d.frame.lines.joined().contains("behörighet till"))
  }
}

import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// The store's limits on the console's write paths: a form's field, a text from
/// $EDITOR. A value over its limit is refused beside its field, and nothing is saved.
@Suite struct LimitsConsoleTests {
  func screen(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  @Test("a form's one-line field takes what the store may hold, and says what it did not take")
  func formFieldOverItsLimit() throws {
    let d = ConsoleDriver(Fixtures.small())
    d.press(.character("i"), .right, .character("n"))
    d.type(String(repeating: "x", count: StoreLimits.oneLineText + 1))
    #expect(screen(d).contains("högst \(StoreLimits.oneLineText) tecken"), "\(screen(d))")
    d.press(.enter)
    // What the field took is what the store may hold: it saves.
    let added = try #require(
      d.backend.data.departments.first { !Fixtures.small().departments.map(\.id).contains($0.id) })
    #expect(added.name.count == StoreLimits.oneLineText)
  }

  @Test("a routine's steps from $EDITOR over the limit are refused beside the field")
  func editorTextOverItsLimit() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    var state = d.program.stateForTesting
    state.hasExternalEditor = true
    d.program.stateForTesting = state
    d.backend.editorResult = String(repeating: "Ring växeln.\n", count: 100_000)
    d.press(
      .character("4"), .character("G"), .character("k"), .character("k"), .character("k"),
      .character("k"))
    d.press(.character("e"), .enter)
    d.press(.tab)
    d.type("Pärm i biblioteket")
    d.press(.tab)
    d.type("Kim Ek")
    d.press(.enter)
    #expect(d.state.overlays.count == 1, "the form stays open")
    #expect(screen(d).contains("högst 50 000 tecken"), "\(screen(d))")
    let department = d.backend.data.departments.first { $0.name == "Kultur och fritid" }
    #expect(department?.fallbackRoutine == nil)
  }
}

import ETjanstDomain
import ETjanstStore
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Over a large store the console shows before the store is read (`Opening`): keys
/// pressed meanwhile say so and wait, and are done in order when the lists come; a
/// store that cannot be used ends the console with its reason.
@Suite struct OpeningTests {
  typealias F = CatalogueFixtures

  /// Lets the read finish when the test says so.
  final class Gate: @unchecked Sendable {
    let semaphore = DispatchSemaphore(value: 0)
    func open() { semaphore.signal() }
    func pass() { semaphore.wait() }
  }

  struct Unreadable: Error {}

  func program(
    _ data: Municipality, gate: Gate, language: Language = .swedish,
    begin: @escaping (Municipality) throws -> AppState = {
      AppState(data: $0, user: Fixtures.coordinator, now: Fixtures.now)
    }, fails: Bool = false
  ) -> Program {
    let opening = Opening(
      bytes: 41_000_000,
      read: {
        gate.pass()
        if fails { throw Unreadable() }
        return data
      }, begin: begin)
    return Program(
      opening: opening, language: language, theme: Theme(useColor: true),
      terminal: FakeTerminal(), backend: MemoryBackend(data), clock: { Fixtures.now })
  }

  func screen(_ program: Program) -> String {
    RootView.render(program.state).lines.joined(separator: "\n")
  }

  /// Carries out finished background work until `condition` holds; false when it did
  /// not within a minute (a bound for a broken test, not a timing).
  func settle(_ program: Program, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      program.drainBackground()
      if condition() { return true }
      usleep(10_000)
    }
    return false
  }

  @Test("keys pressed before the lists are read wait, say so, and are done when they come")
  func keysWaitForTheLists() {
    let data = F.municipality()
    let gate = Gate()
    let program = program(data, gate: gate)
    program.startOpening()
    #expect(screen(program).contains("Läser in registret (41 MB) …"))
    #expect(screen(program).contains("Tangenter du trycker nu görs när allt är inläst."))
    program.handle(.character("2"))
    #expect(screen(program).contains("Listorna läses fortfarande in: 1 tangent väntar"))
    program.handle(.down)
    program.handle(.down)
    program.drainBackground()
    #expect(program.state.loading?.heldKeys == [.character("2"), .down, .down])
    #expect(screen(program).contains("3 tangenter väntar"))
    #expect(program.state.screen == .overview)

    gate.open()
    #expect(settle(program) { program.state.loading == nil })
    // As if the keys were pressed on a console opened on the data.
    let reference = ConsoleDriver(data)
    reference.press(.character("2"), .down, .down)
    #expect(program.state.screen == .catalogue)
    #expect(program.state.catalogue.list.selected == reference.state.catalogue.list.selected)
    #expect(RootView.render(program.state).lines == reference.frame.lines)
    #expect(program.openingFailure == nil)
  }

  /// Over a real store the findings are worked out off the key loop: the overview, the
  /// screen the console opens on, shows at once when the lists come and says the
  /// findings are being worked out, rather than working them out before it shows.
  @Test("when the lists come, the findings are started off the key loop before the overview shows")
  func findingsOffTheKeyLoopAtOpening() throws {
    let store = try SharedStore(F.municipality())
    let file = StoreFile(path: store.path)
    let gate = Gate()
    let opening = Opening(
      bytes: 41_000_000,
      read: {
        gate.pass()
        return try file.load()
      },
      begin: { AppState(data: $0, user: Fixtures.coordinator, now: Fixtures.now) })
    let program = Program(
      opening: opening, language: .swedish, theme: Theme(useColor: true),
      terminal: FakeTerminal(), backend: StoreBackend(file, background: true),
      clock: { Fixtures.now })
    program.startOpening()
    gate.open()
    #expect(settle(program) { program.state.loading == nil })
    #expect(program.state.screen == .overview)
    #expect(program.state.findingsPending)
    #expect(screen(program).contains("Går igenom registret…"))
    #expect(settle(program) { !program.state.findingsPending })
    #expect(!program.state.findings.isEmpty)
    #expect(!screen(program).contains("Går igenom registret…"))
  }

  @Test("in English")
  func english() {
    let gate = Gate()
    let program = program(F.municipality(), gate: gate, language: .english)
    program.handle(.character("3"))
    #expect(screen(program).contains("Reading the store (41 MB) …"))
    #expect(screen(program).contains("Keys you press now are done once everything is read."))
    #expect(screen(program).contains("The lists are still being read: 1 key waiting"))
    gate.open()
  }

  @Test("Ctrl-C quits at once while the store is read; no key waits for it")
  func quitsAtOnce() {
    let gate = Gate()
    let program = program(F.municipality(), gate: gate)
    program.startOpening()
    program.handle(.control("c"))
    #expect(program.quitting)
    #expect(program.state.loading?.heldKeys == [])
    gate.open()
  }

  @Test("a store that cannot be read, or a login it does not know, ends the console")
  func failures() {
    let unreadable = Gate()
    let broken = program(F.municipality(), gate: unreadable, fails: true)
    broken.startOpening()
    broken.handle(.down)
    unreadable.open()
    #expect(settle(broken) { broken.openingFailure != nil })
    #expect(broken.openingFailure is Unreadable)
    #expect(broken.quitting)

    let unknown = Gate()
    let stranger = program(F.municipality(), gate: unknown) { _ in throw Unreadable() }
    stranger.startOpening()
    unknown.open()
    #expect(settle(stranger) { stranger.openingFailure != nil })
    #expect(stranger.quitting)
    // Nothing of the store was shown to a login it does not know.
    #expect(stranger.state.loading != nil)
  }
}

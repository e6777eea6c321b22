import Foundation
import TestSupport
import Testing

/// Two consoles, two processes, one store: both open the edit form of the same
/// e-service. Different fields changed are both kept; the same field changed by
/// both shows the second one a choice between their value and its own.
@Suite struct TwoConsolesEndToEndTests {
  let service = "Ansökan om bygglov, marklov och rivningslov"

  /// Opens the edit form of the service in `tmux`.
  func openForm(_ tmux: Tmux) throws {
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "E-tjänster")
    try tmux.send(keys: "/")
    try tmux.send(text: "bygglov, marklov")
    try tmux.waitFor(text: "Filter: bygglov, marklov")
    try tmux.send(keys: "Enter", "e")
    try tmux.waitFor(text: "Ändra \(service)")
  }

  /// Moves `tabs` fields down, clears the field and types `text`.
  func set(_ tmux: Tmux, tabs: Int, _ text: String) throws {
    for _ in 0..<tabs { try tmux.send(keys: "Tab") }
    try tmux.send(keys: "C-u")
    try tmux.send(text: text)
    try tmux.waitFor(text: text)
  }

  func saved(_ store: String, _ key: String) throws -> String {
    try Binary.plistlib(
      store, "[s for s in d['municipality']['services'] if s['name'] == '\(service)'][0]['\(key)']")
  }

  @Test("two consoles edit one e-service: different fields are both kept")
  func differentFieldsBothKept() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let a = try Tmux.console(store)
    let b = try Tmux.console(store)
    try openForm(a)
    try openForm(b)
    // Field order: Namn, Förvaltning, Målgrupp, Kategori (3 down), …, Adress (6 down).
    try set(b, tabs: 3, "Kategori från B")
    try b.send(keys: "Enter")
    try b.waitFor("B's form did not close") { !$0.contains { $0.contains("Ändra \(service)") } }
    try set(a, tabs: 6, "https://example.se/a")
    try a.send(keys: "Enter")
    try a.waitFor("A's form did not close") { !$0.contains { $0.contains("Ändra \(service)") } }
    #expect(try saved(store, "category") == "Kategori från B")
    #expect(try saved(store, "address") == "https://example.se/a")
  }

  @Test("two consoles change the same field: the second is shown theirs and its own")
  func sameFieldShowsTheChoice() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let a = try Tmux.console(store)
    let b = try Tmux.console(store)
    try openForm(a)
    try openForm(b)
    try set(b, tabs: 3, "Kategori från B")
    try b.send(keys: "Enter")
    try b.waitFor("B's form did not close") { !$0.contains { $0.contains("Ändra \(service)") } }
    try set(a, tabs: 3, "Kategori från A")
    try a.send(keys: "Enter")
    // Their value is named by who saved it (the demo's e-coordinator, whose login
    // both consoles run as), not "Deras".
    let screen = try a.waitFor(text: "har ändrat samma fält")
    #expect(!screen.joined().contains("Någon annan"), "\(screen.joined(separator: "\n"))")
    try a.waitFor(row: "s: Kategori från B")
    try a.waitFor(row: "Ditt: Kategori från A")
    #expect(try saved(store, "category") == "Kategori från B")
    // Keeping one's own is a choice made knowingly.
    try a.send(keys: "Enter")
    try a.waitFor("A's form did not close") {
      !$0.contains { $0.contains("Ändra \(service)") || $0.contains("samma fält") }
    }
    #expect(try saved(store, "category") == "Kategori från A")
  }
}

import Foundation
import TestSupport
import Testing

/// Setting a municipality up from an empty store, through the built binary in tmux:
/// first run → `t`, the municipality's name, a department and the emergency contacts entered in
/// Inställningar, and both read back from the property list.
@Suite struct AdminEndToEndTests {
  @Test(
    "4, 5: first run with an empty store; i adds a department and the contacts; plistlib reads them"
  )
  func setUpFromEmpty() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("etjanst.plist").path
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --store '\(store)'", width: 100, height: 30,
      unset: ["EDITOR", "VISUAL"])
    try tmux.waitFor(text: "Det finns inget register")
    try tmux.send(keys: "t")
    try tmux.waitFor(text: "Kom igång")

    // A new store asks its municipality's name and the e-nämnd's contact first.
    try tmux.waitFor(text: "Nytt register: kommunen och e-nämndens kontakt")
    try tmux.send(text: "Pajala kommun")
    try tmux.send(keys: "Tab", "C-u")
    try tmux.send(text: "Mikael Rova")
    try tmux.waitFor(row: "E-nämnden: namn", "Mikael Rova")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Pajala kommun ·")

    // i opens on Förvaltningar while there are none; n adds one.
    try tmux.send(keys: "i")
    try tmux.waitFor(text: "Inga förvaltningar ännu")
    try tmux.send(keys: "n")
    try tmux.waitFor(text: "Ny förvaltning")
    try tmux.send(text: "Socialförvaltningen")
    try tmux.waitFor(text: "Socialförvaltningen")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Sparat: Ny förvaltning Socialförvaltningen")

    // ← to Kontakter; e opens every contact field.
    try tmux.send(keys: "Left")
    try tmux.waitFor(text: "[Kontakter]")
    try tmux.send(keys: "e")
    try tmux.waitFor(text: "Kontaktuppgifter")
    try tmux.send(keys: "C-u")
    try tmux.send(text: "Linnea Alatalo")
    try tmux.send(keys: "Tab", "Tab")
    try tmux.send(text: "0927-720 45")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "linnea.alatalo@overtornea.se")
    try tmux.send(keys: "Tab", "C-u")
    try tmux.send(text: "Mikael Rova")
    try tmux.send(keys: "Tab", "Tab")
    try tmux.send(text: "0920-45 38 12")
    try tmux.waitFor(row: "E-nämnden: telefon", "0920-45 38 12")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Sparat: Ändrade kontaktuppgifterna")
    try tmux.waitFor(row: "Telefon", "0920-45 38 12")

    // q back to the overview, whose figures replace "Kom igång"; q quits.
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "Mål (riktlinjen, avsnitt 2)")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit() == 0)

    func read(_ expression: String) throws -> String {
      try Binary.plistlib(store, "d['municipality']\(expression)")
    }
    #expect(try read("['name']") == "Pajala kommun")
    #expect(try read("['departments'][0]['name']") == "Socialförvaltningen")
    #expect(try read("['contacts']['eCoordinator']['name']") == "Linnea Alatalo")
    #expect(try read("['contacts']['eCoordinator']['phone']") == "0927-720 45")
    #expect(try read("['contacts']['eCoordinator']['email']") == "linnea.alatalo@overtornea.se")
    #expect(try read("['contacts']['systemAdministrator']['name']") == "Mikael Rova")
    #expect(try read("['contacts']['systemAdministrator']['phone']") == "0920-45 38 12")
    #expect(
      try read("['contacts']['systemAdministrator']['organisation']") == "Norrbottens e-nämnd")
  }
}

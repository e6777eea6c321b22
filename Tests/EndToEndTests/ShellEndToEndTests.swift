import Foundation
import TestSupport
import Testing

/// The built binary in tmux, as a user would run it: first run, screens, help,
/// quitting, the file it leaves, and the refusals that come before the terminal.
@Suite struct ShellEndToEndTests {
  @Test(
    "first run: demo data, five Swedish tabs, help, q exits 0 and restores the terminal; the file is a 0600 plist"
  )
  func firstRunAndScreens() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("etjanst.plist").path
    let tmux = try Tmux(command: "'\(Binary.etjanst)' --store '\(store)'", width: 100, height: 30)
    try tmux.waitFor(text: "Det finns inget register")
    try tmux.send(keys: "d")
    var screen = try tmux.waitFor(text: "Mål (riktlinjen, avsnitt 2)")
    let tabs = screen[1]
    for label in [
      "1 Översikt", "2 E-tjänster", "3 Personal", "4 Avbrott & reservrutiner", "5 Beställningar",
    ] {
      #expect(tabs.contains(label), "tab bar: \(tabs)")
    }
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Ansökan om bygglov")
    try tmux.send(keys: "3")
    try tmux.waitFor(text: "Erik Mäkitalo")
    try tmux.send(keys: "Tab")
    try tmux.waitFor(text: "Reservrutin")
    try tmux.send(keys: "Tab")
    screen = try tmux.waitFor(text: "5 Beställningar")
    try tmux.send(keys: "?")
    screen = try tmux.waitFor(text: "Visa alla tangenter")
    #expect(screen.joined().contains("Ångra den senaste ändringen"))
    try tmux.send(keys: "Escape")
    try tmux.waitFor { !$0.joined().contains("Visa alla tangenter") }
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
    let after = try tmux.capture().joined(separator: "\n")
    #expect(!after.contains("1 Översikt"), "the console's screen is left behind:\n\(after)")

    let attributes = try FileManager.default.attributesOfItem(atPath: store)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(try Binary.plistlib(store, "d['schemaVersion']") == "2")
    #expect(try Binary.plistlib(store, "d['municipality']['name']") == "Övertorneå kommun")
    #expect(Int(try Binary.plistlib(store, "len(d['municipality']['services'])"))! >= 15)
  }

  @Test("TERM=vt100 works, without colour")
  func vt100() throws {
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --demo", width: 100, height: 30, term: "vt100")
    try tmux.waitFor(text: "1 Översikt")
    try tmux.send(keys: "5")
    try tmux.waitFor(text: "Beställning")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
  }

  @Test("a resize reaches the console: too small gets a message, and back again")
  func resize() throws {
    let tmux = try Tmux(command: "'\(Binary.etjanst)' --demo", width: 100, height: 30)
    try tmux.waitFor(text: "4 Avbrott & reservrutiner")
    try tmux.resize(width: 70, height: 20)
    try tmux.waitFor(text: "för liten (70×20)")
    try tmux.send(keys: "2")
    try tmux.resize(width: 132, height: 43)
    let screen = try tmux.waitFor(text: "1 Översikt")
    #expect(screen.count == 43)
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test("an unknown TERM gets one clear line and exit 2 (cannot run)")
  func unknownTerm() throws {
    // In a terminal: without one, the console refuses before TERM is looked at.
    let tmux = try Tmux(
      command: "env TERM=no-such-terminal '\(Binary.etjanst)' --demo", width: 100, height: 30)
    // The refusal exits at once: tmux may have moved it into the pane's history.
    let screen = try tmux.waitFor(text: "no-such-terminal", history: true)
    #expect(try tmux.waitForExit() == 2)
    #expect(screen.filter { $0.contains("etjanst:") }.count == 1, "\(screen)")
  }

  @Test("the console refuses a standard output that is not a terminal: one line, exit 2")
  func consoleWantsATerminal() throws {
    let output = try Binary.etjanst(["--demo"], environment: ["TERM": "xterm-256color"])
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty, "escapes written into a pipe: \(output.stdout.debugDescription)")
    #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
    #expect(output.stderr.contains("terminal"), "\(output.stderr)")
  }

  @Test("a truncated store: one line naming the file, exit 2, the file byte-identical")
  func truncatedStore() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let full = try Data(contentsOf: URL(fileURLWithPath: store))
    let truncated = full.prefix(full.count / 2)
    try truncated.write(to: URL(fileURLWithPath: store))
    for arguments in [
      ["--store", store], ["check", "--store", store], ["list", "services", "--store", store],
    ] {
      let output = try Binary.etjanst(arguments)
      #expect(output.status == 2, "\(arguments)")
      #expect(output.stderr.hasPrefix("etjanst: \(store)"), "\(arguments): \(output.stderr)")
      #expect(output.stderr.split(separator: "\n").count == 1)
      #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == truncated)
    }
  }

  @Test("a world-writable store is refused")
  func worldWritable() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    chmod(store, 0o666)
    let output = try Binary.etjanst(["--store", store])
    #expect(output.status == 2)
    #expect(output.stderr.contains(store))
  }

  @Test("--demo never touches the default store")
  func demoLeavesDefaultAlone() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --demo", width: 100, height: 30,
      environment: ["XDG_DATA_HOME": folder.path], unset: ["ETJANST_STORE"])
    try tmux.waitFor(text: "1 Översikt")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("etjanst").path))
  }
}

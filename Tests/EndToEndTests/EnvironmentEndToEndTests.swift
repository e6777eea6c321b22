import Foundation
import TestSupport
import Testing

/// The environment is input: locale variables that are no locale name, a TERM that
/// is no terminal name, a terminal too large, a crash, and a paste of a megabyte,
/// through the real binary in a pty (tmux).
@Suite struct EnvironmentEndToEndTests {
  static let letters30 = String(repeating: "a", count: 30)

  /// The rows the program left on the terminal, the scrolled-off ones too, without
  /// blank rows and tmux's own line for a dead pane.
  static func leftOnScreen(_ tmux: Tmux) throws -> [String] {
    try tmux.capture(history: true).filter { !$0.isEmpty && !$0.hasPrefix("Pane is dead") }
  }

  /// `etjanst --demo` in tmux, once it shows `text`, and the console's own pid.
  static func demoConsole(width: Int = 100, height: Int = 30, showing text: String) throws -> (
    Tmux, pid_t
  ) {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pidFile = folder.appendingPathComponent("pid").path
    let tmux = try Tmux(
      command: "sh -c 'echo $$ > \(pidFile); exec \"$0\" --demo' '\(Binary.etjanst)'",
      width: width, height: height)
    try tmux.waitFor(text: text, timeout: .seconds(30))
    let read = try String(contentsOfFile: pidFile, encoding: .utf8)
    let pid = try #require(pid_t(read.trimmingCharacters(in: .whitespacesAndNewlines)))
    return (tmux, pid)
  }

  /// A demo store in a folder of its own.
  func demoStore() throws -> (folder: URL, store: String) {
    let folder = try Binary.temporaryFolder()
    let store = folder.appendingPathComponent("etjanst.plist").path
    let written = try Binary.etjanst(["demo", "--output", store])
    #expect(written.status == 0, "\(written.stderr)")
    return (folder, store)
  }

  @Test(
    "every command under LC_ALL, LANG, LC_MESSAGES or LANGUAGE that is no locale name: one line, no crash",
    arguments: [
      ("LC_ALL", letters30), ("LANG", String(repeating: "b", count: 20_000)),
      ("LC_MESSAGES", String(repeating: "c", count: 2_000)), ("LC_TIME", "sv_SE\u{1B}[31m"),
      ("LANGUAGE", String(repeating: "sv:", count: 500)),
    ])
  func localeVariables(name: String, value: String) throws {
    let (folder, store) = try demoStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    for arguments in [["check", "--store", store], ["list", "services", "--store", store]] {
      let output = try Binary.etjanst(arguments, environment: [name: value])
      #expect(
        output.status == 0 || output.status == 1, "\(arguments): \(output.stderr.prefix(600))")
      let lines = output.stderr.split(separator: "\n")
      #expect(
        lines.first == "etjanst: \(name) var inget språkområde; C.UTF-8 används",
        "\(lines.first ?? "")")
      #expect(!output.stderr.contains("Backtrac") && !output.stderr.contains("crashed"))
    }
  }

  @Test("a locale name the machine lacks is left alone and says nothing")
  func goodLocaleIsKept() throws {
    let (folder, store) = try demoStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try Binary.etjanst(
      ["check", "--store", store], environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"])
    #expect(output.status == 0 || output.status == 1)
    #expect(!output.stderr.contains("locale"), "\(output.stderr)")
  }

  @Test(
    "the console under an LC_ALL of 30 letters opens and quits; a TERM of 5,000 bytes is refused in one line"
  )
  func consoleLocaleAndTerm() throws {
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --demo", environment: ["LC_ALL": Self.letters30])
    defer { tmux.kill() }
    try tmux.waitFor(text: "1 Översikt", timeout: .seconds(30))
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
    let screen = try Self.leftOnScreen(tmux)
    #expect(screen.first == "etjanst: LC_ALL var inget språkområde; C.UTF-8 används", "\(screen)")

    let long = try Tmux(
      command: "'\(Binary.etjanst)' --demo",
      environment: ["TERM": String(repeating: "x", count: 5_000)])
    defer { long.kill() }
    #expect(try long.waitForExit(timeout: .seconds(15)) == 2)
    let refused = try Self.leftOnScreen(long)
    #expect(
      refused == [
        "etjanst: TERM var inget terminalnamn och togs bort",
        "etjanst: TERM är inte satt; prova TERM=xterm-256color",
      ], "\(refused)")
  }

  @Test(
    "a terminal of 10000×10000: one line says it is too large, memory stays small; smaller again, the console is back"
  )
  func hugeTerminal() throws {
    let (tmux, pid) = try Self.demoConsole(
      width: 10_000, height: 10_000,
      showing: "Terminalen är för stor (10000×10000). Högst 1000×500 ritas.")
    defer { tmux.kill() }
    // The peak resident size so far, from the kernel.
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    let peak =
      status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
      .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    print("console at 10000×10000: peak resident \(peak / 1024) MB")
    #expect(peak > 0 && peak < 400 * 1024, "peak resident \(peak) kB")
    try tmux.resize(width: 100, height: 30)
    try tmux.waitFor(text: "1 Översikt")
    try tmux.resize(width: 1_200, height: 100)
    try tmux.waitFor(text: "Terminalen är för stor (1200×100).")
    try tmux.resize(width: 100, height: 30)
    try tmux.waitFor(text: "1 Översikt")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
  }

  @Test("SIGSEGV to the console: the terminal is given back, one line, no backtracer, gone")
  func crashIsOneLine() throws {
    let (tmux, pid) = try Self.demoConsole(showing: "1 Översikt")
    defer { tmux.kill() }
    #expect(kill(pid, SIGSEGV) == 0)
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 128 + SIGSEGV)
    let screen = try Self.leftOnScreen(tmux)
    #expect(
      screen == [
        "etjanst: internt fel; programmet avslutades (allt sparat före felet finns kvar)"
      ], "\(screen)")
    #expect(kill(pid, 0) == -1 && errno == ESRCH, "the console is still there")
  }

  @Test(
    "a paste of 1 MB into a form field through the pty: the field holds its limit, keys work after")
  func megabytePaste() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pasteFile = folder.appendingPathComponent("paste").path
    try String(repeating: "abcdefghij", count: 100_000).write(
      toFile: pasteFile, atomically: true, encoding: .utf8)
    let tmux = try Tmux(command: "'\(Binary.etjanst)' --demo", width: 120, height: 40)
    defer { tmux.kill() }
    try tmux.waitFor(text: "1 Översikt", timeout: .seconds(30))
    try tmux.send(keys: "2")
    try tmux.send(keys: "n")
    try tmux.waitFor(text: "Namn")
    let clock = ContinuousClock()
    let started = clock.now
    try tmux.paste(file: pasteFile)
    try tmux.waitFor(text: "998000 tecken togs inte emot", timeout: .seconds(60))
    print("a 1 MB paste through the pty was taken in \(started.duration(to: clock.now))")
    // Keys work right after: Ctrl-U empties the field, a letter lands in it.
    try tmux.send(keys: "C-u")
    try tmux.send(text: "Zq")
    try tmux.waitFor(row: "Namn", "Zq")
    try tmux.send(keys: "Escape")
  }
}

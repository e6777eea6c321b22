import ETjanstConsole
import Foundation
import TestSupport
import Testing

@testable import ETjanstCurses

/// The environment as input: locale names and TERM, repaired before anything reads
/// them. (A terminal too large and a paste are below, with the curses tests.)
@Suite struct EnvironmentInputTests {
  @Test(
    "locale names: bounded POSIX names pass; long, odd or hostile ones do not",
    arguments: [
      ("", true), ("C", true), ("POSIX", true), ("C.UTF-8", true), ("C.utf8", true),
      ("sv_SE.UTF-8", true), ("en_GB", true), ("sv", true), ("es_419.UTF-8", true),
      ("sr_RS@latin", true), ("de_DE.ISO-8859-15@euro", true),
      (String(repeating: "a", count: 12), false), (String(repeating: "a", count: 30), false),
      ("sv_SEEEEEE", false), ("sv_SE.UTF-8;rm", false), ("sv SE", false), ("../../etc", false),
      ("sv_SE.\(String(repeating: "u", count: 17))", false), ("sv_SE\u{1B}[31m", false),
      ("Cx", false), (String(repeating: "b", count: 20_000), false),
    ])
  func localeNames(value: String, accepted: Bool) {
    #expect(SafeEnvironment.isLocaleName(value) == accepted, "\(value.prefix(40))")
  }

  @Test("repairs: a bad LANG or LC_* becomes C.UTF-8, a bad LANGUAGE and TERM go; good ones stay")
  func repairs() {
    let environment = [
      "LANG": String(repeating: "b", count: 20_000), "LC_ALL": "sv_SE.UTF-8",
      "LC_TIME": "x\u{7}", "LANGUAGE": "sv:en", "TERM": "xterm-256color", "HOME": "/root",
      "LC_MESSAGES": String(repeating: "a", count: 20),
    ]
    #expect(
      SafeEnvironment.repairs(environment) == [
        .init(name: "LANG", value: "C.UTF-8"), .init(name: "LC_MESSAGES", value: "C.UTF-8"),
        .init(name: "LC_TIME", value: "C.UTF-8"),
      ])
    #expect(
      SafeEnvironment.repairs([
        "LANGUAGE": String(repeating: "sv:", count: 20), "TERM": String(repeating: "x", count: 65),
      ]) == [.init(name: "LANGUAGE", value: nil), .init(name: "TERM", value: nil)])
    #expect(SafeEnvironment.repairs(["TERM": "xterm\u{1B}"]) == [.init(name: "TERM", value: nil)])
    #expect(SafeEnvironment.repairs(["TERM": "screen.xterm-256color", "LANGUAGE": ""]) == [])
  }
}

/// In the suite of the other tests that take ncurses' one screen, which run one at
/// a time (two at once crash it).
extension CursesTerminalTests {
  @Test("a terminal of 10000×10000: the size is reported, ncurses' screen stays at the maximum")
  func hugeTerminalIsClamped() throws {
    let headless = try Headless(width: 80, height: 24)
    headless.terminal.resize(width: 10_000, height: 10_000)
    #expect(try headless.terminal.readKey(timeout: .seconds(1)) == .resize)
    #expect(headless.terminal.size == (10_000, 10_000))
    #expect(headless.terminal.screenLine(0).count == AppState.maximumWidth)
    // The console's frame for it is one line, which is drawn.
    var state = AppState(
      data: Fixtures.small(), user: Fixtures.coordinator, theme: Theme(useColor: false),
      now: Fixtures.now)
    state.width = 10_000
    state.height = 10_000
    headless.terminal.present(RootView.render(state))
    #expect(headless.terminal.screenLine(0).hasPrefix("Terminalen är för stor (10000×10000)"))
  }

  @Test("bracketed paste: the terminal is asked for it, and a paste arrives as one key")
  func pasteIsOneKey() throws {
    let headless = try Headless()
    #expect(String(decoding: headless.output, as: UTF8.self).contains("\u{1B}[?2004h"))
    headless.type("\u{1B}[200~hej\r\ndå\t\u{1B}[201~x")
    #expect(try headless.readKeys(2) == [.paste("hej\r\ndå\t"), .character("x")])
    headless.terminal.close()
    #expect(String(decoding: headless.output, as: UTF8.self).contains("\u{1B}[?2004l"))
  }
}

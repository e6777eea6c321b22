import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Where the terminal has no F10 (vt100), the hint bar and help name only keys that
/// work, and quitting still has keys that do.
@Suite struct MissingKeysTests {
  func help(_ missing: Set<Key>) throws -> String {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 60)
    var state = d.program.stateForTesting
    state.missingKeys = missing
    d.program.stateForTesting = state
    d.press(.character("?"))
    for _ in 0..<6 { d.press(.pageDown) }
    return d.frame.lines.joined(separator: "\n")
  }

  @Test("without F10 the help names q and Ctrl-C for quitting, and no F10 anywhere")
  func noF10() throws {
    let without = try help([.function(10)])
    #expect(!without.contains("F10"), "\(without)")
    #expect(without.contains("q C-C"), "\(without)")
    let with = try help([])
    #expect(with.contains("q F10 C-C"), "\(with)")
  }

  @Test("every key the hint bar names on every screen is one the terminal can send")
  func barNamesSendableKeys() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 200, height: 40)
    var state = d.program.stateForTesting
    state.missingKeys = Set((1...12).map { Key.function($0) })
    d.program.stateForTesting = state
    for screen in ScreenID.allCases {
      d.press(.character(Character("\(screen.rawValue)")))
      let bar = try #require(d.frame.lines.last)
      #expect(!bar.contains("F1") && !bar.contains("F10"), "\(screen): \(bar)")
    }
  }
}

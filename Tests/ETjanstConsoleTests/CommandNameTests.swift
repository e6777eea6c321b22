import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// The `:` command names (one table, both languages) and the help overlay's lines.
@Suite struct CommandNameTests {
  @Test("every command name, Swedish or English, opens its own command; no name is shared")
  func everyNameOpensItsCommand() {
    let commands = ConsoleCommand.all
    var owner: [String: Int] = [:]
    for (i, command) in commands.enumerated() {
      #expect(!command.names.sv.isEmpty && !command.names.en.isEmpty, "\(command.names.all)")
      for name in command.names.all {
        #expect(owner.updateValue(i, forKey: name) == nil, "\(name) names two commands")
        let found = ConsoleCommand.find(name, in: commands)
        #expect(found?.names.all == command.names.all, "\(name)")
      }
    }
  }

  @Test("the screens open by their names in both languages, whichever language is shown")
  func screensInBothLanguages() {
    for language in Language.allCases {
      for (word, screen) in [
        ("e-services", ScreenID.catalogue), ("tjänster", .catalogue), ("staff", .staff),
        ("personal", .staff), ("fallback", .outages), ("reservrutiner", .outages),
        ("beställningar", .orders), ("orders", .orders), ("overview", .overview),
      ] {
        let d = ConsoleDriver(Fixtures.small(), language: language)
        if screen == .overview { d.press(.character("2")) }
        d.press(.character(":"))
        d.type(word)
        d.press(.enter)
        #expect(d.state.screen == screen, "\(language) :\(word)")
        #expect(!d.frame.contains("Okänt kommando") && !d.frame.contains("Unknown command"))
      }
    }
  }

  @Test("help lists each command by its name in the language shown")
  func helpNamesInTheLanguageShown() {
    for language in Language.allCases {
      let d = ConsoleDriver(Fixtures.small(), language: language)
      let keys = HelpOverlay().lines(d.state).map(\.key)
      for command in ConsoleCommand.all {
        let shown = language == .swedish ? command.names.sv[0] : command.names.en[0]
        #expect(keys.contains { $0.hasPrefix(":" + shown) }, "\(language): \(shown)")
        let other = language == .swedish ? command.names.en : command.names.sv
        for name in other
        where !(language == .swedish ? command.names.sv : command.names.en)
          .contains(name)
        {
          #expect(!keys.contains(":" + name), "\(language) help lists :\(name)")
        }
      }
    }
  }

  /// Each screen, its detail and its sub-views, as keys from the overview.
  static let places: [(name: String, keys: [Key])] = [
    ("overview", []), ("catalogue", [.character("2")]),
    ("catalogue detail", [.character("2"), .enter]), ("staff", [.character("3")]),
    ("staff person", [.character("3"), .enter]),
    ("access matrix", [.character("3"), .character("a")]), ("outages", [.character("4")]),
    ("outage detail", [.character("4"), .enter]), ("orders", [.character("5")]),
    ("order detail", [.character("5"), .enter]),
    ("settings: contacts", [.character("i")]),
    ("settings: departments", [.character("i"), .right]),
    ("settings: users", [.character("i"), .right, .right]),
    ("settings: limits", [.character("i"), .right, .right, .right]),
  ]

  @Test("no help overlay repeats a line, on any screen, in either language, editing or read-only")
  func helpRepeatsNoLine() throws {
    for language in Language.allCases {
      for readOnly in [false, true] {
        for place in Self.places {
          let d = ConsoleDriver(try Fixtures.demo, language: language, readOnly: readOnly)
          for key in place.keys { d.press(key) }
          let lines = HelpOverlay().lines(d.state).filter { !$0.key.isEmpty || !$0.text.isEmpty }
          var seen = Set<String>()
          for line in lines {
            #expect(
              seen.insert(line.key + " " + line.text).inserted,
              "\(language) \(place.name): '\(line.key) \(line.text)' twice")
          }
        }
      }
    }
  }
}

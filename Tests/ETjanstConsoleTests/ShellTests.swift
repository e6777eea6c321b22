import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// The frame around the screens: tabs, hints, help, dialogs, undo, read-only.
@Suite struct ShellTests {
  @Test("1–5, Tab and Shift-Tab switch screens")
  func switchingScreens() {
    let d = ConsoleDriver(Fixtures.small())
    #expect(d.state.screen == .overview)
    d.press(.character("3"))
    #expect(d.state.screen == .staff)
    d.press(.tab, .tab)
    #expect(d.state.screen == .orders)
    d.press(.tab)
    #expect(d.state.screen == .overview)
    d.press(.backTab)
    #expect(d.state.screen == .orders)
    #expect(d.frame.line(1).contains("5 Beställningar"))
  }

  @Test("the tab bar fits 80 columns, with Swedish labels")
  func tabsAt80() {
    let d = ConsoleDriver(Fixtures.small())
    let tabs = d.frame.line(1)
    for label in ["1 Översikt", "2 E-tjänster", "3 Personal", "4 Avbrott", "5 Beställningar"] {
      #expect(tabs.contains(label), "missing \(label) in \(tabs)")
    }
    let wide = ConsoleDriver(Fixtures.small(), width: 132, height: 43)
    #expect(wide.frame.line(1).contains("4 Avbrott & reservrutiner"))
  }

  @Test("English on request")
  func english() {
    let d = ConsoleDriver(Fixtures.small(), language: .english)
    #expect(d.frame.line(1).contains("1 Overview"))
    #expect(d.frame.line(1).contains("5 Orders"))
  }

  @Test("every key in the hint bar is explained in help, on every screen")
  func hintsAreInHelp() {
    for screen in ScreenID.allCases {
      let d = ConsoleDriver(Fixtures.small(), width: 200, height: 50)
      d.press(.character(Character(String(screen.rawValue))))
      let bar = d.frame.line(49)
      let keys = Self.barKeys(d, screen)
      d.press(.character("?"))
      let help = d.frame.lines.joined(separator: "\n")
      for hintKey in keys {
        #expect(bar.contains(hintKey), "\(screen): '\(hintKey)' missing from the bar (\(bar))")
        #expect(
          help.contains(hintKey), "\(screen): '\(hintKey)' in the bar (\(bar)) but not in help")
      }
    }
  }

  static func barKeys(_ d: ConsoleDriver, _ screen: ScreenID) -> [String] {
    var state = d.state
    state.overlays = []
    return Binding.visible(screen.view.bindings(state), in: state).filter(\.showInBar).map(
      \.keyText)
  }

  @Test("? and F1 open help; Esc closes it; q quits at the top level")
  func helpAndQuit() {
    let d = ConsoleDriver(Fixtures.small())
    d.press(.function(1))
    #expect(d.frame.contains("Hjälp"))
    #expect(d.frame.contains("Ångra den senaste ändringen"))
    d.press(.escape)
    #expect(d.state.overlays.isEmpty)
    let effects = App.update(&d.program.stateForTesting, .keyPressed(.character("q")))
    #expect(effects.contains { if case .quit = $0 { return true } else { return false } })
  }

  @Test("a terminal smaller than 80×24 gets a message, and q still quits")
  func tooSmall() {
    let d = ConsoleDriver(Fixtures.small(), width: 60, height: 20)
    #expect(d.frame.contains("för liten"))
    #expect(d.frame.contains("60×20"))
    d.press(.character("2"))
    #expect(d.state.screen == .overview)
    d.resize(80, 24)
    #expect(d.frame.contains("1 Översikt"))
  }

  @Test("a confirmation has Cancel focused: Enter alone does nothing")
  func confirmDefaultsToCancel() {
    let d = ConsoleDriver(Fixtures.small())
    d.program.stateForTesting.overlays.append(
      ConfirmOverlay(
        title: LocalizedText(verbatim: "Ta bort"), question: LocalizedText(verbatim: "Säker?"),
        confirmLabel: LocalizedText(verbatim: "Ta bort"),
        effects: [.perform(AddDepartment(name: "X"))]))
    d.press(.enter)
    #expect(d.backend.performed.isEmpty)
    #expect(d.state.overlays.isEmpty)
  }

  @Test("a rule's refusal lands beside the form field; a valid form saves and closes; u undoes")
  func formErrorThenSaveThenUndo() {
    let d = ConsoleDriver(Fixtures.small())
    let name = FormInput.text("name", LocalizedText(verbatim: "Namn"), required: true)
    d.program.stateForTesting.overlays.append(
      FormOverlay(
        title: LocalizedText(verbatim: "Ny förvaltning"),
        fields: [name.field("")]
      ) { values, _ in AddDepartment(name: try values[name]) })
    d.press(.enter)
    #expect(d.frame.contains("! Namn måste fyllas i."))
    #expect(d.state.overlays.count == 1)
    d.type("Miljö\u{1B}kontoret")
    d.press(.enter)
    #expect(d.state.overlays.isEmpty)
    // A control character typed or pasted is cleaned before it is stored.
    #expect(d.backend.data.departments.contains { $0.name == "Miljö\u{FFFD}kontoret" })
    #expect(d.frame.contains("Sparat"))
    d.press(.character("u"))
    #expect(!d.backend.data.departments.contains { $0.name.hasPrefix("Miljö") })
    d.press(.character("u"))
    #expect(d.frame.contains("Inget att ångra"))
  }

  @Test("read-only: editing keys are refused with whom to ask, and hidden from help")
  func readOnly() {
    let d = ConsoleDriver(Fixtures.small(), readOnly: true)
    d.press(.character("u"))
    #expect(d.frame.contains("läsbehörighet"))
    d.press(.character("?"))
    #expect(!d.frame.contains("Ångra den senaste"))
  }

  @Test("the clock and flash: a flash disappears when its time has passed")
  func flashExpires() {
    let d = ConsoleDriver(Fixtures.small())
    d.press(.character("u"))
    #expect(d.frame.contains("Inget att ångra"))
    d.program.send(.clockTicked(Fixtures.now.addingTimeInterval(30)))
    #expect(!d.frame.contains("Inget att ångra"))
  }
}

/// A command for these tests: adds a department, refusing an empty name.
struct AddDepartment: Command {
  let name: String
  var summary: LocalizedText {
    LocalizedText(sv: "Ny förvaltning \(name)", en: "New department \(name)")
  }
  func apply(to m: inout Municipality, context: CommandContext) throws {
    guard !name.isEmpty else {
      throw RuleViolation.required("name", LocalizedText(sv: "Namn", en: "Name"))
    }
    m.departments.append(Department(name: name))
  }
}

extension ShellTests {
  @Test("at 80 columns a manager's title keeps the role and department whole")
  func managerTitleAt80() throws {
    var m = try Fixtures.demo
    let department = try #require(m.departments.first { $0.name.hasPrefix("Samhällsbyggnad") })
    let manager = User(
      login: "chef.test", name: "Jari Kivijärvi", role: .manager(department: department.id))
    m.users.append(manager)
    let d = ConsoleDriver(m, user: manager)
    let title = d.frame.line(0)
    #expect(title.contains("Jari Kivijärvi (chef, \(department.name))"), "\(title)")
    #expect(title.contains("[LÄSLÄGE]"))
  }
}

extension ShellTests {
  @Test(
    "the : command line: a screen by a prefix of its name, the language, unknown words explained")
  func commandLine() {
    let d = ConsoleDriver(Fixtures.small())
    d.press(.character(":"))
    d.type("pers")
    #expect(d.frame.line(22).hasPrefix(":pers"))
    d.press(.enter)
    #expect(d.state.screen == .staff)
    d.press(.character(":"))
    d.type("språk en")
    d.press(.enter)
    #expect(d.state.language == .english)
    #expect(d.frame.line(1).contains("3 Staff"))
    d.press(.character(":"))
    d.type("ord")
    d.press(.tab)
    #expect(d.frame.line(22).hasPrefix(":orders"))
    d.press(.enter)
    #expect(d.state.screen == .orders)
    d.press(.character(":"))
    d.type("nonsense")
    d.press(.enter)
    #expect(d.frame.contains("Unknown command ':nonsense'"))
    d.press(.character(":"))
    d.press(.escape)
    #expect(d.state.overlays.isEmpty)
    d.press(.character("?"))
    d.press(.pageDown, .pageDown, .pageDown, .pageDown)
    #expect(d.frame.contains("Commands after :"))
    #expect(d.frame.contains(":staff"))
  }
}

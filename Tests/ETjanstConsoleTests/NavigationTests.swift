import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Moving around the console: jumps go back where they came from, q leaves only
/// from the overview's top without a question, a screen's key lands on its list,
/// the filter reopens selected, and every way out of a changed form asks.
@Suite struct NavigationTests {
  func text(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  /// The effects of one key, pressed through the console's update.
  func press(_ d: ConsoleDriver, _ key: Key) -> [Effect] {
    App.update(&d.program.stateForTesting, .keyPressed(key))
  }

  func quits(_ effects: [Effect]) -> Bool {
    effects.contains { if case .quit = $0 { return true } else { return false } }
  }

  /// Selects the overview's finding on `subject` and presses Enter; its index.
  @discardableResult
  func enter(_ d: ConsoleDriver, on subject: String) throws -> Int {
    d.press(.character("1"), .home)
    let index = try #require(
      d.state.findings.firstIndex { $0.subject.contains(subject) }, "no finding on \(subject)")
    for _ in 0..<index { d.press(.down) }
    d.press(.enter)
    return index
  }

  @Test("q at the overview's top quits; at another screen's list it asks first, n stays")
  func quitAsksAwayFromOverview() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("2"))
    #expect(!quits(press(d, .character("q"))))
    #expect(text(d).contains("Avsluta etjanst? j/n"))
    d.press(.character("n"))
    #expect(d.state.overlays.isEmpty && d.state.screen == .catalogue)
    _ = press(d, .character("q"))
    #expect(quits(press(d, .character("j"))))
    d.press(.character("1"))
    #expect(quits(press(d, .character("q"))))
  }

  @Test("English asks 'Quit etjanst? y/n' and y answers it")
  func quitAsksInEnglish() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30, language: .english)
    d.press(.character("4"), .character("q"))
    #expect(text(d).contains("Quit etjanst? y/n"))
    #expect(quits(press(d, .character("y"))))
  }

  @Test("preferring a second q: q once says so, q again quits; another key between does not")
  func quitBySecondKey() throws {
    // The user's own preference, as the users form stores it.
    var m = try Fixtures.demo
    var me = Fixtures.coordinator
    me.quitWith = .secondKey
    if let i = m.users.firstIndex(where: { $0.login == me.login }) {
      m.users[i].quitWith = .secondKey
    }
    let d = ConsoleDriver(m, user: me, width: 100, height: 30)
    d.press(.character("2"))
    #expect(!quits(press(d, .character("q"))))
    #expect(text(d).contains("Tryck q igen för att avsluta"))
    #expect(d.state.overlays.isEmpty)
    d.press(.down)
    // Disarmed, the flash goes too: it would stand over a screen where q means back.
    #expect(!text(d).contains("Tryck q igen för att avsluta"), "\(text(d))")
    #expect(!quits(press(d, .character("q"))))
    #expect(quits(press(d, .character("q"))))
  }

  @Test("overview → finding → the person; q is the overview at the same finding, filters kept")
  func jumpGoesBack() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("3"), .character("/"))
    d.type("Aino")
    d.press(.enter)
    let index = try enter(d, on: "Henrik Wasara")
    #expect(d.state.screen == .staff && d.state.staffScreen.mode == .person)
    #expect(!quits(press(d, .character("q"))))
    #expect(d.state.screen == .overview)
    #expect(d.state.overview.list.selected == index)
    #expect(d.state.overlays.isEmpty)
    // The user's own filter on the staff list is as they left it.
    #expect(d.state.staffScreen.list.filter == "Aino")
    #expect(d.state.staffScreen.mode == .list)
    // At the overview's top, q quits.
    #expect(quits(press(d, .character("q"))))
  }

  @Test("Esc goes back from a jump too: to a service, an order, the settings")
  func escGoesBack() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    for subject in ["Ansökan om strandskyddsdispens", "Anmälan om tillbud", "Kultur och fritid"] {
      let index = try enter(d, on: subject)
      #expect(d.state.screen != .overview, "\(subject)")
      d.press(.escape)
      #expect(d.state.screen == .overview, "\(subject)")
      #expect(d.state.overview.list.selected == index, "\(subject)")
    }
  }

  @Test("a jump leaves no department filter the user did not set on the staff list")
  func jumpSetsNoDepartment() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    try enter(d, on: "Henrik Wasara")
    d.press(.character("3"))
    #expect(d.state.staffScreen.mode == .list)
    #expect(!d.state.staffScreen.departmentChosen)
    #expect(!text(d).contains("Inga träffar"))
    let departments = Set(d.state.data.staff.map(\.department))
    #expect(departments.count > 1)
    for name in d.state.data.staff.prefix(3).map(\.name) { #expect(text(d).contains(name)) }
  }

  @Test("3 on a person's page lands on the staff list, and n there makes a new person")
  func screenKeyLandsOnList() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("3"), .enter)
    #expect(d.state.staffScreen.mode == .person)
    d.press(.character("3"))
    #expect(d.state.staffScreen.mode == .list)
    d.press(.character("n"))
    #expect((d.state.overlays.last as? FormOverlay)?.title.sv == "Ny medarbetare")
    // The same for an e-service's detail and an order.
    d.press(.escape, .character("2"), .enter)
    #expect(d.state.catalogue.detail != nil)
    d.press(.character("2"))
    #expect(d.state.catalogue.detail == nil)
    d.press(.character("5"), .enter)
    #expect(d.state.ordersScreen.opened != nil)
    d.press(.character("5"))
    #expect(d.state.ordersScreen.opened == nil)
  }

  @Test("/ reopens the kept filter selected: typing replaces it, an edit key keeps it")
  func filterReopensSelected() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("3"), .character("/"))
    d.type("Petra")
    d.press(.enter, .character("/"))
    d.type("Karin")
    #expect(d.state.staffScreen.list.filter == "Karin")
    #expect(!text(d).contains("PetraKarin"))
    d.press(.enter, .character("/"), .backspace)
    #expect(d.state.staffScreen.list.filter == "Kari")
    d.type("n")
    #expect(d.state.staffScreen.list.filter == "Karin")
  }

  @Test("Esc in a filtered list clears the filter, on every screen")
  func escClearsFilter() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    for screen in ["1", "2", "3", "5"] {
      d.press(.character(Character(screen)), .character("/"))
      d.type("a")
      d.press(.enter)
      d.press(.escape)
      let lists = [
        d.state.overview.list, d.state.catalogue.list, d.state.staffScreen.list,
        d.state.ordersScreen.list,
      ]
      #expect(lists.allSatisfy { $0.filter.isEmpty }, "screen \(screen)")
    }
  }

  @Test("Esc on a changed form asks 'Kasta ändringarna? j/n': n keeps it, j discards it")
  func escOnChangedFormAsks() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("2"), .character("n"))
    d.press(.escape)
    #expect(d.state.overlays.isEmpty, "an unchanged form closes at once")
    d.press(.character("n"))
    d.type("Ny tjänst")
    d.press(.escape)
    #expect(text(d).contains("Kasta ändringarna? j/n"))
    d.press(.character("n"))
    let form = try #require(d.state.overlays.last as? FormOverlay)
    #expect(form.fields.contains { $0.text == "Ny tjänst" })
    d.press(.escape, .character("j"))
    #expect(d.state.overlays.isEmpty)
    #expect(d.backend.performed.isEmpty)
  }

  @Test("Ctrl-C on a changed form asks the same question once; Ctrl-C again quits")
  func controlCOnChangedForm() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("2"), .character("n"))
    d.type("Ny tjänst")
    #expect(!quits(press(d, .control("c"))))
    #expect(text(d).contains("Kasta ändringarna? j/n"))
    #expect(quits(press(d, .control("c"))))
  }

  @Test("on a long-text field the hint bar says Enter edits; elsewhere Enter saves")
  func longTextHint() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    d.press(.character("2"), .character("n"))
    let bar = { d.frame.lines[d.frame.lines.count - 1] }
    #expect(bar().contains("Enter Spara"), "\(bar())")
    while let f = d.state.overlays.last as? FormOverlay, f.fields[f.focus].name != "legalNote" {
      d.press(.tab)
    }
    #expect(bar().contains("Enter Redigera"), "\(bar())")
  }
}

import ETjanstConsole
import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

/// What every form does: long texts take typing, lists filter as you type and pick
/// several, messages wrap, quitting with unsaved changes asks, undo goes back step
/// by step.
@Suite struct FormBehaviourTests {
  typealias F = CatalogueFixtures

  var form: (ConsoleDriver) -> FormOverlay? = { $0.state.overlays.last as? FormOverlay }

  func focus(_ d: ConsoleDriver, _ name: String) {
    while let f = form(d), f.fields[f.focus].name != name { d.press(.tab) }
  }

  func quits(_ effects: [Effect]) -> Bool {
    effects.contains { if case .quit = $0 { return true } else { return false } }
  }

  @Test("a character typed into a long-text field is kept in the field, not dropped")
  func longTextTakesTyping() throws {
    let d = ConsoleDriver(F.municipality())
    d.press(.character("2"), .character("n"))
    focus(d, EService.Fields.legalNote.name)
    d.type("Lag (2018:218)")
    let field = try #require(form(d)?.fields.first { $0.name == "legalNote" })
    #expect(field.text == "Lag (2018:218)")
    #expect(d.frame.contains("Lag (2018:218)"))
  }

  @Test("a choice among a region's 2,000 e-services filters as you type: a few keys pick one")
  func pickerFiltersAtRegionSize() throws {
    let m = Synthetic.municipality(.region, coordinator: Fixtures.coordinator, now: Fixtures.now)
    #expect(m.services.count >= 2000)
    let target = m.services[m.services.count / 2]
    let d = ConsoleDriver(m, width: 120, height: 40)
    d.press(.character("3"), .character("n"))
    focus(d, "services")
    d.type(target.name)
    d.press(.enter)  // ticks the match and clears the filter
    let field = try #require(form(d)?.fields.first { $0.name == "services" })
    guard case .choices(let picked) = field.content else {
      Issue.record("not a list of choices")
      return
    }
    #expect(picked.count == 1)
    #expect(picked.first.map { field.options[$0].label.sv } == target.name)
  }

  @Test("onboarding picks several e-services from a list, names with commas included")
  func onboardingPicksNamesWithCommas() throws {
    var m = F.municipality()
    let names = [
      "Ansökan om bygglov, marklov och rivningslov", "Anmälan om ändrad användning, kök",
      "Tillstånd, servering",
    ]
    for (i, name) in names.enumerated() {
      m.services.append(
        EService(id: EntityID("svc-comma-\(i)"), name: name, department: F.building))
    }
    let d = ConsoleDriver(m, width: 120, height: 40)
    d.press(.character("3"), .character("n"))
    focus(d, "name")
    d.type("Ny Person")
    d.press(.tab)
    d.type("ny.person")
    focus(d, "department")
    d.press(.right)  // none is preselected: the first
    focus(d, "services")
    for name in names {
      d.type(name)
      d.press(.enter)  // ticks the match and clears the filter
    }
    d.press(.control("s"))
    let person = try #require(d.backend.data.staff.first { $0.login == "ny.person" })
    // The onboarding checklist's access step names the e-services to grant.
    let note = try #require(person.onboarding?.item(.accessGranted)?.note)
    for name in names { #expect(note.contains(name), "\(note)") }
  }

  @Test("a form's error message wraps instead of being cut at the value column")
  func errorLinesWrap() throws {
    let d = ConsoleDriver(F.municipality())
    d.press(.character("2"), .character("n"))
    focus(d, "name")
    d.type("Ny tjänst")
    focus(d, "department")
    d.type("Social")
    d.press(.enter)
    focus(d, EService.Fields.reviewIntervalMonths.name)
    d.press(.control("u"))
    d.type("500")
    d.press(.control("s"))
    let text = d.frame.lines.joined(separator: " ").replacingOccurrences(of: "│", with: " ")
      .split(separator: " ").joined(separator: " ")
    #expect(text.contains("Granskningsintervallet ska vara 1–120 månader."), "\(d.frame.lines)")
  }

  @Test("Ctrl-C and F10 with unsaved changes in a form ask once; again quits")
  func quitAsksOnce() throws {
    var state = AppState(data: F.municipality(), user: Fixtures.coordinator, now: Fixtures.now)
    // No form: quits at once.
    #expect(quits(App.update(&state, .keyPressed(.control("c")))))
    _ = App.update(&state, .keyPressed(.character("2")))
    _ = App.update(&state, .keyPressed(.character("n")))
    // A form with nothing typed: quits at once.
    #expect(quits(App.update(&state, .keyPressed(.function(10)))))
    _ = App.update(&state, .keyPressed(.character("X")))
    for key in [Key.control("c"), .function(10)] {
      var copy = state
      #expect(!quits(App.update(&copy, .keyPressed(key))), "asks first")
      #expect(copy.overlays.last is QuestionOverlay)
      #expect(quits(App.update(&copy, .keyPressed(key))), "asked once: again quits")
    }
  }

  @Test("u again undoes the session's earlier changes in reverse order")
  func multiStepUndo() throws {
    let d = ConsoleDriver(F.municipality())
    let original = d.backend.data
    d.press(.character("2"), .character("/"))
    d.type("bygglov")
    d.press(.enter, .character("e"))
    focus(d, "category")
    d.press(.control("u"))
    d.type("Ett")
    d.press(.control("s"))
    d.press(.character("e"))
    focus(d, "address")
    d.press(.control("u"))
    d.type("Två")
    d.press(.control("s"))
    #expect(d.backend.data.service(F.bygglov)?.address == "Två")
    d.press(.character("u"))
    #expect(d.backend.data.service(F.bygglov)?.address == original.service(F.bygglov)?.address)
    #expect(d.backend.data.service(F.bygglov)?.category == "Ett")
    d.press(.character("u"))
    #expect(d.backend.data.service(F.bygglov) == original.service(F.bygglov))
    d.press(.character("u"))
    #expect(d.frame.contains("Inget att ångra"))
  }

  @Test("undo is refused, saying so, where another process changed the same field since")
  func undoRefusedAfterOthersChange() throws {
    let store = try SharedStore(F.municipality())
    let a = try store.console()
    let b = try store.console()
    a.press(.character("2"), .character("/"))
    a.type("bygglov")
    a.press(.enter, .character("e"))
    a.set("category", to: "Mitt")
    a.press(.control("s"))
    try b.reload()  // B's console has seen A's save, as it does within a second
    b.press(.character("2"), .character("/"))
    b.type("bygglov")
    b.press(.enter, .character("e"))
    b.set("category", to: "Deras")
    b.press(.control("s"))
    #expect(try store.saved().service(F.bygglov)?.category == "Deras")
    a.press(.character("u"))
    #expect(a.screen.contains("Kan inte ångra"), "\(a.screen)")
    #expect(try store.saved().service(F.bygglov)?.category == "Deras")
  }
}

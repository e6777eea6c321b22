import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

@Suite("Staff screen (guideline 4.1, 4.2)")
struct StaffScreenTests {
  typealias F = StaffFixtures
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func driver(user: User = Fixtures.coordinator, width: Int = 80, height: Int = 24) -> ConsoleDriver
  {
    let d = ConsoleDriver(F.store(), user: user, width: width, height: height)
    d.press(.character("3"))
    return d
  }

  /// Opens Bertil Öst, the leaver with two open cases (second in Swedish order).
  func openBertil(_ d: ConsoleDriver) {
    d.press(.character("j"), .enter)
  }

  /// The screen as text, so a failed expectation prints something readable.
  func screen(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  func select(_ d: ConsoleDriver, item: Int) {
    d.press(.character("g"))
    for _ in 0..<item { d.press(.down) }
  }

  @Test("the staff list shows status, checklist progress and open cases")
  func list() {
    let d = driver()
    #expect(screen(d).contains("Bertil Öst"))
    #expect(
      screen(d).contains("4.1 0/3 !"), "Cecilia's overdue onboarding is marked without colour")
    Golden.assertFrame(d.frame, named: "staff-list-80x24", in: goldenDir)
  }

  @Test("4.2: the offboarding checklist with who and when, access flags and cases")
  func offboardingChecklist() {
    let d = driver()
    openBertil(d)
    #expect(d.state.staffScreen.mode == .person)
    #expect(screen(d).contains("[x] Chefen kontaktade e-samordnaren"))
    #expect(screen(d).contains("Test Samordnare 2026-11-20 14:00"))
    #expect(
      screen(d).contains("Färdtjänst            2025-01-01–2026-12-05  ! upphör med öppna ärenden"))
    Golden.assertFrame(d.frame, named: "staff-offboarding-80x24", in: goldenDir)
  }

  @Test("4.1: the onboarding checklist, overdue after the start date; Enter ticks a step")
  func onboardingChecklist() {
    let d = driver()
    d.press(.character("j"), .character("j"), .enter)
    #expect(
      screen(d).contains("Introduktion (4.1) – klar senast 2026-11-20 · 0 av 3 klara · FÖRSENAD !"))
    Golden.assertFrame(d.frame, named: "staff-onboarding-80x24", in: goldenDir)
    d.press(.enter)
    #expect(
      d.backend.data.staffMember(F.cecilia)?.onboarding?.item(.managerContactedDuringIntroduction)?
        .doneBy == "esamordnare")
    #expect(screen(d).contains("[x] Chefen kontaktade e-samordnaren under introduktionen"))
    #expect(screen(d).contains("Test Samordnare"), "who ticked it, shown by name")
  }

  @Test("4.2: removal with open cases is refused at once, listing the cases")
  func refusedRemoval() {
    let d = driver()
    openBertil(d)
    d.press(.character("x"))
    #expect(d.backend.data.staffMember(F.bertil)?.status == .offboarding)
    #expect(screen(d).contains("Det gick inte"))
    #expect(screen(d).contains("2026-0412"))
    Golden.assertFrame(d.frame, named: "staff-removal-refused-80x24", in: goldenDir)
  }

  @Test("4.2: close one case, transfer the other, then removal is allowed")
  func offboardingFlow() throws {
    let d = driver()
    openBertil(d)
    select(d, item: 6)
    d.press(.character("c"))
    #expect(d.backend.data.cases[id: F.case1]?.status == .closedArchived)
    select(d, item: 6)
    d.press(.character("t"))
    #expect(screen(d).contains("För över ärende 2026-0587"))
    d.press(.enter)
    #expect(d.backend.data.cases[id: F.case2]?.officer == F.anna)
    #expect(screen(d).contains("[x] Ärenden avslutade eller överförda"))
    d.press(.character("x"))
    #expect(screen(d).contains("Ta bort Bertil Öst"))
    d.press(.enter)  // Cancel is focused: nothing happens
    #expect(d.backend.data.staffMember(F.bertil)?.status == .offboarding)
    d.press(.character("x"), .right, .enter)
    let bertil = try #require(d.backend.data.staffMember(F.bertil))
    #expect(bertil.status == .removed && bertil.grants.isEmpty && !bertil.canSign)
  }

  @Test("4.2: a transfer to a colleague without access is refused with the reason beside the field")
  func transferRefused() {
    let d = driver()
    openBertil(d)
    select(d, item: 7)
    // Anna first (has access), then Cecilia, Eva Berg, who lacks Färdtjänst.
    d.press(.character("t"), .right, .right)
    #expect(screen(d).contains("Eva Berg (saknar behörighet)"))
    d.press(.enter)
    #expect(screen(d).contains("! Eva Berg saknar behörighet"))
    #expect(d.backend.data.cases[id: F.case2]?.officer == F.bertil)
  }

  @Test("4.1: a new person's department is the one shown, else none: Enter without it is refused")
  func newPersonNeedsDepartment() {
    let d = driver()
    let before = d.backend.data.staff.count
    d.press(.character("n"))
    d.type("Sara Kuru")
    d.press(.tab)
    d.type("sara.kuru")
    d.press(.enter)
    #expect(screen(d).contains("Förvaltning måste fyllas i."), "\(screen(d))")
    #expect(d.backend.data.staff.count == before)
    d.press(.right, .enter)  // the focus is on the refused field
    #expect(d.backend.data.staff.count == before + 1, "\(screen(d))")
  }

  @Test("4.1: a new person's e-mail and language are given in the form that adds them")
  func newPersonDetails() {
    let d = driver()
    d.press(.character("n"))
    #expect(screen(d).contains("E-post"), "\(screen(d))")
    #expect(screen(d).contains("Språk"), "\(screen(d))")
    d.type("Sara Kuru")
    d.press(.tab)
    d.type("sara.kuru")
    d.press(.tab, .right)  // the first department
    for _ in 0..<4 { d.press(.tab) }  // past manager, start date and e-services
    d.type("sara.kuru@kommun.se")
    d.press(.tab, .right, .right)  // the language: English
    d.press(.enter)
    let added = d.backend.data.staff.first { $0.login == "sara.kuru" }
    #expect(added?.email == "sara.kuru@kommun.se", "\(screen(d))")
    #expect(added?.language == .english)
  }

  @Test("4.1: a new case for an officer without access to its e-service is refused in one line")
  func newCaseNeedsAccess() {
    let d = driver()
    // Cecilia Ek, third in Swedish order, holds no access to any e-service.
    d.press(.character("j"), .character("j"), .enter)
    #expect(screen(d).contains("Cecilia Ek"))
    d.press(.character("n"))
    d.type("2026-9001")
    d.press(.control("s"))
    let shown = screen(d)
    #expect(shown.contains("! Cecilia Ek saknar behörighet som handläggare"), "\(shown)")
    #expect(!d.backend.data.cases.contains { $0.number == "2026-9001" })
  }

  @Test("4.2: the override needs a written reason, which is then shown on the person")
  func overrideWithReason() {
    let d = driver()
    openBertil(d)
    d.press(.character("r"))
    d.type("Ärendena flyttas av nämnden")
    d.press(.enter)
    #expect(d.backend.data.staffMember(F.bertil)?.removalOverride == "Ärendena flyttas av nämnden")
    #expect(
      screen(d).contains("! Borttagen trots öppna ärenden. Skäl: Ärendena flyttas av nämnden"))
  }

  @Test("the access matrix for a manager's department at 80×24, with flags")
  func matrix80() {
    let d = driver(user: F.manager)
    d.press(.character("a"))
    #expect(screen(d).contains("Behörigheter · Testförvaltningen · 5 personer"))
    #expect(!screen(d).contains("Fredrik Sol"), "another department's staff are not shown")
    #expect(screen(d).contains("! David Lund"))
    Golden.assertFrame(d.frame, named: "staff-access-80x24", in: goldenDir)
  }

  @Test("the demo's matrix at 80×24: no column under the scroll position, every shown one named")
  func matrixColumnsAndLegendAt80() throws {
    let m = try Fixtures.demo
    let d = ConsoleDriver(m, user: Fixtures.coordinator, width: 80, height: 24)
    d.press(.character("3"), .character("a"))
    for step in 0..<m.services.count {
      let lines = d.frame.lines
      let header = try #require(lines.first { $0.contains("Namn") && $0.contains("Sign") })
      // The header's e-service numbers, then the scroll position, apart.
      let words = header.split(separator: " ").map(String.init)
      let position = try #require(words.last)
      #expect(position.range(of: #"^\d+/\d+$"#, options: .regularExpression) != nil, "\(header)")
      // "91/23" is a column's 9 run into "1/23".
      let parts = position.split(separator: "/").compactMap { Int($0) }
      #expect(parts.count == 2 && parts[0] <= parts[1], "step \(step): \(header)")
      let numbers = words.dropFirst(3).dropLast().map {
        Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
      }
      #expect(numbers.allSatisfy { $0 != nil } && !numbers.isEmpty, "step \(step): \(header)")
      // Each number on screen is named in the legend below.
      let legend = lines.drop { !$0.contains("E-tjänster:") }.prefix(3).joined(separator: " ")
      for case let n? in numbers {
        #expect(legend.contains(" \(n) "), "step \(step): \(n) not in \(legend)")
      }
      d.press(.right)
    }
  }

  @Test("the matrix's person columns are as wide as Table.fit makes them: no room left blank")
  func matrixPersonColumnsFit() throws {
    let m = try Fixtures.demo
    for width in [80, 120] {
      let d = ConsoleDriver(m, user: Fixtures.coordinator, width: width, height: 24)
      d.press(.character("3"), .character("a"))
      let lines = d.frame.lines
      let header = try #require(lines.first { $0.contains("Namn") && $0.contains("Sign") })
      let position = try #require(header.split(separator: " ").last)
      // Some e-services are left out at this width; the blank between the last shown
      // column and the scroll position is less than one more column would take.
      let numbers = header.split(separator: " ").dropFirst(3).dropLast()
      #expect(numbers.count < m.services.count, "\(header)")
      let before = header[..<header.range(of: " " + position, options: .backwards)!.lowerBound]
      let blank =
        before.count
        - before.replacingOccurrences(
          of: #"\s+$"#, with: "", options: .regularExpression
        ).count
      // The scroll position's room is kept for its widest text ("23/23"), and a
      // chosen column's brackets for the widest number.
      let total = position.split(separator: "/").last ?? ""
      let reserved = 2 * total.count + 1 + 2 + total.count - position.count + 1
      #expect(
        blank < AccessMatrixView.cellWidth + 1 + reserved, "\(width): \(blank) blank in \(header)")
    }
  }

  @Test("the access matrix at 160×48, one e-service chosen: who holds it")
  func matrix160() {
    let d = driver(user: F.manager, width: 160, height: 48)
    d.press(.character("a"), .right)
    #expect(screen(d).contains("[2] Färdtjänst: Anna Åberg, Bertil Öst (–2026-12-05) !"))
    d.press(.right)
    #expect(screen(d).contains("Skolskjuts: ingen har behörighet  ! ingen aktiv handläggare"))
    Golden.assertFrame(d.frame, named: "staff-access-160x48", in: goldenDir)
  }

  @Test("a manager opens on their department's access view and can read but not change anything")
  func managerReadOnly() {
    var state = AppState(data: F.store(), user: F.manager, now: Fixtures.now)
    StaffScreen.prepareForManager(&state)
    #expect(state.screen == .staff && state.staffScreen.mode == .access)
    let d = driver(user: F.manager)
    d.press(.enter)  // open Anna from the list
    for key: Key in [
      .enter, .character("c"), .character("t"), .character("T"), .character("x"), .character("r"),
      .character("e"), .character("a"), .character("n"), .character("d"),
    ] {
      d.press(key)
      #expect(d.state.overlays.isEmpty)
    }
    #expect(d.backend.performed.isEmpty)
    #expect(d.backend.data == F.store())
    #expect(screen(d).contains("Du har läsbehörighet. Ändringar görs av e-samordnaren"))
    #expect(!screen(d).contains("Bocka av"), "editing keys are not offered in the bar")
  }

  @Test("f switches department; the list follows")
  func departmentSwitch() {
    let d = driver()
    #expect(screen(d).contains("Fredrik Sol"))
    d.press(.character("f"))
    #expect(screen(d).contains("Socialförvaltningen"))
    #expect(!screen(d).contains("Anna Åberg"))
  }

  @Test("on a wide screen a person's e-services and cases show each service's name whole")
  func longServiceNamesAreWholeWhereThereIsRoom() throws {
    var m = F.store()
    let long = "Ansökan om bygglov, marklov och rivningslov för en- och tvåbostadshus"
    let index = try #require(m.services.firstIndex { $0.id == F.bygglov })
    m.services[index].name = long
    for (width, whole) in [(140, true), (80, false)] {
      let d = ConsoleDriver(m, user: Fixtures.coordinator, width: width, height: 30)
      d.press(.character("3"), .enter)
      let text = screen(d)
      #expect(text.contains("Anna Åberg"), "\(text)")
      // The grant row and the case row.
      let rows = d.frame.lines.filter { $0.contains("Ansökan om bygglov") }
      #expect(rows.count == 2, "\(width):\n\(text)")
      #expect(rows.allSatisfy { $0.contains(long) } == whole, "\(width):\n\(text)")
      #expect(rows.allSatisfy { TextWidth.of($0) <= width }, "\(width):\n\(text)")
    }
  }
}

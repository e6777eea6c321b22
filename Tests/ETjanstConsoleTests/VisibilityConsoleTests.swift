import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.1, 4.2: a manager reaches nothing in the console that names a person
/// of another department, on any screen, list, detail view, help or settings page.
@Suite("Visibility in the console")
struct VisibilityConsoleTests {
  /// Every frame a manager sees while walking every screen by keys: each row opened
  /// with Enter, the views' own keys, help and the settings.
  func walk(_ d: ConsoleDriver, rows: Int = 25) -> [String] {
    var frames: [String] = []
    func press(_ keys: Key...) {
      for key in keys {
        d.press(key)
        frames.append(d.frame.lines.joined(separator: "\n"))
      }
    }
    func move(_ keys: Key...) { for key in keys { d.press(key) } }
    for screen in ScreenID.allCases {
      let key = Key.character(Character("\(screen.rawValue)"))
      press(key, .character("?"), .escape)
      for row in 0..<rows {
        move(key, .escape, key, .home)
        for _ in 0..<row { d.press(.down) }
        // Open the row, look around the detail view, then go back.
        press(.enter)
        move(.down, .down)
        press(.enter)
        move(.right, .left)
        press(.tab, .character("?"))
        move(.escape, .escape, .character("q"))
      }
      // The screen's own views: the staff matrix and department switch, the order
      // board's columns, the settings' pages.
      press(key, .character("a"), .character("f"), .character("f"), .right, .enter, .escape)
      press(key, .right, .right, .enter, .escape, .left)
    }
    press(.character("1"), .character("i"))
    for _ in 0..<4 { press(.right, .down, .enter, .escape) }
    press(.escape, .character(":"))
    for c in "personal" { press(.character(c)) }
    press(.enter)
    return frames
  }

  @Test(
    "4.1: nothing a manager can reach in the console names a person of another department",
    arguments: [(80, 24, Language.swedish), (200, 50, Language.english)])
  func managerSeesNoOtherDepartment(width: Int, height: Int, language: Language) throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m)
    let hidden = VisibilityFixtures.namesHidden(from: manager, in: m)
    #expect(hidden.contains("Henrik Wasara"), "a person of another department to look for")
    let d = ConsoleDriver(m, user: manager, width: width, height: height, language: language)
    StaffScreenHook.prepareForManager(d)
    let frames = walk(d)
    #expect(frames.count > 400)
    var leaks: [String: String] = [:]
    for frame in frames {
      for name in hidden where frame.contains(name) && leaks[name] == nil { leaks[name] = frame }
    }
    #expect(leaks.isEmpty, "\(leaks.keys.sorted()) in\n\(leaks.values.first ?? "")")
  }

  @Test("4.1: the e-coordinator's walk reaches people of every department (the walk looks)")
  func coordinatorWalkFindsPeople() throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m)
    let hidden = VisibilityFixtures.namesHidden(from: manager, in: m)
    let d = ConsoleDriver(m, user: Fixtures.coordinator, width: 200, height: 50)
    let frames = walk(d, rows: 12).joined(separator: "\n")
    let found = hidden.filter { frames.contains($0) }
    #expect(found.count * 2 > hidden.count, "the walk shows most people to the e-coordinator")
  }

  @Test("4.1: a second manager of a department sees a person's manager by name, not by login")
  func managerOfPersonByName() throws {
    var m = try Fixtures.demo
    let deputy = User(
      login: "chef.soc2", name: "Biträdande Chef", role: .manager(department: EntityID("dep-soc")))
    m.users.append(deputy)
    let d = ConsoleDriver(m, user: deputy, width: 120, height: 40)
    d.press(.character("3"), .enter)
    let screen = d.frame.lines.joined(separator: "\n")
    #expect(screen.contains("Närmaste chef: Anna-Karin Lantto"), "\(screen)")
    #expect(!screen.contains("Närmaste chef: chef.soc"), "\(screen)")
  }

  @Test("4.1: a manager's f on the staff screen stays in their department")
  func departmentSwitch() throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m)
    let d = ConsoleDriver(m, user: manager)
    StaffScreenHook.prepareForManager(d)
    d.press(.character("f"), .character("f"), .character("f"))
    #expect(d.state.staffScreen.department == manager.role.department)
    #expect(!d.frame.lines.last!.contains("f "), "no department switch is offered")
  }

  @Test("4: a manager's catalogue lists their department's e-services, never a false 'no owner'")
  func managerCatalogueIsTheirOwn() throws {
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m, login: "chef.soc")
    let own = manager.role.department!
    let d = ConsoleDriver(m, user: manager, width: 120, height: 40)
    d.press(.character("2"))
    let screen = d.frame.lines.joined(separator: "\n")
    for s in m.services where s.department != own {
      #expect(!screen.contains(String(s.name.prefix(20))), "\(s.name) is listed")
    }
    let mine = m.services.filter { $0.department == own }
    #expect(!mine.isEmpty)
    for s in mine { #expect(screen.contains(String(s.name.prefix(20))), "\(s.name) is missing") }
    #expect(screen.contains(" \(mine.count) st ·"), "the count is the department's")
  }
}

/// The executable opens a manager on their access matrix; tests do the same.
enum StaffScreenHook {
  static func prepareForManager(_ d: ConsoleDriver) {
    var state = d.program.stateForTesting
    StaffScreen.prepareForManager(&state)
    d.program.stateForTesting = state
  }
}

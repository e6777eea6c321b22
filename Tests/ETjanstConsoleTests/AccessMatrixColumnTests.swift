import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// The access matrix grants and ends a column's e-service for the people marked
/// with `m`, or for everyone shown: the dates asked once, all or none, and no date
/// changed on a grant the user did not touch.
@Suite struct AccessMatrixColumnTests {
  typealias F = StaffFixtures

  func matrix(language: Language = .swedish) -> ConsoleDriver {
    let d = ConsoleDriver(
      F.store(), user: Fixtures.coordinator, width: 100, height: 30, language: language)
    d.press(.character("3"), .character("a"))
    return d
  }

  /// Chooses the column of `service`.
  func column(_ d: ConsoleDriver, _ service: EntityID<EService>) throws {
    let column = try #require(AccessMatrixView.services(d.state).firstIndex { $0.id == service })
    while d.state.staffScreen.matrixColumn > column { d.press(.left) }
    while d.state.staffScreen.matrixColumn < column { d.press(.right) }
  }

  /// Marks `people` with `m`, each chosen from the top.
  func mark(_ d: ConsoleDriver, _ people: String...) throws {
    for person in people {
      let row = try #require(AccessMatrixView.rows(d.state).firstIndex { $0.name == person })
      d.press(.character("g"))
      for _ in 0..<row { d.press(.down) }
      d.press(.character("m"))
    }
  }

  func person(_ d: ConsoleDriver, _ id: EntityID<StaffMember>) throws -> StaffMember {
    try #require(d.backend.data.staffMember(id))
  }

  var screen: (ConsoleDriver) -> String { { $0.frame.lines.joined(separator: "\n") } }

  @Test("m marks people; the column key grants the marked the dates asked once; one undo")
  func grantMarked() throws {
    let d = matrix()
    try mark(d, "Anna Åberg", "Cecilia Ek")
    #expect(screen(d).contains("* Anna Åberg"), "\(screen(d))")
    #expect(screen(d).contains("6 personer · 2 markerade"), "\(screen(d))")
    try mark(d, "Anna Åberg")
    #expect(screen(d).contains("6 personer · 1 markerad "), "\(screen(d))")
    try mark(d, "Anna Åberg")
    try column(d, F.skolskjuts)
    d.press(.character("c"))
    #expect(screen(d).contains("Ge 2 personer behörighet till Skolskjuts"), "\(screen(d))")
    d.press(.control("u"))
    d.type("2026-12-01")
    d.press(.enter)
    let from = Day("2026-12-01")!
    #expect(try person(d, F.anna).grant(for: F.skolskjuts)?.validFrom == from)
    #expect(try person(d, F.cecilia).grant(for: F.skolskjuts)?.validFrom == from)
    #expect(try person(d, F.eva).grant(for: F.skolskjuts) == nil)
    d.press(.character("u"))
    #expect(try person(d, F.anna).grant(for: F.skolskjuts) == nil)
    #expect(try person(d, F.cecilia).grant(for: F.skolskjuts) == nil)
  }

  @Test("with none marked, everyone shown and on the platform; holders keep their dates")
  func grantColumn() throws {
    let d = matrix()
    let anna = try #require(try person(d, F.anna).grant(for: F.fardtjanst))
    let bertil = try #require(try person(d, F.bertil).grant(for: F.fardtjanst))
    try column(d, F.fardtjanst)
    d.press(.character("c"))
    #expect(
      screen(d).contains("Ge 3 personer behörighet till Färdtjänst (2 har den redan)"),
      "\(screen(d))")
    d.press(.enter)
    #expect(try person(d, F.anna).grant(for: F.fardtjanst) == anna)
    #expect(try person(d, F.bertil).grant(for: F.fardtjanst) == bertil)
    for id in [F.cecilia, F.eva, F.fredrik] {
      #expect(try person(d, id).grant(for: F.fardtjanst)?.validFrom == Fixtures.today)
    }
    // The removed person is passed over, not granted.
    #expect(try person(d, F.david).grant(for: F.fardtjanst) == nil)
  }

  @Test("when all the marked have it, the column key ends it: last day set, valid from kept")
  func endMarked() throws {
    let d = matrix()
    let before = try person(d, F.anna).grant(for: F.bygglov)?.validFrom
    try mark(d, "Anna Åberg", "Eva Berg")
    try column(d, F.bygglov)
    d.press(.character("c"))
    #expect(
      screen(d).contains("Avsluta behörigheten till Ansökan om bygglov för 2 personer"),
      "\(screen(d))")
    d.press(.enter)
    for id in [F.anna, F.eva] {
      let grant = try #require(try person(d, id).grant(for: F.bygglov))
      #expect(grant.validTo == Fixtures.today)
      #expect(grant.validFrom == before)
    }
    #expect(try person(d, F.bertil).grant(for: F.bygglov)?.validTo == nil)
  }

  @Test("a refusal for one person is named and nobody is granted")
  func allOrNone() throws {
    let d = matrix()
    try mark(d, "Anna Åberg", "David Lund")
    try column(d, F.skolskjuts)
    d.press(.character("c"), .enter)
    #expect(screen(d).contains("Ge 2 personer behörighet till Skolskjuts"), "\(screen(d))")
    #expect(screen(d).contains("David Lund är borttagen från plattformen"), "\(screen(d))")
    #expect(try person(d, F.anna).grant(for: F.skolskjuts) == nil)
    #expect(try person(d, F.david).grant(for: F.skolskjuts) == nil)
  }

  @Test("m again unmarks; the keys are in the help in both languages")
  func unmarkAndHelp() throws {
    let d = matrix(language: .english)
    try mark(d, "Anna Åberg", "Anna Åberg")
    #expect(!screen(d).contains("* Anna Åberg"), "\(screen(d))")
    #expect(screen(d).contains("Access · all departments · 6 people  "), "\(screen(d))")
    d.press(.character("?"))
    #expect(screen(d).contains("Mark the person on the row"), "\(screen(d))")
  }

  @Test(
    "the column's dates form at 80×24, in Swedish and English",
    arguments: [(Language.swedish, "sv"), (Language.english, "en")])
  func datesForm(language: Language, name: String) throws {
    let d = ConsoleDriver(
      F.store(), user: Fixtures.coordinator, width: 80, height: 24, language: language)
    d.press(.character("3"), .character("a"))
    try mark(d, "Cecilia Ek", "Eva Berg")
    try column(d, F.skolskjuts)
    d.press(.character("c"))
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden")
    Golden.assertFrame(d.frame, named: "access-column-grant-\(name)-80x24", in: dir)
  }

  @Test("a refusal that names nobody is given the person's name; no grant's last day is set")
  func refusalNamed() throws {
    let d = matrix(language: .english)
    try mark(d, "Anna Åberg", "Eva Berg")
    try column(d, F.bygglov)
    d.press(.character("c"), .control("u"))
    d.type("2024-12-31")
    d.press(.enter)
    #expect(screen(d).contains("Anna Åberg: "), "\(screen(d))")
    #expect(try person(d, F.anna).grant(for: F.bygglov)?.validTo == nil)
    #expect(try person(d, F.eva).grant(for: F.bygglov)?.validTo == nil)
  }

  @Test("a marked name keeps the room it has: widths follow the marks, sorting the name")
  func markedNameWhole() throws {
    let d = ConsoleDriver(try Fixtures.demo, user: Fixtures.coordinator, width: 80, height: 24)
    d.press(.character("3"), .character("a"))
    _ = d.frame  // drawn unmarked first, as a terminal does
    d.press(.character("m"), .character("m"))
    #expect(screen(d).contains("* Birgitta Koivisto "), "\(screen(d))")
    #expect(screen(d).contains("sorterat på Namn"), "\(screen(d))")
  }
}

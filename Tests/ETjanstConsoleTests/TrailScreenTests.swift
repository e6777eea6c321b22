import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

@Suite("Audit trail screen")
struct TrailScreenTests {
  typealias F = StaffFixtures

  /// The staff fixtures' store, and a trail made by really applying commands to it:
  /// Anna is given Skolskjuts, her access gets an end, and then it is taken away;
  /// between them `noise` changes of other people (Fredrik is in another department).
  static func driver(
    user: User = Fixtures.coordinator, noise: Int = 0, width: Int = 160, height: Int = 30,
    language: Language = .swedish
  ) throws -> ConsoleDriver {
    var m = F.store()
    var trail: [AuditEntry] = []
    var clock = Date(timeIntervalSince1970: 1_780_000_000)
    let actor = Actor(Fixtures.coordinator)
    func run(_ command: any Command) throws {
      clock += 3600
      let change = try m.execute(command, context: CommandContext(actor: actor, now: clock))
      trail.append(
        AuditEntry(
          change: change, kind: String(describing: type(of: command)), actor: actor,
          savedAt: clock))
    }
    try run(
      GrantAccess(
        person: F.anna, service: F.skolskjuts, validFrom: Day("2026-01-05")!, validTo: nil))
    for index in 0..<noise {
      try run(
        GrantAccess(
          person: index % 2 == 0 ? F.eva : F.fredrik,
          service: index % 2 == 0 ? F.fardtjanst : F.bistand,
          validFrom: Day("2026-01-01")!.adding(days: index), validTo: nil))
    }
    try run(
      GrantAccess(
        person: F.anna, service: F.skolskjuts, validFrom: Day("2026-01-05")!,
        validTo: Day("2026-03-31")!))
    try run(RevokeAccess(person: F.anna, service: F.skolskjuts))
    let d = ConsoleDriver(m, user: user, width: width, height: height, language: language)
    d.backend.trail = trail
    return d
  }

  func screen(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  @Test("at 80 and 100 columns each row still says what was done; the field details give way")
  func narrowRowsKeepTheSummary() throws {
    for width in [80, 100] {
      let d = try Self.driver(width: width)
      d.press(.character(":"))
      d.type("logg")
      d.press(.enter)
      #expect(screen(d).contains("Tog bort behörighet"), "\(width):\n\(screen(d))")
      #expect(screen(d).contains("Gav behörighet"), "\(width):\n\(screen(d))")
    }
  }

  @Test("an entry taller than 80×24 scrolls to its last line; the kind is a word")
  func aLongEntryScrolls() throws {
    var m = F.store()
    let actor = Actor(Fixtures.coordinator)
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    // One change of many fields: every limit, so the entry has more lines than the box.
    var settings = m.settings
    for limit in Settings.limits { settings[keyPath: limit.path] = limit.allowed.lowerBound + 1 }
    let command = EditSettings(settings)
    let change = try m.execute(command, context: CommandContext(actor: actor, now: now))
    let entry = AuditEntry(change: change, command: command, actor: actor, savedAt: now)
    let d = ConsoleDriver(m, user: Fixtures.coordinator, width: 80, height: 24)
    d.backend.trail = [entry]
    d.press(.character(":"))
    d.type("logg")
    d.press(.enter, .enter)
    let last = try #require(entry.subjects?.first?.fields.last).text(.swedish)
    #expect(screen(d).contains("Typ: Ändrade gränser"), "\(screen(d))")
    #expect(!screen(d).contains(String(last.prefix(30))), "fits without scrolling:\n\(screen(d))")
    #expect(screen(d).contains("↑↓ 1–"), "\(screen(d))")
    d.press(.end)
    #expect(screen(d).contains(String(last.prefix(30))), "\(last)\n\(screen(d))")
    d.press(.home)
    #expect(screen(d).contains("Typ: Ändrade gränser"), "\(screen(d))")
    d.press(.enter)
    #expect(!screen(d).contains("↑↓ 1–"), "\(screen(d))")
  }

  @Test(
    "who gave Anna access to Skolskjuts, when, and when did it end: 3, Enter, h, /skol, Enter"
  )
  func answersTheQuestionFromThePerson() throws {
    let d = try Self.driver(noise: 40)
    d.press(.character("3"), .enter)
    #expect(screen(d).contains("Anna Åberg"))
    d.press(.character("h"))
    #expect(screen(d).contains("Historik · Anna Åberg"), "\(screen(d))")
    #expect(screen(d).contains("3 poster"), "\(screen(d))")
    d.press(.character("/"))
    d.type("skol")
    d.press(.enter)
    let rows = screen(d)
    #expect(rows.contains("Tog bort behörighet till en e-tjänst"), "\(rows)")
    #expect(
      rows.contains("Anna Åberg (ändrad): Behörigheter – Skolskjuts – Giltig till: – → 2026-03-31"),
      "\(rows)")
    #expect(rows.contains("3 poster"), "\(rows)")
    // The newest first: the access taken away, its old period shown.
    d.press(.enter)
    let detail = screen(d)
    #expect(detail.contains("Av: Test Samordnare (esamordnare)"), "\(detail)")
    #expect(detail.contains("Typ: Tog bort behörighet"), "\(detail)")
    #expect(
      detail.contains("Behörigheter – Skolskjuts: Skolskjuts (Giltig från: 2026-01-05,"),
      "\(detail)")
    #expect(detail.contains("Giltig till: 2026-03-31) → –"), "\(detail)")
    // 1_780_000_000 s is 2026-05-28 20:26 UTC; 43 changes an hour apart, in Stockholm summer time.
    #expect(detail.contains("Sparad: 2026-05-30 17:26"), "\(detail)")
    d.press(.escape, .character("G"), .enter)
    #expect(
      screen(d).contains("Behörigheter – Skolskjuts: – → Skolskjuts (Giltig från: 2026-01-05)"),
      "\(screen(d))")
    d.press(.escape)
    d.press(.character("q"))
    #expect(!screen(d).contains("Historik ·"))
    #expect(screen(d).contains("Anna Åberg"))
  }

  @Test("the e-service's own history, from its detail: h")
  func historyOfAService() throws {
    let d = try Self.driver()
    d.press(.character("2"))
    d.press(.character("/"))
    d.type("Skolskjuts")
    d.press(.enter, .enter)
    d.press(.character("h"))
    #expect(screen(d).contains("Historik · Skolskjuts"), "\(screen(d))")
    #expect(screen(d).contains("3 poster"), "\(screen(d))")
    // One entry is one post, not "1 poster".
    d.press(.character("/"))
    d.type("tog bort")
    d.press(.enter)
    #expect(screen(d).contains("1 post") && !screen(d).contains("1 poster"), "\(screen(d))")
  }

  @Test("a long trail is read a page at a time as the selection goes down; / narrows it")
  func pagesAsYouScroll() throws {
    let d = try Self.driver(noise: 450)
    d.press(.character(":"))
    d.type("logg")
    d.press(.enter)
    #expect(screen(d).contains("Logg"), "\(screen(d))")
    #expect(screen(d).contains("200 poster hittills"), "\(screen(d))")
    d.press(.character("G"))
    #expect(screen(d).contains("400 poster hittills"), "\(screen(d))")
    d.press(.character("G"))
    #expect(screen(d).contains("453 poster"), "\(screen(d))")
    #expect(!screen(d).contains("hittills"))
    d.press(.character("/"))
    d.type("Fredrik")
    d.press(.enter)
    #expect(screen(d).contains("200 poster hittills"), "\(screen(d))")
    d.press(.character("G"))
    #expect(screen(d).contains("225 poster"), "\(screen(d))")
    // t keeps the selected entry's kind; Esc clears every filter.
    d.press(.character("t"))
    #expect(screen(d).contains("typ: Gav behörighet"), "\(screen(d))")
    d.press(.escape)
    #expect(screen(d).contains("200 poster hittills"), "\(screen(d))")
  }

  @Test("the trail names everyone, so a manager is told to ask the e-coordinator")
  func managerIsRefused() throws {
    let d = try Self.driver(user: F.manager, noise: 10)
    d.press(.character(":"))
    d.type("logg")
    d.press(.enter)
    let text = screen(d)
    #expect(text.contains("granskningsloggen namnger alla"), "\(text)")
    #expect(!text.contains("Fredrik Sol"), "\(text)")
    #expect(d.state.overlays.isEmpty)
  }

  @Test("a manager is offered no history key on a person or an e-service; pressed, it says why")
  func managerIsOfferedNoHistory() throws {
    let d = try Self.driver(user: F.manager, width: 100)
    d.press(.character("3"), .enter)
    #expect(screen(d).contains("Anna Åberg"), "\(screen(d))")
    #expect(!screen(d).contains("Historik"), "\(screen(d))")
    d.press(.character("?"))
    #expect(!screen(d).contains("Loggen för den här"), "\(screen(d))")
    d.press(.escape, .character("2"), .enter, .character("?"))
    #expect(!screen(d).contains("Loggen för den här"), "\(screen(d))")
    // Pressed anyway, it says why nothing opens.
    d.press(.escape, .character("h"))
    #expect(d.state.overlays.isEmpty)
    #expect(screen(d).contains("granskningsloggen namnger alla"), "\(screen(d))")
    // The e-coordinator has it on both.
    let c = try Self.driver(width: 100)
    c.press(.character("3"), .enter)
    #expect(screen(c).contains("h Historik"), "\(screen(c))")
    c.press(.character("2"), .enter, .character("?"))
    #expect(screen(c).contains("Loggen för den här"), "\(screen(c))")
  }
}

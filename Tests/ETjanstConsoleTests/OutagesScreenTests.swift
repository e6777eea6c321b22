import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Avbrott & reservrutiner (guideline 4.3) driven with keys, with golden frames.
@Suite struct OutagesScreenTests {
  static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// The demo with an outage that started `minutesAgo` before the fixed clock.
  static func withOutage(minutesAgo: Double, contactAfter: Double? = nil) throws -> Municipality {
    var m = try Fixtures.demo
    let start = Fixtures.now.addingTimeInterval(-minutesAgo * 60)
    var outage = Outage(
      id: EntityID("out-now"), start: start, scope: .wholePlatform,
      observed: "Inloggningen med BankID svarar inte",
      declaredBy: "Linnea Alatalo")
    if let after = contactAfter {
      outage.contact = ContactRecord(
        at: start.addingTimeInterval(after * 60), channel: "Telefon", by: "Linnea Alatalo",
        reference: "ENÄ-2026-0412")
    }
    outage.notified = [
      DepartmentNotice(department: EntityID("dep-soc"), at: start.addingTimeInterval(120))
    ]
    m.outages.append(outage)
    return m
  }

  /// The screen as text, so a failed expectation prints lines, not cells.
  static func text(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  /// The outage under way, as the store holds it.
  static func active(_ d: ConsoleDriver) -> Outage? { d.backend.data.activeOutage }

  @Test("4.3: three keystrokes from anywhere show whom to call: 4, n, Enter")
  func threeKeystrokes() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(.character("2"), .character("4"), .character("n"), .enter)
    let outage = try #require(Self.active(d))
    #expect(outage.start == Fixtures.now)
    #expect(outage.scope == .wholePlatform)
    #expect(outage.declaredBy == "Test Samordnare")
    #expect(Self.text(d).contains("TEL 0920-45 38 12"))
    #expect(Self.text(d).contains("Mikael Rova, Norrbottens e-nämnd"))
    #expect(Self.text(d).contains("! AVBROTT PÅGÅR"))
  }

  @Test("4.3: recording the contact stops the clock and shows who, when and their reference")
  func recordContact() throws {
    let d = ConsoleDriver(try Self.withOutage(minutesAgo: 7))
    d.press(.character("4"))
    #expect(Self.text(d).contains("[ ] Ej kontaktad · 8 min 00 s kvar"))
    d.press(.character("c"), .tab, .tab, .tab)
    d.type("ENÄ-77")
    d.press(.enter)
    let contact = try #require(Self.active(d)?.contact)
    #expect(contact.at == Fixtures.now)
    #expect(contact.reference == "ENÄ-77")
    #expect(contact.channel == "Telefon")
    #expect(
      Self.text(d).contains("[x] Kontaktad 10:00 (efter 7 min): Telefon, Test Samordnare, ENÄ-77"))
    #expect(d.state.overlays.isEmpty)
  }

  @Test("4.3: an outage past the limit without contact is late in words, with and without colour")
  func lateGolden() throws {
    for color in [true, false] {
      let d = ConsoleDriver(try Self.withOutage(minutesAgo: 17), color: color)
      d.press(.character("4"))
      #expect(Self.text(d).contains("! FÖRSENAD: ingen kontakt efter 17 min (gräns 15 min)"))
      Golden.assertFrame(
        d.frame, named: "outages-active-late-\(color ? "color" : "nocolor")-80x24",
        in: Self.goldenDir)
    }
  }

  @Test("4.3: a contact within the limit is shown as in time")
  func contactedGolden() throws {
    let d = ConsoleDriver(try Self.withOutage(minutesAgo: 40, contactAfter: 6), color: false)
    d.press(.character("4"))
    #expect(Self.text(d).contains("(efter 6 min)"))
    #expect(!Self.text(d).contains("FÖRSENAD"))
    Golden.assertFrame(d.frame, named: "outages-active-contacted-80x24", in: Self.goldenDir)
  }

  @Test("4.3: the history lists outages and drills with the times to contact and to end")
  func historyGolden() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(.character("4"), .character("h"))
    #expect(Self.text(d).contains("2026-02-10 08:47 +01:00 Avbrott 9 min        2 h 45 min"))
    #expect(Self.text(d).contains("2026-04-15 13:00 +02:00 Övning  6 min        1 h 30 min"))
    Golden.assertFrame(d.frame, named: "outages-history-80x24", in: Self.goldenDir)
    d.press(.enter)
    #expect(Self.text(d).contains("Kontakt: 2026-04-15 13:06 +02:00 · Telefon (övning)"))
    d.press(.escape, .character("j"), .enter)
    #expect(Self.text(d).contains("ENÄ-2026-0187"))
  }

  @Test("4.3: the routines list flags missing, overdue and untested routines")
  func routinesGolden() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(.character("4"))
    #expect(
      d.frame.lines.contains { $0.contains("Kultur och fritid ") && $0.contains("! SAKNAS") })
    #expect(Self.text(d).contains("! GRANSKA"))
    #expect(Self.text(d).contains("! ALDRIG TESTAD"))
    Golden.assertFrame(d.frame, named: "outages-routines-80x24", in: Self.goldenDir)
  }

  @Test("4.3: departments are marked told one by one; Enter shows the routine and q comes back")
  func tellDepartments() throws {
    let d = ConsoleDriver(try Self.withOutage(minutesAgo: 3))
    d.press(.character("4"), .character("t"))
    let outage = try #require(Self.active(d))
    #expect(
      outage.notice(for: EntityID("dep-ai"))?.at == Fixtures.now || outage.notified.count == 2)
    #expect(Self.text(d).contains("2 av 8"))
    d.press(.character("j"), .enter)
    #expect(Self.text(d).contains("Reservrutin: Barn- och utbildningsförvaltningen"))
    #expect(Self.text(d).contains("pappersblankett BOU 2"))
    d.press(.character("q"))
    #expect(Self.text(d).contains("! AVBROTT PÅGÅR"))
  }

  @Test("4.3: resolving is refused before the contact, then keeps end, cause and follow-up")
  func resolve() throws {
    let d = ConsoleDriver(try Self.withOutage(minutesAgo: 30))
    // Only Socialförvaltningen was told: x asks first, j goes on to the form.
    d.press(.character("4"), .character("x"), .character("j"), .tab)
    d.type("Certifikat")
    d.press(.enter)
    #expect(Self.active(d) != nil)
    #expect(Self.text(d).contains("Registrera först kontakten"))
    d.press(
      .escape, .character("j"), .character("c"), .enter, .character("x"), .character("j"), .tab)
    d.type("Utgånget certifikat")
    d.press(.enter)
    #expect(Self.active(d) == nil)
    let done = try #require(d.backend.data.outages[id: EntityID("out-now")])
    #expect(done.cause == "Utgånget certifikat")
    #expect(done.timeToContact == 1800)
    #expect(done.timeToEnd == 1800)
    let untold = d.backend.data.departments.map(\.id).filter { $0 != EntityID("dep-soc") }
    #expect(Set(done.neverTold) == Set(untold) && !untold.isEmpty)
    #expect(Self.text(d).contains("Förvaltning"))
  }

  @Test("4.3: a drill of one department's routine sets its tested date when finished")
  func drill() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(.character("4"), .character("j"), .character("N"))
    #expect(Self.text(d).contains("Starta övning"))
    d.press(.enter)
    let drill = try #require(Self.active(d))
    #expect(drill.isDrill)
    #expect(
      d.backend.data.affectedDepartments(drill).map(\.name) == [
        "Barn- och utbildningsförvaltningen"
      ])
    #expect(Self.text(d).contains("ÖVNING PÅGÅR"))
    // The department takes part when it is told; the resolve form shows whose routine
    // the drill tested.
    d.press(.character("c"), .enter, .character("t"), .character("x"))
    #expect(
      Self.text(d).contains("Deltog, rutin testad")
        && Self.text(d).contains(
          "[1] Barn- och utbildningsförvaltningen")
    )
    d.press(.tab)
    d.type("Övning")
    d.press(.enter)
    #expect(
      d.backend.data.department(EntityID("dep-bou"))?.fallbackRoutine?.lastTested == Fixtures.today)
  }

  @Test("4.3: a missing routine is written in a form, its steps in the console's editor")
  func writeRoutine() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(
      .character("4"), .character("G"), .character("k"), .character("k"), .character("k"),
      .character("k"))
    d.press(.character("e"), .enter)
    d.type("Ta emot bokningar per telefon.")
    d.press(.enter)
    d.type("Skriv i bokningsboken.")
    d.press(.control("s"), .tab)
    d.type("Pärm i biblioteket")
    d.press(.tab)
    d.type("Kim Ek")
    d.press(.enter)
    let routine = try #require(
      d.backend.data.departments.first { $0.name == "Kultur och fritid" }?.fallbackRoutine)
    #expect(routine.steps == "Ta emot bokningar per telefon.\nSkriv i bokningsboken.")
    #expect(routine.location == "Pärm i biblioteket")
    #expect(routine.lastReviewed == Fixtures.today)
    #expect(routine.lastTested == nil)
  }

  @Test("4.3: a manager reads routines but cannot declare outages")
  func managerReadOnly() throws {
    var m = try Fixtures.demo
    let manager = User(login: "chef", name: "Chef", role: .manager(department: EntityID("dep-soc")))
    m.users.append(manager)
    let d = ConsoleDriver(m, user: manager)
    d.press(.character("4"))
    #expect(!d.frame.line(23).contains("Nytt avbrott"))
    d.press(.character("n"))
    #expect(d.state.overlays.isEmpty)
    #expect(d.backend.data.outages.count == m.outages.count)
  }

  @Test("4.3: the banner says an outage is late in words, for other screens")
  func banner() throws {
    let late = ConsoleDriver(try Self.withOutage(minutesAgo: 17))
    let line = try #require(OutageBanner.line(late.state))
    #expect(line.text.contains("FÖRSENAD"))
    #expect(line.text.contains("0920-45 38 12"))
    #expect(OutageBanner.line(ConsoleDriver(try Fixtures.demo).state) == nil)
  }
}

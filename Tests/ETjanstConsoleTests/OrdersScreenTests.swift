import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// A store with an order in every step (one on hold, one overdue, one with a
/// comment still open) on fixed dates, so frames are stable.
enum OrdersFixture {
  static let day: TimeInterval = 86_400

  static func at(_ daysAgo: Double) -> Date { Fixtures.now.addingTimeInterval(-daysAgo * day) }

  static func store() -> Municipality {
    var m = Municipality.standing(name: "Övertorneå kommun", firstUser: Fixtures.coordinator)
    m.departments = [
      Department(id: EntityID("dep-bou"), name: "Barn- och utbildningsförvaltningen"),
      Department(id: EntityID("dep-vo"), name: "Vård och omsorg"),
      Department(id: EntityID("dep-kle"), name: "Kommunledningsförvaltningen"),
    ]
    func order(
      _ id: String, _ title: String, _ dep: String, _ step: OrderStep, days: [Double],
      audience: Audience = .external,
      effect: Int = 2, volume: Int? = nil
    ) -> ServiceOrder {
      ServiceOrder(
        id: EntityID(id), title: title, department: EntityID(dep), contactPerson: "Helena Niemi",
        contactEmail: "helena.niemi@overtornea.se", audience: audience,
        need: Need(
          beneficiaries: "Vårdnadshavare i byarna",
          expectedEffect: "Kompletta ansökningar före terminsstart",
          effectScore: effect, yearlyCaseVolume: volume, paperFormsReplaced: ["BOU 6"]),
        orderCaseNumber: step == .needsMapped ? "" : "KS 2026/\(id.count)\(days.count)",
        step: step,
        stepHistory: days.enumerated().map {
          StepChange(step: OrderStep(rawValue: $0.offset + 1)!, at: at($0.element), by: "Linnea")
        },
        created: at(days[0]))
    }
    var lokal = order(
      "ord-lokal", "Bokning av idrottshall och samlingslokaler", "dep-bou", .needsMapped,
      days: [22], volume: 400)
    lokal.need.effectScore = 2
    let tillbud = order(
      "ord-tillbud", "Anmälan om tillbud och arbetsskada", "dep-kle", .ordered, days: [60, 46],
      audience: .internal, effect: 3, volume: 60)
    var parkering = order(
      "ord-park", "Parkeringstillstånd", "dep-vo", .ordered, days: [95, 81], volume: 35)
    parkering.hold = OrderHold(
      kind: .onHold, reason: "Väntar på beslut med Haparanda.", since: at(58), by: "Linnea")
    var skolskjuts = order(
      "ord-skol", "Ansökan om skolskjuts", "dep-bou", .firstVersion, days: [87, 67, 24], effect: 3,
      volume: 60)
    skolskjuts.service = EntityID("svc-skol")
    var fardtjanst = order(
      "ord-fard", "Ansökan om färdtjänst", "dep-vo", .review, days: [178, 170, 102, 17], volume: 120
    )
    fardtjanst.service = EntityID("svc-fard")
    fardtjanst.meeting = ReviewMeeting(at: at(3), place: "Kommunhuset, rum Torne")
    fardtjanst.comments = [
      ReviewComment(id: EntityID("c1"), text: "Lägg till en fråga om ledsagare."),
      ReviewComment(
        id: EntityID("c2"), text: "Förtydliga intyget.", resolution: .adjusted,
        note: "Hjälptext tillagd."),
    ]
    var ledighet = order(
      "ord-led", "Ansökan om ledighet", "dep-kle", .published, days: [199, 191, 165, 94, 80],
      audience: .internal)
    ledighet.service = EntityID("svc-led")
    ledighet.meeting = ReviewMeeting(at: at(86), place: "Teams")
    ledighet.agreement = Agreement(by: "Karin Pekkala", at: at(80))
    m.orders = [lokal, tillbud, parkering, skolskjuts, fardtjanst, ledighet]
    m.services = [
      EService(
        id: EntityID("svc-skol"), name: "Ansökan om skolskjuts", department: EntityID("dep-bou"),
        status: .inDevelopment),
      EService(
        id: EntityID("svc-fard"), name: "Ansökan om färdtjänst", department: EntityID("dep-vo"),
        status: .inReview),
      EService(
        id: EntityID("svc-led"), name: "Ansökan om ledighet", department: EntityID("dep-kle"),
        audience: .internal, status: .published),
    ]
    return m
  }
}

@Suite struct OrdersScreenTests {
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func driver(width: Int = 80, height: Int = 24, readOnly: Bool = false) -> ConsoleDriver {
    let d = ConsoleDriver(OrdersFixture.store(), width: width, height: height, readOnly: readOnly)
    d.press(.character("5"))
    return d
  }

  /// The screen as text, so a failed expectation prints lines, not cells.
  func text(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  func order(_ d: ConsoleDriver, _ id: String) -> ServiceOrder? {
    d.backend.data.orders[id: EntityID(id)]
  }

  @Test(
    "6: the board at 80×24 shows a column per step, compact cards and the selected card's details")
  func board80() {
    let d = driver()
    d.press(.right, .right)
    #expect(text(d).contains("Ansökan om skolskjuts"))
    Golden.assertFrame(d.frame, named: "orders-board-80x24", in: goldenDir)
  }

  @Test("6: the board at 160×48 shows full cards with department, days and flag words")
  func board160() {
    let d = driver(width: 160, height: 48)
    d.press(.right)
    #expect(text(d).contains("FÖRSENAD"))
    #expect(text(d).contains("PAUSAD"))
    Golden.assertFrame(d.frame, named: "orders-board-160x48", in: goldenDir)
  }

  @Test("6 step 4: an advance the rules refuse says why, in the department's words")
  func refusedAdvance() {
    let d = driver()
    d.press(.right, .right, .right, .character("f"))
    #expect(text(d).contains("Kan inte gå vidare"))
    #expect(text(d).contains("synpunkt"))
    #expect(order(d, "ord-fard")?.step == .review)
    Golden.assertFrame(d.frame, named: "orders-refused-advance-80x24", in: goldenDir)
  }

  @Test("6: an order on hold cannot be advanced; the reason is shown")
  func holdRefusesAdvance() {
    let d = driver()
    d.press(.right, .down, .character("f"))
    #expect(text(d).contains("pausad sedan"))
    d.press(.enter)
    d.press(.character("r"))
    #expect(order(d, "ord-park")?.hold == nil)
  }

  @Test("6 steps 2–5: one key takes an order from ordered to published, through every rule")
  func advanceThroughPipeline() throws {
    let d = driver()
    d.press(.right)  // column 2: the overdue 'tillbud' card is first (longest waiting)
    d.press(.character("f"))
    #expect(text(d).contains("Första versionen (steg 3)"))
    d.press(.enter)
    let built = try #require(order(d, "ord-tillbud"))
    #expect(built.step == .firstVersion)
    #expect(d.backend.data.service(try #require(built.service))?.status == .inDevelopment)
    // The selection follows the card into column 3 …
    #expect(d.state.ordersScreen.column == 2)
    d.press(.character("f"))
    #expect(order(d, "ord-tillbud")?.step == .review)
    // … and into column 4, so the next key acts on it again.
    #expect(d.state.ordersScreen.column == 3)
    d.press(.character("f"))
    #expect(text(d).contains("Inget granskningsmöte"))
    d.press(.enter)
    d.press(.enter)  // open the card
    d.press(.character("m"))
    d.type("2026-11-26 10:00")
    d.press(.tab)
    d.type("Teams")
    d.press(.enter)
    #expect(order(d, "ord-tillbud")?.meeting?.place == "Teams")
    d.press(.character("c"))
    d.type("Fler svarsalternativ")
    d.press(.enter)
    d.press(.enter)  // handle the comment
    d.press(.tab)
    d.type("Två alternativ tillagda")
    d.press(.enter)
    #expect(order(d, "ord-tillbud")?.comments.first?.resolution == .adjusted)
    d.press(.character("a"), .enter)
    #expect(order(d, "ord-tillbud")?.agreement?.by == "Helena Niemi")
    d.press(.character("f"))
    let published = try #require(order(d, "ord-tillbud"))
    #expect(published.step == .published)
    #expect(d.backend.data.service(try #require(published.service))?.status == .published)
  }

  @Test("6 step 2: a new order by e-mail is refused, kept, and the address given")
  func emailOrderRefused() {
    let d = driver()
    d.press(.character("n"))
    d.type("Specialkost i skolan")
    d.press(.tab, .right, .tab)  // the first department
    d.type("Anna Lantto")
    d.press(.tab, .tab, .tab, .right)  // channel: e-post
    d.press(.enter)
    #expect(d.backend.data.refusedOrders.count == 1)
    #expect(d.backend.data.refusedOrders.first?.refusedBy == Fixtures.coordinator.login)
    #expect(text(d).contains("Beställningen avvisas"))
    #expect(text(d).contains("insidanovertornea.enamnd.se"))
    #expect(d.backend.data.orders.count == 6)
    d.press(.enter)
    #expect(d.state.overlays.isEmpty)
  }

  @Test("6 step 2: a new order through the internal e-service needs its case number")
  func newOrderNeedsCaseNumber() {
    let d = driver()
    d.press(.character("n"))
    d.type("Ansökan om bostadsanpassning")
    d.press(.tab, .tab)
    d.type("Sara Kuru")
    // No department is preselected: the first one is no one's choice.
    d.press(.enter)
    #expect(text(d).contains("Förvaltning måste fyllas i."), "\(text(d))")
    #expect(d.backend.data.orders.count == 6)
    d.press(.right)  // the focus is on the refused field
    d.press(.enter)
    #expect(text(d).contains("ärendenumret"))
    #expect(d.backend.data.orders.count == 6)
    d.press(.tab, .tab, .tab, .tab, .tab)
    #expect(d.state.overlays.count == 1)
  }

  @Test("3: the list view ranks by audience, effect and case volume")
  func listRanked() {
    let d = driver()
    d.press(.character("v"))
    let lines = d.frame.lines
    let first = lines.firstIndex { $0.contains("Ansökan om skolskjuts") } ?? 99
    let internalOne = lines.firstIndex { $0.contains("Anmälan om tillbud") } ?? -1
    #expect(
      first < internalOne, "an external service with large effect ranks above an internal one")
    Golden.assertFrame(d.frame, named: "orders-list-80x24", in: goldenDir)
  }

  @Test("6: a manager reads the board but gets no editing keys")
  func readOnly() {
    let d = driver(readOnly: true)
    #expect(!d.frame.lines.last!.contains("Nästa steg"))
    d.press(.right, .character("f"))
    #expect(order(d, "ord-tillbud")?.step == .ordered)
    #expect(text(d).contains("läsbehörighet"))
  }

  @Test("6: Enter opens the card in full, q returns to the board")
  func openCard() {
    let d = driver()
    d.press(.right, .right, .right, .enter)
    #expect(text(d).contains("Lägg till en fråga om ledsagare"))
    #expect(text(d).contains("[JUSTERAD]"))
    Golden.assertFrame(d.frame, named: "orders-detail-80x24", in: goldenDir)
    d.press(.character("q"))
    #expect(d.state.ordersScreen.opened == nil)
    #expect(d.state.screen == .orders)
  }
}

@Suite struct OrdersDemoScreenTests {
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  @Test(
    "6: the demo's orders on the board at 80×24: every step, the overdue and the paused ones marked"
  )
  func demoBoard() throws {
    let d = ConsoleDriver(try Fixtures.demo, user: Fixtures.coordinator)
    d.press(.character("5"))
    let text = d.frame.lines.joined(separator: "\n")
    #expect(text.contains("‖"), "the order on hold is marked")
    #expect(text.contains("!"), "orders over the step limit are marked")
    Golden.assertFrame(d.frame, named: "orders-board-demo-80x24", in: goldenDir)
  }

  @Test("6: the demo's refused e-mail order is listed with the order service's address")
  func demoRefused() throws {
    let d = ConsoleDriver(try Fixtures.demo, user: Fixtures.coordinator)
    d.press(.character("5"), .character("R"))
    let text = d.frame.lines.joined(separator: "\n")
    #expect(text.contains("specialkost"))
    #expect(text.contains("insidanovertornea"))
  }
}

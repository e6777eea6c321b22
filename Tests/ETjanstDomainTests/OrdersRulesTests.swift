import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 6, steps 1–5, as a state machine: every allowed and every refused
/// transition, through the commands the console and the command line send.
@Suite struct OrdersRulesTests {
  let dep = EntityID<Department>("dep-test")
  let day: TimeInterval = 86_400

  func draft(_ title: String = "Ansökan om skolskjuts") -> OrderDraft {
    OrderDraft(
      title: title, department: dep, contactPerson: "Helena Niemi",
      contactEmail: "helena@example.se",
      audience: .external,
      need: Need(
        beneficiaries: "Vårdnadshavare", expectedEffect: "Kompletta ansökningar", effectScore: 3,
        yearlyCaseVolume: 60, paperFormsReplaced: ["BOU 6"]))
  }

  /// A store with one order taken to `step` through the commands themselves.
  func store(at step: OrderStep, comments: [String] = []) throws -> (
    Municipality, EntityID<ServiceOrder>
  ) {
    var m = Fixtures.small()
    let id = EntityID<ServiceOrder>("ord-1")
    let ctx = Fixtures.context(at: Fixtures.now.addingTimeInterval(-40 * day))
    try m.execute(ReceiveOrder(id: id, draft: draft(), channel: .needOnly), context: ctx)
    if step >= .ordered {
      try m.execute(RegisterOrder(order: id, caseNumber: "KS 2026/0198"), context: ctx)
    }
    if step >= .firstVersion { try m.execute(BuildFirstVersion(order: id), context: ctx) }
    if step >= .review {
      try m.execute(StartReview(order: id), context: ctx)
      try m.execute(
        BookReviewMeeting(order: id, at: Fixtures.now.addingTimeInterval(-2 * day), place: "Teams"),
        context: ctx)
      for text in comments { try m.execute(AddReviewComment(order: id, text: text), context: ctx) }
    }
    return (m, id)
  }

  func refusal(_ command: any Command, on m: Municipality) -> RuleViolation? {
    var copy = m
    do {
      try copy.execute(command, context: Fixtures.context())
      return nil
    } catch {
      #expect(copy == m, "a refused command leaves the store as it was")
      return error as? RuleViolation
    }
  }

  // MARK: - Steps 1–2: intake

  @Test("6 step 2: an order through Beställning av e-tjänst is registered with its case number")
  func registeredWithCaseNumber() throws {
    var m = Fixtures.small()
    try m.execute(
      ReceiveOrder(draft: draft(), channel: .orderService, caseNumber: " KS 2026/0311 "),
      context: Fixtures.context())
    let o = try #require(m.orders.first)
    #expect(o.step == .ordered)
    #expect(o.orderCaseNumber == "KS 2026/0311")
    #expect(o.stepHistory.map(\.step) == [.ordered])
    #expect(o.stepHistory.last?.by == Fixtures.coordinator.login, "who moved it: a login")
  }

  @Test("6 step 2: an order without the case number is refused, naming the internal e-service")
  func noCaseNumberRefused() {
    let v = refusal(
      ReceiveOrder(draft: draft(), channel: .orderService, caseNumber: "  "), on: Fixtures.small())
    #expect(v?.field == "caseNumber")
    #expect(v?.message.sv.contains(Contacts.guideline.orderServiceAddress) == true)
  }

  @Test("6 step 2: a case number already used by another order is refused")
  func duplicateCaseNumber() throws {
    var m = Fixtures.small()
    try m.execute(
      ReceiveOrder(draft: draft("A"), channel: .orderService, caseNumber: "KS 1"),
      context: Fixtures.context())
    let v = refusal(
      ReceiveOrder(draft: draft("B"), channel: .orderService, caseNumber: "ks 1"), on: m)
    #expect(v?.field == "caseNumber")
    #expect(v?.message.sv.contains("\"A\"") == true)
  }

  @Test(
    "6 step 2: an order by e-mail is not handled; the refusal is kept with who, when and department"
  )
  func emailRefusedAndKept() throws {
    var m = Fixtures.small()
    let command = ReceiveOrder(draft: draft(), channel: .email, caseNumber: "KS 9")
    try m.execute(command, context: Fixtures.context())
    #expect(m.orders.isEmpty)
    let r = try #require(m.refusedOrders.first)
    #expect(r.title == "Ansökan om skolskjuts")
    #expect(r.department == dep)
    #expect(r.refusedBy == Fixtures.coordinator.login, "who refused it: a login")
    #expect(r.refusedAt == Fixtures.now)
    #expect(r.channel == "E-post")
    let message = try #require(command.refusal(m.contacts))
    #expect(message.message.sv.contains("via e-post behandlas inte"))
    #expect(message.message.sv.contains(m.contacts.orderServiceAddress))
  }

  @Test("6 step 2: an order that came another way (phone, paper) is refused too")
  func otherWayRefused() throws {
    var m = Fixtures.small()
    try m.execute(ReceiveOrder(draft: draft(), channel: .otherWay), context: Fixtures.context())
    #expect(m.orders.isEmpty && m.refusedOrders.count == 1)
  }

  @Test("6 step 1: a need being mapped enters step 1 without a case number")
  func needOnly() throws {
    let (m, id) = try store(at: .needsMapped)
    #expect(m.orders[id: id]?.step == .needsMapped)
    #expect(m.orders[id: id]?.orderCaseNumber == "")
  }

  @Test("6: an order needs a title, a known department and a contact person")
  func draftRules() {
    var d = draft()
    d.title = " "
    #expect(
      refusal(ReceiveOrder(draft: d, channel: .needOnly), on: Fixtures.small())?.field == "title")
    d = draft()
    d.department = EntityID("nowhere")
    #expect(
      refusal(ReceiveOrder(draft: d, channel: .needOnly), on: Fixtures.small())?.field
        == "department")
    d = draft()
    d.contactPerson = ""
    #expect(
      refusal(ReceiveOrder(draft: d, channel: .needOnly), on: Fixtures.small())?.field
        == "contactPerson")
  }

  @Test(
    "6 step 2: registering a mapped need needs the case number; a registered one is not registered again"
  )
  func registerRules() throws {
    let (m1, id) = try store(at: .needsMapped)
    #expect(refusal(RegisterOrder(order: id, caseNumber: ""), on: m1)?.field == "caseNumber")
    let (m2, id2) = try store(at: .ordered)
    #expect(
      refusal(RegisterOrder(order: id2, caseNumber: "KS 2"), on: m2)?.message.sv.contains(
        "redan registrerad") == true)
  }

  // MARK: - Step 3

  @Test("6 step 3: the first version creates a catalogue entry in development from the order")
  func firstVersionCreatesEntry() throws {
    let (m, id) = try store(at: .firstVersion)
    let o = try #require(m.orders[id: id])
    #expect(o.step == .firstVersion)
    let s = try #require(o.service.flatMap(m.service))
    #expect(s.name == o.title && s.department == dep && s.audience == .external)
    #expect(s.status == .inDevelopment)
    #expect(s.statusHistory.map(\.status) == [.inDevelopment])
    #expect(s.paperFormsReplaced == ["BOU 6"] && s.yearlyCaseVolume == 60)
  }

  @Test("6 step 3: an existing catalogue entry can be picked, and is set in development")
  func firstVersionExisting() throws {
    var (m, id) = try store(at: .ordered)
    let existing = EService(
      id: EntityID("svc-x"), name: "Skolskjuts", department: dep, status: .ordered)
    m.services.append(existing)
    try m.execute(
      BuildFirstVersion(order: id, entry: .existing(existing.id)), context: Fixtures.context())
    #expect(m.orders[id: id]?.service == existing.id)
    #expect(m.service(existing.id)?.status == .inDevelopment)
    #expect(m.service(existing.id)?.statusHistory.last?.status == .inDevelopment)
  }

  @Test("6 step 3: an entry already being built for another order is refused")
  func firstVersionTaken() throws {
    var (m, id) = try store(at: .firstVersion)
    let taken = try #require(m.orders[id: id]?.service)
    try m.execute(
      ReceiveOrder(
        id: EntityID("ord-2"), draft: draft("B"), channel: .orderService, caseNumber: "KS 7"),
      context: Fixtures.context())
    let v = refusal(BuildFirstVersion(order: EntityID("ord-2"), entry: .existing(taken)), on: m)
    #expect(v?.field == "service")
  }

  @Test("6 step 3: a need not yet ordered cannot be built; it must be registered first")
  func firstVersionTooEarly() throws {
    let (m, id) = try store(at: .needsMapped)
    #expect(
      refusal(BuildFirstVersion(order: id), on: m)?.message.sv.contains("inte registrerad") == true)
    #expect(m.services.isEmpty)
  }

  // MARK: - Step 4

  @Test("6 step 4: the first version goes to review, and the entry is in review")
  func startReview() throws {
    var (m, id) = try store(at: .firstVersion)
    try m.execute(StartReview(order: id), context: Fixtures.context())
    #expect(m.orders[id: id]?.step == .review)
    #expect(m.orders[id: id]?.service.flatMap(m.service)?.status == .inReview)
  }

  @Test("6 step 4: review is reached only from step 3")
  func startReviewWrongStep() throws {
    let (m, id) = try store(at: .ordered)
    #expect(
      refusal(StartReview(order: id), on: m)?.message.sv.contains("nås bara från steg 3") == true)
  }

  @Test("6 step 4: the meeting is booked with a place once a first version exists")
  func bookMeeting() throws {
    let (m1, id1) = try store(at: .ordered)
    #expect(refusal(BookReviewMeeting(order: id1, at: Fixtures.now, place: "Teams"), on: m1) != nil)
    var (m, id) = try store(at: .firstVersion)
    #expect(
      refusal(BookReviewMeeting(order: id, at: Fixtures.now, place: " "), on: m)?.field == "place")
    try m.execute(
      BookReviewMeeting(order: id, at: Fixtures.now, place: "Rum Torne"),
      context: Fixtures.context())
    #expect(m.orders[id: id]?.meeting == ReviewMeeting(at: Fixtures.now, place: "Rum Torne"))
  }

  @Test("6 step 4: an order cannot be published without a review meeting")
  func publishNeedsMeeting() throws {
    var (m, id) = try store(at: .firstVersion)
    try m.execute(StartReview(order: id), context: Fixtures.context())
    let v = refusal(PublishOrder(order: id), on: m)
    #expect(v?.message.sv.contains("Inget granskningsmöte") == true)
    #expect(v?.message.sv.contains("Helena Niemi") == true)
  }

  @Test("6 step 4: not before the meeting has been held")
  func publishNeedsHeldMeeting() throws {
    var (m, id) = try store(at: .review)
    try m.execute(
      BookReviewMeeting(order: id, at: Fixtures.now.addingTimeInterval(day), place: "Teams"),
      context: Fixtures.context())
    #expect(
      refusal(PublishOrder(order: id), on: m)?.message.sv.contains("har inte hållits") == true)
    #expect(
      refusal(RecordAgreement(order: id), on: m)?.message.sv.contains("har inte hållits") == true)
  }

  @Test("6 step 4: comments are noted only once the meeting is booked")
  func commentsNeedMeeting() throws {
    var (m, id) = try store(at: .firstVersion)
    try m.execute(StartReview(order: id), context: Fixtures.context())
    #expect(
      refusal(AddReviewComment(order: id, text: "Fler frågor"), on: m)?.message.sv.contains(
        "Boka mötet") == true)
  }

  // MARK: - Step 5

  @Test(
    "6 step 5: with no comments, publishing needs the contact person's agreement and sets the entry published"
  )
  func publishWithoutComments() throws {
    var (m, id) = try store(at: .review)
    #expect(refusal(PublishOrder(order: id), on: m)?.message.sv.contains("inte godkänt") == true)
    try m.execute(RecordAgreement(order: id), context: Fixtures.context())
    #expect(m.orders[id: id]?.agreement == Agreement(by: "Helena Niemi", at: Fixtures.now))
    try m.execute(PublishOrder(order: id), context: Fixtures.context())
    let o = try #require(m.orders[id: id])
    #expect(o.step == .published)
    let s = try #require(o.service.flatMap(m.service))
    #expect(s.status == .published)
    #expect(
      s.statusHistory.last
        == StatusChange(
          status: .published, at: Fixtures.now, by: Fixtures.coordinator.login,
          source: .orderStep5))
  }

  @Test(
    "6 step 5: every comment must be adjusted or declined, with a note, before agreement and publishing"
  )
  func commentsMustBeHandled() throws {
    var (m, id) = try store(at: .review, comments: ["Lägg till ledsagare", "Ta bort personnummer"])
    #expect(refusal(PublishOrder(order: id), on: m)?.message.sv.contains("2 synpunkter") == true)
    #expect(refusal(RecordAgreement(order: id), on: m)?.message.sv.contains("2 synpunkter") == true)
    let comments = try #require(m.orders[id: id]?.comments)
    #expect(
      refusal(
        ResolveReviewComment(order: id, comment: comments[1].id, resolution: .declined, note: ""),
        on: m)?.field == "note")
    try m.execute(
      ResolveReviewComment(
        order: id, comment: comments[0].id, resolution: .adjusted, note: "Fråga tillagd"),
      context: Fixtures.context())
    #expect(refusal(PublishOrder(order: id), on: m)?.message.sv.contains("En synpunkt") == true)
    try m.execute(
      ResolveReviewComment(
        order: id, comment: comments[1].id, resolution: .declined, note: "Krävs enligt lag"),
      context: Fixtures.context())
    try m.execute(RecordAgreement(order: id), context: Fixtures.context())
    try m.execute(PublishOrder(order: id), context: Fixtures.context())
    #expect(m.orders[id: id]?.step == .published)
    #expect(m.orders[id: id]?.comments.map(\.resolution) == [.adjusted, .declined])
  }

  @Test("6 step 5: a new comment after agreement takes the agreement back")
  func newCommentClearsAgreement() throws {
    var (m, id) = try store(at: .review)
    try m.execute(RecordAgreement(order: id), context: Fixtures.context())
    try m.execute(AddReviewComment(order: id, text: "En sak till"), context: Fixtures.context())
    #expect(m.orders[id: id]?.agreement == nil)
  }

  @Test("6: a published order is done: no step, hold or cancel any more")
  func publishedIsFinal() throws {
    var (m, id) = try store(at: .review)
    try m.execute(RecordAgreement(order: id), context: Fixtures.context())
    try m.execute(PublishOrder(order: id), context: Fixtures.context())
    #expect(
      refusal(PublishOrder(order: id), on: m)?.message.sv.contains("redan publicerad") == true)
    #expect(refusal(HoldOrder(order: id, kind: .onHold, reason: "x"), on: m) != nil)
    #expect(refusal(HoldOrder(order: id, kind: .cancelled, reason: "x"), on: m) != nil)
    #expect(refusal(AddReviewComment(order: id, text: "x"), on: m) != nil)
  }

  @Test("6: steps cannot be skipped — each move is refused from every other step")
  func noSkipping() throws {
    for step in OrderStep.allCases {
      let (m, id) = try store(at: step)
      let moves: [(OrderStep, any Command)] = [
        (.ordered, RegisterOrder(order: id, caseNumber: "KS 99")),
        (.firstVersion, BuildFirstVersion(order: id)),
        (.review, StartReview(order: id)),
        (.published, PublishOrder(order: id)),
      ]
      for (target, command) in moves {
        let refused = refusal(command, on: m)
        let allowedStep = target.rawValue - 1 == step.rawValue
        if !allowedStep { #expect(refused != nil, "\(command) from step \(step.rawValue)") }
        if allowedStep && target != .published {
          #expect(refused == nil, "\(command) from step \(step.rawValue)")
        }
      }
      #expect(
        OrderPipeline.advance(from: step)?.target?.rawValue
          == (step == .published ? nil : step.rawValue + 1))
    }
  }

  // MARK: - Hold, cancel, resume

  @Test("6: an order on hold keeps its step, refuses moves with the reason, and resumes")
  func holdAndResume() throws {
    var (m, id) = try store(at: .ordered)
    #expect(refusal(HoldOrder(order: id, kind: .onHold, reason: " "), on: m)?.field == "reason")
    #expect(refusal(ResumeOrder(order: id), on: m)?.message.sv.contains("varken pausad") == true)
    try m.execute(
      HoldOrder(order: id, kind: .onHold, reason: "Väntar på beslut."), context: Fixtures.context())
    let v = refusal(BuildFirstVersion(order: id), on: m)
    #expect(v?.message.sv.contains("pausad sedan 2026-11-27: Väntar på beslut.") == true)
    #expect(
      refusal(HoldOrder(order: id, kind: .onHold, reason: "igen"), on: m)?.message.sv.contains(
        "redan pausad") == true)
    try m.execute(ResumeOrder(order: id), context: Fixtures.context())
    #expect(m.orders[id: id]?.hold == nil)
    #expect(m.orders[id: id]?.step == .ordered)
    try m.execute(BuildFirstVersion(order: id), context: Fixtures.context())
  }

  @Test("6: a cancelled order refuses everything but resume, also from hold")
  func cancelAndResume() throws {
    var (m, id) = try store(at: .firstVersion)
    try m.execute(HoldOrder(order: id, kind: .onHold, reason: "Vänta"), context: Fixtures.context())
    try m.execute(
      HoldOrder(order: id, kind: .cancelled, reason: "Behovet försvann."),
      context: Fixtures.context())
    #expect(
      refusal(StartReview(order: id), on: m)?.message.sv.contains("avbruten: Behovet försvann.")
        == true)
    #expect(refusal(HoldOrder(order: id, kind: .onHold, reason: "x"), on: m) != nil)
    #expect(refusal(HoldOrder(order: id, kind: .cancelled, reason: "x"), on: m) != nil)
    try m.execute(ResumeOrder(order: id), context: Fixtures.context())
    try m.execute(StartReview(order: id), context: Fixtures.context())
  }

  // MARK: - Derived facts

  @Test("6: days in step, lead time and the step limit flag")
  func daysAndFlag() throws {
    var (m, id) = try store(at: .ordered)
    var o = try #require(m.orders[id: id])
    #expect(o.daysInStep(at: Fixtures.now) == 40)
    #expect(o.leadTimeDays(at: Fixtures.now) == 40)
    #expect(o.isOverdue(at: Fixtures.now, limitDays: 30))
    #expect(!o.isOverdue(at: Fixtures.now, limitDays: 40))
    #expect(
      Findings.all(in: m, at: Fixtures.now).contains { $0.section == "6" && $0.subject == o.title })
    try m.execute(HoldOrder(order: id, kind: .onHold, reason: "Vänta"), context: Fixtures.context())
    o = try #require(m.orders[id: id])
    #expect(
      !o.isOverdue(at: Fixtures.now, limitDays: 30),
      "an order on hold is waiting for a stated reason")
  }

  @Test("3: orders rank citizens' needs first, then expected effect, then case volume")
  func ranking() {
    func order(_ a: Audience, _ effect: Int, _ volume: Int?) -> ServiceOrder {
      ServiceOrder(
        title: "\(a)\(effect)\(volume ?? 0)", department: dep, contactPerson: "x", audience: a,
        need: Need(effectScore: effect, yearlyCaseVolume: volume), created: Fixtures.now)
    }
    let orders = [
      order(.internal, 3, 900), order(.external, 2, 50), order(.external, 3, 10),
      order(.external, 3, 400),
    ]
    let ranked = orders.sorted { $0.priorityRank.lexicographicallyPrecedes($1.priorityRank) }
    #expect(ranked.map(\.title) == ["external3400", "external310", "external250", "internal3900"])
    // Only orders still in the pipeline are ranked: a published or cancelled one is done.
    var m = Fixtures.small()
    m.orders = orders
    m.orders[3].step = .published
    m.orders[1].hold = OrderHold(
      kind: .cancelled, reason: "Ingen budget", since: Fixtures.now, by: "x")
    m.orders[0].hold = OrderHold(kind: .onHold, reason: "Vänta", since: Fixtures.now, by: "x")
    let rank = m.orderRanks
    #expect(rank[m.orders[3].id] == nil)
    #expect(rank[m.orders[1].id] == nil)
    #expect(rank[m.orders[2].id] == 1)
    #expect(rank[m.orders[0].id] == 2, "an order on hold is still open, so ranked")
  }
}

extension OrdersRulesTests {
  @Test(
    "6 step 5 and 4: a service published through an order counts its review meeting as its first review"
  )
  func publishingSetsFirstReview() throws {
    var m = try Fixtures.demo
    guard let order = m.orders.first(where: { $0.step == .review && $0.meeting != nil }) else {
      Issue.record("the demo has no order in review with a meeting")
      return
    }
    for comment in order.comments where comment.resolution == .open {
      try m.execute(
        ResolveReviewComment(
          order: order.id, comment: comment.id, resolution: .adjusted, note: "Ändrat"),
        context: Fixtures.context())
    }
    if let service = order.service, let i = m.services.index(of: service) {
      m.services[i].lastReviewed = nil
    }
    try m.execute(RecordAgreement(order: order.id), context: Fixtures.context())
    try m.execute(PublishOrder(order: order.id), context: Fixtures.context())
    let service = try #require(m.orders[id: order.id]?.service.flatMap(m.service))
    #expect(service.lastReviewed == Day(order.meeting!.at))
  }
}

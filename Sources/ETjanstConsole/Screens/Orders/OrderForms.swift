import ETjanstDomain
import Foundation

/// The forms of the orders screen. Each builds one order command; the rules are
/// the pipeline's, so a form never decides on its own what is allowed.
enum OrderForms {
  /// Runs `then` when the pipeline allows `transition`, else says why in a dialog.
  static func checked(
    _ transition: OrderTransition, _ o: ServiceOrder, _ state: inout AppState,
    then: (inout AppState) -> [Effect]
  ) -> [Effect] {
    if let refusal = OrderPipeline.refusal(transition, for: o, in: state.data, at: state.now) {
      state.overlays.append(
        MessageOverlay(title: OrdersTexts.refusedAdvanceTitle, text: refusal.message))
      return []
    }
    return then(&state)
  }

  /// The one key that moves an order on: a form where the step needs data
  /// (the case number, the catalogue entry), else the command itself.
  static func advance(_ o: ServiceOrder, _ state: inout AppState) -> [Effect] {
    guard let transition = OrderPipeline.advance(from: o.step) else {
      return checked(.publish, o, &state) { _ in [] }
    }
    if let refusal = OrderPipeline.refusal(transition, for: o, in: state.data, at: state.now),
      refusal.field == nil
    {
      state.overlays.append(
        MessageOverlay(title: OrdersTexts.refusedAdvanceTitle, text: refusal.message))
      return []
    }
    switch o.step {
    case .needsMapped: state.overlays.append(register(o))
    case .ordered: state.overlays.append(firstVersion(o, state))
    case .firstVersion: return [.perform(StartReview(order: o.id))]
    case .review: return [.perform(PublishOrder(order: o.id))]
    case .published: break
    }
    return []
  }

  static func newOrder(_ state: AppState) -> FormOverlay {
    let departments = state.data.departments.sortedSwedish { $0.name }
    let channels = OrderChannel.allCases.map { (value: $0.rawValue, label: $0.label) }
    let audiences = Audience.allCases.map { (value: $0.rawValue, label: OrdersTexts.audience($0)) }
    let effects = [
      ("1", OrdersTexts.effectLow), ("2", OrdersTexts.effectMid), ("3", OrdersTexts.effectHigh),
    ].map {
      (value: $0.0, label: $0.1)
    }
    return FormOverlay(
      title: OrdersTexts.newOrderTitle,
      fields: [
        FormField("title", OrdersTexts.fTitle, required: true),
        FormField(
          "department", OrdersTexts.fDepartment,
          .choice(
            departments.map { (value: $0.id.rawValue, label: LocalizedText(verbatim: $0.name)) }),
          value: departments.first?.id.rawValue ?? "", required: true),
        FormField("contactPerson", OrdersTexts.fContact, required: true),
        FormField("contactEmail", OrdersTexts.fEmail),
        FormField(
          "audience", OrdersTexts.fAudience, .choice(audiences), value: Audience.external.rawValue),
        FormField(
          "channel", OrdersTexts.fChannel, .choice(channels),
          value: OrderChannel.orderService.rawValue),
        FormField("caseNumber", OrdersTexts.fCaseNumber),
        FormField("beneficiaries", OrdersTexts.fBeneficiaries),
        FormField("expectedEffect", OrdersTexts.fEffect),
        FormField("effectScore", OrdersTexts.fEffectScore, .choice(effects), value: "2"),
        FormField.number("yearlyCaseVolume", OrdersTexts.fVolume, nil),
        FormField("paperForms", OrdersTexts.fPaperForms),
      ]
    ) { values, _ in
      let draft = OrderDraft(
        title: values.text("title"), department: EntityID(values.text("department")),
        contactPerson: values.text("contactPerson"), contactEmail: values.text("contactEmail"),
        audience: Audience(rawValue: values.text("audience")) ?? .external,
        need: Need(
          beneficiaries: values.text("beneficiaries"),
          expectedEffect: values.text("expectedEffect"),
          effectScore: Int(values.text("effectScore")) ?? 2,
          yearlyCaseVolume: try values.int("yearlyCaseVolume"),
          paperFormsReplaced: values.text("paperForms").split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces)
          }))
      return ReceiveOrder(
        draft: draft, channel: OrderChannel(rawValue: values.text("channel")) ?? .orderService,
        caseNumber: values.text("caseNumber"))
    }
  }

  static func register(_ o: ServiceOrder) -> FormOverlay {
    FormOverlay(
      title: OrdersTexts.registerTitle,
      fields: [FormField("caseNumber", OrdersTexts.fCaseNumber, required: true)]
    ) {
      values, _ in RegisterOrder(order: o.id, caseNumber: values.text("caseNumber"))
    }
  }

  static func firstVersion(_ o: ServiceOrder, _ state: AppState) -> FormOverlay {
    let existing = state.data.services.filter { $0.department == o.department }.sortedSwedish {
      $0.name
    }
    let options =
      [(value: "", label: OrdersTexts.newEntry(o.title))]
      + existing.map { s in
        (
          value: s.id.rawValue,
          label: LocalizedText(verbatim: "\(s.name) (\(OrdersTexts.serviceStatus(s.status).sv))")
        )
      }
    return FormOverlay(
      title: OrdersTexts.firstVersionTitle,
      fields: [FormField("service", OrdersTexts.fEntry, .choice(options), value: "")]
    ) { values, _ in
      let id = values.text("service")
      return BuildFirstVersion(order: o.id, entry: id.isEmpty ? .new() : .existing(EntityID(id)))
    }
  }

  static func meeting(_ o: ServiceOrder, _ state: AppState) -> FormOverlay {
    FormOverlay(
      title: OrdersTexts.meetingTitle,
      fields: [
        FormField(
          "at", OrdersTexts.fMeetingAt, .dateTime,
          value: o.meeting.map { Format.dateTime($0.at) } ?? "", required: true),
        FormField("place", OrdersTexts.fPlace, value: o.meeting?.place ?? "", required: true),
      ]
    ) { values, _ in
      guard let at = try values.dateTime("at") else {
        throw RuleViolation.required("at", OrdersTexts.fMeetingAt)
      }
      return BookReviewMeeting(order: o.id, at: at, place: values.text("place"))
    }
  }

  static func comment(_ o: ServiceOrder) -> FormOverlay {
    FormOverlay(
      title: OrdersTexts.commentTitle,
      fields: [FormField("text", OrdersTexts.fComment, required: true)]
    ) {
      values, _ in AddReviewComment(order: o.id, text: values.text("text"))
    }
  }

  static func resolve(_ o: ServiceOrder, _ c: ReviewComment) -> FormOverlay {
    let options = [CommentResolution.adjusted, .declined, .open].map {
      (value: $0.rawValue, label: OrdersTexts.resolution($0))
    }
    let current = c.resolution == .open ? CommentResolution.adjusted : c.resolution
    return FormOverlay(
      title: OrdersTexts.resolveTitle,
      fields: [
        FormField("resolution", OrdersTexts.fResolution, .choice(options), value: current.rawValue),
        FormField("note", OrdersTexts.fNote, value: c.note, required: true),
      ]
    ) { values, _ in
      ResolveReviewComment(
        order: o.id, comment: c.id,
        resolution: CommentResolution(rawValue: values.text("resolution")) ?? .adjusted,
        note: values.text("note"))
    }
  }

  static func agreement(_ o: ServiceOrder) -> FormOverlay {
    FormOverlay(
      title: OrdersTexts.agreementTitle,
      fields: [FormField("by", OrdersTexts.fAgreedBy, value: o.contactPerson, required: true)]
    ) {
      values, _ in RecordAgreement(order: o.id, by: values.text("by"))
    }
  }

  static func hold(_ o: ServiceOrder, _ kind: HoldKind, _ state: inout AppState) -> [Effect] {
    checked(kind == .onHold ? .hold : .cancel, o, &state) { state in
      state.overlays.append(
        FormOverlay(
          title: kind == .onHold ? OrdersTexts.holdTitle : OrdersTexts.cancelTitle,
          fields: [FormField("reason", OrdersTexts.fReason, required: true)]
        ) { values, _ in HoldOrder(order: o.id, kind: kind, reason: values.text("reason")) })
      return []
    }
  }
}

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
    let title = FormInput.text("title", OrdersTexts.fTitle, required: true)
    let department = FormInput.choice(
      "department", OrdersTexts.fDepartment,
      departments.map { ($0.id, LocalizedText(verbatim: $0.name)) }, required: true)
    let contactPerson = FormInput.text("contactPerson", OrdersTexts.fContact, required: true)
    let contactEmail = FormInput.text("contactEmail", OrdersTexts.fEmail)
    let audience = FormInput.choice(
      "audience", OrdersTexts.fAudience, Audience.allCases.map { ($0, OrdersTexts.audience($0)) })
    let channel = FormInput.choice(
      "channel", OrdersTexts.fChannel, OrderChannel.allCases.map { ($0, $0.label) })
    let caseNumber = FormInput.text("caseNumber", OrdersTexts.fCaseNumber)
    let beneficiaries = FormInput.text("beneficiaries", OrdersTexts.fBeneficiaries)
    let expectedEffect = FormInput.text("expectedEffect", OrdersTexts.fEffect)
    let effectScore = FormInput.choice(
      "effectScore", OrdersTexts.fEffectScore,
      [(1, OrdersTexts.effectLow), (2, OrdersTexts.effectMid), (3, OrdersTexts.effectHigh)])
    let volume = FormInput<Int?>.number("yearlyCaseVolume", OrdersTexts.fVolume)
    let paperForms = FormInput.text("paperForms", OrdersTexts.fPaperForms)
    return FormOverlay(
      title: OrdersTexts.newOrderTitle,
      fields: [
        // No department is preselected: the first one is no one's choice.
        title.field(""), department.field(EntityID("")),
        contactPerson.field(""), contactEmail.field(""), audience.field(.external),
        channel.field(.orderService), caseNumber.field(""), beneficiaries.field(""),
        expectedEffect.field(""), effectScore.field(2), volume.field(nil), paperForms.field(""),
      ]
    ) { values, _ in
      let draft = OrderDraft(
        title: try values[title], department: try values[department],
        contactPerson: try values[contactPerson], contactEmail: try values[contactEmail],
        audience: try values[audience],
        need: Need(
          beneficiaries: try values[beneficiaries], expectedEffect: try values[expectedEffect],
          effectScore: try values[effectScore], yearlyCaseVolume: try values[volume],
          paperFormsReplaced: try values[paperForms].split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces)
          }))
      return ReceiveOrder(
        draft: draft, channel: try values[channel], caseNumber: try values[caseNumber])
    }
  }

  static func register(_ o: ServiceOrder) -> FormOverlay {
    let caseNumber = FormInput.text("caseNumber", OrdersTexts.fCaseNumber, required: true)
    return FormOverlay(title: OrdersTexts.registerTitle, fields: [caseNumber.field("")]) {
      values, _ in RegisterOrder(order: o.id, caseNumber: try values[caseNumber])
    }
  }

  static func firstVersion(_ o: ServiceOrder, _ state: AppState) -> FormOverlay {
    let existing = state.data.services.filter { $0.department == o.department }.sortedSwedish {
      $0.name
    }
    let options: [(EntityID<EService>?, LocalizedText)] =
      [(nil, OrdersTexts.newEntry(o.title))]
      + existing.map { s in
        let status = OrdersTexts.serviceStatus(s.status)
        return (s.id, LocalizedText(sv: "\(s.name) (\(status.sv))", en: "\(s.name) (\(status.en))"))
      }
    let entry = FormInput.choice("service", OrdersTexts.fEntry, options)
    return FormOverlay(title: OrdersTexts.firstVersionTitle, fields: [entry.field(nil)]) {
      values, _ in
      let id = try values[entry]
      return BuildFirstVersion(order: o.id, entry: id.map { .existing($0) } ?? .new())
    }
  }

  /// Books the review meeting, or moves it: then only what the user changed is set
  /// on the newest booking.
  static func meeting(_ o: ServiceOrder, _ state: AppState) -> FormOverlay {
    typealias M = ReviewMeeting.Fields
    let id = o.id
    guard let booked = o.meeting else {
      let at = FormInput<Date>.dateTime(M.at.name, OrdersTexts.fMeetingAt)
      let place = FormInput.text(M.place.name, OrdersTexts.fPlace, required: true)
      let empty = FormInput<Date?>.dateTime(M.at.name, OrdersTexts.fMeetingAt)
      var when = empty.field(nil)
      when.required = true
      return FormOverlay(title: OrdersTexts.meetingTitle, fields: [when, place.field("")]) {
        values, _ in
        BookReviewMeeting(order: id, at: try values[at], place: try values[place])
      }
    }
    var form = EntityForm(booked)
    form.add(M.at) { .dateTime($0, OrdersTexts.fMeetingAt) }
    form.add(M.place) { .text($0, OrdersTexts.fPlace, required: true) }
    return FormOverlay(title: OrdersTexts.meetingTitle, fields: form.fields) { values, _ in
      let patch = try form.patch(values)
      if patch.isEmpty { return nil }
      return EditFields(patch, base: booked, newest: { $0.orders[id: id]?.meeting }) {
        BookReviewMeeting(order: id, at: $0.at, place: $0.place)
      }
    }
  }

  static func comment(_ o: ServiceOrder) -> FormOverlay {
    let text = FormInput.text("text", OrdersTexts.fComment, required: true)
    return FormOverlay(title: OrdersTexts.commentTitle, fields: [text.field("")]) { values, _ in
      AddReviewComment(order: o.id, text: try values[text])
    }
  }

  /// Resolves a review comment: the resolution and note the user set go onto the
  /// newest version of the comment.
  static func resolve(_ o: ServiceOrder, _ c: ReviewComment) -> FormOverlay {
    typealias C = ReviewComment.Fields
    let options = [CommentResolution.adjusted, .declined, .open].map {
      ($0, OrdersTexts.resolution($0))
    }
    var form = EntityForm(c)
    form.add(C.resolution, shown: c.resolution == .open ? .adjusted : c.resolution) {
      .choice($0, OrdersTexts.fResolution, options)
    }
    form.add(C.note) { .text($0, OrdersTexts.fNote, required: true) }
    let order = o.id
    let comment = c.id
    return FormOverlay(title: OrdersTexts.resolveTitle, fields: form.fields) { values, _ in
      let patch = try form.patch(values)
      if patch.isEmpty { return nil }
      return EditFields(patch, base: c, newest: { $0.orders[id: order]?.comments[id: comment] }) {
        ResolveReviewComment(
          order: order, comment: comment, resolution: $0.resolution, note: $0.note)
      }
    }
  }

  static func agreement(_ o: ServiceOrder) -> FormOverlay {
    let by = FormInput.text("by", OrdersTexts.fAgreedBy, required: true)
    return FormOverlay(title: OrdersTexts.agreementTitle, fields: [by.field(o.contactPerson)]) {
      values, _ in RecordAgreement(order: o.id, by: try values[by])
    }
  }

  static func hold(_ o: ServiceOrder, _ kind: HoldKind, _ state: inout AppState) -> [Effect] {
    checked(kind == .onHold ? .hold : .cancel, o, &state) { state in
      let reason = FormInput.text("reason", OrdersTexts.fReason, required: true)
      state.overlays.append(
        FormOverlay(
          title: kind == .onHold ? OrdersTexts.holdTitle : OrdersTexts.cancelTitle,
          fields: [reason.field("")]
        ) { values, _ in HoldOrder(order: o.id, kind: kind, reason: try values[reason]) })
      return []
    }
  }
}

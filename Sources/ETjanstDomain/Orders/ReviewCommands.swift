import Foundation

/// Step 4: a review meeting with the order's contact person (booked or moved).
public struct BookReviewMeeting: Command {
  public var order: EntityID<ServiceOrder>
  public var at: Date
  public var place: String

  public init(order: EntityID<ServiceOrder>, at: Date, place: String) {
    self.order = order
    self.at = at
    self.place = TextCleaning.line(place).trimmingCharacters(in: .whitespaces)
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Granskningsmöte bokat \(OrderRefusals.stamp(at)), \(place)",
      en: "Review meeting booked \(OrderRefusals.stamp(at)), \(place)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if place.isEmpty {
      throw RuleViolation.required(
        "place", LocalizedText(sv: "Plats eller länk", en: "Place or link"))
    }
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.bookMeeting, for: o, in: m, at: context.now)
      o.meeting = ReviewMeeting(at: at, place: place)
    }
  }
}

/// Step 4–5: a comment the department made at the review meeting.
public struct AddReviewComment: Command {
  public var order: EntityID<ServiceOrder>
  public var id: EntityID<ReviewComment>
  public var text: String

  public init(order: EntityID<ServiceOrder>, id: EntityID<ReviewComment> = .make(), text: String) {
    self.order = order
    self.id = id
    self.text = TextCleaning.multiline(text).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Synpunkt noterad", en: "Comment noted")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if text.isEmpty {
      throw RuleViolation.required("text", LocalizedText(sv: "Synpunkt", en: "Comment"))
    }
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.addComment, for: o, in: m, at: context.now)
      o.comments.append(ReviewComment(id: id, text: text))
      // A new comment changes what the contact person agreed to.
      o.agreement = nil
    }
  }
}

/// Step 5: a comment handled — the e-service adjusted, or the comment declined —
/// always with a note saying what was done or why not.
public struct ResolveReviewComment: Command {
  public var order: EntityID<ServiceOrder>
  public var comment: EntityID<ReviewComment>
  public var resolution: CommentResolution
  public var note: String

  public init(
    order: EntityID<ServiceOrder>, comment: EntityID<ReviewComment>, resolution: CommentResolution,
    note: String
  ) {
    self.order = order
    self.comment = comment
    self.resolution = resolution
    self.note = TextCleaning.multiline(note).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public var summary: LocalizedText {
    switch resolution {
    case .adjusted: return LocalizedText(sv: "Synpunkt justerad", en: "Comment adjusted")
    case .declined: return LocalizedText(sv: "Synpunkt avböjd", en: "Comment declined")
    case .open: return LocalizedText(sv: "Synpunkt öppnad igen", en: "Comment reopened")
    }
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if resolution != .open && note.isEmpty {
      throw RuleViolation(
        section: "6", field: "note",
        resolution == .declined
          ? LocalizedText(
            sv: "Skriv varför synpunkten avböjs, så att förvaltningen får veta.",
            en: "Write why the comment is declined, so the department knows.")
          : LocalizedText(
            sv: "Skriv vad som justerades i e-tjänsten.",
            en: "Write what was adjusted in the e-service."))
    }
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.resolveComment, for: o, in: m, at: context.now)
      guard let i = o.comments.index(of: comment) else {
        throw RuleViolation.notFound(LocalizedText(sv: "Synpunkten", en: "The comment"))
      }
      o.comments[i].resolution = resolution
      o.comments[i].note = resolution == .open ? "" : note
      if resolution == .open { o.agreement = nil }
    }
  }
}

/// Step 5: the contact person agrees that the e-service may be published.
public struct RecordAgreement: Command {
  public var order: EntityID<ServiceOrder>
  /// Who agreed; the order's contact person when empty.
  public var by: String

  public init(order: EntityID<ServiceOrder>, by: String = "") {
    self.order = order
    self.by = TextCleaning.line(by).trimmingCharacters(in: .whitespaces)
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Kontaktpersonens godkännande registrerat", en: "Contact person's agreement recorded")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.recordAgreement, for: o, in: m, at: context.now)
      o.agreement = Agreement(by: by.isEmpty ? o.contactPerson : by, at: context.now)
    }
  }
}

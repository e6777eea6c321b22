import ETjanstDomain

/// Every text of the orders screen (Beställningar), Swedish and English side by side.
enum OrdersTexts {
  typealias T = LocalizedText

  static func stepShort(_ step: OrderStep) -> T {
    switch step {
    case .needsMapped: return T(sv: "Behov", en: "Need")
    case .ordered: return T(sv: "Beställd", en: "Ordered")
    case .firstVersion: return T(sv: "Bygge", en: "Building")
    case .review: return T(sv: "Granskning", en: "Review")
    case .published: return T(sv: "Publicerad", en: "Published")
    }
  }

  static func stepLong(_ step: OrderStep) -> T {
    switch step {
    case .needsMapped: return T(sv: "behovet kartläggs", en: "need being mapped")
    case .ordered:
      return T(sv: "beställd, väntar på första version", en: "ordered, waiting for a first version")
    case .firstVersion: return T(sv: "första versionen byggs", en: "first version being built")
    case .review: return T(sv: "granskning med förvaltningen", en: "review with the department")
    case .published: return T(sv: "publicerad", en: "published")
    }
  }

  static func audience(_ a: Audience) -> T {
    a == .external ? T(sv: "extern", en: "external") : T(sv: "intern", en: "internal")
  }

  static func serviceStatus(_ s: ServiceStatus) -> T {
    switch s {
    case .ordered: return T(sv: "beställd", en: "ordered")
    case .inDevelopment: return T(sv: "under utveckling", en: "in development")
    case .inReview: return T(sv: "granskas", en: "in review")
    case .published: return T(sv: "publicerad", en: "published")
    case .revisionNeeded: return T(sv: "behöver revideras", en: "revision needed")
    case .unpublished: return T(sv: "avpublicerad", en: "unpublished")
    }
  }

  static func resolution(_ r: CommentResolution) -> T { r.label }

  // MARK: - Marks (clear without colour)
  static let overdueWord = T(sv: "FÖRSENAD", en: "OVERDUE")
  static let onHoldWord = T(sv: "PAUSAD", en: "ON HOLD")
  static let cancelledWord = T(sv: "AVBRUTEN", en: "CANCELLED")
  static func legend(limit: Int) -> T {
    T(
      sv: "! >\(limit) d i steget ‖ pausad × avbruten",
      en: "! >\(limit) d in step ‖ on hold × cancelled")
  }
  static func overdueCount(_ n: Int) -> T {
    T(sv: n == 1 ? "1 försenad" : "\(n) försenade", en: "\(n) overdue")
  }

  // MARK: - Keys
  static let keyColumn = T(sv: "Kolumn", en: "Column")
  static let helpColumn = T(sv: "Byt steg-kolumn", en: "Change step column")
  static let keyCard = T(sv: "Kort", en: "Card")
  static let helpCard = T(
    sv: "Byt kort i kolumnen: nästa, föregående, först, sist",
    en: "Change card in the column: next, previous, first, last")
  static let keyOpen = T(sv: "Öppna", en: "Open")
  static let helpOpen = T(
    sv: "Öppna beställningen med alla uppgifter", en: "Open the order with all its details")
  static let keyAdvance = T(sv: "Nästa steg", en: "Next step")
  static let helpAdvance = T(
    sv: "För beställningen till nästa steg; reglerna säger varför när det inte går",
    en: "Move the order to the next step; the rules say why when it cannot")
  static let keyNew = T(sv: "Ny", en: "New")
  static let helpNew = T(
    sv: "Ta emot en ny beställning (en e-postbeställning avvisas och sparas)",
    en: "Receive a new order (an e-mail order is refused and kept)")
  static let keyView = T(sv: "Lista/tavla", en: "List/board")
  static let helpView = T(
    sv: "Växla mellan tavlan och listan (listan kan rangordnas enligt avsnitt 3)",
    en: "Switch between the board and the list (the list ranks by section 3)")
  static let keyHold = T(sv: "Pausa", en: "Hold")
  static let helpHold = T(
    sv: "Pausa beställningen, med skäl", en: "Put the order on hold, with a reason")
  static let keyCancel = T(sv: "Avbryt best.", en: "Cancel order")
  static let helpCancel = T(
    sv: "Avbryt beställningen, med skäl", en: "Cancel the order, with a reason")
  static let keyResume = T(sv: "Återuppta", en: "Resume")
  static let helpResume = T(
    sv: "Återuppta en pausad eller avbruten beställning", en: "Resume an order on hold or cancelled"
  )
  static let keyMeeting = T(sv: "Möte", en: "Meeting")
  static let helpMeeting = T(
    sv: "Boka granskningsmötet med kontaktpersonen (steg 4)",
    en: "Book the review meeting with the contact person (step 4)")
  static let keyComment = T(sv: "Synpunkt", en: "Comment")
  static let helpComment = T(
    sv: "Notera en synpunkt från mötet", en: "Note a comment from the meeting")
  static let keyHandle = T(sv: "Hantera", en: "Handle")
  static let helpHandle = T(
    sv: "Hantera den markerade synpunkten: justerad eller avböjd, med kommentar",
    en: "Handle the selected comment: adjusted or declined, with a note")
  static let keyAgreement = T(sv: "Godkänd", en: "Agreed")
  static let helpAgreement = T(
    sv: "Registrera kontaktpersonens godkännande av publiceringen",
    en: "Record the contact person's agreement to publish")
  static let keyBack = T(sv: "Tillbaka", en: "Back")
  static let helpBack = T(
    sv: "Tillbaka till tavlan eller listan", en: "Back to the board or the list")
  static let keyRefused = T(sv: "Avvisade", en: "Refused")
  static let helpRefused = T(
    sv: "Visa avvisade beställningar (e-post och annat)",
    en: "Show refused orders (e-mail and other ways)")

  // MARK: - Dialogs
  static let refusedAdvanceTitle = T(sv: "Kan inte gå vidare", en: "Cannot move on")
  static let refusedOrderTitle = T(sv: "Beställningen avvisas", en: "The order is refused")
  static let newOrderTitle = T(sv: "Ny beställning", en: "New order")
  static let registerTitle = T(
    sv: "Registrera beställningen (steg 2)", en: "Register the order (step 2)")
  static let firstVersionTitle = T(sv: "Första versionen (steg 3)", en: "First version (step 3)")
  static let meetingTitle = T(sv: "Granskningsmöte (steg 4)", en: "Review meeting (step 4)")
  static let commentTitle = T(sv: "Synpunkt från mötet", en: "Comment from the meeting")
  static let resolveTitle = T(sv: "Hantera synpunkten", en: "Handle the comment")
  static let agreementTitle = T(
    sv: "Kontaktpersonens godkännande", en: "Contact person's agreement")
  static let holdTitle = T(sv: "Pausa beställningen", en: "Put the order on hold")
  static let cancelTitle = T(sv: "Avbryt beställningen", en: "Cancel the order")
  static let refusedListTitle = T(sv: "Avvisade beställningar", en: "Refused orders")
  static let noRefused = T(sv: "Inga avvisade beställningar.", en: "No refused orders.")
  static let nothingSelected = T(sv: "Ingen beställning markerad.", en: "No order selected.")
  static let noComment = T(sv: "Ingen synpunkt markerad.", en: "No comment selected.")

  // MARK: - Fields
  static let fTitle = T(sv: "Titel", en: "Title")
  static let fDepartment = T(sv: "Förvaltning", en: "Department")
  static let fContact = T(sv: "Kontaktperson", en: "Contact person")
  static let fEmail = T(sv: "E-post kontakt", en: "Contact e-mail")
  static let fAudience = T(sv: "Målgrupp", en: "Audience")
  static let fChannel = T(sv: "Kom in via", en: "Came in by")
  static let fCaseNumber = T(sv: "Ärendenummer", en: "Case number")
  static let fBeneficiaries = T(sv: "Vem har nytta", en: "Who benefits")
  static let fEffect = T(sv: "Förväntad effekt", en: "Expected effect")
  static let fEffectScore = T(sv: "Effekt 1–3", en: "Effect 1–3")
  static let fVolume = T(sv: "Ärenden per år", en: "Cases a year")
  static let fPaperForms = T(sv: "Blanketter som ersätts", en: "Paper forms replaced")
  static let fEntry = T(sv: "Katalogpost", en: "Catalogue entry")
  static func newEntry(_ title: String) -> T { T(sv: "Ny: \(title)", en: "New: \(title)") }
  static let fMeetingAt = T(sv: "Tid (ÅÅÅÅ-MM-DD TT:MM)", en: "Time (YYYY-MM-DD HH:MM)")
  static let fPlace = T(sv: "Plats eller länk", en: "Place or link")
  static let fComment = T(sv: "Synpunkt", en: "Comment")
  static let fResolution = T(sv: "Hantering", en: "Handling")
  static let fNote = T(sv: "Kommentar", en: "Note")
  static let fAgreedBy = T(sv: "Godkänt av", en: "Agreed by")
  static let fReason = T(sv: "Skäl", en: "Reason")
  static let effectLow = T(sv: "1 liten", en: "1 small")
  static let effectMid = T(sv: "2 märkbar", en: "2 noticeable")
  static let effectHigh = T(sv: "3 stor", en: "3 large")

  // MARK: - Detail
  static func stepOf(_ step: OrderStep) -> T {
    T(
      sv: "Steg \(step.rawValue) av 5: \(stepLong(step).sv)",
      en: "Step \(step.rawValue) of 5: \(stepLong(step).en)")
  }
  static func daysLine(inStep: Int, lead: Int, published: Bool) -> T {
    published
      ? T(sv: "ledtid \(lead) d", en: "lead time \(lead) d")
      : T(
        sv: "\(inStep) d i steget · ledtid \(lead) d",
        en: "\(inStep) d in step · lead time \(lead) d")
  }
  static func overdue(limit: Int) -> T {
    T(sv: "FÖRSENAD (gräns \(limit) d)", en: "OVERDUE (limit \(limit) d)")
  }
  static let contact = T(sv: "Kontakt", en: "Contact")
  static let caseNumber = T(sv: "Ärende", en: "Case")
  static let notRegistered = T(sv: "ej registrerad", en: "not registered")
  static let service = T(sv: "E-tjänst", en: "E-service")
  static let need = T(sv: "Behov", en: "Need")
  static let benefits = T(sv: "Nytta för", en: "Benefits")
  static let effect = T(sv: "Effekt", en: "Effect")
  static func volume(_ n: Int?) -> T {
    n.map { T(sv: "\(Noun.case.count($0).sv)/år", en: "\(Noun.case.count($0).en)/year") }
      ?? T(sv: "ärenden/år okänt", en: "cases/year unknown")
  }
  static func replaces(_ forms: [String]) -> T {
    forms.isEmpty
      ? T(sv: "ersätter ingen blankett", en: "replaces no paper form")
      : T(
        sv: "ersätter: \(forms.joined(separator: ", "))",
        en: "replaces: \(forms.joined(separator: ", "))")
  }
  static let meeting = T(sv: "Möte", en: "Meeting")
  static let noMeeting = T(sv: "inget bokat", en: "none booked")
  static let agreement = T(sv: "Godkännande", en: "Agreement")
  static let noAgreement = T(sv: "saknas", en: "missing")
  static let comments = T(sv: "Synpunkter", en: "Comments")
  static let noComments = T(sv: "Inga synpunkter noterade.", en: "No comments noted.")
  static func commentsCount(_ total: Int, open: Int) -> T {
    T(sv: "\(total) st, \(open) ohanterade", en: "\(total), \(open) not handled")
  }
  static let next = T(sv: "Nästa", en: "Next")
  static let blocked = T(sv: "Hinder", en: "Blocked")
  /// The next step, led by the key that takes it (none in a read-only console).
  static func nextMove(_ step: OrderStep, key: String?) -> T {
    let move: T
    switch step {
    case .needsMapped:
      move = T(
        sv: "registrera med ärendenumret (steg 2)", en: "register with the case number (step 2)")
    case .ordered:
      move = T(sv: "bygg första versionen (steg 3)", en: "build the first version (step 3)")
    case .firstVersion:
      move = T(
        sv: "lämna första versionen till granskning (steg 4)",
        en: "hand the first version to review (step 4)")
    case .review: move = T(sv: "publicera (steg 5)", en: "publish (step 5)")
    case .published: return T(sv: "klar", en: "done")
    }
    guard let key else { return move }
    return T(sv: "\(key) – \(move.sv)", en: "\(key) – \(move.en)")
  }
  static func holdLine(_ hold: OrderHold) -> T {
    hold.kind == .onHold
      ? T(
        sv: "PAUSAD sedan \(Day(hold.since)): \(hold.reason)",
        en: "ON HOLD since \(Day(hold.since)): \(hold.reason)")
      : T(
        sv: "AVBRUTEN \(Day(hold.since)): \(hold.reason)",
        en: "CANCELLED \(Day(hold.since)): \(hold.reason)")
  }
  static func refusedLine(_ channel: String, _ by: String) -> T {
    T(
      sv: "via \(channel.lowercased()), avvisad av \(by)",
      en: "via \(channel.lowercased()), refused by \(by)")
  }
  static func orderWhere(_ address: String) -> T {
    T(sv: "Beställningar görs här: \(address)", en: "Orders are made here: \(address)")
  }

  // MARK: - List columns
  static let cRank = T(sv: "Prio", en: "Rank")
  static let cOrder = T(sv: "Beställning", en: "Order")
  static let cDepartment = T(sv: "Förvaltning", en: "Department")
  static let cStep = T(sv: "Steg", en: "Step")
  static let cDays = T(sv: "I steg", en: "In step")
  static let cLead = T(sv: "Ledtid", en: "Lead")
  static let cAudience = T(sv: "Målgrupp", en: "Audience")
  static let cVolume = T(sv: "Ärenden/år", en: "Cases/yr")
  static let cEffect = T(sv: "Effekt", en: "Effect")
  static let cFlag = T(sv: "Flagga", en: "Flag")
}

import Foundation

/// Why the pipeline refuses a transition, in words a department understands. Each
/// names the guideline's step ("6") and, where a form field is at fault, the field.
enum OrderRefusals {
  typealias T = LocalizedText

  static func stepName(_ step: OrderStep) -> T {
    switch step {
    case .needsMapped: return T(sv: "behovet kartläggs", en: "need being mapped")
    case .ordered: return T(sv: "beställd", en: "ordered")
    case .firstVersion: return T(sv: "första versionen byggs", en: "first version being built")
    case .review: return T(sv: "granskning med förvaltningen", en: "review with the department")
    case .published: return T(sv: "publicerad", en: "published")
    }
  }

  /// "2026-12-03 10:00" in Swedish local time: the domain knows no console formatter.
  static func stamp(_ date: Date) -> String {
    let c = Day.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
  }

  static func noCaseNumber(_ contacts: Contacts) -> RuleViolation {
    RuleViolation(
      section: "6", field: "caseNumber",
      T(
        sv: "En beställning registreras bara med ärendenumret från e-tjänsten "
          + "\"Beställning av e-tjänst\" (\(contacts.orderServiceAddress)).",
        en: "An order is registered only with the case number from the e-service "
          + "\"Beställning av e-tjänst\" (\(contacts.orderServiceAddress))."))
  }

  static func duplicateCaseNumber(_ number: String, _ other: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6", field: "caseNumber",
      T(
        sv: "Ärendenumret \(number) hör redan till beställningen \"\(other.title)\".",
        en: "The case number \(number) already belongs to the order \"\(other.title)\"."))
  }

  /// Step 2's rule for an order that came another way than the internal e-service.
  static func wrongChannel(_ channel: OrderChannel, contacts: Contacts) -> RuleViolation {
    let how =
      channel == .email
      ? T(sv: "via e-post", en: "by e-mail") : T(sv: "på annat sätt", en: "another way")
    return RuleViolation(
      section: "6", field: "channel",
      T(
        sv: "Beställningar som kommer \(how.sv) behandlas inte. Förvaltningen beställer genom "
          + "den interna e-tjänsten \"Beställning av e-tjänst\": \(contacts.orderServiceAddress)",
        en: "Orders that come \(how.en) are not handled. The department orders through the "
          + "internal e-service \"Beställning av e-tjänst\": \(contacts.orderServiceAddress)"))
  }

  static func alreadyRegistered(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Beställningen är redan registrerad med ärendenummer \(order.orderCaseNumber).",
        en: "The order is already registered with case number \(order.orderCaseNumber)."))
  }

  static func wrongStep(_ order: ServiceOrder, for target: OrderStep) -> RuleViolation {
    if order.step == .needsMapped {
      return RuleViolation(
        section: "6",
        T(
          sv: "Beställningen är inte registrerad än. Förvaltningen skickar först in den genom "
            + "\"Beställning av e-tjänst\", och den registreras med ärendenumret (steg 2).",
          en: "The order is not registered yet. The department first sends it through "
            + "\"Beställning av e-tjänst\", and it is registered with the case number (step 2)."))
    }
    let now = stepName(order.step)
    let wanted = stepName(target)
    return RuleViolation(
      section: "6",
      T(
        sv: "Beställningen är i steg \(order.step.rawValue) (\(now.sv)); steg \(target.rawValue) "
          + "(\(wanted.sv)) nås bara från steg \(target.rawValue - 1).",
        en: "The order is in step \(order.step.rawValue) (\(now.en)); step \(target.rawValue) "
          + "(\(wanted.en)) can only be reached from step \(target.rawValue - 1)."))
  }

  static func noCatalogueEntry(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv:
          "Beställningen är inte kopplad till någon e-tjänst i katalogen. Bygg första versionen först (steg 3).",
        en:
          "The order is not linked to any e-service in the catalogue. Build the first version first (step 3)."
      ))
  }

  static func meetingTooEarly(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Granskningsmötet bokas när första versionen av e-tjänsten finns (steg 3–4).",
        en: "The review meeting is booked once a first version of the e-service exists (steps 3–4)."
      ))
  }

  static func noMeeting(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv:
          "Inget granskningsmöte är bokat med kontaktpersonen \(order.contactPerson). Förvaltningen "
          + "ska få granska e-tjänsten på ett möte innan den publiceras (steg 4).",
        en:
          "No review meeting is booked with the contact person \(order.contactPerson). The department "
          + "must review the e-service at a meeting before it is published (step 4)."))
  }

  static func meetingNotHeld(_ meeting: ReviewMeeting) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Granskningsmötet är bokat till \(stamp(meeting.at)) och har inte hållits än.",
        en: "The review meeting is booked for \(stamp(meeting.at)) and has not taken place yet."))
  }

  static func commentsNeedMeeting(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv:
          "Synpunkter noteras från granskningsmötet (steg 4). Boka mötet med \(order.contactPerson) först.",
        en:
          "Comments are noted from the review meeting (step 4). Book the meeting with \(order.contactPerson) first."
      ))
  }

  static func openComments(_ count: Int) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: count == 1
          ? "En synpunkt från mötet är inte hanterad än: justera e-tjänsten eller avböj den med en kommentar."
          : "\(count) synpunkter från mötet är inte hanterade än: justera e-tjänsten eller avböj dem med en kommentar.",
        en: count == 1
          ? "One comment from the meeting is not handled yet: adjust the e-service or decline it with a note."
          : "\(count) comments from the meeting are not handled yet: adjust the e-service or decline them with a note."
      ))
  }

  static func noAgreement(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Kontaktpersonen \(order.contactPerson) har inte godkänt publiceringen än. "
          + "E-tjänsten publiceras i samråd med kontaktpersonen (steg 5).",
        en: "The contact person \(order.contactPerson) has not agreed to publication yet. "
          + "The e-service is published together with the contact person (step 5)."))
  }

  static func alreadyPublished(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "E-tjänsten är redan publicerad; beställningen är klar.",
        en: "The e-service is already published; the order is done."))
  }

  static func publishedIsDone(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv:
          "Beställningen är klar (e-tjänsten är publicerad). Fel och revideringsbehov anmäls på e-tjänsten i katalogen.",
        en:
          "The order is done (the e-service is published). Errors and revision needs are reported on the e-service in the catalogue."
      ))
  }

  static func onHold(_ hold: OrderHold) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Beställningen är pausad sedan \(Day(hold.since)): \(hold.reason) Återuppta den först.",
        en: "The order has been on hold since \(Day(hold.since)): \(hold.reason) Resume it first."))
  }

  static func alreadyOnHold(_ hold: OrderHold) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Beställningen är redan pausad sedan \(Day(hold.since)).",
        en: "The order is already on hold since \(Day(hold.since))."))
  }

  static func cancelled(_ order: ServiceOrder) -> RuleViolation {
    let reason = order.hold?.reason ?? ""
    return RuleViolation(
      section: "6",
      T(
        sv: "Beställningen är avbruten: \(reason) Återuppta den om arbetet ska fortsätta.",
        en: "The order is cancelled: \(reason) Resume it if the work is to go on."))
  }

  static func notPaused(_ order: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6",
      T(
        sv: "Beställningen är varken pausad eller avbruten.",
        en: "The order is neither on hold nor cancelled."))
  }
}

import Foundation

/// Every text of the mails `etjanst notify` sends, in Swedish and English: each mail
/// is written in its recipient's language (`MailRecipient.language`).
enum MailTexts {
  typealias T = LocalizedText

  // Who a person is mailed as.
  static let coordinatorRole = T(sv: "e-samordnare", en: "e-coordinator")
  static let deputyRole = T(sv: "ersättare vid avbrott", en: "outage deputy")
  static let senderRole = T(sv: "avsändare", en: "sender")
  static let requestSenderRole = T(sv: "avsändare av begäranden", en: "sender of requests")
  static func managerRole(_ department: String) -> LocalizedText {
    T(sv: "chef för \(department)", en: "manager of \(department)")
  }
  static func ownerRole(_ service: String) -> LocalizedText {
    T(sv: "e-tjänsteägare för \(service)", en: "e-service owner of \(service)")
  }

  // Every mail.
  static func greeting(_ name: String) -> LocalizedText {
    let name = name.isEmpty ? "" : " " + name
    return T(sv: "Hej\(name),", en: "Hello\(name),")
  }

  // A reminder to an e-service owner or a manager.
  static func reminderSubject(_ items: Int, _ municipality: String, _ today: String)
    -> LocalizedText
  {
    let count = Noun.item.count(items)
    return T(
      sv: "Påminnelse: \(count.sv) att åtgärda – \(municipality) \(today)",
      en: "Reminder: \(count.en) to see to – \(municipality) \(today)")
  }
  static func answersSubject(_ requests: Int, _ municipality: String, _ today: String)
    -> LocalizedText
  {
    let count = Noun.request.count(requests)
    return T(
      sv: "Svar på \(count.sv) – \(municipality) \(today)",
      en: "Answers to \(count.en) – \(municipality) \(today)")
  }
  static func reminderIntro(_ role: LocalizedText) -> LocalizedText {
    T(
      sv: "etjanst påminner dig som \(role.sv) om det här, som behöver åtgärdas:",
      en: "etjanst reminds you, as \(role.en), of this, which needs seeing to:")
  }
  static let new = T(sv: "Nytt:", en: "New:")
  static let again = T(sv: "Fortfarande inte åtgärdat:", en: "Still not done:")
  static let answered = T(
    sv: "Dina begäranden som e-samordnaren har besvarat:",
    en: "Your requests the e-coordinator has answered:")
  static func repeats(_ days: Int) -> LocalizedText {
    let days = Noun.day.count(days)
    return T(
      sv: "Det som inte är åtgärdat påminns du om igen om \(days.sv).",
      en: "You will be reminded of what is not done again in \(days.en).")
  }
  /// "- Ny medarbetare: Anna Berg, skickad 2026-12-01 – avböjd 2026-12-03.": an
  /// answered request, in its state now.
  static func request(
    _ kind: RequestKind, _ subject: String, sent: String, _ state: RequestState,
    answered: String
  ) -> LocalizedText {
    T(
      sv: "- \(kind.label.sv): \(subject), skickad \(sent) – \(state.label.sv.lowercased())"
        + "\(answered).",
      en: "- \(kind.label.en): \(subject), sent \(sent) – \(state.label.en.lowercased())"
        + "\(answered).")
  }
  static let reason = T(sv: " Skäl: ", en: " Reason: ")

  // The e-coordinator's digest.
  static func digestIntro(_ municipality: String, _ today: String) -> LocalizedText {
    T(
      sv: "Det här behöver åtgärdas i \(municipality) i dag, \(today).",
      en: "This needs seeing to in \(municipality) today, \(today).")
  }
  static func newSinceDigest(_ n: Int) -> LocalizedText {
    T(sv: "Nytt sedan förra sammanfattningen (\(n)):", en: "New since the last digest (\(n)):")
  }
  static func fromBefore(_ n: Int) -> LocalizedText {
    T(sv: "Sedan tidigare (\(n)):", en: "From before (\(n)):")
  }
  static let unreachable = T(
    sv: "Kan inte nås per e-post (ingen adress och ingen e-postdomän i inställningarna):",
    en: "Cannot be reached by mail (no address and no mail domain in the settings):")

  // A late e-nämnd contact.
  static let drill = T(sv: "Övning", en: "Drill")
  static let outage = T(sv: "Avbrott", en: "Outage")
  static func lateSubject(_ kind: LocalizedText, since: String, _ municipality: String)
    -> LocalizedText
  {
    T(
      sv: "FÖRSENAD: \(kind.sv) sedan \(since), e-nämnden inte kontaktad – \(municipality)",
      en: "LATE: \(kind.en) since \(since), e-nämnd not contacted – \(municipality)")
  }
  static func lateBody(_ kind: LocalizedText, since: String, minutes: Int, limit: Int)
    -> LocalizedText
  {
    let elapsed = Noun.minute.count(minutes)
    let limit = Noun.minute.count(limit)
    return T(
      sv: "\(kind.sv) pågår sedan \(since) (\(elapsed.sv)), och Norrbottens e-nämnd är inte "
        + "kontaktad. Gränsen är \(limit.sv) (riktlinjen 4.3).",
      en: "\(kind.en) under way since \(since) (\(elapsed.en)), and Norrbottens e-nämnd has "
        + "not been contacted. The limit is \(limit.en) (guideline 4.3).")
  }
  static let contactAdministrator = T(
    sv: "Kontakta systemförvaltaren:", en: "Contact the system administrator:")
  static let oncePerOutage = T(
    sv: "Det här skickas en gång per avbrott; registrera kontakten i etjanst.",
    en: "This is sent once per outage; record the contact in etjanst.")
}

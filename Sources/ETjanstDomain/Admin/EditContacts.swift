import Foundation

/// Fills in whom to call (guideline 5 and 4.3): the e-coordinator, Norrbottens
/// e-nämnd's system administrator, and where departments order a new e-service.
/// The outage screen shows these in an emergency, so they are checked as they are
/// entered; a missing phone number is left to a warning (`Findings.contacts`).
public struct EditContacts: Command {
  public var contacts: Contacts

  public init(_ contacts: Contacts) {
    func clean(_ c: ContactCard) -> ContactCard {
      ContactCard(
        name: TextCleaning.line(c.name), organisation: TextCleaning.line(c.organisation),
        phone: TextCleaning.line(c.phone), email: TextCleaning.line(c.email))
    }
    self.contacts = Contacts(
      eCoordinator: clean(contacts.eCoordinator),
      systemAdministrator: clean(contacts.systemAdministrator),
      orderServiceAddress: TextCleaning.line(contacts.orderServiceAddress))
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ändrade kontaktuppgifterna", en: "Changed the contact details")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try Self.check(contacts.eCoordinator, Contacts.Fields.eCoordinator)
    try Self.check(contacts.systemAdministrator, Contacts.Fields.systemAdministrator)
    if contacts.orderServiceAddress.isEmpty {
      throw RuleViolation.required(
        Contacts.Fields.orderServiceAddress.name,
        LocalizedText(
          sv: "Adressen till Beställning av e-tjänst", en: "The address of the order e-service"))
    }
    m.contacts = contacts
  }

  /// A refusal names the card's field and the part: "eCoordinator.phone".
  static func check(_ card: ContactCard, _ field: Field<Contacts, ContactCard>) throws {
    typealias C = ContactCard.Fields
    if card.name.isEmpty {
      throw RuleViolation.required(
        field.appending(C.name).name, LocalizedText(sv: "Namn", en: "Name"))
    }
    // The standing data's role word names no one to call in an emergency.
    if ContactCard.isRoleName(card.name) {
      throw RuleViolation(
        field: field.appending(C.name).name,
        LocalizedText(
          sv: "\(card.name) är en roll, inte ett namn: skriv namnet på den som ska kontaktas.",
          en: "\(card.name) is a role, not a name: give the name of the person to contact."))
    }
    if !card.phone.isEmpty && !isPhone(card.phone) {
      throw RuleViolation.invalidPhone(field.appending(C.phone).name)
    }
    if !card.email.isEmpty && !isEmail(card.email) {
      throw RuleViolation.invalidEmail(field.appending(C.email).name)
    }
  }

  /// Digits, with the separators people write: "0927-720 00", "+46 (0)927 72000".
  public static func isPhone(_ text: String) -> Bool {
    text.contains(where: \.isNumber)
      && text.allSatisfy { $0.isASCII && ($0.isNumber || " +-()".contains($0)) }
  }

  /// One @ with something on both sides and a dot in the domain; no spaces.
  public static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
      && !text.contains(where: \.isWhitespace)
  }
}

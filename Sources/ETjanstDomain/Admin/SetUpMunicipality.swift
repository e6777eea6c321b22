import Foundation

/// Names the municipality the store is for and whom to call at Norrbottens e-nämnd
/// (guideline 4.3): the first thing a new store is told, from `etjanst init` or
/// the console's first form. The e-coordinator's card follows the name where it
/// still holds the standing data's organisation.
public struct SetUpMunicipality: Command {
  public var name: String
  /// The e-nämnd's system administrator; nil leaves the card as it is.
  public var contact: ContactCard?
  /// Where departments order a new e-service (step 2); nil leaves it as it is.
  public var orderServiceAddress: String?

  public init(name: String, contact: ContactCard? = nil, orderServiceAddress: String? = nil) {
    self.name = TextCleaning.line(name)
    self.contact = contact.map {
      ContactCard(
        name: TextCleaning.line($0.name), organisation: TextCleaning.line($0.organisation),
        phone: TextCleaning.line($0.phone), email: TextCleaning.line($0.email))
    }
    self.orderServiceAddress = orderServiceAddress.map { TextCleaning.line($0) }
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Registret gäller \(name)" + (contact.map { "; e-nämndens kontakt \($0.name)" } ?? ""),
      en: "The store is for \(name)" + (contact.map { "; the e-nämnd's contact \($0.name)" } ?? ""))
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if name.isEmpty {
      throw RuleViolation.required(
        "name", LocalizedText(sv: "Kommunens namn", en: "The municipality's name"))
    }
    if let violation = StoreLimits.violation(in: [("name", name)]) { throw violation }
    var contacts = m.contacts
    if let contact {
      try EditContacts.check(contact, Contacts.Fields.systemAdministrator)
      contacts.systemAdministrator = contact
    }
    if let orderServiceAddress {
      if orderServiceAddress.isEmpty {
        throw RuleViolation.required(
          Contacts.Fields.orderServiceAddress.name,
          LocalizedText(
            sv: "Adressen till Beställning av e-tjänst", en: "The address of the order e-service"))
      }
      contacts.orderServiceAddress = orderServiceAddress
    }
    let standing = Contacts.standing(municipality: m.name).eCoordinator.organisation
    if contacts.eCoordinator.organisation == standing {
      contacts.eCoordinator.organisation =
        Contacts.standing(municipality: name).eCoordinator
        .organisation
    }
    m.name = name
    m.contacts = contacts
  }
}

extension Municipality {
  /// Whether the console should ask for the municipality's name and the e-nämnd's
  /// contact before anything else: a new store has no name yet, and an empty store
  /// made before it was asked still holds the standing data's contacts.
  public var needsSetUp: Bool {
    name.isEmpty
      || (departments.isEmpty && services.isEmpty && staff.isEmpty && cases.isEmpty
        && contacts.systemAdministrator == Contacts.guideline.systemAdministrator)
  }
}

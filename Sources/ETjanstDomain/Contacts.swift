import Foundation

/// Who to call (guideline 5 and 4.3), kept in the store and shown where needed.
public struct Contacts: Codable, Sendable, Equatable {
  /// The e-coordinator at the municipal executive office (kommunledningsförvaltningen).
  public var eCoordinator: ContactCard
  /// The system administrator at Norrbottens e-nämnd, to be called at once on an outage.
  public var systemAdministrator: ContactCard
  /// Address of the internal e-service "Beställning av e-tjänst" (step 2).
  public var orderServiceAddress: String

  public init(
    eCoordinator: ContactCard, systemAdministrator: ContactCard, orderServiceAddress: String
  ) {
    self.eCoordinator = eCoordinator
    self.systemAdministrator = systemAdministrator
    self.orderServiceAddress = orderServiceAddress
  }

  /// The contacts as the guideline names them; names and numbers are the
  /// municipality's to fill in.
  public static let guideline = standing(municipality: "Övertorneå kommun")

  /// The standing contacts of a new store for `municipality` (empty: not yet named).
  /// The order address is the guideline's until the municipality gives its own.
  public static func standing(municipality: String) -> Contacts {
    Contacts(
      eCoordinator: ContactCard(
        name: "E-samordnaren",
        organisation: municipality.isEmpty
          ? "Kommunledningsförvaltningen" : "Kommunledningsförvaltningen, \(municipality)",
        phone: "", email: ""),
      systemAdministrator: ContactCard(
        name: "Systemförvaltaren", organisation: "Norrbottens e-nämnd", phone: "", email: ""),
      orderServiceAddress: "https://insidanovertornea.enamnd.se/oversikt/overview/2009")
  }
}

public struct ContactCard: Codable, Sendable, Equatable {
  public var name: String
  public var organisation: String
  public var phone: String
  public var email: String

  /// The names the standing data gives its cards: roles ("Systemförvaltaren"), which
  /// name no one to call. A card holding one has no person's name yet.
  public static let roleNames: Set<String> = {
    let standing = Contacts.standing(municipality: "")
    return [standing.eCoordinator.name, standing.systemAdministrator.name]
  }()

  /// Whether `name` is one of the standing data's role names (in any case), not a person.
  public static func isRoleName(_ name: String) -> Bool {
    let folded = name.trimmingCharacters(in: .whitespaces).lowercased()
    return roleNames.contains { $0.lowercased() == folded }
  }

  /// The person's name, or "" while the card holds the standing data's role name.
  public var personName: String { Self.isRoleName(name) ? "" : name }

  public init(name: String, organisation: String, phone: String, email: String) {
    self.name = name
    self.organisation = organisation
    self.phone = phone
    self.email = email
  }
}

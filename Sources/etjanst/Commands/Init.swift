import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst init --name "Pajala kommun"`: the first command of a municipality's first
/// day. Makes the store when there is none (the user running it its e-coordinator)
/// and names the municipality and the e-nämnd's contact through `SetUpMunicipality`,
/// so it is in the trail; on an existing store it changes only those.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make a new store for the municipality, or set its name and e-namnd contact.",
    discussion: """
      Without a store, makes one with the guideline's standing data, with the login \
      running the command as its e-coordinator. The name and the contact at Norrbottens \
      e-namnd (the system administrator to call on an outage, guideline 4.3) go through \
      the same rule as the console's first form, and are in the audit trail.
      """)

  @Option(name: .long, help: "The municipality's name, as it is shown in the console's title.")
  var name: String

  @Option(name: .customLong("contact-name"), help: "The e-namnd contact's name.")
  var contactName: String?

  @Option(name: .customLong("contact-phone"), help: "The e-namnd contact's phone number.")
  var contactPhone: String?

  @Option(name: .customLong("contact-email"), help: "The e-namnd contact's e-mail address.")
  var contactEmail: String?

  @Option(
    name: .customLong("order-address"),
    help: "The address of the internal e-service where departments order a new e-service.")
  var orderAddress: String?

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  @OptionGroup var lockWait: LockWaitOption

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let file = StoreFile(location: storeOptions.location)
      let login = SystemIdentity.currentLogin()
      let now = Date()
      let made = !file.exists
      if made {
        let first = User(login: login, name: login, role: .eCoordinator)
        let blank = Municipality.standing(name: "", firstUser: first)
        // The rules first, on a copy: a refused name makes no store.
        var tried = blank
        try tried.execute(
          try command(blank), context: CommandContext(actor: Actor(first), now: now))
        do { try file.create(blank, by: login, now: now) } catch { throw Failure(error) }
      }
      let (_, m, user) = try storeOptions.load()
      lockWait.apply(to: file, language)
      try file.perform(try command(m), actor: Actor(user), now: now)
      let sv = language == .swedish
      let name = TextCleaning.line(self.name)
      Output.print(
        TextCleaning.printable(
          made
            ? (sv
              ? "Skapade registret för \(name) i \(file.path); du är dess e-samordnare (\(login))."
              : "Made the store for \(name) at \(file.path); you are its e-coordinator (\(login)).")
            : (sv
              ? "Registret i \(file.path) gäller nu \(name)."
              : "The store at \(file.path) is now for \(name).")))
    }
  }

  /// The set-up as the options give it: the contact card only where an option names
  /// part of it, over the card the store holds.
  func command(_ m: Municipality) throws -> SetUpMunicipality {
    var contact: ContactCard?
    if contactName != nil || contactPhone != nil || contactEmail != nil {
      var card = m.contacts.systemAdministrator
      // A phone or e-mail for a card that names only the role needs the person too.
      if contactName == nil, ContactCard.isRoleName(card.name) {
        throw Failure(
          sv: "ange e-nämndens kontakt med --contact-name: kortet har bara rollen \(card.name)",
          en:
            "give the e-nämnd contact's name with --contact-name: the card holds only the role \(card.name)"
        )
      }
      if let contactName { card.name = contactName }
      if let contactPhone { card.phone = contactPhone }
      if let contactEmail { card.email = contactEmail }
      contact = card
    }
    return SetUpMunicipality(name: name, contact: contact, orderServiceAddress: orderAddress)
  }
}

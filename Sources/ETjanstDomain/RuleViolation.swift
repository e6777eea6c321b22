/// A rule of the guideline, or of the data, refused a command. The message is in
/// words a department would understand; `field` names the form field at fault.
public struct RuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
  /// The guideline section the rule serves ("4.2"), or nil for plain data rules.
  public var section: String?
  public var message: LocalizedText
  public var field: String?
  /// The action that sets things right, when there is one; the console names the
  /// key bound to it where the message is shown (the domain knows no keys).
  public var remedy: Remedy?

  public enum Remedy: String, Sendable, Equatable {
    case grantAccess, removeFromPlatform, recordOutageContact
  }

  public init(section: String? = nil, field: String? = nil, _ message: LocalizedText) {
    self.section = section
    self.message = message
    self.field = field
  }

  public var description: String { message.en }

  public static func readOnly(coordinator: ContactCard) -> RuleViolation {
    RuleViolation(
      section: "4",
      LocalizedText(
        sv: "Du har läsbehörighet. Ändringar görs av e-samordnaren (\(coordinator.name)).",
        en: "You have read access. Changes are made by the e-coordinator (\(coordinator.name))."))
  }

  public static func unknownUser(_ login: String, coordinator: ContactCard) -> RuleViolation {
    let contact = [coordinator.name, coordinator.email, coordinator.phone]
      .filter { !$0.isEmpty }.joined(separator: ", ")
    return RuleViolation(
      LocalizedText(
        sv: "Användaren '\(login)' har ingen behörighet. Kontakta e-samordnaren: \(contact).",
        en: "The user '\(login)' has no access. Contact the e-coordinator: \(contact)."))
  }

  public static func required(_ field: String, _ label: LocalizedText) -> RuleViolation {
    RuleViolation(
      field: field,
      LocalizedText(sv: "\(label.sv) måste fyllas i.", en: "\(label.en) is required."))
  }

  public static func notFound(_ what: LocalizedText) -> RuleViolation {
    RuleViolation(
      LocalizedText(
        sv: "\(what.sv) finns inte längre (någon annan kan ha tagit bort den).",
        en: "\(what.en) no longer exists (someone else may have removed it)."))
  }
}

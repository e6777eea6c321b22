import Foundation

/// Changes the limits the guideline leaves to the municipality (`Settings`),
/// each within the bounds its declaration allows (`Settings.limits`), which keep
/// the flags it drives meaningful.
public struct EditSettings: Command {
  public var settings: Settings

  public init(_ settings: Settings) { self.settings = settings }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ändrade gränserna", en: "Changed the limits")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    for limit in Settings.limits where !limit.allowed.contains(settings[keyPath: limit.path]) {
      throw RuleViolation.outOfRange(
        limit.name, section: limit.section, limit.label, limit.allowed, limit.unit.many)
    }
    if let refusal = Settings.mailRefusal(settings) { throw refusal }
    m.settings = settings
  }
}

extension Settings {
  /// The mail settings' rule: a mail domain is a domain, the deputy a login or an
  /// e-mail address, the mailer an absolute path, the sender an e-mail address; each
  /// may be empty.
  public static func mailRefusal(_ s: Settings) -> RuleViolation? {
    let domain = s.mailDomain.trimmingCharacters(in: .whitespaces)
    if !domain.isEmpty, !MailAddress.isDomain(domain) {
      return RuleViolation(
        field: Fields.mailDomain.name,
        LocalizedText(
          sv: "E-postdomänen ska vara ett domännamn som kommun.se.",
          en: "The mail domain must be a domain name such as kommun.se."))
    }
    let deputy = s.outageDeputy.trimmingCharacters(in: .whitespaces)
    if !deputy.isEmpty, MailAddress.normalized(deputy) == nil, Login.normalized(deputy) == nil {
      return RuleViolation(
        field: Fields.outageDeputy.name,
        LocalizedText(
          sv: "Ersättaren vid avbrott anges med inloggning eller e-postadress.",
          en: "The outage deputy is given as a login or an e-mail address."))
    }
    let mailer = s.sendmailPath
    if !mailer.isEmpty, !mailer.hasPrefix("/") || mailer.contains(where: \.isNewline) {
      return RuleViolation(
        field: Fields.sendmailPath.name,
        LocalizedText(
          sv: "E-postprogrammet anges med hela sökvägen, som /usr/sbin/sendmail.",
          en: "The mailer is given by its full path, such as /usr/sbin/sendmail."))
    }
    let from = s.mailFrom.trimmingCharacters(in: .whitespaces)
    if !from.isEmpty, MailAddress.normalized(from) == nil {
      return RuleViolation(
        field: Fields.mailFrom.name,
        LocalizedText(
          sv: "Avsändaren anges med en e-postadress, som etjanst@kommun.se.",
          en: "The sender is given as an e-mail address, such as etjanst@kommun.se."))
    }
    return nil
  }
}

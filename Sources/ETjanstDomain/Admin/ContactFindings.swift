import Foundation

extension Findings {
  /// Contacts the outage screen cannot use in an emergency: the e-nämnd's system
  /// administrator without a phone number (4.3: called at once), or an
  /// e-coordinator nobody can reach (5).
  @Sendable public static func contacts(_ m: Municipality, _ now: Date) -> [Finding] {
    var out: [Finding] = []
    let admin = m.contacts.systemAdministrator
    if admin.phone.isEmpty {
      out.append(
        Finding(
          section: "4.3", severity: .warning, subject: admin.name,
          message: LocalizedText(
            sv: "telefonnummer saknas: vid ett avbrott ska e-nämnden kontaktas direkt",
            en: "no phone number: on an outage the e-nämnd must be contacted at once"),
          target: .contacts))
    }
    let coordinator = m.contacts.eCoordinator
    if coordinator.phone.isEmpty && coordinator.email.isEmpty {
      out.append(
        Finding(
          section: "5", severity: .warning, subject: coordinator.name,
          message: LocalizedText(
            sv: "telefon och e-post saknas: förvaltningarna vet inte hur de når e-samordnaren",
            en: "no phone or e-mail: departments cannot reach the e-coordinator"),
          target: .contacts))
    }
    return out
  }
}

import Foundation

/// How people in a service's roles are written and read back: a staff member by
/// login (or full name), anyone else as "Name <e-mail>".
extension PersonRef {
  /// Reads what a user wrote for a role. Empty text means nobody. A staff
  /// member's login or full name gives a staff reference; "Name <e-mail>",
  /// "Name, e-mail" or "Name e-mail" gives a named person. Anything else is
  /// refused with a message for `field`.
  public static func parse(_ raw: String, staff: [StaffMember], field: String) throws -> PersonRef?
  {
    let text = TextCleaning.line(raw)
    if text.isEmpty { return nil }
    if let member = staff.first(where: { same($0.login, text) }) { return .staff(member.id) }
    let byName = staff.filter { same($0.name, text) }
    let active = byName.filter(\.isActive)
    if active.count == 1 { return .staff(active[0].id) }
    if active.isEmpty, byName.count == 1 { return .staff(byName[0].id) }
    if byName.count > 1 {
      throw RuleViolation(
        section: "4", field: field,
        LocalizedText(
          sv: "Flera heter \(text) – skriv inloggningen.",
          en: "Several are called \(text) – write the login."))
    }
    guard let (name, email) = splitNameAndEmail(text) else {
      throw RuleViolation(
        section: "4", field: field,
        LocalizedText(
          sv: "Ej i personalen – skriv Namn <e-post>", en: "Not on staff – write Name <e-mail>"))
    }
    guard !name.isEmpty else {
      throw RuleViolation(
        section: "4", field: field,
        LocalizedText(
          sv: "Skriv personens namn före e-postadressen.",
          en: "Write the person's name before the e-mail."))
    }
    guard isEmail(email) else {
      throw RuleViolation(
        section: "4", field: field,
        LocalizedText(
          sv: "\(email) ser inte ut som en e-postadress.",
          en: "\(email) does not look like an e-mail address."))
    }
    return .named(name: name, email: email)
  }

  /// "Name <e-mail>", "Name, e-mail" or "Name e-mail"; nil when no part has an @.
  static func splitNameAndEmail(_ text: String) -> (String, String)? {
    if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
      let name = text[..<open].trimmingCharacters(
        in: .whitespaces.union(CharacterSet(charactersIn: ",")))
      let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
      return (name, email.trimmingCharacters(in: .whitespaces))
    }
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    guard let last = parts.last, last.contains("@") else { return nil }
    return (parts.dropLast().joined(separator: " "), last)
  }

  static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
  }

  private static func same(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: [.caseInsensitive], range: nil, locale: Locale(identifier: "sv_SE"))
      == .orderedSame
  }
}

extension Municipality {
  /// A person as the console and exports show them: "Name (login)" for staff,
  /// "Name <e-mail>" for others, "?" for a staff id that no longer exists.
  public func personName(_ ref: PersonRef) -> String {
    switch ref {
    case .staff(let id):
      guard let member = staffMember(id) else { return "? (\(id.rawValue))" }
      return "\(member.name) (\(member.login))"
    case .named(let name, let email):
      return email.isEmpty ? name : "\(name) <\(email)>"
    }
  }

  /// Just the name, for a narrow column.
  public func personShortName(_ ref: PersonRef?) -> String {
    switch ref {
    case nil: return ""
    case .staff(let id)?: return staffMember(id)?.name ?? "?"
    case .named(let name, _)?: return name
    }
  }

  /// A person as a form field holds them, so `PersonRef.parse` reads it back.
  public func personFieldText(_ ref: PersonRef?) -> String {
    switch ref {
    case nil: return ""
    case .staff(let id)?: return staffMember(id)?.login ?? ""
    case .named(let name, let email)?: return email.isEmpty ? name : "\(name) <\(email)>"
    }
  }

  /// A staff reference to someone who has left or is no longer on the staff list.
  /// A named person outside the staff cannot be checked, so is never inactive.
  public func isInactive(_ ref: PersonRef) -> Bool {
    guard case .staff(let id) = ref else { return false }
    return !(staffMember(id)?.isActive ?? false)
  }
}

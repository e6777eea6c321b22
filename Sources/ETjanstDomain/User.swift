/// A login the store knows, and what it may do. Who is who comes from the operating
/// system's login name, never from a flag or an environment variable.
public struct User: Codable, Sendable, Equatable, Identifiable {
  public var login: String
  public var name: String
  public var role: Role
  /// How this user leaves the console from anywhere but the overview's top.
  public var quitWith: QuitPreference
  /// The user's own e-mail address; nil: none recorded.
  public var email: String?
  /// The language the user reads; nil: Swedish.
  public var language: Language?

  public var id: String { login }

  public init(
    login: String, name: String, role: Role, quitWith: QuitPreference = .ask,
    email: String? = nil, language: Language? = nil
  ) {
    self.login = login
    self.name = name
    self.role = role
    self.quitWith = quitWith
    self.email = email
    self.language = language
  }

  private enum CodingKeys: String, CodingKey { case login, name, role, quitWith, email, language }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      login: try c.decode(String.self, forKey: .login),
      name: try c.decode(String.self, forKey: .name),
      role: try c.decode(Role.self, forKey: .role),
      quitWith: try c.decodeIfPresent(QuitPreference.self, forKey: .quitWith) ?? .ask,
      email: try c.decodeIfPresent(String.self, forKey: .email),
      language: try c.decodeIfPresent(Language.self, forKey: .language))
  }

  /// As the store writes it: `quitWith` only when chosen, absent meaning "ask".
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(login, forKey: .login)
    try c.encode(name, forKey: .name)
    try c.encode(role, forKey: .role)
    if quitWith != .ask { try c.encode(quitWith, forKey: .quitWith) }
    try c.encodeIfPresent(email, forKey: .email)
    try c.encodeIfPresent(language, forKey: .language)
  }
}

/// How a user prefers to leave the console from below the overview's top, where a q
/// by habit must not end the day's work: asked "Avsluta etjanst? j/n", or a second q
/// straight after the first. Each user's own, set in the users form.
public enum QuitPreference: String, Codable, Sendable, CaseIterable {
  case ask
  case secondKey

  /// The users form's and the trail's words for it.
  public var label: LocalizedText {
    switch self {
    case .ask: LocalizedText(sv: "fråga först (j/n)", en: "ask first (y/n)")
    case .secondKey: LocalizedText(sv: "med ett andra q", en: "with a second q")
    }
  }
}

public enum Role: Codable, Sendable, Equatable {
  /// Edits everything (guideline 4: develops and manages the e-services).
  case eCoordinator
  /// Reads; sees their own department's staff and access first.
  case manager(department: EntityID<Department>)

  public var canEdit: Bool { self == .eCoordinator }

  public var department: EntityID<Department>? {
    if case .manager(let department) = self { return department }
    return nil
  }
}

/// The person a command is performed by, as recorded in checklists and the audit trail.
public struct Actor: Sendable, Equatable {
  public var user: User

  public init(_ user: User) { self.user = user }
  public var login: String { user.login }
  public var name: String { user.name }
  public var role: Role { user.role }
}

extension Municipality {
  /// The user with this login; nil means the login is refused.
  public func user(login: String) -> User? { users.first { $0.login == login } }

  /// The address a person with `login` recorded as their own: the user's, else the
  /// staff member's with that login; nil when neither has one.
  public func ownMailAddress(login: String) -> String? {
    user(login: login)?.email
      ?? staff.first { StaffMember.sameLogin($0.login, login) && $0.email != nil }?.email
  }
}

extension Municipality {
  /// The name to show for a login the store recorded (who ticked a step, moved or held
  /// an order, changed a status; a staff member's manager): the user's name, else the
  /// name of the staff member with that login, else the login itself. So a user since
  /// removed still shows as their login, and a name that a schema-1 file kept where
  /// no login matched shows as written.
  public func displayName(login: String) -> String {
    if login.isEmpty { return "" }
    if let user = user(login: login) { return user.name }
    if let member = staff.first(where: { $0.login == login }) { return member.name }
    return login
  }

  /// `displayName(login:)` for many lookups at once (a list of thousands of staff):
  /// one dictionary, built once.
  public func displayNames() -> (String) -> String {
    var names: [String: String] = [:]
    for member in staff { names[member.login] = member.name }
    for user in users { names[user.login] = user.name }
    return { login in names[login] ?? login }
  }

  /// Reads a manager as a user typed them: empty for nobody; a user's or staff
  /// member's login, or the full name of exactly one user or staff member, gives that
  /// login. Anyone else is refused: the store keeps a login, so the manager's name can
  /// change in one place.
  public func managerLogin(for raw: String, batch: ImportBatch? = nil) throws -> String {
    let text = TextCleaning.line(raw).trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return "" }
    let found = (batch ?? ImportBatch()).manager(ImportBatch.fold(text), in: self)
    if let login = found.login { return login }
    let logins = found.named
    if logins.count == 1, let login = logins.first { return login }
    if logins.count > 1 {
      throw RuleViolation(
        section: "4.1", field: "manager",
        LocalizedText(
          sv: "Flera heter \(text) – skriv chefens inloggning.",
          en: "Several are called \(text) – write the manager's login."))
    }
    throw RuleViolation(
      section: "4.1", field: "manager",
      LocalizedText(
        sv:
          "Ingen användare eller medarbetare heter \(text) – skriv en inloggning, eller lägg till chefen under Inställningar.",
        en:
          "No user or staff member is called \(text) – write a login, or add the manager under Settings."
      ))
  }
}

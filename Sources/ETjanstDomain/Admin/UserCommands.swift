import Foundation

/// Gives a login access: the e-coordinator edits, a manager reads (their own
/// department first). The login is the operating system's user name.
public struct AddUser: Command {
  public var user: User

  /// `details`: the user's `User.details` (e-mail, language) as they are to be.
  public init(login: String, name: String, role: Role, details: User? = nil) {
    // Folded to lower case here; anything else a login may not hold, the rules refuse.
    let cleaned = TextCleaning.line(login)
    user = User(
      login: Login.normalized(cleaned) ?? cleaned, name: TextCleaning.line(name), role: role)
    if let details { User.copy(User.details, from: details, to: &user) }
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ny användare \(user.login)", en: "New user \(user.login)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try UserValidation.check(user, in: m)
    if let other = m.user(login: user.login) {
      throw RuleViolation.userExists(user.login, other.name)
    }
    m.users.append(user)
  }
}

/// Changes a user's name or role. The login stays: it is who the user is.
public struct EditUser: Command {
  public var login: String
  public var name: String
  public var role: Role
  /// The user's way to quit; nil keeps what they have.
  public var quitWith: QuitPreference?
  /// The user's `User.details` (e-mail, language) as they are to be; nil keeps them.
  public var details: User?

  public init(
    login: String, name: String, role: Role, quitWith: QuitPreference? = nil,
    details: User? = nil
  ) {
    self.login = TextCleaning.line(login)
    self.name = TextCleaning.line(name)
    self.role = role
    self.quitWith = quitWith
    self.details = details
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ändrade användaren \(login)", en: "Changed the user \(login)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let i = m.users.index(of: login) else { throw RuleViolation.notFound(Self.theUser) }
    var updated = m.users[i]
    (updated.name, updated.role) = (name, role)
    if let quitWith { updated.quitWith = quitWith }
    if let details { User.copy(User.details, from: details, to: &updated) }
    try UserValidation.check(updated, in: m)
    if m.users[i].role == .eCoordinator && role != .eCoordinator
      && UserValidation.coordinators(in: m) == 1
    {
      throw RuleViolation.lastCoordinator(m.users[i].name)
    }
    m.users[i] = updated
  }

  static let theUser = LocalizedText(sv: "Användaren", en: "The user")
}

/// Takes a login's access away. Refused for your own login and for the last
/// e-coordinator, either of which would lock people out of the store.
public struct RemoveUser: Command {
  public var login: String

  public init(login: String) { self.login = TextCleaning.line(login) }

  public var summary: LocalizedText {
    LocalizedText(sv: "Tog bort användaren \(login)", en: "Removed the user \(login)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let user = m.user(login: login) else { throw RuleViolation.notFound(EditUser.theUser) }
    if login == context.actor.login { throw RuleViolation.removingYourself() }
    if user.role == .eCoordinator && UserValidation.coordinators(in: m) == 1 {
      throw RuleViolation.lastCoordinator(user.name)
    }
    m.users.removeAll { $0.login == login }
  }
}

/// Rules every user keeps.
enum UserValidation {
  static func check(_ u: User, in m: Municipality) throws {
    if try Login.parse(u.login) != u.login { throw Login.refusal() }
    if u.name.isEmpty {
      throw RuleViolation.required("name", LocalizedText(sv: "Namn", en: "Name"))
    }
    if let d = u.role.department, m.department(d) == nil {
      throw RuleViolation.managerWithoutDepartment()
    }
    if let refusal = User.fieldRefusal(in: u) { throw refusal }
  }

  static func coordinators(in m: Municipality) -> Int {
    m.users.filter { $0.role == .eCoordinator }.count
  }
}

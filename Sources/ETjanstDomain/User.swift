/// A login the store knows, and what it may do. Who is who comes from the operating
/// system's login name, never from a flag or an environment variable.
public struct User: Codable, Sendable, Equatable, Identifiable {
  public var login: String
  public var name: String
  public var role: Role

  public var id: String { login }

  public init(login: String, name: String, role: Role) {
    self.login = login
    self.name = name
    self.role = role
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
}

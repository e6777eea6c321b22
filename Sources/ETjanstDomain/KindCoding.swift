/// The enums with associated values are written as a dictionary with a `kind` key and
/// named fields (`{kind: "staff", staff: "staff-…"}`), so a script reading the store
/// or a JSON file needs no knowledge of Swift's own coding of enums (`{staff: {_0: …}}`).
/// docs/store-format.md describes every key.
private enum KindKey: String, CodingKey {
  case kind, staff, name, email, department, services
}

extension PersonRef {
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: KindKey.self)
    switch try c.decode(String.self, forKey: .kind) {
    case "staff": self = .staff(try c.decode(EntityID<StaffMember>.self, forKey: .staff))
    case "named":
      self = .named(
        name: try c.decode(String.self, forKey: .name),
        email: try c.decodeIfPresent(String.self, forKey: .email) ?? "")
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c, debugDescription: "unknown person kind '\(other)'")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: KindKey.self)
    switch self {
    case .staff(let id):
      try c.encode("staff", forKey: .kind)
      try c.encode(id, forKey: .staff)
    case .named(let name, let email):
      try c.encode("named", forKey: .kind)
      try c.encode(name, forKey: .name)
      try c.encode(email, forKey: .email)
    }
  }
}

extension Role {
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: KindKey.self)
    switch try c.decode(String.self, forKey: .kind) {
    case "eCoordinator": self = .eCoordinator
    case "manager":
      self = .manager(department: try c.decode(EntityID<Department>.self, forKey: .department))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c, debugDescription: "unknown role kind '\(other)'")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: KindKey.self)
    switch self {
    case .eCoordinator:
      try c.encode("eCoordinator", forKey: .kind)
    case .manager(let department):
      try c.encode("manager", forKey: .kind)
      try c.encode(department, forKey: .department)
    }
  }
}

extension OutageScope {
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: KindKey.self)
    switch try c.decode(String.self, forKey: .kind) {
    case "wholePlatform": self = .wholePlatform
    case "services":
      self = .services(try c.decode([EntityID<EService>].self, forKey: .services))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c, debugDescription: "unknown outage scope kind '\(other)'")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: KindKey.self)
    switch self {
    case .wholePlatform:
      try c.encode("wholePlatform", forKey: .kind)
    case .services(let ids):
      try c.encode("services", forKey: .kind)
      try c.encode(ids, forKey: .services)
    }
  }
}

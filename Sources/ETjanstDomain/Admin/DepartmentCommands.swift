import Foundation

/// Adds a department (förvaltning). Every e-service, staff member, order and
/// manager belongs to one, so an empty store starts here.
public struct AddDepartment: Command {
  public var department: Department

  public init(name: String, id: EntityID<Department> = .make()) {
    department = Department(id: id, name: TextCleaning.line(name))
  }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Ny förvaltning \(department.name)", en: "New department \(department.name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try DepartmentName.check(department.name, id: department.id, in: m)
    m.departments.append(department)
  }
}

/// Gives a department a new name; what belongs to it follows by id.
public struct RenameDepartment: Command {
  public var id: EntityID<Department>
  public var name: String

  public init(_ id: EntityID<Department>, to name: String) {
    self.id = id
    self.name = TextCleaning.line(name)
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Förvaltningen heter nu \(name)", en: "The department is now called \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let i = m.departments.index(of: id) else {
      throw RuleViolation.notFound(LocalizedText(sv: "Förvaltningen", en: "The department"))
    }
    try DepartmentName.check(name, id: id, in: m)
    m.departments[i].name = name
  }
}

/// Removes a department that nothing refers to any more. While an e-service, a
/// staff member, an order, a manager's login or an outage notice names it, the
/// removal is refused and the message says what is left, so nothing dangles.
public struct RemoveDepartment: Command {
  public var id: EntityID<Department>
  /// The name when the command was made, for the audit trail.
  public var name: String

  public init(_ id: EntityID<Department>, name: String) {
    self.id = id
    self.name = TextCleaning.line(name)
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Tog bort förvaltningen \(name)", en: "Removed the department \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let department = m.department(id) else {
      throw RuleViolation.notFound(LocalizedText(sv: "Förvaltningen", en: "The department"))
    }
    let uses = DepartmentUses(id, in: m)
    if !uses.isEmpty { throw RuleViolation.departmentInUse(department.name, uses) }
    m.departments.removeAll { $0.id == id }
  }
}

/// What still refers to a department, counted per kind.
public struct DepartmentUses: Equatable, Sendable {
  public var services = 0
  public var staff = 0
  public var orders = 0
  public var managers = 0
  public var outageNotices = 0

  public init(_ id: EntityID<Department>, in m: Municipality) {
    services = m.services.filter { $0.department == id }.count
    staff = m.staff.filter { $0.department == id }.count
    orders =
      m.orders.filter { $0.department == id }.count
      + m.refusedOrders.filter { $0.department == id }.count
    managers = m.users.filter { $0.role.department == id }.count
    outageNotices = m.outages.reduce(0) { n, o in
      n + o.notified.filter { $0.department == id }.count
    }
  }

  public var isEmpty: Bool { services + staff + orders + managers + outageNotices == 0 }

  /// "2 e-tjänster, 1 medarbetare" — only the kinds that are there.
  public var listing: LocalizedText {
    let parts: [(Int, Noun)] = [
      (services, .eService), (staff, .staffMember), (orders, .order), (managers, .managerLogin),
      (outageNotices, .outageNotice),
    ]
    let present = parts.filter { $0.0 > 0 }.map { $0.1.count($0.0) }
    return LocalizedText(
      sv: present.map(\.sv).joined(separator: ", "), en: present.map(\.en).joined(separator: ", "))
  }
}

/// A department's name: required, and not another department's (case aside).
enum DepartmentName {
  static func check(_ name: String, id: EntityID<Department>, in m: Municipality) throws {
    if name.isEmpty {
      throw RuleViolation.required("name", LocalizedText(sv: "Namn", en: "Name"))
    }
    if let other = m.departments.first(where: {
      $0.id != id && $0.name.compare(name, options: .caseInsensitive) == .orderedSame
    }) {
      throw RuleViolation.departmentExists(other.name)
    }
  }
}

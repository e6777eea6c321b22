import Foundation

/// What a user may see of the store: the one rule every reader asks — the console
/// (through `AppState.data`), the command line's `list`, `report`, `check` and
/// `routines export`, and every export.
///
/// The e-coordinator sees everything. A manager sees their own department: its staff,
/// their access and cases, its e-services with their owners, its orders and its
/// fallback routine; of the rest only what is not about people — department names,
/// outages, and the e-services their own staff reach or cases run in, without the
/// names of those services' owners or reporters. Of the users they see the
/// e-coordinators, themselves and their own department's other managers. The
/// municipality's published contacts (section 5) and the e-coordinator's name are not
/// hidden: every department is told to turn to them.
public struct Visibility: Sendable, Equatable {
  public enum Reach: Sendable, Equatable {
    case everything
    case department(EntityID<Department>)
  }

  public let reach: Reach
  /// The login this visibility was made for (a manager sees their own user entry).
  public let login: String

  public init(_ user: User) {
    login = user.login
    switch user.role {
    case .eCoordinator: reach = .everything
    case .manager(let department): reach = .department(department)
    }
  }

  public var seesEverything: Bool { reach == .everything }

  /// The department a manager is limited to; nil for the e-coordinator.
  public var department: EntityID<Department>? {
    if case .department(let d) = reach { return d }
    return nil
  }

  /// Whether the audit trail (who changed what) may be read: it names everyone.
  public var seesAuditTrail: Bool { seesEverything }

  public func sees(department id: EntityID<Department>) -> Bool {
    department.map { $0 == id } ?? true
  }

  public func sees(_ person: StaffMember) -> Bool { sees(department: person.department) }
  public func sees(_ order: ServiceOrder) -> Bool { sees(department: order.department) }
  public func sees(_ refused: RefusedOrder) -> Bool { sees(department: refused.department) }

  /// The departments this user may choose between (a department filter, a picker).
  public func departments(in m: Municipality) -> [Department] {
    m.departments.filter { sees(department: $0.id) }
  }

  /// The store as this user may see it. For the e-coordinator it is `m` itself.
  public func scoped(_ m: Municipality) -> Municipality {
    guard let own = department else { return m }
    var out = m
    out.scopedTo = own
    let ownStaff = Set(m.staff.lazy.filter { $0.department == own }.map(\.id))
    // Their own department's managers too, so a person's manager reads by name; no
    // manager of another department.
    out.users = m.users.filter {
      $0.role == .eCoordinator || $0.login == login || $0.role.department == own
    }
    out.staff = m.staff.filter { ownStaff.contains($0.id) }
    out.cases = m.cases.filter { ownStaff.contains($0.officer) }.map { c in
      var c = c
      if let from = c.transferredFrom, !ownStaff.contains(from) { c.transferredFrom = nil }
      return c
    }
    out.orders = m.orders.filter(sees)
    out.refusedOrders = m.refusedOrders.filter(sees)
    out.requests = m.requests.filter { $0.department == own }
    out.departments = m.departments.map { d in
      var d = d
      if d.id != own { d.fallbackRoutine?.responsible = "" }
      return d
    }
    // Other departments' e-services only where this department's staff or cases, its
    // orders or an outage refer to them, and without the people named on them; the
    // catalogue and the goal figures leave them out (`Municipality.catalogue`).
    var referenced = Set(out.staff.flatMap { $0.grants.map(\.service) })
    referenced.formUnion(out.cases.map(\.service))
    referenced.formUnion(out.orders.compactMap(\.service))
    for outage in m.outages {
      if case .services(let ids) = outage.scope { referenced.formUnion(ids) }
    }
    out.services = m.services.compactMap { s in
      if s.department == own { return keepingOwnPeople(s, m, ownStaff) }
      guard referenced.contains(s.id) else { return nil }
      var s = s
      s.roles = ServiceRoles()
      s.reports = []
      return s
    }
    return out
  }

  /// The department's own e-service, where a role held by another department's staff
  /// member keeps the holder's name (the department must know who owns its service)
  /// but no longer points into staff this user does not see.
  private func keepingOwnPeople(
    _ s: EService, _ m: Municipality, _ ownStaff: Set<EntityID<StaffMember>>
  ) -> EService {
    var s = s
    for role in ServiceRole.allCases {
      if case .staff(let id)? = s.roles[keyPath: role.keyPath], !ownStaff.contains(id),
        let member = m.staffMember(id)
      {
        s.roles[keyPath: role.keyPath] = .named(name: member.name, email: "")
      }
    }
    return s
  }

  /// Whether a finding in `m` (the whole store) concerns what this user sees.
  public func sees(_ finding: Finding, in m: Municipality) -> Bool {
    guard let own = department else { return true }
    switch finding.target {
    case .service(let id): return m.service(id)?.department == own
    case .staff(let id): return m.staffMember(id)?.department == own
    case .department(let id): return id == own
    case .order(let id): return m.orders[id: id]?.department == own
    case .outage, .contacts: return true
    case .users, nil: return false
    }
  }

  /// What needs attention, as this user may see it: the findings of the whole store
  /// (so a rule that depends on another department's data is judged on all of it),
  /// of which a manager keeps those about their own department, outages and contacts.
  public func findings(in m: Municipality, at now: Date) -> [Finding] {
    let all = Findings.all(in: m, at: now)
    return seesEverything ? all : all.filter { sees($0, in: m) }
  }
}

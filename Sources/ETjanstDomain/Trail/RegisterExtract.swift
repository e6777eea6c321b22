import Foundation

/// A register extract (registerutdrag, GDPR article 15): everything the store and the
/// audit trail hold about one person, in one language, for that person to read. Made
/// from the store as the requesting user may see it (a manager: their own
/// department's people) and from the trail only when they may read it.
public struct RegisterExtract: Codable, Sendable, Equatable {
  public var municipality: String
  public var madeAt: Date
  public var language: String
  public var person: Person
  public var grants: [Grant]
  public var cases: [CaseLine]
  public var checklists: [Tick]
  public var serviceRoles: [ServiceRoleLine]
  /// The requests about the person and those they filed.
  public var requests: [RequestLine]
  /// Nil when the trail was not read (the requesting user may not read it).
  public var trail: [TrailLine]?

  public struct Person: Codable, Sendable, Equatable {
    public var name: String
    public var login: String
    public var staffID: String?
    public var department: String?
    public var manager: String?
    public var startDate: String?
    public var endDate: String?
    public var status: String?
    public var documentSigning: Bool?
    public var removalReason: String?
    /// Their role as a user of etjanst, if they are one.
    public var userRole: String?
  }

  public struct Grant: Codable, Sendable, Equatable {
    public var service: String
    public var validFrom: String
    public var validTo: String?
  }

  public struct CaseLine: Codable, Sendable, Equatable {
    public var number: String
    public var service: String
    public var status: String
    public var transferredFrom: String?
  }

  public struct Tick: Codable, Sendable, Equatable {
    public var checklist: String
    public var step: String
    public var doneBy: String?
    public var doneAt: Date?
    public var note: String?
  }

  public struct ServiceRoleLine: Codable, Sendable, Equatable {
    public var service: String
    public var role: String
  }

  public struct RequestLine: Codable, Sendable, Equatable {
    public var sent: Date
    public var kind: String
    public var state: String
    public var sender: String
    public var subject: String
    public var answeredBy: String?
    public var reason: String?
  }

  public struct TrailLine: Codable, Sendable, Equatable {
    public var at: Date
    public var by: String
    public var what: String
    public var changes: String
  }

  /// The person `key` names (a login, or a staff id) in `m`, or nil when `m` holds no
  /// staff record and no user with it.
  public static func make(
    _ key: String, in m: Municipality, trail: [AuditEntry]?, language: Language, now: Date
  ) -> RegisterExtract? {
    let t = { (text: LocalizedText) in text(language) }
    let staff = m.staff.first { $0.login == key || $0.id.rawValue == key }
    let login = staff?.login ?? key
    let user = m.user(login: login)
    guard staff != nil || user != nil else { return nil }
    let role = user.map { user -> String in
      switch user.role {
      case .eCoordinator: return t(LocalizedText(sv: "e-samordnare", en: "e-coordinator"))
      case .manager(let department):
        return t(LocalizedText(sv: "chef", en: "manager")) + ", " + m.departmentName(department)
      }
    }
    let person = Person(
      name: staff?.name ?? user?.name ?? login, login: login, staffID: staff?.id.rawValue,
      department: staff.map { m.departmentName($0.department) },
      manager: staff.map { m.displayName(login: $0.manager) },
      startDate: staff?.startDate.description, endDate: staff?.endDate?.description,
      status: staff.map { t($0.status.label) }, documentSigning: staff?.canSign,
      removalReason: staff?.removalOverride, userRole: role)
    let grants = (staff?.grants ?? []).map { grant in
      Grant(
        service: m.service(grant.service)?.name ?? grant.service.rawValue,
        validFrom: grant.validFrom.description, validTo: grant.validTo?.description)
    }
    let cases =
      staff.map { member in
        m.cases.filter { $0.officer == member.id || $0.transferredFrom == member.id }.map { c in
          CaseLine(
            number: c.number, service: m.service(c.service)?.name ?? c.service.rawValue,
            status: t(c.status.label),
            transferredFrom: c.transferredFrom.flatMap { m.staffMember($0)?.name })
        }
      } ?? []
    var ticks: [Tick] = []
    for (title, list) in [
      (LocalizedText(sv: "Introduktion (4.1)", en: "Onboarding (4.1)"), staff?.onboarding),
      (LocalizedText(sv: "Avslut (4.2)", en: "Offboarding (4.2)"), staff?.offboarding),
    ] {
      for item in list?.items ?? [] {
        ticks.append(
          Tick(
            checklist: t(title), step: t(item.step.label), doneBy: item.doneBy.map(m.displayName),
            doneAt: item.doneAt,
            note: item.note.isEmpty ? nil : item.note))
      }
    }
    var roles: [ServiceRoleLine] = []
    for service in m.services {
      for role in ServiceRole.allCases {
        switch service.roles[keyPath: role.keyPath] {
        case .staff(let id)? where id == staff?.id:
          roles.append(ServiceRoleLine(service: service.name, role: t(role.label)))
        case .named(let name, _)? where name == person.name:
          roles.append(ServiceRoleLine(service: service.name, role: t(role.label)))
        default: break
        }
      }
    }
    let requests = m.requests.filter { r in
      r.sender == login || (staff != nil && r.person == staff?.id)
        || (r.kind == .newEmployee && r.person == nil && !login.isEmpty && r.login == login)
    }.map { r in
      RequestLine(
        sent: r.sent, kind: t(r.kind.label), state: t(m.state(of: r).label),
        sender: m.displayName(login: r.sender), subject: m.subject(of: r),
        answeredBy: r.answeredBy.map(m.displayName), reason: r.reason.isEmpty ? nil : r.reason)
    }
    let lines = trail.map { entries in
      entries.map { entry in
        TrailLine(
          at: entry.at, by: entry.who, what: entry.summary(language),
          changes: entry.details(language))
      }
    }
    return RegisterExtract(
      municipality: m.name, madeAt: now, language: language.rawValue, person: person,
      grants: grants, cases: cases, checklists: ticks, serviceRoles: roles, requests: requests,
      trail: lines)
  }

  /// The trail entries about the person `key` names, or made by them.
  public static func trailQuery(_ key: String, in m: Municipality) -> AuditQuery {
    AuditQuery(person: .find(key, in: m))
  }
}

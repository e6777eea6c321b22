import ETjanstDomain
import Foundation

/// The people a manager must not be shown: everyone who belongs to another
/// department — its staff, its managers, its routine's responsible person, its
/// orders' contacts, the people named on its e-services and in their reports —
/// except the e-coordinator and the municipality's published contacts, and except
/// the holders of roles on the manager's own department's e-services.
public enum VisibilityFixtures {
  public static func namesHidden(from manager: User, in m: Municipality) -> Set<String> {
    guard let own = manager.role.department else { return [] }
    var hidden = Set<String>()
    for p in m.staff where p.department != own { hidden.insert(p.name) }
    for u in m.users where u.role.department != nil && u.role.department != own {
      hidden.insert(u.name)
    }
    for d in m.departments where d.id != own {
      if let who = d.fallbackRoutine?.responsible.split(separator: ",").first {
        hidden.insert(String(who).trimmingCharacters(in: .whitespaces))
      }
    }
    for o in m.orders where o.department != own { hidden.insert(o.contactPerson) }
    for s in m.services where s.department != own {
      for (_, person) in s.people {
        if case .named(let name, _) = person { hidden.insert(name) }
      }
      for r in s.reports { hidden.insert(r.reportedBy) }
    }
    var allowed = Set(m.users.filter { $0.role == .eCoordinator }.map(\.name))
    allowed.insert(manager.name)
    for card in [m.contacts.eCoordinator, m.contacts.systemAdministrator] {
      allowed.insert(card.name)
    }
    for s in m.services where s.department == own {
      for (_, person) in s.people {
        switch person {
        case .named(let name, _): allowed.insert(name)
        case .staff(let id): if let p = m.staffMember(id) { allowed.insert(p.name) }
        }
      }
    }
    return hidden.subtracting(allowed).filter { !$0.isEmpty }
  }

  /// The demo's manager of the social services (login "chef.soc").
  public static func demoManager(_ m: Municipality, login: String = "chef.soc") -> User {
    m.user(login: login)!
  }
}

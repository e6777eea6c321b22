import Foundation

/// Lookups for many commands applied one after another to one growing state (an
/// import's rows, `ImportRows`): who has a login, which names an e-service takes in a
/// department, who a manager is. Each is built on first use and then only extended
/// with what the rows appended since (an import only appends), so a file of 200,000
/// rows is checked in time linear in its rows rather than a scan of the lists per
/// row. The rules stay in their commands; they ask this instead of scanning when
/// their context carries one (`CommandContext.batch`).
///
/// A reference, so the commands of one import share it through their context; used
/// by one import at a time.
public final class ImportBatch: @unchecked Sendable {
  private var staffSeen = 0
  private var logins: [String: String] = [:]
  private var managerNames: [String: Set<String>] = [:]
  private var managerLogins: [String: String] = [:]
  private var usersSeen = false
  private var servicesSeen = 0
  private var serviceIDs = Set<EntityID<EService>>()
  private var serviceNames: [EntityID<Department>: [String: [(EntityID<EService>, String)]]] = [:]

  public init() {}

  /// The name of whoever on the staff has `login` (in any case), if anyone.
  func loginOwner(_ login: String, in m: Municipality) -> String? {
    catchUpStaff(m)
    return logins[StaffMember.loginKey(login)]
  }

  /// The logins a manager text may name, as `Municipality.managerLogin` reads it: a
  /// login (users first), else everyone of that name.
  func manager(_ folded: String, in m: Municipality) -> (login: String?, named: Set<String>) {
    catchUpStaff(m)
    return (managerLogins[folded], managerNames[folded] ?? [])
  }

  func hasService(_ id: EntityID<EService>, in m: Municipality) -> Bool {
    catchUpServices(m)
    return serviceIDs.contains(id)
  }

  /// Whether another e-service of `department` than `id` has `name`, as
  /// `SwedishCollation.compare` says: only the names of the same key are compared.
  func twin(
    _ name: String, in department: EntityID<Department>, except id: EntityID<EService>?,
    _ m: Municipality
  ) -> Bool {
    catchUpServices(m)
    return (serviceNames[department]?[Self.nameKey(name)] ?? []).contains {
      $0.0 != id && SwedishCollation.compare($0.1, name) == .orderedSame
    }
  }

  /// A key that two names `SwedishCollation.compare` calls the same always share:
  /// folded case, and numbers by value (it compares "01" and "1" as the same), so
  /// "Blankett 1" … "Blankett 300" fall under keys of their own.
  static func nameKey(_ name: String) -> String {
    var key = ""
    var inNumber = false
    for c in name.folding(options: [.caseInsensitive], locale: SwedishCollation.locale) {
      if c.isASCII, c.isNumber {
        // A number's leading zeros are left out.
        if c == "0", !inNumber { continue }
        inNumber = true
        key.append(c)
        continue
      }
      inNumber = false
      // Other digits are left out: such a name is compared with all its key's.
      if !c.isNumber { key.append(c) }
    }
    return key
  }

  /// A name or login as it is matched, whatever its case.
  public static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive], locale: nil)
  }

  private func catchUpStaff(_ m: Municipality) {
    if !usersSeen {
      usersSeen = true
      for user in m.users {
        let login = Self.fold(user.login)
        if managerLogins[login] == nil { managerLogins[login] = user.login }
        managerNames[Self.fold(user.name), default: []].insert(user.login)
      }
    }
    guard staffSeen < m.staff.count else { return }
    for i in staffSeen..<m.staff.count {
      let person = m.staff[i]
      let key = StaffMember.loginKey(person.login)
      if logins[key] == nil { logins[key] = person.name }
      let login = Self.fold(person.login)
      if managerLogins[login] == nil { managerLogins[login] = person.login }
      if person.status != .removed {
        managerNames[Self.fold(person.name), default: []].insert(person.login)
      }
    }
    staffSeen = m.staff.count
  }

  private func catchUpServices(_ m: Municipality) {
    guard servicesSeen < m.services.count else { return }
    for i in servicesSeen..<m.services.count {
      let s = m.services[i]
      serviceIDs.insert(s.id)
      serviceNames[s.department, default: [:]][Self.nameKey(s.name), default: []].append(
        (s.id, s.name))
    }
    servicesSeen = m.services.count
  }
}

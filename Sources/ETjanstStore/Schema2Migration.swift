import Foundation

/// Schema 1 → 2, on the raw property list:
/// - the enums with associated values lose Swift's own coding: `{staff: {_0: id}}`
///   becomes `{kind: "staff", staff: id}`, `{named: {name, email}}` becomes
///   `{kind: "named", name, email}`, roles `{eCoordinator: {}}` and
///   `{manager: {department}}` become `{kind: …}` dictionaries, outage scopes
///   `{wholePlatform: {}}` and `{services: {_0: [ids]}}` likewise;
/// - who did what (`doneBy`, `by` of status and step changes and holds, `refusedBy`)
///   and a staff member's `manager` hold a login instead of a display name: a user's
///   login when a user has that name, else a staff member's, else the text is kept
///   as it was (it still shows as written).
enum Schema2Migration {
  static let step = StoreMigration(from: 1) { root in
    guard var m = root["municipality"] as? [String: Any] else { return }
    let logins = LoginsByName(m)
    m["users"] = mapArray(m["users"]) { user in
      var user = user
      if let role = user["role"] { user["role"] = tagged(role) }
      return user
    }
    m["services"] = mapArray(m["services"]) { service in
      var service = service
      if var roles = service["roles"] as? [String: Any] {
        for (key, value) in roles { roles[key] = tagged(value) }
        service["roles"] = roles
      }
      service["statusHistory"] = mapArray(service["statusHistory"]) { logins.replace("by", in: $0) }
      return service
    }
    m["outages"] = mapArray(m["outages"]) { outage in
      var outage = outage
      if let scope = outage["scope"] { outage["scope"] = tagged(scope) }
      return outage
    }
    m["staff"] = mapArray(m["staff"]) { person in
      var person = logins.replace("manager", in: person)
      for list in ["onboarding", "offboarding"] {
        guard var checklist = person[list] as? [String: Any] else { continue }
        checklist["items"] = mapArray(checklist["items"]) { logins.replace("doneBy", in: $0) }
        person[list] = checklist
      }
      return person
    }
    m["orders"] = mapArray(m["orders"]) { order in
      var order = order
      order["stepHistory"] = mapArray(order["stepHistory"]) { logins.replace("by", in: $0) }
      if let hold = order["hold"] as? [String: Any] {
        order["hold"] = logins.replace("by", in: hold)
      }
      return order
    }
    m["refusedOrders"] = mapArray(m["refusedOrders"]) { logins.replace("refusedBy", in: $0) }
    root["municipality"] = m
  }

  /// `{case: {_0: value}}` or `{case: {field: value, …}}` → `{kind: case, …}`: a lone
  /// `_0` takes the case's name as its key (`staff`, `services`).
  static func tagged(_ value: Any) -> Any {
    guard let dict = value as? [String: Any], dict.count == 1, let (kind, payload) = dict.first,
      dict["kind"] == nil
    else { return value }
    var out: [String: Any] = ["kind": kind]
    if let fields = payload as? [String: Any] {
      for (key, field) in fields { out[key == "_0" ? kind : key] = field }
    }
    return out
  }

  private static func mapArray(_ value: Any?, _ body: ([String: Any]) -> [String: Any]) -> Any? {
    guard let array = value as? [Any] else { return value }
    return array.map { element in (element as? [String: Any]).map(body) ?? element }
  }

  /// Display names of schema 1 to the logins schema 2 keeps.
  struct LoginsByName {
    var known: Set<String> = []
    var byName: [String: String] = [:]

    init(_ m: [String: Any]) {
      let users = (m["users"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
      let staff = (m["staff"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
      // Staff first, users last: a user's login wins over a staff member's of the same name;
      // among users of one name, the first in the file.
      for person in staff.reversed() where (person["status"] as? String) != "removed" {
        add(person)
      }
      for user in users.reversed() { add(user) }
    }

    private mutating func add(_ person: [String: Any]) {
      guard let login = person["login"] as? String, !login.isEmpty else { return }
      known.insert(login)
      if let name = person["name"] as? String { byName[name] = login }
    }

    func replace(_ key: String, in dict: [String: Any]) -> [String: Any] {
      guard let text = dict[key] as? String, !known.contains(text), let login = byName[text]
      else { return dict }
      var dict = dict
      dict[key] = login
      return dict
    }
  }
}

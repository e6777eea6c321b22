import Foundation

// What a change did, entity by entity and field by field, for the audit trail: the
// field model's account of the change (`Change.entityChanges`), kept as text in both
// languages so the trail reads the same after the model changes, plus the department
// each entity belonged to, for a manager's view.

extension AuditSubject {
  /// How many entities one trail line names in full; a change that touches more (an
  /// import of 200,000 cases) names the first ones and counts the rest by kind and
  /// action (`AuditEntry.more`), so every line stays readable and bounded.
  public static let limit = 1_000

  /// The entities `change` added, changed or removed, with old → new per field: at
  /// most `limit`, and the count of the rest by kind and action.
  public static func subjects(of change: Change) -> (named: [AuditSubject], more: [AuditTally]) {
    let all = change.entityChanges(naming: limit)
    var after = Departments(change.after)
    var before = Departments(change.before)
    let named = all.named.map { entity in
      AuditSubject(
        type: entity.entityType, id: entity.id, name: entity.name,
        action: Action(rawValue: entity.kind.rawValue) ?? .changed,
        department: after.of(entity.entityType, entity.id)
          ?? before.of(entity.entityType, entity.id),
        fields: entity.fields.map(AuditField.init))
    }
    var more: [AuditTally] = []
    for counted in all.more {
      let action = Action(rawValue: counted.kind.rawValue) ?? .changed
      if let i = more.firstIndex(where: { $0.type == counted.entityType && $0.action == action }) {
        more[i].count += counted.count
      } else {
        more.append(AuditTally(type: counted.entityType, action: action, count: counted.count))
      }
    }
    return (named, more)
  }

  /// The departments of one state's entities, the cases' looked up by id once for
  /// all (a scan of the cases per subject made a large import quadratic).
  struct Departments {
    let m: Municipality
    private var cases: [String: EntityID<StaffMember>]?

    init(_ m: Municipality) { self.m = m }

    mutating func of(_ type: String, _ id: String) -> String? {
      guard type == "case" else { return AuditSubject.department(type, id, m) }
      if cases == nil {
        var officers: [String: EntityID<StaffMember>] = [:]
        officers.reserveCapacity(m.cases.count)
        for c in m.cases where officers[c.id.rawValue] == nil {
          officers[c.id.rawValue] = c.officer
        }
        cases = officers
      }
      return cases?[id].flatMap { m.staffMember($0)?.department.rawValue }
    }
  }

  /// The department an entity belongs to, where it has one.
  static func department(_ type: String, _ id: String, _ m: Municipality) -> String? {
    switch type {
    case "staffMember": return m.staffMember(EntityID(id))?.department.rawValue
    case "case":
      return m.cases[id: EntityID(id)].flatMap { m.staffMember($0.officer)?.department.rawValue }
    case "user": return m.user(login: id)?.role.department?.rawValue
    case "eService": return m.service(EntityID(id))?.department.rawValue
    case "serviceOrder": return m.orders[id: EntityID(id)]?.department.rawValue
    case "refusedOrder": return m.refusedOrders[id: EntityID(id)]?.department.rawValue
    case "request": return m.requests[id: EntityID(id)]?.department.rawValue
    case "department": return id
    default: return nil
    }
  }
}

extension AuditField {
  /// The stored form of one field change; an empty text means no value.
  init(_ change: FieldChange) {
    func value(_ text: LocalizedText) -> LocalizedText? { text.sv.isEmpty ? nil : text }
    self.init(
      field: change.name, label: change.label, ref: Self.key(in: change.name),
      old: value(change.oldText), new: value(change.newText))
  }

  /// The key of the list element a field name points into: "grants[svc-x].validTo"
  /// → "svc-x".
  static func key(in name: String) -> String? {
    guard let open = name.firstIndex(of: "["),
      let close = name[open...].firstIndex(of: "]")
    else { return nil }
    return String(name[name.index(after: open)..<close])
  }
}

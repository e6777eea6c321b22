import Foundation

// What a change did, entity by entity and field by field, for the audit trail: the
// field model's account of the change (`Change.entityChanges`), kept as text in both
// languages so the trail reads the same after the model changes, plus the department
// each entity belonged to, for a manager's view.

extension AuditSubject {
  /// The entities `change` added, changed or removed, with old → new per field.
  public static func subjects(of change: Change) -> [AuditSubject] {
    change.entityChanges.map { entity in
      AuditSubject(
        type: entity.entityType, id: entity.id, name: entity.name,
        action: Action(rawValue: entity.kind.rawValue) ?? .changed,
        department: department(entity.entityType, entity.id, change.after)
          ?? department(entity.entityType, entity.id, change.before),
        fields: entity.fields.map(AuditField.init))
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

import Foundation

// What a change did, entity by entity and field by field, for the audit trail.
//
// A seam: the trail needs old → new per field with readable labels; this derives it
// generically from the entities' Codable form (every stored field, so a field added
// later is covered without touching this file), with the fields a reader asks
// about most — a person's access per e-service, checklist ticks, references to
// other entities — spelt out.

extension AuditSubject {
  /// The entities that differ between `before` and `after`, with their changed fields.
  public static func changes(from before: Municipality, to after: Municipality) -> [AuditSubject] {
    let names = Names(before: before, after: after)
    var subjects: [AuditSubject] = []
    if before.name != after.name {
      subjects.append(
        AuditSubject(
          type: .municipality, id: "municipality", name: after.name, action: .changed,
          fields: [
            FieldChange(field: "name", label: label("name"), old: before.name, new: after.name)
          ]
        ))
    }
    subjects += single(.contacts, before.contacts, after.contacts, names)
    subjects += single(.settings, before.settings, after.settings, names)
    subjects += entities(\.users, .user, before, after, names) { user, _ in
      (user.name, user.role.department?.rawValue)
    }
    subjects += entities(\.departments, .department, before, after, names) { department, _ in
      (department.name, department.id.rawValue)
    }
    subjects += entities(\.services, .service, before, after, names) { service, _ in
      (service.name, service.department.rawValue)
    }
    subjects += entities(\.staff, .staff, before, after, names) { person, _ in
      (person.name, person.department.rawValue)
    }
    subjects += entities(\.cases, .case, before, after, names) { item, names in
      (item.number, names.staffDepartment(item.officer))
    }
    subjects += entities(\.orders, .order, before, after, names) { order, _ in
      (order.title, order.department.rawValue)
    }
    subjects += entities(\.refusedOrders, .refusedOrder, before, after, names) { order, _ in
      (order.title, order.department.rawValue)
    }
    subjects += entities(\.outages, .outage, before, after, names) { outage, _ in
      (outageName(outage, names), nil)
    }
    return subjects
  }

  private static func single<T: Encodable & Equatable>(
    _ type: Kind, _ old: T, _ new: T, _ names: Names
  ) -> [AuditSubject] {
    guard old != new else { return [] }
    return [
      AuditSubject(
        type: type, id: type.rawValue, name: type.rawValue, action: .changed,
        fields: fieldChanges(old, new, names))
    ]
  }

  private static func entities<E: Identifiable & Equatable & Encodable>(
    _ path: KeyPath<Municipality, [E]>, _ type: Kind, _ before: Municipality,
    _ after: Municipality, _ names: Names, describe: (E, Names) -> (String, String?)
  ) -> [AuditSubject] where E.ID: CustomStringConvertible {
    let old = before[keyPath: path]
    let new = after[keyPath: path]
    // The common change touches one entity: compare in place before building maps.
    if old == new { return [] }
    let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let newIDs = Set(new.map(\.id))
    var subjects: [AuditSubject] = []
    for entity in new where oldByID[entity.id] != entity {
      let previous = oldByID[entity.id]
      let (name, department) = describe(entity, names)
      subjects.append(
        AuditSubject(
          type: type, id: entity.id.description, name: name,
          action: previous == nil ? .added : .changed, department: department,
          fields: fieldChanges(previous, entity, names)))
    }
    for entity in old where !newIDs.contains(entity.id) {
      let (name, department) = describe(entity, names)
      subjects.append(
        AuditSubject(
          type: type, id: entity.id.description, name: name, action: .removed,
          department: department, fields: fieldChanges(entity, nil, names)))
    }
    return subjects
  }

  private static func outageName(_ outage: Outage, _ names: Names) -> String {
    AuditValue.shortTime(ISO8601DateFormatter().string(from: outage.start))
  }
}

/// Names of the entities a field refers to, from after the change, else before.
struct Names {
  let before: Municipality
  let after: Municipality

  func department(_ id: String) -> String? {
    let id = EntityID<Department>(id)
    return (after.department(id) ?? before.department(id))?.name
  }
  func service(_ id: String) -> String? {
    let id = EntityID<EService>(id)
    return (after.service(id) ?? before.service(id))?.name
  }
  func staff(_ id: String) -> String? {
    let id = EntityID<StaffMember>(id)
    return (after.staffMember(id) ?? before.staffMember(id))?.name
  }
  func staffDepartment(_ id: EntityID<StaffMember>) -> String? {
    (after.staffMember(id) ?? before.staffMember(id))?.department.rawValue
  }
  func name(_ key: String, _ id: String) -> String? {
    switch key {
    case "department": return department(id)
    case "service": return service(id)
    case "officer", "transferredFrom": return staff(id)
    default: return nil
    }
  }
}

/// Field by field, from the entities' JSON form: keys in a stable order, values as
/// short readable text.
private func fieldChanges<T: Encodable>(_ old: T?, _ new: T?, _ names: Names) -> [FieldChange] {
  let a = old.map { AuditValue.object($0) } ?? [:]
  let b = new.map { AuditValue.object($0) } ?? [:]
  var changes: [FieldChange] = []
  for key in Set(a.keys).union(b.keys).sorted() where key != "id" {
    let x = a[key]
    let y = b[key]
    if x == y { continue }
    switch key {
    case "grants":
      changes += grantChanges(x, y, names)
    case "onboarding", "offboarding":
      changes += checklistChanges(key, x, y)
    case "department", "service", "officer", "transferredFrom":
      let ref = y?.string ?? x?.string
      changes.append(
        FieldChange(
          field: key, label: label(key), ref: ref, refName: ref.flatMap { names.name(key, $0) },
          old: x?.string.map { names.name(key, $0) ?? $0 },
          new: y?.string.map { names.name(key, $0) ?? $0 }))
    default:
      changes.append(
        FieldChange(field: key, label: label(key), old: AuditValue.text(x), new: AuditValue.text(y))
      )
    }
  }
  return changes
}

/// One change per e-service whose access was given, changed or taken away; the
/// value is the period ("2026-01-05 – 2026-06-30", open-ended "2026-01-05 –").
private func grantChanges(_ old: JSONValue?, _ new: JSONValue?, _ names: Names) -> [FieldChange] {
  func periods(_ value: JSONValue?) -> [String: String] {
    var result: [String: String] = [:]
    for grant in value?.array ?? [] {
      guard let service = grant["service"]?.string else { continue }
      let from = grant["validFrom"]?.string ?? ""
      let to = grant["validTo"]?.string ?? ""
      result[service] = "\(from) – \(to)".trimmingCharacters(in: .whitespaces)
    }
    return result
  }
  let a = periods(old)
  let b = periods(new)
  return Set(a.keys).union(b.keys).sorted().compactMap { service in
    guard a[service] != b[service] else { return nil }
    return FieldChange(
      field: "grants", label: label("grants"), ref: service,
      refName: names.service(service) ?? service, old: a[service], new: b[service])
  }
}

/// One change per checklist step ticked (or added, or removed), plus the due day.
private func checklistChanges(_ key: String, _ old: JSONValue?, _ new: JSONValue?)
  -> [FieldChange]
{
  func items(_ list: JSONValue?) -> [String: String] {
    var result: [String: String] = [:]
    for item in list?["items"]?.array ?? [] {
      guard let step = item["step"]?.string else { continue }
      let done = item["doneAt"]?.string.map { at in
        [item["doneBy"]?.string, AuditValue.shortTime(at)].compactMap { $0 }
          .joined(separator: " ")
      }
      let note = item["note"]?.string.flatMap { $0.isEmpty ? nil : $0 }
      result[step] = [done ?? "–", note].compactMap { $0 }.joined(separator: " · ")
    }
    if let due = list?["due"]?.string { result["due"] = due }
    return result
  }
  let a = items(old)
  let b = items(new)
  let title = label(key)
  return Set(a.keys).union(b.keys).sorted().compactMap { step in
    guard a[step] != b[step] else { return nil }
    let stepLabel =
      ChecklistStep(rawValue: step)?.label ?? LocalizedText(sv: "klar senast", en: "due")
    return FieldChange(
      field: "\(key).\(step)",
      label: LocalizedText(sv: "\(title.sv): \(stepLabel.sv)", en: "\(title.en): \(stepLabel.en)"),
      old: a[step], new: b[step])
  }
}

/// A field's label in both languages; the key itself for a field not named here.
func label(_ key: String) -> LocalizedText {
  let known: [String: (String, String)] = [
    "name": ("Namn", "Name"), "login": ("Inloggning", "Login"),
    "department": ("Förvaltning", "Department"), "manager": ("Närmaste chef", "Manager"),
    "startDate": ("Startdatum", "Start date"), "endDate": ("Slutdatum", "End date"),
    "status": ("Status", "Status"), "canSign": ("Dokumentsignering", "Document signing"),
    "removalOverride": ("Skäl för borttagning", "Reason for removal"),
    "grants": ("Behörighet", "Access"), "onboarding": ("Introduktion", "Onboarding"),
    "offboarding": ("Avslut", "Offboarding"), "number": ("Ärendenummer", "Case number"),
    "service": ("E-tjänst", "E-service"), "officer": ("Handläggare", "Case officer"),
    "transferredFrom": ("Överfört från", "Transferred from"), "role": ("Roll", "Role"),
    "title": ("Titel", "Title"), "step": ("Steg", "Step"),
  ]
  guard let (sv, en) = known[key] else { return LocalizedText(verbatim: key) }
  return LocalizedText(sv: sv, en: en)
}

/// A stored value in its JSON form, compared and shown without Foundation's
/// untyped JSONSerialization (whose booleans and numbers differ between platforms).
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }
  var array: [JSONValue] {
    if case .array(let value) = self { return value }
    return []
  }
  subscript(key: String) -> JSONValue? {
    if case .object(let value) = self { return value[key] }
    return nil
  }
}

/// Values as the trail shows them.
enum AuditValue {
  static func object<T: Encodable>(_ value: T) -> [String: JSONValue] {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(value),
      case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: data)
    else { return [:] }
    return object
  }

  /// Short text for a value: strings as they are, booleans as true/false (the
  /// reader translates), whole numbers without a fraction, anything nested as
  /// compact JSON.
  static func text(_ value: JSONValue?) -> String? {
    switch value {
    case nil, .null?: return nil
    case .bool(let flag)?: return flag ? "true" : "false"
    case .string(let text)?: return text
    case .number(let number)?:
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int64(number)) : String(number)
    case .array(let items)?:
      return "[" + items.map { text($0) ?? "null" }.joined(separator: ", ") + "]"
    case .object(let fields)?:
      return "{"
        + fields.keys.sorted().map { "\($0): \(text(fields[$0]) ?? "null")" }
        .joined(separator: ", ") + "}"
    }
  }

  /// "2026-11-27T12:29:00Z" → "2026-11-27 12:29" (UTC as stored).
  static func shortTime(_ iso: String) -> String {
    guard iso.count >= 16 else { return iso }
    return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5)
  }
}

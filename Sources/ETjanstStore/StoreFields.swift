import ETjanstDomain
import Foundation

// The store's coding of an entity, built from its field declarations
// (`FieldedEntity.storedFields`): each field is written under its key, in the
// declared order, and read back from it. What this file knows is how each *type*
// of value is written (`StoreValue`); which fields an entity has, their keys and
// what a missing key means are the domain's declarations. Each entity's coders
// are made once (`StoredEntity.coders`); a value's reading goes through its
// type's witness and the field's key path, with no dynamic casts per value.

/// A type of value the store knows how to write and read under a key.
protocol StoreValue {
  /// The value as the file holds it; nil leaves the key out (an absent optional).
  func stored() -> PropertyList?
  /// The value under `key` in `f` (which reports where a value is wrong).
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Self
  /// The value straight from the bytes at `r` (the one-pass load), as `read(_:_:)` would
  /// take it; anything else is a `Deviation` (StoreFields+Direct.swift).
  static func read(from r: inout XMLReader, depth: Int) throws -> Self
  /// What a missing key reads as where that is no refusal (an optional's nil).
  static var whenMissing: Self? { get }
}

/// A type of value that is an element of a stored list.
protocol StoreElement {
  func storedElement() -> PropertyList
  static func readElement(_ f: StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Self
  /// The item straight from the bytes at `r`, as `readElement(_:)` would take it.
  static func readElement(from r: inout XMLReader, depth: Int) throws -> Self
  /// A list of them straight from the bytes at `r` (`Array.read(from:depth:)`).
  static func readList(from r: inout XMLReader, depth: Int) throws -> [Self]
}

/// An entity coded field by field from its declarations.
protocol StoredEntity: FieldedEntity, StoreValue, StoreElement {
  /// The entity every read starts from: each stored field is then set on it.
  static var blank: Self { get }
  static var coders: FieldCoders<Self> { get }
}

extension StoredEntity {
  func storedElement() -> PropertyList { Self.coders.encode(self) }
  static func readElement(_ f: StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Self {
    try coders.decode(f)
  }
  func stored() -> PropertyList? { storedElement() }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Self {
    try readElement(try f.dict(key))
  }
}

/// One entity's fields, each with how it is written and read.
struct FieldCoders<Entity: StoredEntity>: Sendable {
  struct Coder: Sendable {
    var key: String
    var encode: @Sendable (Entity) -> PropertyList?
    var decode: @Sendable (inout Entity, StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Void
    /// The one-pass load's: the key as the file holds it, the value read from the bytes,
    /// and what a missing key sets (nil: the key is required).
    var keyBytes: [UInt8]
    var read: @Sendable (inout Entity, inout XMLReader, Int) throws -> Void
    var absent: (@Sendable (inout Entity) -> Void)?

    @inline(__always)
    func isKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      bytes.count == keyBytes.count
        && keyBytes.withUnsafeBufferPointer {
          memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
    }
  }

  let coders: [Coder]
  /// The coders' places in the order of their keys' bytes, the order the writer
  /// writes them in (`decode(from:depth:)`).
  let sorted: [Int]

  init(_ fields: [AnyField<Entity>]) {
    coders = fields.map { field in
      func open<F: TypedField<Entity>>(_ typed: F) -> Coder {
        guard let type = F.Value.self as? any StoreValue.Type else {
          preconditionFailure("the store cannot write \(F.Value.self) (\(field.name))")
        }
        return Self.coder(type, typed.field)
      }
      return open(field.typed)
    }
    let coders = coders
    sorted = coders.indices.sorted {
      coders[$0].keyBytes.lexicographicallyPrecedes(coders[$1].keyBytes)
    }
  }

  private static func coder<V: StoreValue, Value>(_: V.Type, _ field: Field<Entity, Value>)
    -> Coder
  {
    // Key paths are immutable values; they are not yet marked Sendable.
    nonisolated(unsafe) let path = field.keyPath as! WritableKeyPath<Entity, V>
    let absentValue = field.places.absent.map { $0 as! V }
    let decode = decoder(field.key, path, absentValue)
    let read: @Sendable (inout Entity, inout XMLReader, Int) throws -> Void = { e, r, depth in
      e[keyPath: path] = try V.read(from: &r, depth: depth)
    }
    var setAbsent: (@Sendable (inout Entity) -> Void)?
    if let absentValue = absentValue ?? V.whenMissing {
      nonisolated(unsafe) let present = absentValue
      setAbsent = { $0[keyPath: path] = present }
    }
    let encode: @Sendable (Entity) -> PropertyList?
    if field.places.absentLeftOut, let absent = field.places.absent {
      // Written only while it holds another value than the one its absence means.
      nonisolated(unsafe) let value = field.keyPath
      encode = { $0[keyPath: value] == absent ? nil : $0[keyPath: path].stored() }
    } else {
      encode = { $0[keyPath: path].stored() }
    }
    return Coder(
      key: field.key, encode: encode, decode: decode, keyBytes: Array(field.key.utf8),
      read: read, absent: setAbsent)
  }

  private static func decoder<V: StoreValue>(
    _ key: String, _ path: WritableKeyPath<Entity, V>, _ absent: V?
  ) -> @Sendable (inout Entity, StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Void {
    nonisolated(unsafe) let path = path
    // A field every file holds reads with no optional of the value's type: in these
    // unspecialized closures, one fetched its type's metadata from the runtime's cache
    // at every value, ~5% of a region's load.
    guard let absent else {
      return { (e: inout Entity, f: StoreCodec.In) throws(StoreCodec.DecodeFailure) in
        e[keyPath: path] = try V.read(f, key)
      }
    }
    nonisolated(unsafe) let present = absent
    return { (e: inout Entity, f: StoreCodec.In) throws(StoreCodec.DecodeFailure) in
      if !f.has(key) {
        e[keyPath: path] = present
      } else {
        e[keyPath: path] = try V.read(f, key)
      }
    }
  }

  func encode(_ e: Entity) -> PropertyList {
    var o = StoreCodec.Out()
    for c in coders { o[c.key] = c.encode(e) }
    return o.value
  }

  func decode(_ f: StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Entity {
    var e = Entity.blank
    for c in coders { try c.decode(&e, f) }
    return e
  }
}

// MARK: - The types of value

extension String: StoreValue, StoreElement {
  func stored() -> PropertyList? { .string(self) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> String {
    try f.string(key)
  }
  func storedElement() -> PropertyList { .string(self) }
  static func readElement(_ f: StoreCodec.In) throws(StoreCodec.DecodeFailure) -> String {
    try f.text()
  }
}

extension Int: StoreValue {
  func stored() -> PropertyList? { .integer(self) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Int {
    try f.int(key)
  }
}

extension Bool: StoreValue {
  func stored() -> PropertyList? { .bool(self) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Bool {
    try f.bool(key)
  }
}

extension Date: StoreValue {
  func stored() -> PropertyList? { .date(self) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Date {
    try f.date(key)
  }
}

extension Day: StoreValue {
  func stored() -> PropertyList? { StoreCodec.day(self) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Day {
    try f.day(key)
  }
}

extension EntityID: StoreValue, StoreElement {
  func stored() -> PropertyList? { .string(rawValue) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Self {
    try f.id(key)
  }
  func storedElement() -> PropertyList { .string(rawValue) }
  static func readElement(_ f: StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Self {
    EntityID(try f.text())
  }
}

extension Optional: StoreValue where Wrapped: StoreValue {
  func stored() -> PropertyList? { self?.stored() }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Self {
    f.has(key) ? try Wrapped.read(f, key) : nil
  }
}

extension Array: StoreValue where Element: StoreElement {
  func stored() -> PropertyList? { .array(map { $0.storedElement() }) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Self {
    try f.list(key) { v throws(StoreCodec.DecodeFailure) in try Element.readElement(v) }
  }
}

/// A choice stored as its stable key.
protocol StoredChoice: StoreValue, RawRepresentable<String> {}

extension StoredChoice {
  func stored() -> PropertyList? { .string(rawValue) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Self {
    try f.enumeration(key)
  }
}

extension Audience: StoredChoice {}
extension QuitPreference: StoredChoice {}
extension Language: StoredChoice {}
extension StaffStatus: StoredChoice {}
extension ChecklistStep: StoredChoice {}
extension RequestKind: StoredChoice {}
extension RequestState: StoredChoice {}
extension ServiceStatus: StoredChoice {}
extension ReportKind: StoredChoice {}

/// A person as a dictionary of its kind: a staff member's id, or a name and an address
/// (a file without the address reads it as empty).
extension PersonRef: StoreValue {
  func stored() -> PropertyList? {
    var o = StoreCodec.Out()
    switch self {
    case .staff(let id):
      o["kind"] = .string("staff")
      o["staff"] = .string(id.rawValue)
    case .named(let name, let email):
      o["kind"] = .string("named")
      o["name"] = .string(name)
      o["email"] = .string(email)
    }
    return o.value
  }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> PersonRef
  {
    let p = try f.dict(key)
    switch try p.string("kind") {
    case "staff": return .staff(try p.id("staff"))
    case "named":
      return .named(name: try p.string("name"), email: try p.optionalString("email") ?? "")
    case let other: throw p.failure("kind", "unknown person kind '\(other)'")
    }
  }
}

/// A role as a dictionary of its kind and, for a manager, the department.
extension Role: StoreValue {
  func stored() -> PropertyList? {
    var o = StoreCodec.Out()
    switch self {
    case .eCoordinator:
      o["kind"] = .string("eCoordinator")
    case .manager(let department):
      o["kind"] = .string("manager")
      o["department"] = .string(department.rawValue)
    }
    return o.value
  }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> Role {
    let r = try f.dict(key)
    switch try r.string("kind") {
    case "eCoordinator": return .eCoordinator
    case "manager": return .manager(department: try r.id("department"))
    case let other: throw r.failure("kind", "unknown role '\(other)'")
    }
  }
}

// MARK: - The entities coded from their fields

extension EService: StoredEntity {
  static var blank: EService { EService(id: EntityID(""), name: "", department: EntityID("")) }
  static let coders = FieldCoders<EService>(storedFields)
}

extension ServiceRoles: StoredEntity {
  static var blank: ServiceRoles { ServiceRoles() }
  static let coders = FieldCoders<ServiceRoles>(storedFields)
}

extension ServiceReport: StoredEntity {
  static var blank: ServiceReport {
    ServiceReport(
      id: EntityID(""), kind: .error, reportedOn: Day(year: 1, month: 1, day: 1), reportedBy: "",
      text: "")
  }
  static let coders = FieldCoders<ServiceReport>(storedFields)
}

extension Settings: StoredEntity {
  static var blank: Settings { Settings() }
  static let coders = FieldCoders<Settings>(storedFields)
}

extension Request: StoredEntity {
  static var blank: Request {
    Request(
      kind: .error, sender: "", department: EntityID(""), sent: Date(timeIntervalSince1970: 0))
  }
  static let coders = FieldCoders<Request>(storedFields)
}

extension User: StoredEntity {
  static var blank: User { User(login: "", name: "", role: .eCoordinator) }
  static let coders = FieldCoders<User>(storedFields)
}

extension StaffMember: StoredEntity {
  static var blank: StaffMember {
    StaffMember(
      id: EntityID(""), name: "", login: "", department: EntityID(""),
      startDate: Day(year: 1, month: 1, day: 1))
  }
  static let coders = FieldCoders<StaffMember>(storedFields)
}

extension AccessGrant: StoredEntity {
  static var blank: AccessGrant {
    AccessGrant(service: EntityID(""), validFrom: Day(year: 1, month: 1, day: 1))
  }
  static let coders = FieldCoders<AccessGrant>(storedFields)
}

extension Checklist: StoredEntity {
  static var blank: Checklist { Checklist(items: [], due: Day(year: 1, month: 1, day: 1)) }
  static let coders = FieldCoders<Checklist>(storedFields)
}

extension ChecklistItem: StoredEntity {
  static var blank: ChecklistItem { ChecklistItem(step: .accessGranted) }
  static let coders = FieldCoders<ChecklistItem>(storedFields)
}

extension Department: StoredEntity {
  static var blank: Department { Department(id: EntityID(""), name: "") }
  static let coders = FieldCoders<Department>(storedFields)
}

extension FallbackRoutine: StoredEntity {
  static var blank: FallbackRoutine { FallbackRoutine(steps: "", location: "", responsible: "") }
  static let coders = FieldCoders<FallbackRoutine>(storedFields)
}

extension CaseStatus: StoredChoice {}

extension Case: StoredEntity {
  static var blank: Case {
    Case(id: EntityID(""), number: "", service: EntityID(""), officer: EntityID(""))
  }
  static let coders = FieldCoders<Case>(storedFields)
}

extension RefusedOrder: StoredEntity {
  static var blank: RefusedOrder {
    RefusedOrder(
      id: EntityID(""), title: "", department: EntityID(""), channel: "",
      refusedAt: Date(timeIntervalSince1970: 0), refusedBy: "")
  }
  static let coders = FieldCoders<RefusedOrder>(storedFields)
}

/// An outage's scope as a dictionary of its kind and, for some services, their ids.
extension OutageScope: StoreValue {
  func stored() -> PropertyList? {
    var o = StoreCodec.Out()
    switch self {
    case .wholePlatform:
      o["kind"] = .string("wholePlatform")
    case .services(let ids):
      o["kind"] = .string("services")
      o["services"] = ids.stored()
    }
    return o.value
  }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure)
    -> OutageScope
  {
    let s = try f.dict(key)
    switch try s.string("kind") {
    case "wholePlatform": return .wholePlatform
    case "services": return .services(try [EntityID<EService>].read(s, "services"))
    case let other: throw s.failure("kind", "unknown scope '\(other)'")
    }
  }
}

extension Outage: StoredEntity {
  static var blank: Outage {
    Outage(
      id: EntityID(""), start: Date(timeIntervalSince1970: 0), scope: .wholePlatform,
      observed: "", declaredBy: "")
  }
  static let coders = FieldCoders<Outage>(storedFields)
}

extension ContactRecord: StoredEntity {
  static var blank: ContactRecord {
    ContactRecord(at: Date(timeIntervalSince1970: 0), channel: "", by: "", reference: "")
  }
  static let coders = FieldCoders<ContactRecord>(storedFields)
}

extension DepartmentNotice: StoredEntity {
  static var blank: DepartmentNotice {
    DepartmentNotice(department: EntityID(""), at: Date(timeIntervalSince1970: 0))
  }
  static let coders = FieldCoders<DepartmentNotice>(storedFields)
}

extension Contacts: StoredEntity {
  static var blank: Contacts { Contacts.guideline }
  static let coders = FieldCoders<Contacts>(storedFields)
}

extension ContactCard: StoredEntity {
  static var blank: ContactCard { ContactCard(name: "", organisation: "", phone: "", email: "") }
  static let coders = FieldCoders<ContactCard>(storedFields)
}

extension CommentResolution: StoredChoice {}
extension HoldKind: StoredChoice {}

/// A step of guideline 6, stored as its number.
extension OrderStep: StoreValue {
  func stored() -> PropertyList? { .integer(rawValue) }
  static func read(_ f: StoreCodec.In, _ key: String) throws(StoreCodec.DecodeFailure) -> OrderStep
  {
    try f.step(key)
  }
}

extension ServiceOrder: StoredEntity {
  static var blank: ServiceOrder {
    ServiceOrder(
      id: EntityID(""), title: "", department: EntityID(""), contactPerson: "",
      audience: .external, created: Date(timeIntervalSince1970: 0))
  }
  static let coders = FieldCoders<ServiceOrder>(storedFields)
}

extension Need: StoredEntity {
  static var blank: Need { Need() }
  static let coders = FieldCoders<Need>(storedFields)
}

extension ReviewMeeting: StoredEntity {
  static var blank: ReviewMeeting { ReviewMeeting(at: Date(timeIntervalSince1970: 0), place: "") }
  static let coders = FieldCoders<ReviewMeeting>(storedFields)
}

extension ReviewComment: StoredEntity {
  static var blank: ReviewComment { ReviewComment(id: EntityID(""), text: "") }
  static let coders = FieldCoders<ReviewComment>(storedFields)
}

extension PublicationSource: StoredChoice {}

extension StatusChange: StoredEntity {
  static var blank: StatusChange {
    StatusChange(status: .ordered, at: Date(timeIntervalSince1970: 0), by: "")
  }
  static let coders = FieldCoders<StatusChange>(storedFields)
}

extension StepChange: StoredEntity {
  static var blank: StepChange {
    StepChange(step: .needsMapped, at: Date(timeIntervalSince1970: 0), by: "")
  }
  static let coders = FieldCoders<StepChange>(storedFields)
}

extension Agreement: StoredEntity {
  static var blank: Agreement { Agreement(by: "", at: Date(timeIntervalSince1970: 0)) }
  static let coders = FieldCoders<Agreement>(storedFields)
}

extension OrderHold: StoredEntity {
  static var blank: OrderHold {
    OrderHold(kind: .onHold, reason: "", since: Date(timeIntervalSince1970: 0), by: "")
  }
  static let coders = FieldCoders<OrderHold>(storedFields)
}

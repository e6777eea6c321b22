import ETjanstDomain
import Foundation

/// The municipality's lists in the store file, each declared once, in the order the
/// coding reads and writes them. Every site that handles all the lists — the coding
/// both ways (`StoreCodec`), the one-pass reader (`StoreDocument.readAsLaidOut`), the
/// writer that copies what did not change (`StoreDocument.spliced`, `StoreLayout`) and
/// the validation (`StoreValidation`) — walks this table with a `StoreListVisitor`.
///
/// A new list of the store is one entry here, beside the property on `Municipality`
/// and the entity's own coding (its field declarations, or its coder in `StoreCodec`).
enum StoreLists {
  static let all: [any AnyStoredList] = [
    StoredList<User>(
      "users", \.users, idKey: "login", id: { $0.login }, validate: StoreValidation.user),
    StoredList<Department>(
      "departments", \.departments, id: { $0.id.rawValue }, validate: StoreValidation.department),
    StoredList<EService>(
      "services", \.services, id: { $0.id.rawValue }, validate: StoreValidation.service),
    // Over half of a region's file: read on the other core while the rest is read.
    StoredList<StaffMember>(
      "staff", \.staff, id: { $0.id.rawValue }, validate: StoreValidation.staffMember,
      readAhead: true),
    StoredList<Case>("cases", \.cases, id: { $0.id.rawValue }),
    StoredList<ServiceOrder>(
      "orders", \.orders, id: { $0.id.rawValue }, validate: StoreValidation.order),
    StoredList<RefusedOrder>(
      "refusedOrders", \.refusedOrders, id: { $0.id.rawValue },
      validate: StoreValidation.refusedOrder),
    StoredList<Outage>(
      "outages", \.outages, id: { $0.id.rawValue }, validate: StoreValidation.outage),
    StoredList<Request>(
      "requests", \.requests, id: { $0.id.rawValue }, validate: StoreValidation.request,
      absentMeansEmpty: true),
  ]

  /// The same declarations by their key in the file.
  static let byKey: [String: any AnyStoredList] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.key, $0) })

  /// Shows `visitor` every list, in order.
  static func walk<V: StoreListVisitor>(_ visitor: inout V) throws(V.Failure) {
    for list in all { try list.accept(&visitor) }
  }
}

/// One list of the municipality as the store file holds it: its key, where the
/// municipality keeps it, what tells its entities apart, how one entity is written,
/// read and checked.
struct StoredList<Element: Equatable & Sendable>: @unchecked Sendable {
  // @unchecked: `path` is a key path, an immutable value not yet marked Sendable.

  /// The list's key in the municipality's dictionary ("staff").
  let key: String
  /// Where the municipality holds it.
  let path: WritableKeyPath<Municipality, [Element]>
  /// The key of the field that tells its entities apart ("id"; a user's "login")…
  let idKey: String
  /// …and its value: what must be unique in the list, and what the unknown keys kept
  /// from an entity are filed under (`EntityKeys`).
  let id: @Sendable (Element) -> String
  /// The store's writer and reader of one entity (`StoreCodec`).
  let encode: @Sendable (Element) -> PropertyList
  let decode: @Sendable (StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Element
  /// The one-pass load's reader of one entity straight from the bytes: a `Deviation`
  /// (or any error) sends that entity the tree way, through `decode`.
  let read: (@Sendable (inout XMLReader, Int) throws -> Element)?
  /// The one-pass load's reading of the whole list (`StoreDocument.items`), made here
  /// where the element's type is known: the optimizer gives each list its own copy,
  /// where the generic one fetched type metadata from the runtime's cache at each item.
  let items:
    @Sendable (inout XMLReader, Self, StoreDocument.GiveBack?, inout EntityKeys) throws ->
      StoreLayout.Entities<Element>
  /// What one entity must satisfy beyond its types (`StoreValidation`), given its key
  /// path with a trailing dot ("municipality.staff[3]."), made only for a message; nil
  /// when nothing.
  let validate: (@Sendable (inout StoreValidation.Walk, Element, () -> String) -> Void)?
  /// Whether a large file's list is read on the other core while the main reader reads
  /// the rest (`StoreDocument.readAsLaidOut`); the first list that says so is.
  let readAhead: Bool
  /// A list added after schema 2: a file written before it has no key, which reads as
  /// an empty list (and is read the whole-tree way, once, until the next save).
  let absentMeansEmpty: Bool

  init(
    _ key: String, _ path: WritableKeyPath<Municipality, [Element]>, idKey: String = "id",
    id: @escaping @Sendable (Element) -> String,
    encode: @escaping @Sendable (Element) -> PropertyList,
    decode: @escaping @Sendable (StoreCodec.In) throws(StoreCodec.DecodeFailure) -> Element,
    read: (@Sendable (inout XMLReader, Int) throws -> Element)? = nil,
    validate: (@Sendable (inout StoreValidation.Walk, Element, () -> String) -> Void)? = nil,
    readAhead: Bool = false, absentMeansEmpty: Bool = false
  ) {
    self.key = key
    self.path = path
    self.idKey = idKey
    self.id = id
    self.encode = encode
    self.decode = decode
    self.read = read
    self.items = { r, list, giveBack, kept in
      try StoreDocument.items(&r, list, giveBack, &kept)
    }
    self.validate = validate
    self.readAhead = readAhead
    self.absentMeansEmpty = absentMeansEmpty
  }
}

extension StoredList where Element: StoredEntity {
  /// A list of entities coded from their field declarations (`StoreFields`).
  init(
    _ key: String, _ path: WritableKeyPath<Municipality, [Element]>, idKey: String = "id",
    id: @escaping @Sendable (Element) -> String,
    validate: (@Sendable (inout StoreValidation.Walk, Element, () -> String) -> Void)? = nil,
    readAhead: Bool = false, absentMeansEmpty: Bool = false
  ) {
    self.init(
      key, path, idKey: idKey, id: id, encode: { $0.storedElement() },
      decode: { f throws(StoreCodec.DecodeFailure) in try Element.readElement(f) },
      read: { r, depth in try Element.readElement(from: &r, depth: depth) }, validate: validate,
      readAhead: readAhead, absentMeansEmpty: absentMeansEmpty)
  }
}

/// What each site that handles every list implements once: its work on one list,
/// whatever the type of its entities.
protocol StoreListVisitor {
  associatedtype Failure: Error = Never
  mutating func visit<Element>(_ list: StoredList<Element>) throws(Failure)
}

/// A `StoredList` of any element type, as the table holds it.
protocol AnyStoredList: Sendable {
  var key: String { get }
  /// The list's `readAhead`.
  var readsAhead: Bool { get }
  /// How many entities `m` holds in it.
  func count(in m: Municipality) -> Int
  func accept<V: StoreListVisitor>(_ visitor: inout V) throws(V.Failure)
}

extension StoredList: AnyStoredList {
  var readsAhead: Bool { readAhead }
  func count(in m: Municipality) -> Int { m[keyPath: path].count }

  func accept<V: StoreListVisitor>(_ visitor: inout V) throws(V.Failure) {
    try visitor.visit(self)
  }
}

/// The municipality's lists, each declared once, in the store's order: what compares,
/// reflects, codes (Codable: the demo's JSON, Foundation's tree the store's tests
/// compare with) and tells the changes of a municipality (`EntityChange`, undo) walks
/// this table. A new list is its property on `Municipality` (with `= []`) and one
/// entry here; the store's own table is `StoreLists` (ETjanstStore).
extension Municipality {
  static let lists: [any AnyMunicipalityList] = [
    MunicipalityList("users", \.users),
    MunicipalityList("departments", \.departments),
    MunicipalityList("services", \.services),
    MunicipalityList("staff", \.staff),
    MunicipalityList("cases", \.cases),
    MunicipalityList("orders", \.orders),
    MunicipalityList("refusedOrders", \.refusedOrders),
    MunicipalityList("outages", \.outages),
    // Added after schema 2: a file written before it has none.
    MunicipalityList("requests", \.requests, absentMeansEmpty: true),
  ]

  /// A key of the municipality's Codable container: its own keys and its lists'.
  struct ListKey: CodingKey {
    let stringValue: String
    init(_ key: String) { stringValue = key }
    init(stringValue: String) { self.init(stringValue) }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }
}

/// One list of the municipality: its key and where it is kept.
struct MunicipalityList<Element: FieldedEntity & Codable>: Sendable {
  let key: String
  let path: WritableKeyPath<Municipality, [Element]> & Sendable
  /// A list added after schema 2: a file without its key holds none.
  let absentMeansEmpty: Bool

  init(
    _ key: String, _ path: WritableKeyPath<Municipality, [Element]> & Sendable,
    absentMeansEmpty: Bool = false
  ) {
    self.key = key
    self.path = path
    self.absentMeansEmpty = absentMeansEmpty
  }
}

/// A `MunicipalityList` of any element type, as the table holds it.
protocol AnyMunicipalityList: Sendable {
  var key: String { get }
  /// Whether `a` and `b` hold the same list.
  func equal(_ a: Municipality, _ b: Municipality) -> Bool
  /// The list in `m`, for reflection.
  func value(in m: Municipality) -> Any
  func encode(
    _ m: Municipality, _ c: inout KeyedEncodingContainer<Municipality.ListKey>) throws
  func decode(
    _ c: KeyedDecodingContainer<Municipality.ListKey>, into m: inout Municipality) throws
  /// Its entities' changes and undo (`EntityChange`, `Revert`).
  var collection: EntityCollection { get }
}

extension MunicipalityList: AnyMunicipalityList {
  func equal(_ a: Municipality, _ b: Municipality) -> Bool {
    a[keyPath: path] == b[keyPath: path]
  }
  func value(in m: Municipality) -> Any { m[keyPath: path] }
  func encode(
    _ m: Municipality, _ c: inout KeyedEncodingContainer<Municipality.ListKey>
  ) throws {
    try c.encode(m[keyPath: path], forKey: Municipality.ListKey(key))
  }
  func decode(
    _ c: KeyedDecodingContainer<Municipality.ListKey>, into m: inout Municipality
  ) throws {
    let k = Municipality.ListKey(key)
    m[keyPath: path] =
      absentMeansEmpty
      ? try c.decodeIfPresent([Element].self, forKey: k) ?? []
      : try c.decode([Element].self, forKey: k)
  }
  var collection: EntityCollection { .list(path) }
}

import ETjanstDomain
import Foundation

/// The municipality to and from the property-list tree, in the shape docs/store-format.md
/// describes (schema 2). Every entity, the contacts and the settings are coded from their
/// field declarations (`StoreFields`); this file holds the municipality's own dictionary,
/// the walk of its lists (`StoreLists`) and the reading of one value with its key path
/// (`In`). Hand-written rather than Codable for speed (see PropertyList); the domain's
/// Codable conformances describe the same shape (the demo's JSON uses them), and
/// StoreCodecTests compares this encoding with Foundation's on the demo and a region's
/// data, so a field added to a type but not declared fails a test.
enum StoreCodec {
  // MARK: encoding

  /// `lists: false` leaves each entity list empty, for a writer that writes them
  /// itself (`StoreDocument.spliced`).
  static func encode(_ m: Municipality, lists: Bool = true, kept: EntityKeys = EntityKeys())
    -> PropertyList
  {
    var o = Out()
    o["name"] = .string(m.name)
    o["contacts"] = encode(m.contacts)
    o["settings"] = encode(m.settings)
    var encoder = ListEncoder(m: m, lists: lists, kept: kept, out: o)
    StoreLists.walk(&encoder)
    return encoder.out.value
  }

  /// Each list of the municipality, encoded (or left empty) under its key.
  private struct ListEncoder: StoreListVisitor {
    let m: Municipality
    let lists: Bool
    let kept: EntityKeys
    var out: Out

    mutating func visit<Element>(_ list: StoredList<Element>) {
      out[list.key] = .array(lists ? m[keyPath: list.path].map(kept.encoder(list)) : [])
    }
  }

  /// An entity coded from its field declarations (`StoreFields`).
  static func encode<E: StoredEntity>(_ e: E) -> PropertyList { e.storedElement() }

  static func day(_ d: Day) -> PropertyList { .string(d.description) }

  /// A dictionary being built; a nil value leaves the key out, as an optional is.
  struct Out {
    var dict = PropertyList.Dict()

    init() { dict.entries.reserveCapacity(16) }

    subscript(key: String) -> PropertyList? {
      get { dict[key] }
      set { if let newValue { dict.entries.append((key, newValue)) } }
    }

    var value: PropertyList { .dict(dict) }
  }

  // MARK: decoding

  static func decodeMunicipality(
    _ value: PropertyList, path: String, kept: inout EntityKeys
  ) throws(DecodeFailure) -> Municipality {
    let f = try In(value, path: path)
    return try municipality(f) { (m: inout Municipality) throws(DecodeFailure) in
      var decoder = ListDecoder(f: f, m: m, kept: kept)
      try StoreLists.walk(&decoder)
      (m, kept) = (decoder.m, decoder.kept)
    }
  }

  /// Each list of the municipality, decoded from the tree under its key.
  private struct ListDecoder: StoreListVisitor {
    let f: In
    var m: Municipality
    var kept: EntityKeys

    mutating func visit<Element>(_ list: StoredList<Element>) throws(DecodeFailure) {
      if list.absentMeansEmpty && !f.has(list.key) {
        m[keyPath: list.path] = []
        return
      }
      m[keyPath: list.path] = try f.list(list.key) { item throws(DecodeFailure) in
        try keeping(item, list, into: &kept)
      }
    }
  }

  /// One entity of `list` decoded, with the keys its decoder did not look at kept in
  /// `kept` (found by encoding it again only when the count says there are some:
  /// KeptKeys).
  static func keeping<T>(_ item: In, _ list: StoredList<T>, into kept: inout EntityKeys)
    throws(DecodeFailure) -> T
  {
    let tally = KeyTally()
    let value = try list.decode(item.counting(tally))
    if tally.count != item.value.keyCount,
      let keys = KeptKeys.difference(item.value, list.encode(value))
    {
      kept.byList[list.key, default: [:]][list.id(value)] = keys
    }
    return value
  }

  /// The municipality from its other keys (`f`), its lists then set by `decodeLists`
  /// (from the tree, or from what the one-pass reader read: StoreDocument), after those
  /// keys (so the first problem named is the same whichever way the lists are read).
  static func municipality(
    _ f: In, _ decodeLists: (inout Municipality) throws(DecodeFailure) -> Void
  ) throws(DecodeFailure) -> Municipality {
    let contacts = try f.dict("contacts")
    let settings = try f.dict("settings")
    let name = try f.string("name")
    let contactsValue = try Contacts.readElement(contacts)
    let settingsValue = try Settings.readElement(settings)
    var m = Municipality(name: name, contacts: contactsValue, settings: settingsValue)
    try decodeLists(&m)
    return m
  }

  static func service(_ f: In) throws(DecodeFailure) -> EService {
    try EService.coders.decode(f)
  }

  /// What is wrong and where: `municipality.staff[3].startDate`.
  struct DecodeFailure: Error {
    var keyPath: String
    var detail: String
  }

  /// One value being read, with its key path for messages.
  struct In {
    let value: PropertyList
    /// The key path, built only when a message needs it: a list element keeps the
    /// list's path and its index.
    private let base: String
    private let index: Int?
    /// Counts the keys looked up and found, when the entity's unknown keys are sought.
    private let tally: KeyTally?

    init(_ value: PropertyList, path: String, tally: KeyTally? = nil) throws(DecodeFailure) {
      self.init(value, base: path, index: nil, tally: tally)
    }

    /// Item `index` of the list at `base` (its path is built only for a message).
    init(_ value: PropertyList, base: String, index: Int?, tally: KeyTally? = nil) {
      self.value = value
      self.base = base
      self.index = index
      self.tally = tally
    }

    /// The same value, its keys counted into `tally` from now on.
    func counting(_ tally: KeyTally) -> In { In(value, base: base, index: index, tally: tally) }

    var path: String { index.map { "\(base)[\($0)]" } ?? base }

    private var entries: PropertyList.Dict {
      if case .dict(let d) = value { return d }
      return PropertyList.Dict()
    }

    func failure(_ key: String, _ detail: String) -> DecodeFailure {
      DecodeFailure(keyPath: path + "." + key, detail: detail)
    }

    private func required(_ key: String) throws(DecodeFailure) -> PropertyList {
      guard case .dict(let d) = value else {
        throw DecodeFailure(keyPath: path, detail: "expected a dictionary")
      }
      guard let v = d[key] else { throw failure(key, "missing") }
      tally?.count += 1
      return v
    }

    private func optional(_ key: String) -> PropertyList? {
      guard let v = entries[key] else { return nil }
      tally?.count += 1
      return v
    }

    /// Whether the dictionary holds `key` (not counted: the reading of it is).
    func has(_ key: String) -> Bool { entries[key] != nil }

    func text() throws(DecodeFailure) -> String {
      guard case .string(let s) = value else {
        throw DecodeFailure(keyPath: path, detail: "expected a string")
      }
      return s
    }

    func string(_ key: String) throws(DecodeFailure) -> String {
      guard case .string(let s) = try required(key) else { throw failure(key, "expected a string") }
      return s
    }

    func optionalString(_ key: String) throws(DecodeFailure) -> String? {
      guard let v = optional(key) else { return nil }
      guard case .string(let s) = v else { throw failure(key, "expected a string") }
      return s
    }

    func int(_ key: String) throws(DecodeFailure) -> Int {
      guard case .integer(let n) = try required(key) else {
        throw failure(key, "expected an integer")
      }
      return n
    }

    func optionalInt(_ key: String) throws(DecodeFailure) -> Int? {
      guard let v = optional(key) else { return nil }
      guard case .integer(let n) = v else { throw failure(key, "expected an integer") }
      return n
    }

    func bool(_ key: String) throws(DecodeFailure) -> Bool {
      guard case .bool(let b) = try required(key) else {
        throw failure(key, "expected true or false")
      }
      return b
    }

    func date(_ key: String) throws(DecodeFailure) -> Date {
      guard case .date(let d) = try required(key) else { throw failure(key, "expected a date") }
      return d
    }

    func optionalDate(_ key: String) throws(DecodeFailure) -> Date? {
      guard let v = optional(key) else { return nil }
      guard case .date(let d) = v else { throw failure(key, "expected a date") }
      return d
    }

    func day(_ key: String) throws(DecodeFailure) -> Day {
      let text = try string(key)
      guard let day = Day(text) else {
        throw failure(key, "'\(text)' is not a date of the form YYYY-MM-DD")
      }
      return day
    }

    func optionalDay(_ key: String) throws(DecodeFailure) -> Day? {
      guard entries[key] != nil else { return nil }
      return try day(key)
    }

    func id<T>(_ key: String) throws(DecodeFailure) -> EntityID<T> { EntityID(try string(key)) }

    func optionalID<T>(_ key: String) throws(DecodeFailure) -> EntityID<T>? {
      try optionalString(key).map { EntityID($0) }
    }

    func enumeration<E: RawRepresentable>(_ key: String) throws(DecodeFailure) -> E
    where E.RawValue == String {
      let text = try string(key)
      guard let value = E(rawValue: text) else { throw failure(key, "unknown value '\(text)'") }
      return value
    }

    func optionalEnumeration<E: RawRepresentable>(_ key: String) throws(DecodeFailure) -> E?
    where E.RawValue == String {
      guard entries[key] != nil else { return nil }
      return try enumeration(key)
    }

    func step(_ key: String) throws(DecodeFailure) -> OrderStep {
      let n = try int(key)
      guard let step = OrderStep(rawValue: n) else { throw failure(key, "no step \(n)") }
      return step
    }

    func dict(_ key: String) throws(DecodeFailure) -> In {
      let v = try required(key)
      guard case .dict = v else { throw failure(key, "expected a dictionary") }
      return try In(v, path: path + "." + key, tally: tally)
    }

    func optionalDict(_ key: String) throws(DecodeFailure) -> In? {
      guard let v = optional(key) else { return nil }
      guard case .dict = v else { throw failure(key, "expected a dictionary") }
      return try In(v, path: path + "." + key, tally: tally)
    }

    func list<T>(_ key: String, _ element: (In) throws(DecodeFailure) -> T) throws(DecodeFailure)
      -> [T]
    {
      guard case .array(let items) = try required(key) else {
        throw failure(key, "expected a list")
      }
      var out: [T] = []
      out.reserveCapacity(items.count)
      let listPath = path + "." + key
      for (i, item) in items.enumerated() {
        out.append(try element(In(item, base: listPath, index: i, tally: tally)))
      }
      return out
    }

    func strings(_ key: String) throws(DecodeFailure) -> [String] {
      try list(key) { v throws(DecodeFailure) in try v.text() }
    }

    /// A list of strings that may be missing (a file written before it): missing is empty.
    func optionalStrings(_ key: String) throws(DecodeFailure) -> [String] {
      guard entries[key] != nil else { return [] }
      return try strings(key)
    }
  }
}

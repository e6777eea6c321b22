import ETjanstDomain
import Foundation

// The one-pass load's reading of an entity straight from the bytes, by the same field
// declarations as `StoreFields` (`FieldCoders.decode(from:depth:)`): each `<key>` is
// matched, as bytes, against the entity's stored keys, and its value read into the
// field through the field's key path, with no dictionary of the entity built first and
// no key looked up by name. It is the fast way for the file this program writes, not a
// second reader: anything it does not expect — a key it does not know, a key twice,
// a key written with an entity reference, a required key missing, a value of another
// type — is a `Deviation`, and the caller reads that entity again from its start the
// tree way (`StoreCodec.keeping`), which takes, keeps or refuses it with its message.
// A value type without a reading of its own here reads its value as a tree and decodes
// it as `read(_:_:)` does, refusing it when that left a key unread (so a key the
// program does not know, however deep, goes the tree way and is kept).

/// The one-pass reader met something it leaves to the tree way.
struct Deviation: Error {}

extension XMLReader {
  /// The next key of an open dictionary as its bytes in the file, or nil at its
  /// `</dict>` (consumed). A key that holds a reference, a carriage return or markup is
  /// a `Deviation`.
  mutating func nextKeyBytes() throws -> UnsafeBufferPointer<UInt8>? {
    try skipMisc()
    if starts(with: "</") {
      try closeTag("dict")
      return nil
    }
    guard let (name, empty) = try openTagBytes(), self.name(name, is: "key"), !empty else {
      throw Deviation()
    }
    let start = i
    let (plain, _) = try scanText()
    guard plain, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") else { throw Deviation() }
    let key = UnsafeBufferPointer(rebasing: bytes[start..<i])
    try closeTag("key")
    try skipMisc()
    return key
  }
}

extension StoreValue {
  static var whenMissing: Self? { nil }

  /// The value at the reader, as `read(_:_:)` takes it from a dictionary holding it:
  /// read as a tree and decoded, refused when a key of it was left unread.
  static func read(from r: inout XMLReader, depth: Int) throws -> Self {
    let value = try r.value(depth: depth)
    let tally = KeyTally()
    let result = try read(
      StoreCodec.In(.dict(PropertyList.Dict([("", value)])), base: "", index: nil, tally: tally),
      "")
    guard tally.count == 1 + value.keyCount else { throw Deviation() }
    return result
  }
}

extension StoreElement {
  /// The list item at the reader, as `readElement(_:)` takes it (see `StoreValue`).
  static func readElement(from r: inout XMLReader, depth: Int) throws -> Self {
    let value = try r.value(depth: depth)
    let tally = KeyTally()
    let result = try readElement(StoreCodec.In(value, base: "", index: nil, tally: tally))
    guard tally.count == value.keyCount else { throw Deviation() }
    return result
  }
}

extension StoredEntity {
  static func readElement(from r: inout XMLReader, depth: Int) throws -> Self {
    try coders.decode(from: &r, depth: depth)
  }
  static func read(from r: inout XMLReader, depth: Int) throws -> Self {
    try coders.decode(from: &r, depth: depth)
  }
}

extension XMLReader {
  /// The value at the reader, as the tree reader reads it, when `pick` takes it.
  @inline(__always)
  mutating func scalar<T>(depth: Int, _ pick: (PropertyList) -> T?) throws -> T {
    guard let value = pick(try value(depth: depth)) else { throw Deviation() }
    return value
  }

  /// A `<string>`'s text.
  @inline(__always)
  mutating func string(depth: Int) throws -> String {
    try scalar(depth: depth) { if case .string(let s) = $0 { s } else { nil } }
  }
}

extension String {
  static func read(from r: inout XMLReader, depth: Int) throws -> String {
    try r.string(depth: depth)
  }
  static func readElement(from r: inout XMLReader, depth: Int) throws -> String {
    try r.string(depth: depth)
  }
}

extension EntityID {
  static func read(from r: inout XMLReader, depth: Int) throws -> Self {
    EntityID(try r.string(depth: depth))
  }
  static func readElement(from r: inout XMLReader, depth: Int) throws -> Self {
    EntityID(try r.string(depth: depth))
  }
}

extension Int {
  static func read(from r: inout XMLReader, depth: Int) throws -> Int {
    try r.scalar(depth: depth) { if case .integer(let n) = $0 { n } else { nil } }
  }
}

extension Bool {
  static func read(from r: inout XMLReader, depth: Int) throws -> Bool {
    try r.scalar(depth: depth) { if case .bool(let b) = $0 { b } else { nil } }
  }
}

extension Date {
  static func read(from r: inout XMLReader, depth: Int) throws -> Date {
    try r.scalar(depth: depth) { if case .date(let d) = $0 { d } else { nil } }
  }
}

extension Day {
  static func read(from r: inout XMLReader, depth: Int) throws -> Day {
    guard let day = Day(try r.string(depth: depth)) else { throw Deviation() }
    return day
  }
}

extension StoredChoice {
  static func read(from r: inout XMLReader, depth: Int) throws -> Self {
    guard let value = Self(rawValue: try r.string(depth: depth)) else { throw Deviation() }
    return value
  }
}

extension Optional where Wrapped: StoreValue {
  static var whenMissing: Self? { .some(nil) }

  static func read(from r: inout XMLReader, depth: Int) throws -> Self {
    try Wrapped.read(from: &r, depth: depth)
  }
}

extension StoreElement {
  // A requirement with this default rather than code in `Array`'s extension: each
  // element type gets its own specialized copy, where the array's generic code fetched
  // `[Element]`'s metadata from the runtime's cache at each list (a staff member's
  // checklists: ~8 % of the staff list's read on a region).
  static func readList(from r: inout XMLReader, depth: Int) throws -> [Self] {
    guard depth <= PropertyList.maximumDepth else { throw Deviation() }
    guard try r.open("array") else { return [] }
    var out: [Self] = []
    while try r.nextItem() {
      out.append(try readElement(from: &r, depth: depth + 1))
    }
    return out
  }
}

extension Array where Element: StoreElement {
  static func read(from r: inout XMLReader, depth: Int) throws -> Self {
    try Element.readList(from: &r, depth: depth)
  }
}

extension FieldCoders {
  /// One entity read straight from the bytes at the reader (see the top of this file).
  func decode(from r: inout XMLReader, depth: Int) throws -> Entity {
    guard coders.count <= 64, depth <= PropertyList.maximumDepth else { throw Deviation() }
    var e = Entity.blank
    var seen: UInt64 = 0
    if try r.open("dict") {
      // The writer writes the keys sorted, as plistlib does: the key after the last
      // one is looked for from there on (a few optional keys may be missing between),
      // and from the start only when it is not there.
      var at = 0
      while let key = try r.nextKeyBytes() {
        guard
          let p = sorted[at...].firstIndex(where: { coders[$0].isKey(key) })
            ?? sorted[..<at].firstIndex(where: { coders[$0].isKey(key) })
        else { throw Deviation() }
        let k = sorted[p]
        let bit: UInt64 = 1 << UInt64(k)
        guard seen & bit == 0 else { throw Deviation() }
        seen |= bit
        try coders[k].read(&e, &r, depth + 1)
        at = p + 1
      }
    }
    var k = 0
    while k < coders.count {
      if seen & (1 << UInt64(k)) == 0 {
        guard let absent = coders[k].absent else { throw Deviation() }
        absent(&e)
      }
      k += 1
    }
    return e
  }
}

import Foundation

/// A property-list value as the store's own reader and writer see it.
///
/// Why a hand-written reader and writer rather than Foundation's PropertyListDecoder and
/// PropertyListEncoder: at a region's size (tens of thousands of entities) the Codable
/// layer itself (keyed containers, generic metadata, one box per value) took most of a
/// second for each load and save, on the key path of the console; parsing the XML into
/// this tree and mapping it by hand (StoreCodec) is an order of magnitude faster. It also
/// gives the store what Foundation's decoder does not: a depth limit (no stack overflow
/// on a hostile file), a one-line error naming the line of a control character, and the
/// keys a newer program wrote kept across a save. The file stays a standard XML property
/// list: Python's plistlib reads what this writes, and this reads what plistlib reads,
/// the same way (`XMLReader`, and `PlistlibDifferentialTests`, which checks it on
/// random files; binary lists go through Foundation).
public indirect enum PropertyList: Equatable, Sendable {
  case string(String)
  case integer(Int)
  /// An integer outside 64 bits, in decimal: plistlib reads any size, and a key this
  /// program does not know may hold one; a known key refuses it.
  case bigInteger(String)
  case real(Double)
  case bool(Bool)
  case date(Date)
  case data(Data)
  case array([PropertyList])
  case dict(Dict)

  /// A dictionary in file order. Store dictionaries have a handful of keys, so a linear
  /// lookup is faster than hashing; equality ignores order.
  public struct Dict: Equatable, Sendable {
    public var entries: [(key: String, value: PropertyList)]

    public init(_ entries: [(key: String, value: PropertyList)] = []) { self.entries = entries }

    public subscript(key: String) -> PropertyList? {
      get {
        for entry in entries where entry.key == key { return entry.value }
        return nil
      }
      set {
        if let i = entries.firstIndex(where: { $0.key == key }) {
          if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
        } else if let newValue {
          entries.append((key, newValue))
        }
      }
    }

    public var keys: [String] { entries.map(\.key) }

    public static func == (a: Dict, b: Dict) -> Bool {
      guard a.entries.count == b.entries.count else { return false }
      return a.entries.allSatisfy { entry in b[entry.key] == entry.value }
    }
  }
}

/// Why a file is not a property list this reader takes, with the line it found it on.
public struct PropertyListError: Error, Equatable, CustomStringConvertible {
  public var line: Int
  public var reason: String
  public var description: String { "line \(line): \(reason)" }
}

// MARK: - Reading

extension PropertyList {
  /// Deeper nesting than any store has (it needs six levels) is refused rather than
  /// followed: a hostile file of 10,000 nested arrays must not overflow the stack.
  public static let maximumDepth = 64

  /// Parses an XML property list; a binary one goes through Foundation.
  public static func parse(_ data: Data) throws(PropertyListError) -> PropertyList {
    if data.starts(with: "bplist".utf8) { return try parseBinary(data) }
    let data = try PropertyListEncoding.transcoded(data) ?? data
    do {
      return try data.withUnsafeBytes { raw throws(PropertyListError) in
        var reader = XMLReader(bytes: raw.bindMemory(to: UInt8.self))
        return try reader.document()
      }
    } catch let error as PropertyListError {
      throw error
    } catch {
      throw PropertyListError(line: 0, reason: "\(error)")
    }
  }

  private static func parseBinary(_ data: Data) throws(PropertyListError) -> PropertyList {
    do {
      let object = try PropertyListSerialization.propertyList(from: data, format: nil)
      return try PropertyList(foundation: object, depth: 0)
    } catch let error as PropertyListError {
      throw error
    } catch {
      throw PropertyListError(line: 0, reason: "not a property list: \(error)")
    }
  }

  /// From what PropertyListSerialization returns.
  init(foundation object: Any, depth: Int) throws(PropertyListError) {
    guard depth <= Self.maximumDepth else {
      throw PropertyListError(line: 0, reason: "nested deeper than \(Self.maximumDepth) levels")
    }
    switch object {
    case let value as String: self = .string(value)
    case let value as Bool where type(of: object) == Bool.self:
      self = .bool(value)
    // A real stays a real even when it is whole (30.0), as in XML: Foundation would
    // hand it over as an Int as readily.
    case let value as NSNumber where [0x64, 0x66].contains(value.objCType.pointee):
      self = .real(value.doubleValue)
    case let value as NSNumber
    where value.objCType.pointee == 0x51 && value.uint64Value > UInt64(Int.max):
      self = .bigInteger(String(value.uint64Value))
    case let value as Int: self = .integer(value)
    case let value as Double: self = .real(value)
    case let value as Date: self = .date(value)
    case let value as Data: self = .data(value)
    case let value as [Any]:
      var items: [PropertyList] = []
      for item in value { items.append(try PropertyList(foundation: item, depth: depth + 1)) }
      self = .array(items)
    case let value as [String: Any]:
      var dict = Dict()
      for (key, item) in value.sorted(by: { $0.key < $1.key }) {
        dict.entries.append((key, try PropertyList(foundation: item, depth: depth + 1)))
      }
      self = .dict(dict)
    default:
      throw PropertyListError(line: 0, reason: "unknown value \(type(of: object))")
    }
  }
}

// MARK: - Writing

extension PropertyList {
  /// The XML as Foundation writes it: tab-indented, keys sorted, `<array/>` and
  /// `<dict/>` when empty, dates in UTC to the second. A control character (other
  /// than tab, newline and carriage return) in a string is written as U+FFFD, so a
  /// file it writes can always be read back.
  public func xml() throws(PropertyListError) -> Data {
    var out = Self.xmlHeader
    out.reserveCapacity(1 << 20)
    try write(into: &out, indent: 0)
    out.append(contentsOf: Self.xmlFooter)
    return Data(out)
  }

  static let xmlHeader = Array(
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
    <plist version="1.0">

    """.utf8)
  static let xmlFooter = Array("</plist>\n".utf8)

  static func tabs(_ n: Int, into out: inout [UInt8]) { for _ in 0..<n { out.append(0x09) } }

  /// The value at `indent` (its own tabs first), then a line break.
  func write(into out: inout [UInt8], indent: Int) throws(PropertyListError) {
    func element(_ name: StaticString, _ body: (inout [UInt8]) throws(PropertyListError) -> Void)
      throws(PropertyListError)
    {
      out.append(UInt8(ascii: "<"))
      out.append(
        contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      out.append(UInt8(ascii: ">"))
      try body(&out)
      out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
      out.append(
        contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      out.append(contentsOf: [UInt8(ascii: ">"), 0x0A])
    }
    Self.tabs(indent, into: &out)
    switch self {
    case .string(let s):
      try element("string") { out throws(PropertyListError) in try Self.escape(s, into: &out) }
    case .integer(let n):
      try element("integer") { $0.append(contentsOf: String(n).utf8) }
    case .bigInteger(let digits):
      try element("integer") { $0.append(contentsOf: digits.utf8) }
    case .real(let x):
      try element("real") { $0.append(contentsOf: String(x).utf8) }
    case .bool(let b):
      out.append(contentsOf: (b ? "<true/>\n" : "<false/>\n").utf8)
    case .date(let d):
      try element("date") { $0.append(contentsOf: ISODate.format(d).utf8) }
    case .data(let d):
      try element("data") { $0.append(contentsOf: d.base64EncodedString().utf8) }
    case .array(let items):
      try Self.writeArray(count: items.count, into: &out, indent: indent) {
        out throws(PropertyListError) in
        for item in items { try item.write(into: &out, indent: indent + 1) }
      }
    case .dict(let dict):
      try Self.writeDict(dict, into: &out, indent: indent) {
        _, value, out throws(PropertyListError) in
        try value.write(into: &out, indent: indent + 1)
      }
    }
  }

  /// An array of `count` items after its indent: `items` writes them (at `indent + 1`).
  /// Shared with the store's spliced writer (`StoreDocument.spliced`), whose items are
  /// partly copied from the old file.
  static func writeArray(
    count: Int, into out: inout [UInt8], indent: Int,
    items: (inout [UInt8]) throws(PropertyListError) -> Void
  ) throws(PropertyListError) {
    if count == 0 {
      out.append(contentsOf: "<array/>\n".utf8)
      return
    }
    out.append(contentsOf: "<array>\n".utf8)
    try items(&out)
    tabs(indent, into: &out)
    out.append(contentsOf: "</array>\n".utf8)
  }

  /// A dictionary after its indent, keys sorted; `value` writes each key's value (at
  /// `indent + 1`, its own tabs first).
  static func writeDict(
    _ dict: Dict, into out: inout [UInt8], indent: Int,
    value: (String, PropertyList, inout [UInt8]) throws(PropertyListError) -> Void
  ) throws(PropertyListError) {
    if dict.entries.isEmpty {
      out.append(contentsOf: "<dict/>\n".utf8)
      return
    }
    out.append(contentsOf: "<dict>\n".utf8)
    for entry in dict.entries.sorted(by: { $0.key < $1.key }) {
      tabs(indent + 1, into: &out)
      out.append(contentsOf: "<key>".utf8)
      try escape(entry.key, into: &out)
      out.append(contentsOf: "</key>\n".utf8)
      try value(entry.key, entry.value, &out)
    }
    tabs(indent, into: &out)
    out.append(contentsOf: "</dict>\n".utf8)
  }

  private static func escape(_ s: String, into out: inout [UInt8]) throws(PropertyListError) {
    // Most text needs nothing escaped: copied whole rather than byte by byte (this loop
    // was a tenth of writing a region's store).
    let copied =
      s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        let plain = !bytes.contains {
          $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<")
            || $0 == UInt8(ascii: ">") || $0 == 0xEF
        }
        if plain { out.append(contentsOf: bytes) }
        return plain
      } ?? false
    if copied { return }
    var rest = s.utf8[...]
    while let b = rest.popFirst() {
      switch b {
      // U+FFFE and U+FFFF (EF BF BE, EF BF BF), which XML 1.0 does not allow either.
      case 0xEF where rest.starts(with: [0xBF, 0xBE]) || rest.starts(with: [0xBF, 0xBF]):
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        rest = rest.dropFirst(2)
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      // A raw CR would come back as LF (XML normalises line ends); a reference survives.
      case 0x0D: out.append(contentsOf: "&#13;".utf8)
      case 0x09, 0x0A: out.append(b)
      // A text that reached the store uncleaned (a binary file edited by hand) may
      // hold a control character XML 1.0 cannot carry: written as U+FFFD, as
      // `TextCleaning` does, so the saved file reads back here and in plistlib.
      // `check` reports such text before a save replaces it.
      case ..<0x20: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
      default: out.append(b)
      }
    }
  }
}

/// `2026-11-30T22:06:00Z`, the form property lists store dates in, read and written
/// without a formatter (one per value would be the cost at a region's size).
enum ISODate {
  static func format(_ date: Date) -> String {
    // Kept inside years 1 to 9999, where validation keeps every stored moment: a
    // writer must not trap on a value it is handed (Int(1e300) would).
    let seconds = Int(
      min(max(date.timeIntervalSince1970.rounded(.down), -62_135_596_800), 253_402_300_799))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let (y, m, d) = civil(fromDays: days)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let digits = String(y)
    let year =
      y >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    return
      "\(year)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  /// As plistlib reads a date: `YYYY-MM-DD`, then optionally `THH`, `:MM`, `:SS`, then
  /// `Z`, at the very start of the text (no space before it; anything after the `Z`
  /// is ignored, as plistlib's pattern is matched, not searched in full); a day that
  /// is no day of its month, second 60 and year 0 are refused, as Python's datetime
  /// refuses them.
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// The same, from the text's UTF-8 bytes (the one-pass reader's, with no String made).
  static func parse(bytes u: UnsafeBufferPointer<UInt8>) -> Date? {
    var k = 0
    func number(_ count: Int) -> Int? {
      guard u.count - k >= count else { return nil }
      var n = 0
      for b in u[k..<k + count] {
        guard b >= 48 && b <= 57 else { return nil }
        n = n * 10 + Int(b) - 48
      }
      k += count
      return n
    }
    func next(_ c: UInt8) -> Bool {
      guard k < u.count, u[k] == c else { return false }
      k += 1
      return true
    }
    guard let y = number(4), next(UInt8(ascii: "-")), let mo = number(2), next(UInt8(ascii: "-")),
      let d = number(2)
    else {
      return nil
    }
    var (h, mi, s) = (0, 0, 0)
    if next(UInt8(ascii: "T")) {
      guard let hour = number(2) else { return nil }
      h = hour
      if next(UInt8(ascii: ":")) {
        guard let minute = number(2) else { return nil }
        mi = minute
        if next(UInt8(ascii: ":")) {
          guard let second = number(2) else { return nil }
          s = second
        }
      }
    }
    guard next(UInt8(ascii: "Z")), y >= 1, (1...12).contains(mo), d >= 1,
      d <= daysIn(month: mo, year: y),
      h < 24, mi < 60, s < 60
    else { return nil }
    let days = daysFromCivil(y, mo, d)
    return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + mi * 60 + s))
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Howard Hinnant's days-from-civil for the proleptic Gregorian calendar.
  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(fromDays z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    return (m <= 2 ? y + 1 : y, m, d)
  }
}

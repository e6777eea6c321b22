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
/// list: plutil and Python's plistlib read what this writes, and this reads what they
/// write (binary lists go through Foundation).
public indirect enum PropertyList: Equatable, Sendable {
  case string(String)
  case integer(Int)
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

/// A recursive-descent reader over the bytes of an XML property list: the elements of
/// Apple's DTD, the five XML entities and character references, comments, the XML
/// declaration and DOCTYPE. Raw control characters (other than tab, newline and
/// carriage return) are refused, as XML 1.0 does.
struct XMLReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var i = 0
  var line = 1

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func fail(_ reason: String) -> PropertyListError { PropertyListError(line: line, reason: reason) }

  mutating func document() throws(PropertyListError) -> PropertyList {
    try skipMisc()
    guard let name = try openTag(), name.name == "plist" else {
      throw fail("not a property list (no <plist> element)")
    }
    if name.empty { throw fail("empty <plist/>") }
    try skipMisc()
    let value = try value(depth: 0)
    try skipMisc()
    try closeTag("plist")
    try skipMisc()
    guard i == bytes.count else { throw fail("text after </plist>") }
    return value
  }

  // MARK: bytes

  @inline(__always) var atEnd: Bool { i >= bytes.count }

  /// Skips whitespace, counting lines; refuses a control character.
  mutating func skipSpace() throws(PropertyListError) {
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
      } else if b == 0x20 || b == 0x09 || b == 0x0D {
      } else if b < 0x20 {
        throw controlCharacter(b)
      } else {
        return
      }
      i += 1
    }
  }

  func controlCharacter(_ b: UInt8) -> PropertyListError {
    fail(String(format: "control character U+%04X in the file", Int(b)))
  }

  func starts(with text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard i + count <= bytes.count else { return false }
    let p = text.utf8Start
    for k in 0..<count where bytes[i + k] != p[k] { return false }
    return true
  }

  /// Skips to just after `end`, counting lines.
  mutating func skip(past end: StaticString) throws(PropertyListError) {
    while i < bytes.count {
      if starts(with: end) {
        i += end.utf8CodeUnitCount
        return
      }
      if bytes[i] == 0x0A { line += 1 }
      i += 1
    }
    throw fail("unterminated \(end)")
  }

  /// Whitespace, comments, the XML declaration, processing instructions and DOCTYPE.
  mutating func skipMisc() throws(PropertyListError) {
    while true {
      try skipSpace()
      if starts(with: "<!--") {
        try skip(past: "-->")
      } else if starts(with: "<?") {
        try skip(past: "?>")
      } else if starts(with: "<!DOCTYPE") {
        try skip(past: ">")
      } else {
        return
      }
    }
  }

  // MARK: tags

  /// `<name attr="…">` or `<name/>`; nil when the next thing is not an opening tag.
  mutating func openTag() throws(PropertyListError) -> (name: Substring, empty: Bool)? {
    guard i < bytes.count, bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count,
      bytes[i + 1] != UInt8(ascii: "/")
    else { return nil }
    i += 1
    let start = i
    while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
    let name = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
      if bytes[i] == 0x0A {
        line += 1
      } else if bytes[i] < 0x20, bytes[i] != 0x09, bytes[i] != 0x0D {
        throw controlCharacter(bytes[i])
      }
      i += 1
    }
    guard i < bytes.count else { throw fail("unterminated <\(name)") }
    let empty = bytes[i - 1] == UInt8(ascii: "/")
    i += 1
    return (name, empty)
  }

  @inline(__always) func isNameByte(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
      || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
  }

  mutating func closeTag(_ name: StaticString) throws(PropertyListError) {
    guard starts(with: "</") else { throw fail("expected </\(name)>") }
    i += 2
    guard starts(with: name) else { throw fail("expected </\(name)>") }
    i += name.utf8CodeUnitCount
    try skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("expected </\(name)>") }
    i += 1
  }

  // MARK: values

  /// `text` without surrounding `.whitespaces`. A number or date written by a program
  /// has none, and is returned as it is without Foundation's trim, which goes through
  /// NSString and was a tenth of a region's load.
  func trimmed(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last,
      (0x21..<0x80).contains(first), (0x21..<0x80).contains(last)
    else { return text.trimmingCharacters(in: .whitespaces) }
    return text
  }

  mutating func value(depth: Int) throws(PropertyListError) -> PropertyList {
    guard depth <= PropertyList.maximumDepth else {
      throw fail("nested deeper than \(PropertyList.maximumDepth) levels")
    }
    guard let (name, empty) = try openTag() else { throw fail("expected a value") }
    switch name {
    case "dict":
      return .dict(empty ? PropertyList.Dict() : try dict(depth: depth))
    case "array":
      return .array(empty ? [] : try array(depth: depth))
    case "string":
      return .string(empty ? "" : try text(closing: "string"))
    case "key":
      throw fail("a <key> outside a <dict>")
    case "integer":
      let text = empty ? "" : try text(closing: "integer")
      guard let n = Int(trimmed(text)) else {
        throw fail("'\(text)' is not an integer")
      }
      return .integer(n)
    case "real":
      let text = empty ? "" : try text(closing: "real")
      guard let x = Double(trimmed(text)) else {
        throw fail("'\(text)' is not a number")
      }
      return .real(x)
    case "true", "false":
      if !empty {
        try skipSpace()
        if name == "true" { try closeTag("true") } else { try closeTag("false") }
      }
      return .bool(name == "true")
    case "date":
      let text = empty ? "" : try text(closing: "date")
      guard let date = ISODate.parse(trimmed(text)) else {
        throw fail("'\(text)' is not a date")
      }
      return .date(date)
    case "data":
      let text = empty ? "" : try text(closing: "data")
      let compact = text.filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: compact) else { throw fail("<data> is not base 64") }
      return .data(data)
    default:
      throw fail("unknown element <\(name)>")
    }
  }

  // MARK: reading as it goes (StoreDocument's one-pass decode)

  /// Up to and including `<plist>`.
  mutating func beginDocument() throws(PropertyListError) {
    try skipMisc()
    guard let name = try openTag(), name.name == "plist", !name.empty else {
      throw fail("not a property list (no <plist> element)")
    }
    try skipMisc()
  }

  /// `</plist>` and nothing after it.
  mutating func endDocument() throws(PropertyListError) {
    try skipMisc()
    try closeTag("plist")
    try skipMisc()
    guard i == bytes.count else { throw fail("text after </plist>") }
  }

  /// `<dict>` or `<array>` (named), opened; false when it is empty (`<dict/>`). Throws
  /// when the next value is something else.
  mutating func open(_ container: StaticString) throws(PropertyListError) -> Bool {
    try skipMisc()
    guard let (name, empty) = try openTag(),
      name.utf8.elementsEqual(
        UnsafeBufferPointer(start: container.utf8Start, count: container.utf8CodeUnitCount))
    else { throw fail("expected <\(container)>") }
    return !empty
  }

  /// The next key of an open dictionary, or nil at its `</dict>` (consumed).
  mutating func nextKey() throws(PropertyListError) -> String? {
    try skipMisc()
    if starts(with: "</") {
      try closeTag("dict")
      return nil
    }
    guard let (name, empty) = try openTag(), name == "key" else {
      throw fail("expected <key> in a <dict>")
    }
    let key = empty ? "" : try text(closing: "key")
    try skipMisc()
    return key
  }

  /// Whether an open array has another item; at its `</array>` consumes it.
  mutating func nextItem() throws(PropertyListError) -> Bool {
    try skipMisc()
    if starts(with: "</") {
      try closeTag("array")
      return false
    }
    return true
  }

  /// Whether the next value is an `<array>` (without reading it).
  mutating func atArray() throws(PropertyListError) -> Bool {
    try skipMisc()
    return starts(with: "<array")
  }

  mutating func dict(depth: Int) throws(PropertyListError) -> PropertyList.Dict {
    var entries: [(key: String, value: PropertyList)] = []
    while true {
      try skipMisc()
      if starts(with: "</") {
        try closeTag("dict")
        return PropertyList.Dict(entries)
      }
      guard let (name, empty) = try openTag(), name == "key" else {
        throw fail("expected <key> in a <dict>")
      }
      let key = empty ? "" : try text(closing: "key")
      try skipMisc()
      let value = try value(depth: depth + 1)
      entries.append((key, value))
    }
  }

  mutating func array(depth: Int) throws(PropertyListError) -> [PropertyList] {
    var items: [PropertyList] = []
    while true {
      try skipMisc()
      if starts(with: "</") {
        try closeTag("array")
        return items
      }
      items.append(try value(depth: depth + 1))
    }
  }

  /// Character data up to `</closing>`, entities resolved.
  mutating func text(closing: StaticString) throws(PropertyListError) -> String {
    let start = i
    var plain = true
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "<") { break }
      if b == UInt8(ascii: "&") {
        plain = false
      } else if b == 0x0A {
        line += 1
      } else if b == 0x0D {
        plain = false
      } else if b < 0x20 && b != 0x09 {
        throw controlCharacter(b)
      }
      i += 1
    }
    let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
    let text = plain ? String(decoding: raw, as: UTF8.self) : try unescape(raw)
    try closeTag(closing)
    return text
  }

  /// Resolves `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#…;`, and turns a CR LF or
  /// lone CR into LF as XML does.
  func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws(PropertyListError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var k = 0
    while k < raw.count {
      let b = raw[k]
      if b == 0x0D {
        out.append(0x0A)
        k += (k + 1 < raw.count && raw[k + 1] == 0x0A) ? 2 : 1
        continue
      }
      guard b == UInt8(ascii: "&") else {
        out.append(b)
        k += 1
        continue
      }
      guard let semicolon = raw[k...].firstIndex(of: UInt8(ascii: ";")), semicolon - k <= 10 else {
        throw fail("a bare & in text")
      }
      let entity = String(
        decoding: UnsafeBufferPointer(rebasing: raw[(k + 1)..<semicolon]), as: UTF8.self)
      switch entity {
      case "amp": out.append(UInt8(ascii: "&"))
      case "lt": out.append(UInt8(ascii: "<"))
      case "gt": out.append(UInt8(ascii: ">"))
      case "quot": out.append(UInt8(ascii: "\""))
      case "apos": out.append(UInt8(ascii: "'"))
      default:
        let number: UInt32?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
          number = UInt32(entity.dropFirst(2), radix: 16)
        } else if entity.hasPrefix("#") {
          number = UInt32(entity.dropFirst())
        } else {
          number = nil
        }
        guard let number, let scalar = Unicode.Scalar(number) else {
          throw fail("unknown entity &\(entity);")
        }
        if number < 0x20, number != 0x09, number != 0x0A, number != 0x0D {
          throw fail(String(format: "control character U+%04X in the file", Int(number)))
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      }
      k = semicolon + 1
    }
    return String(decoding: out, as: UTF8.self)
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
            || $0 == UInt8(ascii: ">")
        }
        if plain { out.append(contentsOf: bytes) }
        return plain
      } ?? false
    if copied { return }
    for b in s.utf8 {
      switch b {
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

  static func parse(_ text: String) -> Date? {
    let u = Array(text.utf8)
    guard u.count == 20, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
      u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
      u[19] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var n = 0
      for k in from..<(from + count) {
        let digit = Int(u[k]) - 48
        guard digit >= 0 && digit <= 9 else { return nil }
        n = n * 10 + digit
      }
      return n
    }
    guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), let h = number(11, 2),
      let mi = number(14, 2), let s = number(17, 2), (1...12).contains(mo), (1...31).contains(d),
      h < 24, mi < 60, s < 61
    else { return nil }
    let days = daysFromCivil(y, mo, d)
    return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + mi * 60 + s))
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

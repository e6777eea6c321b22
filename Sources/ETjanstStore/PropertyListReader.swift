import Foundation

/// The one tokenizer of XML property lists, over UTF-8 bytes (`PropertyListEncoding`
/// turns other encodings into UTF-8 first). Three readers are modes of it, so they
/// read one grammar: the whole-tree reader (`document()`), the one-pass reader
/// (`StoreDocument.readAsLaidOut`, through `beginDocument`, `open`, `nextKey`,
/// `nextItem`, `value`) and the pre-scan (`scan`, no values built, no recursion).
///
/// What it reads, decided against Python's plistlib (expat) and checked against it by
/// `PlistlibDifferentialTests`: the elements of Apple's DTD; a UTF-8 byte-order mark;
/// the XML declaration, comments, processing instructions and a DOCTYPE (its internal
/// subset without entity declarations, which plistlib refuses too); the five XML
/// entities and character references; CDATA sections and comments inside a text; CR LF
/// and lone CR read as LF, as XML does; attribute values with `>` in quotes; a key
/// given twice in a dictionary (the last wins); integers, reals and dates as plistlib's
/// `int()`, `float()` and date pattern take them. Refused, each with its line: bytes
/// that are not UTF-8, characters XML 1.0 does not allow (raw or referenced), an
/// unknown entity, `--` inside a comment, an element plistlib does not know (plistlib
/// ignores one silently; the store refuses a file it would read differently), text
/// between elements, nesting deeper than `PropertyList.maximumDepth`.
///
/// Hand-written for speed (see PropertyList): byte loops over a buffer, no copies of
/// the text that needs no unescaping.
struct XMLReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var i = 0
  var line = 1
  /// Whether a carriage return was read: a save must not copy bytes of such a file
  /// beside the LF its writer writes (`StoreDocument.readAsLaidOut`).
  var sawCarriageReturn = false

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func fail(_ reason: String) -> PropertyListError { PropertyListError(line: line, reason: reason) }

  // MARK: the document

  mutating func document() throws(PropertyListError) -> PropertyList {
    try beginDocument()
    let value = try value(depth: 0)
    try endDocument()
    return value
  }

  /// Up to and including `<plist>`, and what follows it up to the value.
  mutating func beginDocument() throws(PropertyListError) {
    skipByteOrderMark()
    try skipMisc()
    guard let (name, empty) = try openTag(), name == "plist" else {
      throw fail("not a property list (no <plist> element)")
    }
    if empty { throw fail("empty <plist/>") }
    try skipMisc()
  }

  /// `</plist>` and nothing after it.
  mutating func endDocument() throws(PropertyListError) {
    try skipMisc()
    try closeTag("plist")
    try skipMisc()
    guard i == bytes.count else { throw fail("text after </plist>") }
  }

  mutating func skipByteOrderMark() {
    if i == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
  }

  // MARK: bytes

  @inline(__always) var atEnd: Bool { i >= bytes.count }

  /// Skips whitespace, counting lines; refuses a control character.
  mutating func skipSpace() throws(PropertyListError) {
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
      } else if b == 0x20 || b == 0x09 {
      } else if b == 0x0D {
        sawCarriageReturn = true
      } else if b < 0x20 {
        throw controlCharacter(b)
      } else {
        return
      }
      i += 1
    }
  }

  func controlCharacter(_ b: UInt8) -> PropertyListError {
    fail("control character \(PropertyListPreScan.hex(UInt32(b))) (XML does not allow it)")
  }

  @inline(__always)
  func starts(with text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard i + count <= bytes.count else { return false }
    return Self.same(bytes.baseAddress! + i, text, count)
  }

  /// Whether `count` bytes at `p` are those of `text`. A loop, not memcmp: these are
  /// the tags' few bytes, mostly told apart at the first, and a call to memcmp for
  /// each was ~5 % of a region's load.
  @inline(__always)
  static func same(_ p: UnsafePointer<UInt8>, _ text: StaticString, _ count: Int) -> Bool {
    let t = text.utf8Start
    var k = 0
    while k < count {
      if p[k] != t[k] { return false }
      k += 1
    }
    return true
  }

  /// Skips to just after `end`, counting lines.
  mutating func skip(past end: StaticString) throws(PropertyListError) {
    let first = end.utf8Start[0]
    while i < bytes.count {
      let b = bytes[i]
      if b == first, starts(with: end) {
        i += end.utf8CodeUnitCount
        return
      }
      if b == 0x0A {
        line += 1
      } else if b == 0x0D {
        sawCarriageReturn = true
      }
      i += 1
    }
    throw fail("unterminated \(end)")
  }

  /// Whitespace, comments, the XML declaration, processing instructions and DOCTYPE.
  mutating func skipMisc() throws(PropertyListError) {
    while true {
      try skipSpace()
      guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "<") else { return }
      let next = bytes[i + 1]
      if next == UInt8(ascii: "?") {
        try skip(past: "?>")
      } else if next != UInt8(ascii: "!") {
        return
      } else if starts(with: "<!--") {
        try skipComment()
      } else if starts(with: "<!DOCTYPE") {
        try skipDoctype()
      } else {
        return
      }
    }
  }

  /// `<!-- … -->`; `--` inside is refused, as XML (and so plistlib) does.
  mutating func skipComment() throws(PropertyListError) {
    i += 4
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") {
        guard i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: ">") else {
          throw fail("\"--\" inside a comment")
        }
        i += 3
        return
      }
      if b == 0x0A {
        line += 1
      } else if b == 0x0D {
        sawCarriageReturn = true
      }
      i += 1
    }
    throw fail("unterminated <!--")
  }

  /// `<!DOCTYPE …>`, with an internal subset in `[…]` if there is one; an entity
  /// declaration in it is refused (plistlib refuses it too: no entity but XML's own).
  mutating func skipDoctype() throws(PropertyListError) {
    var quote: UInt8 = 0
    var subset = false
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A { line += 1 }
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        quote = b
      } else if b == UInt8(ascii: "[") {
        subset = true
      } else if b == UInt8(ascii: "]") {
        subset = false
      } else if subset, b == UInt8(ascii: "<"), starts(with: "<!ENTITY") {
        throw fail("an entity declaration (a property list has none)")
      } else if !subset, b == UInt8(ascii: ">") {
        i += 1
        return
      }
      i += 1
    }
    throw fail("unterminated <!DOCTYPE")
  }

  // MARK: tags

  /// `<name attr="…">` or `<name/>`; nil when the next thing is not an opening tag.
  mutating func openTag() throws(PropertyListError) -> (name: Substring, empty: Bool)? {
    guard let (name, empty) = try openTagBytes() else { return nil }
    return (Substring(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self), empty)
  }

  /// The same with the name as where its bytes are, made into no text: what the
  /// pre-scan and the one-pass reader ask on every tag.
  @inline(__always)
  mutating func openTagBytes() throws(PropertyListError) -> (name: Range<Int>, empty: Bool)? {
    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "<"), bytes[i + 1] != UInt8(ascii: "/")
    else { return nil }
    i += 1
    let start = i
    while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
    let name = start..<i
    var quote: UInt8 = 0
    while i < bytes.count {
      let b = bytes[i]
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == UInt8(ascii: ">") {
        break
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        quote = b
      }
      if b == 0x0A {
        line += 1
      } else if b == 0x0D {
        sawCarriageReturn = true
      } else if b < 0x20, b != 0x09 {
        throw controlCharacter(b)
      }
      i += 1
    }
    guard i < bytes.count else {
      throw fail(
        "unterminated <\(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self))"
      )
    }
    let empty = bytes[i - 1] == UInt8(ascii: "/")
    i += 1
    return (name, empty)
  }

  /// Whether the bytes at `name` are `text`.
  @inline(__always)
  func name(_ name: Range<Int>, is text: StaticString) -> Bool {
    name.count == text.utf8CodeUnitCount
      && Self.same(bytes.baseAddress! + name.lowerBound, text, name.count)
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

  /// `</name>` whatever the name (the pre-scan, which builds nothing).
  mutating func closeAnyTag() throws(PropertyListError) {
    i += 2
    while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
    try skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("a broken end tag") }
    i += 1
  }

  // MARK: text

  /// Character data from `i` up to the next `<`, counting lines: whether it holds an
  /// entity or a carriage return (then it must be unescaped) and whether it is ASCII.
  @inline(__always)
  mutating func scanText() throws(PropertyListError) -> (plain: Bool, ascii: Bool) {
    var plain = true
    var ascii = true
    let base = UnsafeRawPointer(bytes.baseAddress)
    while i < bytes.count {
      // From a byte of plain text, eight bytes at a time while they are text with
      // nothing to look at (`textWord`); else byte by byte to the end of those eight.
      // The byte loop was a tenth of the one-pass reader; the indents between tags
      // (tabs and line ends) are not tried as words, which only cost the pre-scan.
      let first = bytes[i]
      if first >= 0x20, first < 0x80, first != UInt8(ascii: "<"), let base,
        bytes.count - i >= 8,
        Self.textWord(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      {
        i += 8
        continue
      }
      let stop = min(i + 8, bytes.count)
      while i < stop {
        let b = bytes[i]
        if b == UInt8(ascii: "<") { return (plain, ascii) }
        if b >= 0x80 {
          ascii = false
        } else if b == UInt8(ascii: "&") {
          plain = false
        } else if b == 0x0A {
          line += 1
        } else if b == 0x0D {
          plain = false
          sawCarriageReturn = true
        } else if b < 0x20 && b != 0x09 {
          throw controlCharacter(b)
        }
        i += 1
      }
    }
    return (plain, ascii)
  }

  /// The text of an element up to `</closing>`, entities resolved.
  mutating func text(closing: StaticString) throws(PropertyListError) -> String {
    let start = i
    let startLine = line
    let (plain, ascii) = try scanText()
    if i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "/") {
      // A CDATA section, a comment or an instruction inside the text: the slow way.
      (i, line) = (start, startLine)
      return try mixedText(closing: closing)
    }
    let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
    let text: String
    if plain && ascii {
      text = String(decoding: raw, as: UTF8.self)
    } else if plain {
      text = try string(raw)
    } else {
      var out: [UInt8] = []
      out.reserveCapacity(raw.count)
      try unescape(raw, into: &out)
      text = try out.withUnsafeBufferPointer { buffer throws(PropertyListError) in
        try string(buffer)
      }
    }
    try closeTag(closing)
    return text
  }

  /// Text with CDATA sections, comments or instructions between its runs.
  mutating func mixedText(closing: StaticString) throws(PropertyListError) -> String {
    var out: [UInt8] = []
    while true {
      let start = i
      _ = try scanText()
      try unescape(UnsafeBufferPointer(rebasing: bytes[start..<i]), into: &out)
      if starts(with: "<![CDATA[") {
        i += 9
        let from = i
        try skip(past: "]]>")
        // Line ends inside CDATA are normalised too.
        try unescape(
          UnsafeBufferPointer(rebasing: bytes[from..<(i - 3)]), into: &out, entities: false)
      } else if starts(with: "<!--") {
        try skipComment()
      } else if starts(with: "<?") {
        try skip(past: "?>")
      } else {
        break
      }
    }
    let text = try out.withUnsafeBufferPointer { buffer throws(PropertyListError) in
      try string(buffer)
    }
    try closeTag(closing)
    return text
  }

  /// UTF-8 bytes as a String; bytes that are not UTF-8 are refused, never replaced.
  func string(_ raw: UnsafeBufferPointer<UInt8>) throws(PropertyListError) -> String {
    guard let text = String(validating: raw, as: UTF8.self) else {
      throw fail("text that is not UTF-8 (and the file declares no other encoding)")
    }
    return text
  }

  /// Appends `raw` with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#…;` resolved
  /// (unless `entities` is false: CDATA), and a CR LF or lone CR turned into LF, as
  /// XML does.
  func unescape(
    _ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], entities: Bool = true
  ) throws(PropertyListError) {
    var k = 0
    while k < raw.count {
      let b = raw[k]
      if b == 0x0D {
        out.append(0x0A)
        k += (k + 1 < raw.count && raw[k + 1] == 0x0A) ? 2 : 1
        continue
      }
      guard entities, b == UInt8(ascii: "&") else {
        out.append(b)
        k += 1
        continue
      }
      let (scalar, next) = try entity(in: raw, at: k)
      out.append(contentsOf: String(Character(scalar)).utf8)
      k = next
    }
  }

  /// The entity or character reference at `raw[k]` (an `&`), and where it ends.
  func entity(in raw: UnsafeBufferPointer<UInt8>, at k: Int) throws(PropertyListError) -> (
    Unicode.Scalar, Int
  ) {
    var semicolon = k + 1
    while semicolon < raw.count, semicolon - k <= 12, raw[semicolon] != UInt8(ascii: ";") {
      semicolon += 1
    }
    guard semicolon < raw.count, raw[semicolon] == UInt8(ascii: ";") else {
      throw fail("a bare & in text")
    }
    let name = String(
      decoding: UnsafeBufferPointer(rebasing: raw[(k + 1)..<semicolon]), as: UTF8.self)
    switch name {
    case "amp": return ("&", semicolon + 1)
    case "lt": return ("<", semicolon + 1)
    case "gt": return (">", semicolon + 1)
    case "quot": return ("\"", semicolon + 1)
    case "apos": return ("'", semicolon + 1)
    default: break
    }
    var number: UInt32?
    if name.hasPrefix("#x"), name.count > 2, name.utf8.dropFirst(2).allSatisfy(Self.isHexDigit) {
      number = UInt32(name.dropFirst(2), radix: 16) ?? 0x11_0000
    } else if name.hasPrefix("#"), name.count > 1,
      name.utf8.dropFirst().allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    {
      number = UInt32(name.dropFirst(), radix: 10) ?? 0x11_0000
    }
    guard let number else { throw fail("unknown entity &\(name.prefix(12));") }
    guard PropertyListPreScan.isXMLCharacter(number), let scalar = Unicode.Scalar(number) else {
      throw fail(
        "a reference to character \(PropertyListPreScan.hex(min(number, 0x10FFFF))) "
          + "(XML does not allow it)")
    }
    return (scalar, semicolon + 1)
  }

  static func isHexDigit(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
      || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
      || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
  }

  // MARK: values

  mutating func value(depth: Int) throws(PropertyListError) -> PropertyList {
    guard depth <= PropertyList.maximumDepth else {
      throw fail("nested deeper than \(PropertyList.maximumDepth) levels")
    }
    // The values the writer writes most, told from their tag's bytes; the same reading
    // as the general way below, without making and comparing the tag's name.
    if starts(with: "<string>") {
      i += 8
      return .string(try text(closing: "string"))
    }
    if starts(with: "<date>") {
      i += 6
      let (start, startLine) = (i, line)
      let (plain, ascii) = try scanText()
      if plain, ascii, starts(with: "</date>"),
        let date = ISODate.parse(bytes: UnsafeBufferPointer(rebasing: bytes[start..<i]))
      {
        i += 7
        return .date(date)
      }
      (i, line) = (start, startLine)
      let text = try text(closing: "date")
      guard let date = ISODate.parse(text) else {
        throw fail("'\(text.prefix(40))' is not a date")
      }
      return .date(date)
    }
    if starts(with: "<integer>") {
      i += 9
      let text = try text(closing: "integer")
      guard let n = PlistNumbers.integer(text) else {
        throw fail("'\(text.prefix(40))' is not an integer")
      }
      return n
    }
    if starts(with: "<dict>") {
      i += 6
      return .dict(try dict(depth: depth))
    }
    if starts(with: "<array>") {
      i += 7
      return .array(try array(depth: depth))
    }
    if starts(with: "<true/>") {
      i += 7
      return .bool(true)
    }
    if starts(with: "<false/>") {
      i += 8
      return .bool(false)
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
      guard let n = PlistNumbers.integer(text) else {
        throw fail("'\(text.prefix(40))' is not an integer")
      }
      return n
    case "real":
      let text = empty ? "" : try text(closing: "real")
      guard let x = PlistNumbers.real(text) else {
        throw fail("'\(text.prefix(40))' is not a number")
      }
      return .real(x)
    case "true", "false":
      // plistlib ignores text inside <true>…</true>; so does this.
      if !empty {
        _ = try text(closing: name == "true" ? "true" : "false")
      }
      return .bool(name == "true")
    case "date":
      let text = empty ? "" : try text(closing: "date")
      guard let date = ISODate.parse(text) else {
        throw fail("'\(text.prefix(40))' is not a date")
      }
      return .date(date)
    case "data":
      let text = empty ? "" : try text(closing: "data")
      let compact = text.filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: compact) else { throw fail("<data> is not base 64") }
      return .data(data)
    default:
      throw fail("unknown element <\(name.prefix(40))>")
    }
  }

  // MARK: reading as it goes (StoreDocument's one-pass decode)

  /// `<dict>` or `<array>` (named), opened; false when it is empty (`<dict/>`). Throws
  /// when the next value is something else.
  mutating func open(_ container: StaticString) throws(PropertyListError) -> Bool {
    try skipMisc()
    guard let (name, empty) = try openTagBytes(), self.name(name, is: container)
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
    guard let (name, empty) = try openTagBytes(), self.name(name, is: "key") else {
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

  /// A dictionary's entries in file order; a key given again replaces the value of its
  /// first place, as plistlib (a Python dict) has it.
  mutating func dict(depth: Int) throws(PropertyListError) -> PropertyList.Dict {
    var entries: [(key: String, value: PropertyList)] = []
    while let key = try nextKey() {
      let value = try value(depth: depth + 1)
      if let k = entries.firstIndex(where: { $0.key == key }) {
        entries[k].value = value
      } else {
        entries.append((key, value))
      }
    }
    return PropertyList.Dict(entries)
  }

  mutating func array(depth: Int) throws(PropertyListError) -> [PropertyList] {
    var items: [PropertyList] = []
    while try nextItem() {
      items.append(try value(depth: depth + 1))
    }
    return items
  }

  // MARK: the pre-scan's mode

  /// Reads every token of the document without building a value and without recursion
  /// (it must never be what crashes): the characters of every byte, element nesting
  /// up to `maximumDepth`, each text up to `maximumText` bytes, every entity and
  /// reference, tags, comments, CDATA and declarations, nothing after the root.
  mutating func scan(maximumDepth: Int, maximumText: Int) throws(PropertyListError) {
    try checkCharacters()
    skipByteOrderMark()
    try skipMisc()
    var depth = 0
    repeat {
      let start = i
      let (plain, _) = try scanText()
      if i - start > maximumText { throw fail("a text of more than \(maximumText) bytes") }
      if !plain { try checkReferences(start..<i) }
      guard i < bytes.count else { throw fail("the file ends inside an element") }
      // Told by the byte after `<` first: nearly every tag is an open or a close tag,
      // and only `<!` and `<?` can start anything else.
      let next = i + 1 < bytes.count ? bytes[i + 1] : 0
      if next == UInt8(ascii: "/") {
        try closeAnyTag()
        depth -= 1
      } else if next == UInt8(ascii: "!") && starts(with: "<![CDATA[") {
        let from = i
        try skip(past: "]]>")
        if i - from > maximumText { throw fail("a text of more than \(maximumText) bytes") }
      } else if next == UInt8(ascii: "!") && starts(with: "<!--") {
        try skipComment()
      } else if next == UInt8(ascii: "?") {
        try skip(past: "?>")
      } else if next == UInt8(ascii: "!") && starts(with: "<!DOCTYPE") {
        try skipDoctype()
      } else {
        guard let (_, empty) = try openTagBytes() else { throw fail("a < that starts no tag") }
        if !empty {
          depth += 1
          if depth > maximumDepth { throw fail("nested more than \(maximumDepth) levels deep") }
        }
      }
    } while depth > 0
    try skipMisc()
    guard i == bytes.count else { throw fail("text after the end of the property list") }
  }

  /// Every entity and character reference in `range` is one XML allows.
  func checkReferences(_ range: Range<Int>) throws(PropertyListError) {
    let raw = UnsafeBufferPointer(rebasing: bytes[range])
    var k = 0
    while k < raw.count {
      if raw[k] == UInt8(ascii: "&") {
        k = try entity(in: raw, at: k).1
      } else {
        k += 1
      }
    }
  }

  /// Every byte: UTF-8, and a character XML 1.0 allows (no control character but tab,
  /// LF and CR; no U+FFFE or U+FFFF). A tight loop of its own: ASCII costs one compare.
  func checkCharacters() throws(PropertyListError) {
    func at(_ k: Int, _ reason: String) -> PropertyListError {
      PropertyListError(
        line: 1 + bytes[0..<k].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, reason: reason)
    }
    let n = bytes.count
    var k = 0
    let base = UnsafeRawPointer(bytes.baseAddress)
    while k < n {
      // Eight bytes at a time while they are ASCII with no control character but a
      // tab or a line end (nearly all of a store), tested as one word: the byte loop
      // below was most of the pre-scan. (Swift's SIMD16 compares were ten times slower.)
      if let base, n - k >= 8,
        Self.plainWord(base.loadUnaligned(fromByteOffset: k, as: UInt64.self))
      {
        k += 8
        continue
      }
      let b = bytes[k]
      if b &- 0x20 < 0x60 {
        k += 1
        continue
      }
      if b < 0x20 {
        if b == 0x09 || b == 0x0A || b == 0x0D {
          k += 1
          continue
        }
        throw at(
          k, "control character \(PropertyListPreScan.hex(UInt32(b))) (XML does not allow it)")
      }
      if b == 0x7F {
        k += 1
        continue
      }
      guard let (scalar, width) = Self.utf8Scalar(bytes, at: k) else {
        throw at(k, "text that is not UTF-8 (and the file declares no other encoding)")
      }
      if scalar == 0xFFFE || scalar == 0xFFFF {
        throw at(k, "character \(PropertyListPreScan.hex(scalar)) (XML does not allow it)")
      }
      k += width
    }
  }

  // Eight bytes as one word, each byte tested without carries between bytes; the
  // tests below take words whose bytes are all under 0x80.
  @inline(__always) static var highBits: UInt64 { 0x8080_8080_8080_8080 }

  /// The high bit of each byte of `v` that is 0.
  @inline(__always)
  static func zeroBytes(_ v: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((v & low) &+ low) | v) & highBits
  }

  /// The high bit of each byte of `w` that is `byte`.
  @inline(__always)
  static func bytes(_ w: UInt64, equalTo byte: UInt8) -> UInt64 {
    zeroBytes(w ^ (UInt64(byte) &* 0x0101_0101_0101_0101))
  }

  /// The high bit of each byte of `w` under 0x20: a byte under 0x80 plus 0x60 reaches
  /// 0x80 exactly when it is 0x20 or more.
  @inline(__always)
  static func controlBytes(_ w: UInt64) -> UInt64 { ~(w &+ 0x6060_6060_6060_6060) & highBits }

  /// Whether each byte of `w` is ASCII and no control character other than a tab, a
  /// line feed or a carriage return.
  @inline(__always)
  static func plainWord(_ w: UInt64) -> Bool {
    guard w & highBits == 0 else { return false }
    let control = controlBytes(w)
    guard control != 0 else { return true }
    let allowed = bytes(w, equalTo: 0x09) | bytes(w, equalTo: 0x0A) | bytes(w, equalTo: 0x0D)
    return control & ~allowed == 0
  }

  /// Whether each byte of `w` is text `scanText` passes without a look: ASCII, no
  /// control character (no tab or line end either: lines are counted byte by byte),
  /// no `<` and no `&`.
  @inline(__always)
  static func textWord(_ w: UInt64) -> Bool {
    guard w & highBits == 0 else { return false }
    return controlBytes(w) | bytes(w, equalTo: UInt8(ascii: "<"))
      | bytes(w, equalTo: UInt8(ascii: "&")) == 0
  }

  /// The scalar of the well-formed UTF-8 sequence at `k` (no overlong form, no
  /// surrogate, nothing past U+10FFFF) and its length.
  static func utf8Scalar(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> (UInt32, Int)? {
    let b = bytes[k]
    func continuation(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
      guard at < bytes.count, bytes[at] >= low, bytes[at] <= high else { return nil }
      return UInt32(bytes[at] & 0x3F)
    }
    switch b {
    case 0xC2...0xDF:
      guard let c1 = continuation(k + 1) else { return nil }
      return (UInt32(b & 0x1F) << 6 | c1, 2)
    case 0xE0...0xEF:
      let low: UInt8 = b == 0xE0 ? 0xA0 : 0x80
      let high: UInt8 = b == 0xED ? 0x9F : 0xBF
      guard let c1 = continuation(k + 1, low, high), let c2 = continuation(k + 2) else {
        return nil
      }
      return (UInt32(b & 0x0F) << 12 | c1 << 6 | c2, 3)
    case 0xF0...0xF4:
      let low: UInt8 = b == 0xF0 ? 0x90 : 0x80
      let high: UInt8 = b == 0xF4 ? 0x8F : 0xBF
      guard let c1 = continuation(k + 1, low, high), let c2 = continuation(k + 2),
        let c3 = continuation(k + 3)
      else { return nil }
      return (UInt32(b & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
    default:
      return nil
    }
  }
}

/// Numbers as plistlib reads them: `<integer>` through Python's `int()` (surrounding
/// whitespace, a sign, `_` between digits, leading zeros, `0x…` when the text starts
/// so; any size), `<real>` through `float()` (the same, `inf`, `infinity`, `nan`; no
/// hexadecimal).
enum PlistNumbers {
  static func integer(_ text: String) -> PropertyList? {
    // What a program writes: no spaces, no underscores, inside 64 bits.
    if let n = Int(text) { return .integer(n) }
    let hex = text.hasPrefix("0x") || text.hasPrefix("0X")
    var scalars = Substring(text).unicodeScalars
    if hex {
      // Python's int(text, 16) takes "0x" only at the very start.
      scalars = scalars.dropFirst(2)
      while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
    } else {
      scalars = trimmed(scalars)
    }
    var negative = false
    if !hex, let sign = scalars.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      scalars = scalars.dropFirst()
    }
    if hex, scalars.first == "_" { scalars = scalars.dropFirst() }
    var digits: [UInt8] = []
    var previousUnderscore = true
    for scalar in scalars {
      if scalar == "_" {
        guard !previousUnderscore else { return nil }
        previousUnderscore = true
        continue
      }
      previousUnderscore = false
      if hex {
        guard scalar.isASCII, let d = UInt8(String(scalar), radix: 16) else { return nil }
        digits.append(d)
      } else {
        guard scalar.properties.numericType == .decimal,
          let value = scalar.properties.numericValue
        else { return nil }
        digits.append(UInt8(value))
      }
    }
    guard !digits.isEmpty, !previousUnderscore else { return nil }
    return fromDigits(digits, radix: hex ? 16 : 10, negative: negative)
  }

  /// `.integer` when it fits in 64 bits, else `.bigInteger` in decimal.
  static func fromDigits(_ digits: [UInt8], radix: UInt32, negative: Bool) -> PropertyList {
    // Base 10^9 limbs, most significant last.
    var limbs: [UInt32] = [0]
    for d in digits {
      var carry = UInt64(d)
      for k in limbs.indices {
        let v = UInt64(limbs[k]) * UInt64(radix) + carry
        limbs[k] = UInt32(v % 1_000_000_000)
        carry = v / 1_000_000_000
      }
      while carry > 0 {
        limbs.append(UInt32(carry % 1_000_000_000))
        carry /= 1_000_000_000
      }
    }
    var text = String(limbs.last!)
    for limb in limbs.dropLast().reversed() {
      let part = String(limb)
      text += String(repeating: "0", count: 9 - part.count) + part
    }
    if negative && text != "0" { text = "-" + text }
    if let n = Int(text) { return .integer(n) }
    return .bigInteger(text)
  }

  static func real(_ text: String) -> Double? {
    let scalars = trimmed(Substring(text).unicodeScalars)
    guard scalars.allSatisfy(\.isASCII) else { return nil }
    var body = String(scalars).lowercased()
    var sign = ""
    if let first = body.first, first == "+" || first == "-" {
      sign = String(first)
      body.removeFirst()
    }
    if ["inf", "infinity", "nan"].contains(body) { return Double(sign + body) }
    // digits ('.' digits?)? | '.' digits, then (e [+-]? digits)?; '_' between digits.
    var cleaned = ""
    var index = body.startIndex
    func digitPart() -> Bool {
      var seen = false
      var previousUnderscore = false
      while index < body.endIndex {
        let c = body[index]
        if c == "_" {
          guard seen, !previousUnderscore else { return false }
          previousUnderscore = true
        } else if c.isASCII && c.isNumber {
          cleaned.append(c)
          seen = true
          previousUnderscore = false
        } else {
          break
        }
        index = body.index(after: index)
      }
      return seen && !previousUnderscore
    }
    let whole = digitPart()
    if index < body.endIndex, body[index] == "." {
      cleaned.append(".")
      index = body.index(after: index)
      let fraction = index < body.endIndex && body[index].isNumber ? digitPart() : false
      guard whole || fraction else { return nil }
      if !fraction { cleaned.append("0") }
    } else if !whole {
      return nil
    }
    if index < body.endIndex, body[index] == "e" {
      cleaned.append("e")
      index = body.index(after: index)
      if index < body.endIndex, body[index] == "+" || body[index] == "-" {
        cleaned.append(body[index])
        index = body.index(after: index)
      }
      guard digitPart() else { return nil }
    }
    guard index == body.endIndex else { return nil }
    if cleaned.hasPrefix(".") { cleaned = "0" + cleaned }
    return Double(sign + cleaned)
  }

  /// Without the white space Python's `strip()` takes away.
  static func trimmed(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
    var s = scalars
    while let first = s.first, first.properties.isWhitespace { s = s.dropFirst() }
    while let last = s.last, last.properties.isWhitespace { s = s.dropLast() }
    return s
  }
}

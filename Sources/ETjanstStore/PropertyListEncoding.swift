import Foundation

/// The character encoding of an XML property list, as Python's plistlib (expat) reads
/// it: UTF-8 unless the file says otherwise. A UTF-16 file (with its byte-order mark),
/// or one whose XML declaration names ISO-8859-1 (Latin-1), Windows-1252 or US-ASCII,
/// is turned into UTF-8 before any reader sees it, so that the one tokenizer
/// (`XMLReader`) only ever reads UTF-8. A byte that is not a character in the declared
/// encoding is refused with its line, never replaced. Other encodings are refused by
/// name (plistlib reads a few more through Python's codecs; no store is written so).
///
/// By hand rather than through Foundation's `String(data:encoding:)`: Windows-1252 has
/// five bytes with no character, which must be refused (as Python does) where
/// Foundation's table is not documented to; and Latin-1 is one line.
enum PropertyListEncoding {
  enum Kind: Equatable {
    case utf8, utf16, latin1, windows1252, ascii
  }

  /// Nil when `data` is UTF-8 already (with or without a byte-order mark, which the
  /// tokenizer skips); otherwise the same document in UTF-8, its declaration saying
  /// UTF-8. Throws for an encoding this program does not read and for a byte that is
  /// no character in the declared one.
  static func transcoded(_ data: Data) throws(PropertyListError) -> Data? {
    let kind = try encoding(of: data)
    if kind == .utf8 { return nil }
    if kind == .utf16 {
      guard var text = String(data: data, encoding: .utf16) else {
        throw PropertyListError(line: 1, reason: "text that is not valid UTF-16")
      }
      if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
      var utf8 = Data(text.utf8)
      if let end = declarationEnd(in: utf8) {
        utf8.replaceSubrange(0..<end, with: Data(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8))
      }
      return utf8
    }
    do {
      return try singleBytes(data, kind)
    } catch let error as PropertyListError {
      throw error
    } catch {
      throw PropertyListError(line: 0, reason: "\(error)")
    }
  }

  /// A single-byte encoding's text in UTF-8, after a new declaration.
  private static func singleBytes(_ data: Data, _ kind: Kind) throws -> Data {
    try data.withUnsafeBytes { raw throws -> Data in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      var out = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
      out.reserveCapacity(bytes.count + bytes.count / 8)
      if let end = declarationEnd(in: UnsafeBufferPointer(rebasing: bytes[start...])) {
        start += end
      }
      var line = 1
      for k in start..<bytes.count {
        let b = bytes[k]
        if b == 0x0A { line += 1 }
        if b < 0x80 {
          out.append(b)
          continue
        }
        let scalar: UInt32
        switch kind {
        case .latin1: scalar = UInt32(b)
        case .windows1252:
          guard let mapped = windows1252(b) else {
            throw PropertyListError(
              line: line, reason: "byte \(hex(b)) is no character in Windows-1252")
          }
          scalar = mapped
        default:
          throw PropertyListError(line: line, reason: "byte \(hex(b)) is not US-ASCII")
        }
        out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
      }
      return Data(out)
    }
  }

  /// Whether the tokenizer can read `data` as it is (no declared encoding but UTF-8).
  static func isUTF8(_ data: Data) -> Bool { (try? encoding(of: data)) == .utf8 }

  static func hex(_ b: UInt8) -> String {
    "0x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
  }

  /// From the byte-order mark, else the XML declaration's `encoding="…"`, else UTF-8.
  /// A declaration wins over a UTF-8 byte-order mark, as expat has it.
  static func encoding(of data: Data) throws(PropertyListError) -> Kind {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return .utf16 }
    let head = data.prefix(512)
    guard
      let name = declaredEncoding(head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head)
    else { return .utf8 }
    switch name.lowercased() {
    case "utf-8", "utf8": return .utf8
    case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin-1", "latin1", "l1", "cp819":
      return .latin1
    case "windows-1252", "cp1252": return .windows1252
    case "us-ascii", "ascii": return .ascii
    // Only with its byte-order mark (above); a declaration alone changes nothing.
    case "utf-16", "utf16": return .utf8
    default:
      throw PropertyListError(
        line: 1,
        reason:
          "the encoding \"\(name.filter { $0.isASCII && !$0.isNewline })\" is not one etjanst reads "
          + "(UTF-8, UTF-16, ISO-8859-1, Windows-1252, US-ASCII)")
    }
  }

  /// The value of `encoding=` in a leading `<?xml … ?>`, if any.
  private static func declaredEncoding(_ head: Data.SubSequence) -> String? {
    guard head.starts(with: "<?xml".utf8), let end = declarationEnd(in: head) else { return nil }
    let declaration = String(decoding: head.prefix(end), as: UTF8.self)
    guard let key = declaration.range(of: "encoding") else { return nil }
    var rest = declaration[key.upperBound...].drop {
      $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n"
    }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }

  /// Just past the `?>` of a leading XML declaration.
  private static func declarationEnd<C: Collection>(in bytes: C) -> Int?
  where C.Element == UInt8 {
    guard bytes.starts(with: "<?xml".utf8) else { return nil }
    var previous: UInt8 = 0
    for (offset, b) in bytes.prefix(512).enumerated() {
      if previous == UInt8(ascii: "?") && b == UInt8(ascii: ">") { return offset + 1 }
      previous = b
    }
    return nil
  }

  /// Windows-1252's characters for 0x80–0x9F (Python's cp1252: five bytes have none);
  /// the rest of the upper half is Latin-1.
  private static func windows1252(_ b: UInt8) -> UInt32? {
    guard b >= 0x80 && b <= 0x9F else { return UInt32(b) }
    let table: [UInt32] = [
      0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
      0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
    let scalar = table[Int(b - 0x80)]
    return scalar == 0 ? nil : scalar
  }
}

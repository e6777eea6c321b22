import Foundation

/// Makes an encoded XML property list one that every XML reader accepts. A string
/// that reached the store without cleaning (a binary file edited by hand) may hold
/// characters XML 1.0 forbids; Foundation's encoder writes them raw, and plistlib —
/// and this program's own pre-scan — would then refuse the saved file. Each such
/// character becomes U+FFFD, as `TextCleaning` does with control characters; `check`
/// reports the text before that happens.
///
/// Linear over the bytes: outside strings the encoder writes only printable ASCII,
/// tabs and line breaks, so a forbidden byte can only be inside a string's text.
enum XMLCharacterGuard {
  /// The width of a forbidden character at `i` (1 for a control byte, 3 for U+FFFE
  /// and U+FFFF: EF BF BE, EF BF BF), or 0.
  private static func forbidden(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
    let byte = bytes[i]
    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return 1 }
    if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
      return 3
    }
    return 0
  }

  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  static func clean(_ data: Data) -> Data {
    data.withUnsafeBytes { bytes -> Data in
      var i = 0
      while i < bytes.count, forbidden(bytes, i) == 0 { i += 1 }
      if i == bytes.count { return data }
      var out = Data(capacity: bytes.count + 16)
      out.append(contentsOf: bytes[0..<i])
      while i < bytes.count {
        let width = forbidden(bytes, i)
        if width > 0 {
          out.append(contentsOf: replacement)
          i += width
        } else {
          out.append(bytes[i])
          i += 1
        }
      }
      return out
    }
  }

  /// The same in place, for the store's writer, which has already written every
  /// control character as U+FFFD: U+FFFE and U+FFFF become U+FFFD, three bytes for
  /// three, so the length stays. False (nothing changed) if a control byte is found,
  /// which would need more room.
  static func cleanInPlace(_ bytes: inout [UInt8]) -> Bool {
    var places: [Int] = []
    let clean = bytes.withUnsafeBytes { raw -> Bool in
      for i in raw.indices {
        switch forbidden(raw, i) {
        case 0: continue
        case 3: places.append(i)
        default: return false
        }
      }
      return true
    }
    guard clean else { return false }
    for i in places { bytes.replaceSubrange(i..<(i + 3), with: replacement) }
    return true
  }
}

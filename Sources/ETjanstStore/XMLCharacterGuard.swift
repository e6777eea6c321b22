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
  static func clean(_ data: Data) -> Data {
    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    func forbidden(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
      let byte = bytes[i]
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return 1 }
      // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
      if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
        return 3
      }
      return 0
    }
    return data.withUnsafeBytes { bytes -> Data in
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
}

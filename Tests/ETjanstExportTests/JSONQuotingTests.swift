import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstExport

@Suite struct JSONQuotingTests {
  /// The former quoting, through JSONSerialization, as the oracle.
  static func viaFoundation(_ s: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
    let array = String(decoding: data, as: UTF8.self)
    var out = ""
    for scalar in array.dropFirst().dropLast().unicodeScalars {
      if TextCleaning.isUnsafe(scalar.value) {
        out += String(format: "\\u%04x", scalar.value)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  @Test("hand-escaped JSON strings are what JSONSerialization wrote, and parse back")
  func sameAsJSONSerialization() throws {
    let pool: [Unicode.Scalar] =
      Array("aÅäö \"\\/<>&'日𝄞".unicodeScalars)
      + (0..<0x20).map {
        Unicode.Scalar($0)!
      } + ["\u{7F}", "\u{85}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{2028}"]
    var state: UInt64 = 42
    for _ in 0..<2_000 {
      var s = String.UnicodeScalarView()
      state = state &* 6_364_136_223_846_793_005 &+ 1
      for k in 0..<Int(state >> 60) {
        s.append(pool[Int((state >> UInt64(k % 50)) % UInt64(pool.count))])
      }
      let text = String(s)
      let quoted = ExportFormat.quoted(text)
      #expect(quoted == Self.viaFoundation(text), "\(text.debugDescription)")
      let back = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
      #expect(back == [text])
    }
  }
}

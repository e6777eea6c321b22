import ETjanstDomain
import Foundation

/// The bytes of an import file as text. UTF-8, with or without a byte order mark, is
/// read as it is; a file that is not valid UTF-8 was saved by Excel or an HR system
/// in Windows-1252 (or Latin-1, which it contains), and is read as that, so
/// "Keinänen" stays "Keinänen" rather than becoming a replacement character; the
/// summary says so in one line (`note`).
public struct ImportText: Sendable {
  public var text: String
  /// Set when the file was not UTF-8 and was read as Windows-1252.
  public var note: LocalizedText?

  public init(_ data: Data) {
    if let utf8 = String(validating: data, as: UTF8.self) {
      text = utf8
      note = nil
    } else {
      text = Self.windows1252(data)
      note = LocalizedText(
        sv: "Filen var inte UTF-8 och lästes som Windows-1252 (Latin-1).",
        en: "The file was not UTF-8 and was read as Windows-1252 (Latin-1).")
    }
  }

  /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F; the five bytes
  /// it leaves undefined are read as Latin-1's control characters (which the
  /// import's cleaning removes).
  static func windows1252(_ data: Data) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(data.count)
    for byte in data {
      if (0x80...0x9F).contains(byte), let mapped = high[Int(byte - 0x80)] {
        scalars.append(mapped)
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  private static let high: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}

import Foundation

/// Swedish alphabetical order: … X Y Z Å Ä Ö, case-insensitive, numbers by value.
/// Foundation's default compare puts Ä before Å; the sv_SE locale gets it right
/// even where the operating system has no Swedish locale installed.
public enum SwedishCollation {
  static let locale = Locale(identifier: "sv_SE")

  public static func compare(_ a: String, _ b: String) -> ComparisonResult {
    a.compare(b, options: [.caseInsensitive, .numeric], range: nil, locale: locale)
  }

  public static func precedes(_ a: String, _ b: String) -> Bool {
    compare(a, b) == .orderedAscending
  }

  /// Case-insensitive search that keeps å, ä and ö apart from a and o
  /// (diacritic-insensitive search would wrongly match "a" with "å").
  public static func contains(_ haystack: String, _ needle: String) -> Bool {
    Searchable(haystack).contains(Searchable(needle))
  }

  /// A text made ready to search, or to search for: folded once, for a row searched
  /// on every letter typed into a filter, or a word searched for in every row.
  public struct Searchable: Sendable {
    let text: String
    let folded: [UInt8]?

    public init(_ text: String) {
      self.text = text
      folded = SwedishCollation.folded(text)
    }

    /// Whether `needle` occurs in this text, as `SwedishCollation.contains` says.
    public func contains(_ needle: Searchable) -> Bool {
      if needle.text.isEmpty { return true }
      if let h = folded, let n = needle.folded {
        return n.count <= h.count
          && (0...(h.count - n.count)).contains { i in h[i..<(i + n.count)].elementsEqual(n) }
      }
      return text.range(of: needle.text, options: [.caseInsensitive], locale: locale) != nil
    }
  }

  /// The UTF-8 of text made only of ASCII and U+0080…U+00FF (å ä ö é ü…), with its
  /// capitals made small, or nil for anything else (ß, letters beyond U+00FF, combining
  /// marks), which the locale-aware search above takes. Hand-written because a filter
  /// runs this over every row on every key: through the locale it took ~0.1 s a letter
  /// over 10,000 staff. SwedishCollationTests checks it agrees with the locale's search.
  static func folded(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var lead: UInt8 = 0
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 32)
      case ..<0x80: out.append(b)
      case 0xC2, 0xC3:
        lead = b
        out.append(b)
      case 0x80..<0xC0 where lead == 0xC3:
        // U+00C0…U+00DE are capitals (but × at U+00D7); U+00DF is ß, which folds to "ss".
        if b == 0x9F { return nil }
        out.append(b < 0x9F && b != 0x97 ? b + 0x20 : b)
      case 0x80..<0xC0: out.append(b)
      default: return nil
      }
    }
    return out
  }
}

extension SwedishCollation {
  /// A key that sorts like `compare` with plain `<`: made once per string, so sorting
  /// thousands of rows costs n keys and n log n integer comparisons instead of
  /// n log n locale-aware comparisons (each of which set up a collator). Hand-written
  /// for that reason; SwedishCollationTests checks it against `compare`.
  ///
  /// Primary weights: white space, then punctuation and symbols, then numbers by value,
  /// then letters a–z, å, ä (æ), ö (ø), with ü as y and other accents ignored; then, to
  /// break ties as the collator does, the accents themselves. Case is ignored.
  public struct Key: Comparable, Sendable {
    let weights: [UInt32]
    public static func < (a: Key, b: Key) -> Bool {
      a.weights.lexicographicallyPrecedes(b.weights)
    }
  }

  public static func key(_ text: String) -> Key {
    keys.key(text)
  }

  /// Keys already made, by text: after a save or a reload every list is sorted again,
  /// and nearly every name in it was keyed before. Bounded: emptied when full.
  private static let keys = KeyCache()

  private final class KeyCache: @unchecked Sendable {
    // @unchecked: `known` is only touched with `lock` held (the findings are worked
    // out on another thread, and they sort too).
    private let lock = NSLock()
    private var known: [String: Key] = [:]
    private static let limit = 30_000

    func key(_ text: String) -> Key {
      if let key = lock.withLock({ known[text] }) { return key }
      let key = SwedishCollation.makeKey(text)
      lock.withLock {
        if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
        known[text] = key
      }
      return key
    }
  }

  static func makeKey(_ text: String) -> Key {
    var primary: [UInt32] = []
    primary.reserveCapacity(text.utf8.count + 4)
    var accents: [UInt32] = []
    var digits: [UInt32] = []
    func flushDigits() {
      guard !digits.isEmpty else { return }
      let significant = digits.drop(while: { $0 == 0 })
      primary.append(3)
      primary.append(UInt32(significant.count))
      primary.append(contentsOf: significant)
      digits.removeAll(keepingCapacity: true)
    }
    func letter(_ weight: UInt32, accent: UInt32) {
      primary.append(4)
      primary.append(weight)
      accents.append(accent)
    }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v >= 0x30 && v <= 0x39 {
        digits.append(v - 0x30)
        continue
      }
      flushDigits()
      switch v {
      case 0x61...0x7A: letter(v - 0x60, accent: 0)
      case 0x41...0x5A: letter(v - 0x40, accent: 0)
      case 0xE5, 0xC5: letter(27, accent: 0)
      case 0xE4, 0xC4, 0xE6, 0xC6: letter(28, accent: v == 0xE6 || v == 0xC6 ? 1 : 0)
      case 0xF6, 0xD6, 0xF8, 0xD8: letter(29, accent: v == 0xF8 || v == 0xD8 ? 1 : 0)
      case 0xFC, 0xDC: letter(25, accent: 1)
      case 0x30A, 0x308:
        // A combining ring or diaeresis after a, A, o or O makes å, ä or ö.
        let n = primary.count
        if n >= 2, primary[n - 2] == 4, primary[n - 1] == 1 || primary[n - 1] == 15 {
          primary[n - 1] = primary[n - 1] == 15 ? 29 : (v == 0x30A ? 27 : 28)
        } else if let last = accents.indices.last {
          accents[last] = v
        }
      case 0x300...0x36F:
        if let last = accents.indices.last { accents[last] = accentWeight(v) }
      default:
        if scalar.properties.isWhitespace {
          primary.append(1)
        } else if scalar.properties.isAlphabetic {
          let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
          let b = parts[0].value | 0x20
          if parts.count > 1, b >= 0x61, b <= 0x7A {
            letter(b - 0x60, accent: accentWeight(parts[1].value))
          } else {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first!.value
            letter(1_000 + lower, accent: 0)
          }
        } else {
          primary.append(2)
          primary.append(punctuationWeight(v))
        }
      }
    }
    flushDigits()
    primary.append(0)
    primary.append(contentsOf: accents)
    return Key(weights: primary)
  }

  /// The collator's order of ASCII punctuation and symbols (CLDR root); others after,
  /// by code point.
  private static let punctuation: [UInt32: UInt32] = {
    var table: [UInt32: UInt32] = [:]
    for (i, c) in "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars.enumerated() {
      table[c.value] = UInt32(i + 1)
    }
    return table
  }()

  private static func punctuationWeight(_ v: UInt32) -> UInt32 {
    if let w = punctuation[v] { return w }
    // Dashes sort with the hyphen.
    if v == 0x2013 || v == 0x2014 || v == 0x2010 || v == 0x2011 { return 2 }
    return 100 + v
  }

  /// Accents in the collator's secondary order: acute before grave, then the rest.
  private static func accentWeight(_ mark: UInt32) -> UInt32 {
    mark == 0x301 ? 0x2FF : mark
  }
}

extension Sequence {
  /// Sorted in Swedish order by the given text; equal texts keep their order. One
  /// collation key per element (see `SwedishCollation.key`).
  public func sortedSwedish(by key: (Element) -> String) -> [Element] {
    // Positions are sorted, not the elements: a staff member is a large value, and
    // moving 10,000 of them about while sorting cost more than the comparisons.
    let elements = Array(self)
    let keys = elements.map { SwedishCollation.key(key($0)) }
    let order = elements.indices.sorted { keys[$0] == keys[$1] ? $0 < $1 : keys[$0] < keys[$1] }
    return order.map { elements[$0] }
  }
}

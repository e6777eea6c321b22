/// Width in terminal columns, as wcwidth measures it, without depending on the C
/// locale (which may be ASCII on a server): combining marks take no column, East
/// Asian wide characters and emoji take two, everything else one.
public enum TextWidth {
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    // A character is measured by its first scalar; the common ones from their value
    // (a frame puts every character of every row through here).
    let v = first.value
    if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0xAD ? 0 : 1 }
    if v >= 0x2000 && v <= 0x21FF { return Int(punctuation[Int(v - 0x2000)]) }
    return byProperties(first)
  }

  /// A scalar's width from its Unicode properties, as wcwidth gives it.
  static func byProperties(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    return isWide(scalar.value) || scalar.properties.isEmojiPresentation ? 2 : 1
  }

  public static func of(_ text: String) -> Int {
    plainWidth(text) ?? text.reduce(0) { $0 + of($1) }
  }

  /// The width of text made only of ASCII, the Latin letters up to U+02FF (å, ä, ö,
  /// é, ü…) and the punctuation, symbols and arrows of U+2000…U+21FF (– … € ↑), read
  /// from its bytes: one column a character, none for a control character or the
  /// soft hyphen, as `of(Character)` gives; U+2000…U+21FF from a table made once.
  /// Nil for anything else (combining marks of letters, wide and emoji characters),
  /// which goes character by character. Hand-written because the Unicode property
  /// lookups were a quarter of the time a list took to draw, and nearly every cell of
  /// this console is such text (a dash or an ellipsis in a name sent a whole row the
  /// slow way, and a region's catalogue has one in every row).
  static func plainWidth(_ text: String) -> Int? {
    var width = 0
    var lead: UInt8 = 0
    var middle: UInt8 = 0
    for b in text.utf8 {
      if b < 0x80 {
        width += b < 0x20 || b == 0x7F ? 0 : 1
      } else if b < 0xC0 {
        if lead == 0xE2 {
          // U+2000…U+21FF: E2 80…87 xx.
          if middle == 0 {
            guard b <= 0x87 else { return nil }
            middle = b
          } else {
            width += Int(punctuation[Int(middle & 0x07) << 6 | Int(b & 0x3F)])
            middle = 0
          }
          continue
        }
        // The second byte of U+0080…U+02FF: controls U+0080…U+009F and U+00AD take none.
        let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(b & 0x3F)
        width += scalar < 0xA0 || scalar == 0xAD ? 0 : 1
      } else if (b >= 0xC2 && b <= 0xCB) || b == 0xE2 {
        lead = b
      } else {
        return nil
      }
    }
    return width
  }

  /// The width of each of U+2000…U+21FF, from its properties.
  private static let punctuation: [UInt8] = (0x2000...0x21FF).map {
    UInt8(byProperties(Unicode.Scalar(UInt32($0))!))
  }

  /// `text` cut to at most `width` columns; an ellipsis marks the cut.
  public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
    guard width > 0 else { return "" }
    if of(text) <= width { return text }
    let limit = ellipsis ? width - 1 : width
    var out = ""
    var used = 0
    for c in text {
      let w = of(c)
      if used + w > limit { break }
      out.append(c)
      used += w
    }
    return ellipsis ? out + "…" : out
  }

  /// `text` on one line of `width` columns: whole, or cut after the last word that
  /// fits, with "…" saying more was there (a status line, which cannot wrap).
  public static func shorten(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    let head = truncate(text, to: width, ellipsis: false)
    guard let space = head.dropLast().lastIndex(of: " ") else {
      return truncate(text, to: width)
    }
    var cut = String(head[..<space])
    while cut.hasSuffix(" ") || cut.hasSuffix("·") { cut.removeLast() }
    return cut + " …"
  }

  /// `text` cut or padded with spaces to exactly `width` columns.
  public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let cut = truncate(text, to: width)
    let fill = String(repeating: " ", count: max(0, width - of(cut)))
    return alignRight ? fill + cut : cut + fill
  }

  /// Words wrapped into lines of at most `width` columns; explicit line breaks kept.
  public static func wrap(_ text: String, to width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        let word = String(word)
        let candidate = line.isEmpty ? word : line + " " + word
        if of(candidate) <= width {
          line = candidate
        } else {
          if !line.isEmpty { lines.append(line) }
          var rest = word
          while of(rest) > width {
            let head = longWordHead(rest, width)
            lines.append(head)
            rest = String(rest.dropFirst(head.count))
          }
          line = rest
        }
      }
      lines.append(line)
    }
    return lines
  }

  /// The first line of a word wider than `width` (an address, a path): up to its last
  /// place where it reads as broken on purpose, after a "/" or "-" or before a ".", "?",
  /// "&", "#", "=" or "_", in the line's second half; only a word with no such place is
  /// cut at the width itself.
  static func longWordHead(_ word: String, _ width: Int) -> String {
    let head = truncate(word, to: width, ellipsis: false)
    let characters = Array(head)
    let rest = word.dropFirst(characters.count).first
    var used = of(head)
    // Walking back from the end: a break between `characters[i - 1]` and the next.
    for i in stride(from: characters.count, to: 0, by: -1) {
      if used * 2 < width { break }
      let before = characters[i - 1]
      let after = i < characters.count ? characters[i] : rest
      let afterSlash = before == "/" && after != "/"
      if afterSlash || before == "-" || after.map({ ".?&#=_".contains($0) }) == true {
        return String(characters[..<i])
      }
      used -= of(before)
    }
    return head
  }

  private static func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
      || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v)
  }
}

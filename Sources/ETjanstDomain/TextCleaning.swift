import Foundation

/// Cleans every string that enters the program (a key, a file, an import), once, at
/// the boundary. ncurses shows ESC as ^[ but lets CR move the cursor and passes
/// U+202E through, and a CSV cell can carry anything, so this is the program's job.
public enum TextCleaning {
  /// How a field's text is cleaned: as one line or as several.
  public enum Kind: Sendable, Equatable {
    case line
    case multiline
  }

  /// `text` cleaned as `kind` says.
  public static func clean(_ text: String, _ kind: Kind) -> String {
    kind == .line ? line(text) : multiline(text)
  }

  /// What replaces a control character, so the user sees that something was there.
  public static let replacement: Character = "\u{FFFD}"

  /// A one-line field (a name, a login, a case number): no line breaks or tabs,
  /// trimmed, NFC.
  public static func line(_ text: String) -> String {
    trimmingSpaces(clean(text, multiline: false))
  }

  /// `text.trimmingCharacters(in: .whitespaces)`, without the trip through NSString
  /// when neither end is a space (nearly every cell of an import: it was a fifth of
  /// reading a large file).
  public static func trimmingSpaces(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    let spaces = CharacterSet.whitespaces
    if !spaces.contains(first) && !spaces.contains(last) { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// A multi-line field (a fallback routine, a need): line breaks kept as LF,
  /// tabs as spaces, trailing spaces of each line dropped, NFC.
  public static func multiline(_ text: String) -> String {
    // Printable ASCII or Latin-1 (å ä ö) on one line has nothing to clean but
    // trailing spaces: an import cleans every cell, and the general path (NFC, a
    // pattern per line) was most of reading a large file.
    if isPlainLatin(text) {
      var kept = Substring(text)
      while kept.last == " " || kept.last == "\u{A0}" { kept.removeLast() }
      return String(kept)
    }
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    return clean(normalized, multiline: true)
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
      .joined(separator: "\n")
      .trimmingCharacters(in: .newlines)
  }

  /// Text typed or pasted into a field while it is edited: cleaned as `line` or
  /// `multiline` clean it (a CR LF is one line break), but not trimmed, since more
  /// may be typed around it; the field is cleaned again when it is read.
  public static func typed(_ text: String, multiline: Bool) -> String {
    clean(text.replacingOccurrences(of: "\r\n", with: "\n"), multiline: multiline)
  }

  /// Text as it may be printed on a terminal or written to a file: control and
  /// invisible characters become U+FFFD, so a stored value that bypassed cleaning (a
  /// hand-edited file) can never drive the terminal. So do the Unicode line breaks
  /// (NEL U+0085, U+2028, U+2029), which some terminals, editors and JavaScript
  /// readers take for a new line: a value could start a line of its own. LF is kept
  /// when asked (CSV quotes it); every other line break is U+FFFD, as CR is.
  public static func printable(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0.value) }) else { return text }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          keepingLineBreaks && $0.value == 0x0A ? $0 : isUnsafe($0.value) ? "\u{FFFD}" : $0
        }))
  }

  /// C0, DEL, C1 (NEL among them), the line and paragraph separators and the
  /// invisible format characters.
  public static func isUnsafe(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
      || isInvisible(value)
  }

  /// True when `text` is already what `line` would make of it.
  public static func isCleanLine(_ text: String) -> Bool { line(text) == text }

  /// Only printable ASCII (space to tilde): NFC, control characters and invisible
  /// marks do not touch it.
  static func isPlainASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
  }

  /// Only printable ASCII, the printable Latin-1 letters and signs (U+00A0 to
  /// U+00FF) and the dashes, quotes, bullets and ellipsis of General Punctuation
  /// (U+2010 to U+2027: "Orosanmälan – barn som far illa"): NFC leaves them as they
  /// are (none decomposes into another, none combines), and none is a control, line
  /// break, bidi or invisible character (those are U+2000 to U+200F and from U+2028).
  static func isPlainLatin(_ text: String) -> Bool {
    if isPlainASCII(text) { return true }
    return text.unicodeScalars.allSatisfy {
      (0x20...0x7E).contains($0.value) || (0xA0...0xFF).contains($0.value)
        || (0x2010...0x2027).contains($0.value)
    }
  }

  private static func clean(_ text: String, multiline: Bool) -> String {
    if isPlainLatin(text) { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.value {
      case 0x0A where multiline:
        out.append(scalar)
      case 0x09:
        out.append(contentsOf: multiline ? "    ".unicodeScalars : " ".unicodeScalars)
      case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
        out.append(multiline ? "\n" : " ")
      case 0x00...0x1F, 0x7F, 0x80...0x9F:
        out.append(contentsOf: String(replacement).unicodeScalars)
      case _ where isInvisible(scalar.value):
        continue
      default:
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Bidi overrides and isolates, zero-width characters and the BOM: they change
  /// how the rest of a line looks without being seen themselves.
  public static func isInvisible(_ value: UInt32) -> Bool {
    switch value {
    case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
      return true
    default:
      return false
    }
  }
}

import Testing

@testable import ETjanstConsole

/// Text of ASCII and Latin letters is measured from its bytes; these check that the
/// shortcut gives what measuring character by character gives.
@Suite struct TextWidthTests {
  static func byCharacter(_ text: String) -> Int { text.reduce(0) { $0 + TextWidth.of($1) } }

  @Test("every scalar up to U+02FF, alone and between letters, measures as by character")
  func latinScalars() {
    for value in UInt32(0)...0x2FF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for text in [String(scalar), "å\(scalar)ö", "\(scalar)\(scalar)x"] {
        #expect(TextWidth.plainWidth(text) == Self.byCharacter(text), "U+\(value)")
        #expect(TextWidth.of(text) == Self.byCharacter(text), "U+\(value)")
      }
    }
  }

  @Test("every scalar of U+2000…U+21FF (dashes, ellipsis, arrows) measures as by character")
  func punctuationScalars() {
    for value in UInt32(0x2000)...0x21FF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for text in [String(scalar), "å\(scalar)ö", "\(scalar)\(scalar)x", "e\(scalar)\u{2026}"] {
        #expect(TextWidth.plainWidth(text) == Self.byCharacter(text), "U+\(value)")
        #expect(TextWidth.of(text) == Self.byCharacter(text), "U+\(value)")
      }
    }
  }

  @Test("a character of the common ranges, measured from its value, as by its properties")
  func characterShortcut() {
    for value in Array(UInt32(0)...0x2FF) + Array(UInt32(0x2000)...0x21FF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(TextWidth.of(Character(scalar)) == TextWidth.byProperties(scalar), "U+\(value)")
    }
  }

  @Test("what the shortcut does not know goes character by character")
  func otherText() {
    for text in [
      "e\u{301}", "Åsa e\u{301}n", "日本", "👍 ok", "a\u{200D}b", "\u{2003}", "Ärende – nr",
      "\r\n", "",
    ] {
      #expect(TextWidth.of(text) == Self.byCharacter(text), "\(text.unicodeScalars.map(\.value))")
    }
    #expect(TextWidth.plainWidth("e\u{301}") == nil)
    #expect(TextWidth.plainWidth("Ärende – nr") == 11)
    #expect(TextWidth.plainWidth("Åtgärd \u{2200}") == nil)
    #expect(TextWidth.plainWidth("✓ klar") == nil)
    #expect(TextWidth.plainWidth("Ärende - nr, Öst") == 16)
    #expect(TextWidth.of("日本") == 4)
  }

  @Test("wrapping keeps words whole; an address wider than its line breaks after a slash")
  func wrapsAtWords() {
    let url = "https://insidanovertornea.enamnd.se/oversikt/overview/2009"
    #expect(
      TextWidth.wrap("Adress \(url) gäller", to: 40) == [
        "Adress", "https://insidanovertornea.enamnd.se/", "oversikt/overview/2009 gäller",
      ])
    // Before a dot or a question mark, after a hyphen; never in the line's first half.
    #expect(TextWidth.wrap("e-tjanster.example.se", to: 15) == ["e-tjanster", ".example.se"])
    #expect(TextWidth.wrap("sida?id=12345678", to: 12) == ["sida?id", "=12345678"])
    #expect(TextWidth.wrap("a/bcdefghijklmnop", to: 10) == ["a/bcdefghi", "jklmnop"])
    // A word with no such place is cut at the width.
    #expect(TextWidth.wrap("abcdefghijkl", to: 5) == ["abcde", "fghij", "kl"])
    for width in 4...60 {
      for line in TextWidth.wrap("Se \(url) och \(url).", to: width) {
        #expect(TextWidth.of(line) <= width)
      }
      #expect(
        TextWidth.wrap(url, to: width).joined() == url, "nothing lost or added at \(width)")
    }
  }
}

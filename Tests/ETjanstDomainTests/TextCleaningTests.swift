import ETjanstDomain
import Foundation
import Testing

/// DESIGN "Text from outside": every string that enters is cleaned once.
@Suite struct TextCleaningTests {
  @Test("ESC, BEL and DEL become a visible replacement, never reach the terminal")
  func controlCharacters() {
    let cleaned = TextCleaning.line("Bygg\u{1B}[2Jlov\u{07}\u{7F}")
    #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(cleaned == "Bygg\u{FFFD}[2Jlov\u{FFFD}\u{FFFD}")
  }

  @Test("CR, LF and TAB in a one-line field become spaces, so 'G\\rH' cannot hide G")
  func lineBreaksInOneLineFields() {
    #expect(TextCleaning.line("G\rH") == "G H")
    #expect(TextCleaning.line("a\nb\tc") == "a b c")
    #expect(TextCleaning.line("  namn  ") == "namn")
  }

  @Test("a multi-line field keeps its lines, as LF, and drops trailing spaces")
  func multiline() {
    #expect(TextCleaning.multiline("Steg 1  \r\nSteg 2\rSteg 3\n\n") == "Steg 1\nSteg 2\nSteg 3")
    #expect(TextCleaning.multiline("a\tb") == "a    b")
  }

  @Test("Latin-1 text (å ä ö) takes the short way and comes out as the general path makes it")
  func latinShortWay() {
    for text in [
      "Ansökan om bygglov", "Åsa Öhrn  ", "Niemi\u{A0}", "a\u{AD}b", "  Ärende ×2 ½ ", "Café",
    ] {
      // A line break and a euro sign send the same text the general way.
      let general = TextCleaning.multiline(text + "\n€")
        .split(separator: "\n", omittingEmptySubsequences: false)[0]
      #expect(TextCleaning.multiline(text) == String(general), "\(text)")
    }
    #expect(TextCleaning.line("  Åsa Öhrn\u{A0} ") == "Åsa Öhrn")
  }

  @Test(
    "dashes and quotes (U+2010–U+2027) take the short way too; the spaces and marks beside them do not"
  )
  func punctuationShortWay() {
    for text in [
      "Orosanmälan – barn som far illa", "”Citat” ‘här’ — och … • ‧", "a\u{2011}b ",
      "x\u{200B}y", "\u{2003}Em\u{2000}", "\u{202E}bakåt", "A\u{300}",
    ] {
      let general = TextCleaning.multiline(text + "\n€")
        .split(separator: "\n", omittingEmptySubsequences: false)[0]
      #expect(TextCleaning.multiline(text) == String(general), "\(text)")
    }
    #expect(TextCleaning.line("x\u{2028}y") == "x y", "U+2028 is a line break, not a dash")
    for text in ["", " ", "a", " a ", "\u{3000}b\u{A0}", "\tc\t", "d\u{2003}", "–e–"] {
      #expect(
        TextCleaning.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
    }
  }

  @Test("C1 controls (U+0080–U+009F) are replaced")
  func c1() {
    #expect(TextCleaning.line("a\u{9B}31mb") == "a\u{FFFD}31mb")
  }

  @Test("bidi overrides and zero-width characters are dropped")
  func invisible() {
    #expect(TextCleaning.line("abc\u{202E}fed") == "abcfed")
    #expect(TextCleaning.line("e\u{200B}tjänst\u{FEFF}") == "etjänst")
    #expect(TextCleaning.line("\u{2066}x\u{2069}") == "x")
  }

  @Test("NFC: a decomposed å becomes the single character")
  func nfc() {
    let decomposed = "Ove\u{0072}to\u{0072}nea\u{030A}"
    let cleaned = TextCleaning.line(decomposed)
    #expect(cleaned == "Overtorneå")
    #expect(cleaned.unicodeScalars.count == 10)
  }

  @Test("cleaning is idempotent on any mix of the above")
  func idempotent() {
    let samples = ["\u{1B}x\r\n\u{202E}å\u{0308}", "plain", "", "\u{85}\u{2028}", "a\u{200D}b"]
    for s in samples {
      #expect(TextCleaning.line(TextCleaning.line(s)) == TextCleaning.line(s))
      #expect(TextCleaning.multiline(TextCleaning.multiline(s)) == TextCleaning.multiline(s))
    }
  }
}

import Testing

@testable import ETjanstConsole

/// A cell keeps its grapheme in two words: what goes in comes out, up to 15 bytes.
@Suite struct CellTests {
  @Test(
    "a grapheme comes back as it went in",
    arguments: [" ", "a", "å", "Ö", "–", "漢", "e\u{301}", "👩\u{200D}💻", "", "\u{FFFD}"])
  func roundTrip(_ text: String) {
    let cell = Cell(text: text, style: CellStyle([.bold]))
    #expect(cell.text == text)
    #expect(cell.utf8Count == text.utf8.count)
    #expect(cell.isEmpty == text.isEmpty)
    #expect(
      cell == Cell(Character(text.isEmpty ? " " : text), style: CellStyle([.bold])) || text.isEmpty)
    var changed = cell
    changed.text = "x"
    #expect(changed.text == "x" && changed.style == cell.style)
    #expect(changed.ascii == UInt8(ascii: "x"))
  }

  @Test("more than 15 bytes: the scalars that fit, cut between scalars, never inside one")
  func longGraphemes() {
    // A family emoji: 25 bytes, seven scalars; the first four take 14 bytes, the
    // fifth (4 bytes) does not fit.
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
    let cell = Cell(text: family)
    #expect(cell.text == "👨\u{200D}👩\u{200D}")
    #expect(cell.utf8Count == 14)
    // Fifteen bytes exactly fit; sixteen do not.
    #expect(Cell(text: String(repeating: "a", count: 15)).text.utf8.count == 15)
    // o and seven two-byte marks: 15 bytes; the eighth mark does not fit.
    #expect(
      Cell(text: "o" + String(repeating: "\u{301}", count: 8)).text.unicodeScalars.count == 8)
  }

  @Test("equal when the text and the style are, whatever was written before")
  func equality() {
    var a = Cell(text: "漢字x")
    a.text = "y"
    #expect(a == Cell(text: "y"))
    #expect(Cell(text: "y") != Cell(text: "y", style: CellStyle([.reverse])))
    #expect(Cell(text: "y") != Cell(text: "z"))
    #expect(Cell(text: "") != Cell(text: " "))
    #expect(Cell().ascii == UInt8(ascii: " "))
    #expect(Cell(text: "å").ascii == nil)
  }

  @Test(
    "a frame drawn into a spare one is blank and uses its memory when nothing else holds it, a copy of its own when something does"
  )
  func frameReusesItsSpare() {
    var spare = Frame(width: 20, height: 3)
    spare.put("gammal text", x: 2, y: 1, style: CellStyle([.bold]), maxWidth: 4)
    spare.boxes.append(Rect(x: 0, y: 0, width: 5, height: 2))
    let address = spare.cells.storageAddress
    let reused = Frame(width: 20, height: 3, reusing: consume spare)
    #expect(reused.cells.storageAddress == address)
    #expect(reused == Frame(width: 20, height: 3))
    #expect(reused.cuts.isEmpty && reused.boxes.isEmpty)
    // Held elsewhere (the terminal keeps the last frame to compare with): that one is
    // left as it was.
    var held = Frame(width: 20, height: 3)
    held.put("kvar", x: 0, y: 0)
    let kept = held
    let fresh = Frame(width: 20, height: 3, reusing: held)
    #expect(fresh == Frame(width: 20, height: 3))
    #expect(kept.line(0).hasPrefix("kvar"))
    // Another size: a new screenful.
    #expect(Frame(width: 10, height: 2, reusing: kept) == Frame(width: 10, height: 2))
  }
}

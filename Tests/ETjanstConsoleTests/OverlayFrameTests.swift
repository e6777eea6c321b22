import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Every dialog on every screen, drawn over the frame beneath it: its border whole,
/// nothing of it outside its box (and the blank cell around it), and no line of it
/// cut inside a word where the text could have wrapped.
@Suite struct OverlayFrameTests {
  /// What is wrong with `overlay` drawn over `beneath`, one line a problem.
  static func problems(_ overlay: Frame, over beneath: Frame) -> [String] {
    guard let box = overlay.boxes.dropFirst(beneath.boxes.count).first else {
      return ["no box drawn"]
    }
    var out: [String] = []
    // The border: corners, sides; the top and bottom rows are line or title.
    let corners = [
      ("┌", box.x, box.y), ("┐", box.maxX - 1, box.y), ("└", box.x, box.maxY - 1),
      ("┘", box.maxX - 1, box.maxY - 1),
    ]
    for (c, x, y) in corners where overlay[x, y].text != c {
      out.append("corner \(c) at \(x),\(y) is '\(overlay[x, y].text)': \(overlay.line(y))")
    }
    for y in (box.y + 1)..<(box.maxY - 1) {
      for x in [box.x, box.maxX - 1] where overlay[x, y].text != "│" {
        out.append("side at \(x),\(y) is '\(overlay[x, y].text)': \(overlay.line(y))")
      }
    }
    // Outside the box and its margin, within the body (the title, tabs, status and
    // hint lines belong to the console), the frame beneath is untouched; the margin is
    // blank, and so is a strip beside it too narrow to say anything.
    let body = Rect(x: 0, y: 2, width: overlay.width, height: overlay.height - 4)
    let x0 = box.x - 1 - body.x < Box.narrowestStrip ? body.x : box.x - 1
    let x1 = body.maxX - box.maxX - 1 < Box.narrowestStrip ? body.maxX : box.maxX + 1
    let margin = Rect(x: x0, y: box.y - 1, width: x1 - x0, height: box.height + 2)
    for y in body.rows {
      for x in 0..<overlay.width
      where !(margin.columns.contains(x) && margin.rows.contains(y))
        && overlay[x, y] != beneath[x, y]
      {
        out.append("drawn outside the box at \(x),\(y): \(overlay.line(y))")
        break
      }
      guard margin.rows.contains(y) else { continue }
      for x in margin.columns
      where !(box.columns.contains(x) && box.rows.contains(y)) && overlay[x, y].text != " " {
        out.append("beside the border at \(x),\(y): '\(overlay[x, y].text)': \(overlay.line(y))")
        break
      }
    }
    let inner = box.inset(by: 1)
    out += midWordCuts(overlay.cuts.dropFirst(beneath.cuts.count)) {
      inner.rows.contains($0.y) && inner.columns.contains($0.x)
    }
    return out
  }

  /// Texts cut inside a word, in a text with spaces that could have wrapped.
  static func midWordCuts(
    _ cuts: some Sequence<Frame.Cut>, where inside: (Frame.Cut) -> Bool = { _ in true }
  ) -> [String] {
    var out: [String] = []
    for cut in cuts where inside(cut) {
      let fitted = TextWidth.truncate(cut.text, to: cut.width, ellipsis: false)
      let rest = cut.text.dropFirst(fitted.count)
      guard let next = rest.first, let last = fitted.last, fitted.contains(" ") else { continue }
      if next.isLetter && last.isLetter {
        out.append("cut mid-word at \(cut.x),\(cut.y): '\(fitted)|\(rest.prefix(12))'")
      }
    }
    return out
  }

  @Test(
    "every screen and part, at 80×24 and 100×30 in Swedish and English: no text cut mid-word where it could wrap"
  )
  func everyScreen() throws {
    var problems: [String] = []
    try ConsoleWalk.pictures(where: { $0.state.overlays.isEmpty }) { at, state in
      problems += Self.midWordCuts(RootView.render(state).cuts).map { "\(at): \($0)" }
    }
    let report = ConsoleWalk.report(problems)
    #expect(report.count == 0, "\(report.text)")
  }

  @Test(
    "every dialog on every screen, at 80×24 and 100×30 in Swedish and English: border whole, nothing drawn across it, no line cut mid-word"
  )
  func everyDialog() throws {
    var problems: [String] = []
    var dialogs = 0
    // The command line is a line at the bottom, not a box.
    try ConsoleWalk.pictures(where: {
      !$0.state.overlays.isEmpty && !($0.state.overlays.last is CommandLineOverlay)
    }) { at, state in
      var state = state
      let over = RootView.render(state)
      state.overlays.removeLast()
      let beneath = RootView.render(state)
      dialogs += 1
      problems += Self.problems(over, over: beneath).map { "\(at): \($0)" }
    }
    #expect(dialogs > 100, "\(dialogs) dialogs drawn")
    let report = ConsoleWalk.report(problems)
    #expect(report.count == 0, "\(report.text)")
  }

  @Test("the frame test finds a letter beside a border and a word cut where it could wrap")
  func findsFaults() {
    var beneath = Frame(width: 20, height: 10)
    beneath.put("abcdefghijklmnopqrst", x: 0, y: 4)
    var over = beneath
    over.boxes.append(Rect(x: 2, y: 3, width: 14, height: 4))
    for (y, row) in ["┌────────────┐", "│ två ord hä │", "│            │", "└────────────┘"]
      .enumerated()
    {
      over.put(row, x: 2, y: 3 + y)
    }
    over.put("två ord här", x: 4, y: 4, maxWidth: 6)
    let found = Self.problems(over, over: beneath)
    #expect(found.contains { $0.hasPrefix("beside the border") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("cut mid-word") }, "\(found)")
  }

  @Test("a border drawn over half of a wide character blanks the other half, not leaves it")
  func wideCharacterKeptWhole() {
    var frame = Frame(width: 10, height: 1)
    frame.put("ab漢cd", x: 0, y: 0)
    #expect(frame.line(0).hasPrefix("ab漢cd"))
    frame.put("│", x: 3, y: 0)  // over the right half of 漢
    #expect(frame[2, 0].text == " " && frame[3, 0].text == "│", "\(frame.line(0))")
    frame.put("漢", x: 5, y: 0)
    frame.put("┐", x: 5, y: 0)  // over the left half of the new one
    #expect(frame[5, 0].text == "┐" && frame[6, 0].text == " ", "\(frame.line(0))")
  }
}

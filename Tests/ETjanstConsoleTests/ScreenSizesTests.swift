import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Every screen over the demo at 80×24, 120×40 and 200×50, in Swedish and English: one
/// golden a size and language (the screens one under another, as text), and checks on
/// each picture: no text cut without "…", nothing of a dialog outside its box, no
/// line wider than the terminal.
@Suite struct ScreenSizesTests {
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static let sizes = [(80, 24), (120, 40), (200, 50)]

  /// Where each picture is, as the keys that reach it from the start.
  static let places: [(String, [Key])] = [
    ("overview", []), ("settings", [.character("i")]),
    ("catalogue", [.character("2")]), ("catalogue-detail", [.character("2"), .enter]),
    ("catalogue-edit", [.character("2"), .character("e")]),
    ("catalogue-help", [.character("2"), .character("?")]),
    ("catalogue-quit", [.character("2"), .character("q")]),
    ("staff", [.character("3")]), ("staff-person", [.character("3"), .enter]),
    ("staff-access", [.character("3"), .character("a")]),
    ("outages", [.character("4")]), ("outages-routine", [.character("4"), .enter]),
    ("outages-history", [.character("4"), .character("h")]),
    ("orders", [.character("5")]), ("orders-list", [.character("5"), .character("v")]),
    ("orders-detail", [.character("5"), .character("v"), .enter]),
  ]

  /// What is wrong with a picture, one line a problem: a text `put` cut with no
  /// "…" where more than blanks was left out, a line wider than the frame, and for a
  /// dialog what `OverlayFrameTests` finds against the picture beneath it.
  static func problems(_ state: AppState) -> [String] {
    let frame = RootView.render(state)
    var out: [String] = []
    for cut in frame.cuts {
      let shown = TextWidth.truncate(cut.text, to: cut.width, ellipsis: false)
      let rest = cut.text.dropFirst(shown.count)
      if rest.contains(where: { !$0.isWhitespace }) && !shown.hasSuffix("…") {
        out.append("cut without … at \(cut.x),\(cut.y): '\(shown)|\(rest.prefix(16))'")
      }
    }
    for (y, line) in frame.lines.enumerated() where TextWidth.of(line) > frame.width {
      out.append("line \(y) is \(TextWidth.of(line)) wide")
    }
    if !state.overlays.isEmpty, !(state.overlays.last is CommandLineOverlay) {
      var beneath = state
      beneath.overlays.removeLast()
      out += OverlayFrameTests.problems(frame, over: RootView.render(beneath))
    }
    return out
  }

  @Test(
    "every screen at 80×24, 120×40 and 200×50 in Swedish and English: its golden, nothing cut without …, no dialog outside its box"
  )
  func everyScreenAtEverySize() throws {
    let demo = try Fixtures.demo
    var problems: [String] = []
    for language in Language.allCases {
      for (w, h) in Self.sizes {
        var pictures: [(String, AppState)] = Self.places.map { name, keys in
          let d = ConsoleDriver(demo, width: w, height: h, language: language)
          for key in keys { d.press(key) }
          return (name, d.state)
        }
        let trail = try TrailScreenTests.driver(width: w, height: h, language: language)
        trail.press(.character(":"))
        trail.type("logg")
        trail.press(.enter)
        pictures.append(("trail", trail.state))
        var text = ""
        for (name, state) in pictures {
          text += "=== \(name)\n" + RootView.render(state).lines.joined(separator: "\n") + "\n"
          problems += Self.problems(state).map { "\(language) \(w)×\(h) \(name): \($0)" }
        }
        Golden.assertText(text, named: "screens-\(language.rawValue)-\(w)x\(h)", in: goldenDir)
      }
    }
    let report = ConsoleWalk.report(problems)
    #expect(report.count == 0, "\(report.text)")
  }

  /// The texts a picture cuts mid-word ("…") while its table or list still has room at
  /// the end: the rows around the cut up to a blank line (the table, its header and
  /// status) all end in 3 or more blank columns, before the frame's edge or the border
  /// of the box the cut is in. Rows beneath a dialog are left to the picture without it
  /// (the dialog's margin splits them from their header).
  static func cutsWithRoom(_ picture: [String]) -> [String] {
    let lines = picture.map { Array($0) }
    let hasDialog = lines.contains { $0.contains("┌") }
    var out: [String] = []
    for (y, line) in lines.enumerated() {
      for i in line.indices where line[i] == "…" && i > 0 && !" …".contains(line[i - 1]) {
        let inBox = line[i...].contains("│")
        if hasDialog && !inBox { continue }
        // Blank columns at the end of row `k`, up to the box border right of the cut.
        func room(_ k: Int) -> Int {
          let row = lines[k]
          let end = row.indices.dropFirst(i + 1).first { "│┃║".contains(row[$0]) } ?? row.count
          var blank = 0
          while blank < end, end - blank - 1 >= 0, row[end - blank - 1] == " " { blank += 1 }
          return blank
        }
        var block = [y]
        for step in [-1, 1] {
          var k = y + step
          while lines.indices.contains(k), lines[k].contains(where: { $0 != " " }) {
            block.append(k)
            k += step
          }
        }
        let least = block.map(room).min() ?? 0
        if least >= 3 {
          out.append("row \(y) cut with \(least) columns free: '\(String(line))'")
        }
      }
    }
    return out
  }

  @Test("no golden cuts a text mid-word while its table or list has room at the end for it")
  func noCutWithRoom() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: goldenDir.path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    var problems: [String] = []
    for file in files {
      let text = try String(contentsOf: goldenDir.appendingPathComponent(file), encoding: .utf8)
      var picture: [String] = []
      var name = ""
      func check() {
        problems += Self.cutsWithRoom(picture).map { "\(file) \(name): \($0)" }
        picture = []
      }
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("--- styles") { break }
        if line.hasPrefix("=== ") {
          check()
          name = String(line.dropFirst(4))
        } else {
          picture.append(String(line))
        }
      }
      check()
    }
    #expect(files.count > 40)
    #expect(problems.isEmpty, "\(problems.count):\n\(problems.joined(separator: "\n"))")
  }

  @Test("no golden has a line wider than the terminal its name gives")
  func goldenLinesFit() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: goldenDir.path)
    var checked: [String] = []
    for file in files where file.hasSuffix(".txt") {
      // "…-80x24.txt", "…-132x43-nocolor.txt": the first W×H in the name.
      guard
        let size = file.dropLast(4).split(separator: "-").lazy.compactMap({ part -> Int? in
          let wh = part.split(separator: "x")
          guard wh.count == 2, Int(wh[1]) != nil else { return nil }
          return Int(wh[0])
        }).first
      else { continue }
      let text = try String(contentsOf: goldenDir.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("--- styles") { break }
        #expect(TextWidth.of(String(line)) <= size, "\(file): '\(line)'")
      }
      checked.append(file)
    }
    #expect(checked.count > 40, "read \(checked) of \(files)")
  }
}

import ETjanstDomain
import TestSupport
import Testing

@testable import ETjanstConsole

/// A table's columns follow the content of its first rows and of the page shown: a
/// page past the rows measured from the top widens a column for what it shows, and
/// the top's widths come back with the top.
@Suite struct TableMeasureTests {
  let table = Table<String>(
    columns: [
      Column(T(sv: "Namn", en: "Name"), width: 10, flexible: true) { $0 },
      Column(T(sv: "Kod", en: "Code"), width: 4) { _ in "K" },
    ], searchText: { $0 })

  func widths(selected: Int, rows: [String], state: AppState) -> String {
    var list = ListState()
    list.selected = selected
    var frame = Frame(width: 80, height: 24)
    table.draw(rows, list: list, state: state, into: &frame, area: frame.bounds)
    return frame.lines[0]
  }

  typealias T = LocalizedText

  @Test("a long name past the measured rows widens its column only while it is shown")
  func pagePastTheMeasuredRows() {
    let count = Table<String>.measuredRows + 100
    let long = String(repeating: "x", count: 40)
    let rows = (0..<count).map { $0 == count - 10 ? long : "namn \($0)" }
    let state = AppState(
      data: CatalogueFixtures.municipality(), user: Fixtures.coordinator, now: Fixtures.now)
    let top = widths(selected: 0, rows: rows, state: state)
    let bottom = widths(selected: count - 10, rows: rows, state: state)
    // The heading "Kod" moves right by the long name's extra width, then back.
    let kodTop = top.range(of: "Kod")!.lowerBound.utf16Offset(in: top)
    let kodBottom = bottom.range(of: "Kod")!.lowerBound.utf16Offset(in: bottom)
    #expect(kodBottom > kodTop)
    #expect(kodBottom - kodTop == 40 - "namn 399".count)
    #expect(widths(selected: 0, rows: rows, state: state) == top)
    #expect(widths(selected: count - 10, rows: rows, state: state) == bottom)
  }

  /// Counts the cells a table formats.
  final class Formatted: @unchecked Sendable {
    var count = 0
  }

  @Test(
    "a key that moves the highlight or scrolls back formats no cell again; new data, a new list or what the cells read does"
  )
  func rowsDrawnOnce() {
    let formatted = Formatted()
    var mark = "A"
    func table() -> Table<String> {
      let shown = mark
      return Table<String>(
        columns: [
          Column(T(sv: "Namn", en: "Name"), width: 10, flexible: true) {
            // A debug build draws each copied row again to check it: not counted.
            if !DrawnCheck.isChecking { formatted.count += 1 }
            return $0
          },
          Column(T(sv: "Märke", en: "Mark"), width: 5) { _ in
            if !DrawnCheck.isChecking { formatted.count += 1 }
            return shown
          },
        ], cellsRead: AnyHashable(shown), searchText: { $0 })
    }
    let rows = (0..<200).map { "rad \($0)" }
    var state = AppState(
      data: CatalogueFixtures.municipality(), user: Fixtures.coordinator, now: Fixtures.now)
    func draw(selected: Int, _ rows: [String] = rows) -> Frame {
      var list = ListState()
      list.selected = selected
      var frame = Frame(width: 80, height: 24)
      table().draw(rows, list: list, state: state, into: &frame, area: frame.bounds)
      return frame
    }
    let first = draw(selected: 0)
    let once = formatted.count
    #expect(once > 0)
    // Down the page and back: the rows are copied, the highlight moves.
    let moved = draw(selected: 5)
    #expect(formatted.count == once)
    #expect(moved.lines.dropFirst() == first.lines.dropFirst())
    #expect(moved[2, 6].style != first[2, 6].style)
    // Scrolled a row past the page: that row alone is formatted, then back up: none.
    _ = draw(selected: 23)
    let scrolled = formatted.count
    #expect(scrolled > once && scrolled <= once + 2)
    _ = draw(selected: 0)
    #expect(formatted.count == scrolled)
    // What the cells read changed: drawn again, and shown.
    mark = "B"
    let marked = draw(selected: 0)
    #expect(formatted.count > scrolled)
    #expect(marked.lines[1].contains("B"))
    // Another list of the same rows (a new sort): drawn again.
    let again = formatted.count
    _ = draw(selected: 0, rows.reversed())
    #expect(formatted.count > again)
    // New data: drawn again.
    let before = formatted.count
    state.data = CatalogueFixtures.municipality()
    _ = draw(selected: 0, rows.reversed())
    #expect(formatted.count > before)
  }

  @Test(
    "the columns stay where they are while the highlight moves: the scroll position's room is that of its widest text"
  )
  func columnsStillWhileTheHighlightMoves() {
    let formatted = Formatted()
    let table = Table<String>(
      columns: [
        Column(T(sv: "Namn", en: "Name"), width: 10, flexible: true) {
          if !DrawnCheck.isChecking { formatted.count += 1 }
          return $0
        },
        Column(T(sv: "Förvaltning", en: "Department"), width: 12, flexible: true) { _ in
          "Socialförvaltningen"
        },
        Column(T(sv: "Status", en: "Status"), width: 9) { _ in "Publicerad" },
      ], searchText: { $0 })
    let rows = (0..<120).map { "e-tjänst nummer \($0)" }
    let state = AppState(
      data: CatalogueFixtures.municipality(), user: Fixtures.coordinator, now: Fixtures.now)
    // Every width from the narrowest to the widest terminal's share: at some of them the
    // headings reach the scroll position ("9/120", then "10/120", "100/120").
    for width in 30...80 {
      func draw(selected: Int) -> Frame {
        var list = ListState()
        list.selected = selected
        var frame = Frame(width: width, height: 24)
        table.draw(rows, list: list, state: state, into: &frame, area: frame.bounds)
        return frame
      }
      // The same page, the highlight one row further, the marker a digit wider: the
      // rows are the same text (nothing moved) and none is formatted again.
      let nine = draw(selected: 8)
      let before = formatted.count
      let ten = draw(selected: 9)
      #expect(ten.lines.dropFirst() == nine.lines.dropFirst(), "width \(width)")
      #expect(formatted.count == before, "width \(width)")
      // The headings the same, up to where the marker begins.
      let markerStart = width - "10/120".count - 1
      #expect(
        ten.lines[0].prefix(markerStart - 1) == nine.lines[0].prefix(markerStart - 1),
        "width \(width)")
      // Further down, at 100 and more, the columns are still those of the top.
      let hundred = draw(selected: 99)
      let top = draw(selected: 0)
      // The department column starts where it starts at the top, when it is shown.
      func department(_ line: String) -> Int? {
        line.range(of: "Soc").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
      }
      #expect(department(hundred.lines[1]) == department(top.lines[1]), "width \(width)")
      #expect(
        hundred.lines[0].prefix(width - "100/120".count - 2)
          == top.lines[0].prefix(width - "100/120".count - 2), "width \(width)")
    }
  }
}

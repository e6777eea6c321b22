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
}

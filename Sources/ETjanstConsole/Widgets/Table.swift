import ETjanstDomain

/// A column of a table: how to show, sort and fit one value of a row.
public struct Column<Row> {
  public var title: LocalizedText
  /// The width the column wants; flexible columns share what is left.
  public var width: Int
  public var flexible: Bool
  /// Columns with a higher number are dropped first when the terminal is narrow.
  public var priority: Int
  public var alignRight: Bool
  public var value: (Row) -> String
  public var sortKey: (Row) -> SortKey
  public var style: (Row) -> Theme.Role?

  public init(
    _ title: LocalizedText, width: Int, flexible: Bool = false, priority: Int = 0,
    alignRight: Bool = false, style: @escaping (Row) -> Theme.Role? = { _ in nil },
    sortKey: ((Row) -> SortKey)? = nil, value: @escaping (Row) -> String
  ) {
    self.title = title
    self.width = width
    self.flexible = flexible
    self.priority = priority
    self.alignRight = alignRight
    self.value = value
    self.sortKey = sortKey ?? { .text(value($0)) }
    self.style = style
  }
}

/// What a column sorts by: text in Swedish order, or a number.
public enum SortKey: Comparable {
  case number(Double)
  case text(String)

  public static func < (a: SortKey, b: SortKey) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x < y
    case (.text(let x), .text(let y)): return SwedishCollation.precedes(x, y)
    case (.number, .text): return true
    case (.text, .number): return false
    }
  }
}

/// A sort key ready to compare: numbers as they are, texts as Swedish collation keys.
enum Collated: Comparable {
  case number(Double)
  case text(SwedishCollation.Key)

  init(_ key: SortKey) {
    switch key {
    case .number(let x): self = .number(x)
    case .text(let s): self = .text(SwedishCollation.key(s))
    }
  }
}

/// A table with a header, columns that fit the width, the selected row highlighted
/// and a scroll position, over rows derived from the state.
public struct Table<Row> {
  public var columns: [Column<Row>]
  /// The text the live filter searches.
  public var searchText: (Row) -> String
  /// What the cells read besides their row, the data, the day and the language (a
  /// time of day, marked rows, a chosen column): rows are drawn once and copied while
  /// the list and all of these stay the same (`DrawnRows`), so a table whose cells read
  /// anything else names it here. A debug build checks each copied row against the
  /// row drawn again, so a test that shows the change finds a name left out.
  public var cellsRead: AnyHashable?
  /// The names its kept rows and status line are kept under, made once from the
  /// headings: what tells this table's from another's.
  let rowsMemo: String
  let statusMemo: String

  public init(
    columns: [Column<Row>], cellsRead: AnyHashable? = nil,
    searchText: @escaping (Row) -> String
  ) {
    self.columns = columns
    self.cellsRead = cellsRead
    self.searchText = searchText
    // Hashed, not joined: a name made of the headings at every frame was a fortieth of
    // a key's time.
    var headings = Hasher()
    for column in columns { headings.combine(column.title.en) }
    let hash = headings.finalize()
    rowsMemo = "table \(hash)"
    statusMemo = "status \(hash)"
  }

  /// The rows the list shows: filtered, then sorted by the chosen column.
  /// The rows the live filter lets through, in the order given; `texts`, when given,
  /// are the rows' search texts made ready once (`searchable`), for a long list that is
  /// filtered letter by letter.
  public func filtered(
    _ rows: [Row], _ list: ListState, texts: [SwedishCollation.Searchable]? = nil
  ) -> [Row] {
    guard !list.filter.isEmpty else { return rows }
    let words = list.searchWords
    guard let texts, texts.count == rows.count else {
      return rows.filter { ListState.matches(.init(searchText($0)), words: words) }
    }
    return rows.indices.filter { ListState.matches(texts[$0], words: words) }.map { rows[$0] }
  }

  /// Each row's search text, made ready to be searched.
  public func searchable(_ rows: [Row]) -> [SwedishCollation.Searchable] {
    rows.map { SwedishCollation.Searchable(searchText($0)) }
  }

  public func visibleRows(_ rows: [Row], _ list: ListState) -> [Row] {
    let filtered = filtered(rows, list)
    guard columns.indices.contains(list.sortColumn) else { return filtered }
    let key = columns[list.sortColumn].sortKey
    // One key per row, texts as collation keys: a comparison is then integers only.
    let keyed = filtered.enumerated().map { (key: Collated(key($0.element)), offset: $0.offset) }
    let sorted = keyed.sorted { a, b in
      a.key == b.key ? a.offset < b.offset : (a.key < b.key) != list.sortReversed
    }
    return sorted.map { filtered[$0.offset] }
  }

  /// How many rows, from the top of the list, `draw` measures the content of (with the
  /// page shown): enough for a municipality's lists, bounded for a region's.
  public static var measuredRows: Int { 300 }

  /// Column widths for `width` columns of screen, shared by content: each column at
  /// least as wide as its heading in `language` (a heading is whole or its column is
  /// left out) and, while the content is wider, its declared `width`; low-priority
  /// columns are dropped until those floors fit. Then the room left is shared out a
  /// column at a time to the narrowest column whose content in `rows` is still wider
  /// than it (the most important flexible column, the leftmost of equals, counted at
  /// half its width, gains two for the others' one), so short columns are whole and
  /// long ones are cut evenly, the row's name taking the most; what is left when every cell is whole stays
  /// blank at the right, so a row reads without gaps between its columns. `sorted`
  /// is the column whose heading carries the sort arrow. `content` is each column's
  /// widest cell (`contentWidths`); without it, the declared widths are the content.
  public func fit(
    _ width: Int, language: Language, content: [Int]? = nil, sorted: Int? = nil
  ) -> [(index: Int, width: Int)] {
    let heading = columns.indices.map {
      TextWidth.of(columns[$0].title(language)) + ($0 == sorted ? 1 : 0)
    }
    // Closures, not key paths: a key path in generic code is made again at every call.
    let content = content ?? columns.map { $0.width }
    let need = columns.indices.map { max(heading[$0], content[$0]) }
    let floor = columns.indices.map { max(heading[$0], min(columns[$0].width, need[$0])) }
    var shown = Array(columns.indices)
    func needed() -> Int { shown.reduce(0) { $0 + floor[$1] } + max(0, shown.count - 1) }
    while needed() > width, shown.count > 1,
      let drop = shown.max(by: { columns[$0].priority < columns[$1].priority }),
      columns[drop].priority > 0
    {
      shown.removeAll { $0 == drop }
    }
    var widths = shown.map { (index: $0, width: floor[$0]) }
    var spare = width - needed()
    if spare < 0, let last = widths.indices.last {
      widths[last].width = max(1, widths[last].width + spare)
      return widths
    }
    // The favoured column: the most important flexible one, the leftmost of equals (a
    // row's name, not the department beside it that happens to be longer).
    let favoured = widths.indices.filter { columns[widths[$0].index].flexible }
      .min { columns[widths[$0].index].priority < columns[widths[$1].index].priority }
    func weighted(_ i: Int) -> Int { i == favoured ? widths[i].width / 2 : widths[i].width }
    while spare > 0 {
      let wanting = widths.indices.filter { widths[$0].width < need[widths[$0].index] }
      guard let narrowest = wanting.min(by: { weighted($0) < weighted($1) }) else { break }
      widths[narrowest].width += 1
      spare -= 1
    }
    return widths
  }

  /// Where the header's last heading ends in `layout`, from the table's first column:
  /// a left-aligned heading ends with its text, a right-aligned one with its column.
  func headingsEnd(_ layout: [(index: Int, width: Int)], language: Language, sorted: Int) -> Int {
    var x = 0
    var end = 0
    for (index, width) in layout {
      let title = TextWidth.of(columns[index].title(language)) + (index == sorted ? 1 : 0)
      end = x + (columns[index].alignRight ? width : min(title, width))
      x += width + 1
    }
    return end
  }

  /// The width of each column's widest cell in `rows`.
  public func contentWidths(_ rows: some Sequence<Row>) -> [Int] {
    rows.reduce(Array(repeating: 0, count: columns.count)) { widest, row in
      zip(widest, cellWidths(row)).map { max($0, $1) }
    }
  }

  /// The width of each of a row's cells.
  func cellWidths(_ row: Row) -> [Int] { columns.map { TextWidth.of($0.value(row)) } }

  /// Rows visible in `area` below the header.
  public static func pageSize(_ area: Rect) -> Int { max(1, area.height - 1) }

  public func draw(
    _ rows: [Row], list: ListState, state: AppState, into frame: inout Frame, area: Rect,
    emptyText: LocalizedText? = nil
  ) {
    let theme = state.theme
    // The scroll position ("12/40") takes the header's right end; the columns
    // fit beside it rather than under it. Its room is that of its widest text ("40/40"),
    // so the columns stay put while the highlight moves (from "9/40" to "10/40" they
    // gave up a column, and every row was laid out again).
    let scrolls = rows.count > area.height - 1
    let marker = scrolls ? "\(min(list.selected, rows.count - 1) + 1)/\(rows.count)" : ""
    let markerRoom = scrolls ? 2 * String(rows.count).utf8.count + 1 : 0
    // Widths follow the content of the rows from the top and of the page shown.
    var measured = list
    measured.clamp(count: rows.count, page: area.height - 1)
    let drawn = drawnRows(rows, state: state)
    let top = drawn.topWidths(Self.measuredRows, self)
    let content =
      measured.top + area.height - 1 > Self.measuredRows
      ? drawn.widths(
        of: max(
          measured.top, Self.measuredRows)..<min(
            rows.count, max(measured.top, Self.measuredRows) + area.height - 1), self,
        atLeast: top)
      : top
    let layout = drawn.layout(
      content: content, width: area.width, sorted: list.sortColumn,
      markerWidth: markerRoom
    ) {
      // The rows take the whole width; only when the last heading would run into the
      // scroll position do the columns give up its room (a row cut while it has room
      // beside it, to leave the header's corner free, reads as a missing word).
      let layout = fit(
        area.width - 1, language: state.language, content: content, sorted: list.sortColumn)
      let besideMarker = area.width - 1 - (scrolls ? markerRoom + 2 : 0)
      guard headingsEnd(layout, language: state.language, sorted: list.sortColumn) > besideMarker
      else { return layout }
      return fit(besideMarker, language: state.language, content: content, sorted: list.sortColumn)
    }
    func header() -> Frame {
      var header = Frame(width: area.width, height: 1)
      var x = 1
      for (index, width) in layout {
        var title = state.t(columns[index].title)
        if index == list.sortColumn { title += list.sortReversed ? "↓" : "↑" }
        header.put(
          TextWidth.pad(title, to: width, alignRight: columns[index].alignRight), x: x, y: 0,
          style: theme.style(.header))
        x += width + 1
      }
      return header
    }
    let kept = drawn.header(
      layout, width: area.width, sorted: list.sortColumn, reversed: list.sortReversed,
      make: header)
    assert(kept == header(), "a table's header read something its key does not name")
    frame.copy(kept, x: area.x, y: area.y)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    if rows.isEmpty {
      let text = emptyText ?? (list.filter.isEmpty ? Texts.noRows : Texts.noMatches)
      frame.put(
        state.t(text), x: body.x + 1, y: body.y, style: theme.style(.muted),
        maxWidth: body.width - 1)
      return
    }
    var list = list
    list.clamp(count: rows.count, page: body.height)
    for index in list.top..<min(rows.count, list.top + body.height) {
      let y = body.y + index - list.top
      let line = drawn.line(index, layout: layout, width: area.width) {
        self.line(rows[index], layout: layout, width: area.width, theme: theme)
      }
      assert(
        DrawnCheck.$isChecking.withValue(true) {
          line == self.line(rows[index], layout: layout, width: area.width, theme: theme)
        }, "a table's cells read something its cellsRead does not name")
      frame.copy(line, x: area.x, y: y)
      if index == list.selected {
        frame.paint(
          Rect(x: area.x, y: y, width: area.width, height: 1), style: theme.style(.selection))
      }
    }
    if !marker.isEmpty {
      frame.put(
        marker, x: area.maxX - TextWidth.of(marker) - 1, y: area.y, style: theme.style(.muted))
    }
  }

  /// One row as the table draws it unselected, `width` columns wide from the table's
  /// left edge: a space, then each column's cell padded to its width, a space between.
  func line(_ row: Row, layout: [(index: Int, width: Int)], width: Int, theme: Theme) -> Frame {
    var line = Frame(width: width, height: 1)
    var x = 1
    for (index, width) in layout {
      let column = columns[index]
      let text = TextWidth.pad(column.value(row), to: width, alignRight: column.alignRight)
      line.put(text, x: x, y: 0, style: theme.style(column.style(row) ?? .normal))
      x += width + 1
    }
    return line
  }

  /// The rows drawn so far of this list, kept until the list (its storage: the rows a
  /// memo keeps), the data, the day, the language or `cellsRead` change.
  func drawnRows(_ rows: [Row], state: AppState) -> DrawnRows<Row> {
    state.derived(
      rowsMemo,
      inputs: DrawnRows<Row>.Key(
        storage: rows.storageAddress, count: rows.count, columns: columns.count,
        cellsRead: cellsRead)
    ) { DrawnRows(rows) }
  }
}

/// Set while a debug build draws a copied row again to check it: a test that counts
/// the cells formatted leaves those out.
enum DrawnCheck {
  @TaskLocal static var isChecking = false
}

/// A table's rows as drawn: each row's cells measured once and each row laid out once
/// per set of column widths, so a key that moves the highlight copies the rows of the
/// page instead of formatting every cell again (at a region's size, formatting and
/// measuring the page was most of a key's time, and the page was measured again at
/// every key that scrolled). Kept by `AppState.derived` for one list.
final class DrawnRows<Row> {
  struct Key: Hashable {
    /// The address of the list's storage, which `rows` keeps from being reused while
    /// this is kept: the same address is the same list.
    var storage: UInt
    var count: Int
    var columns: Int
    var cellsRead: AnyHashable?
  }

  private let rows: [Row]
  private var widths: [[Int]?]
  private var top: [Int]?
  private var lines: [Int: Frame] = [:]
  private var header: (frame: Frame, sorted: Int, reversed: Bool)?
  /// The layout and width the header and the lines were drawn for.
  private var laidOut: (layout: [(index: Int, width: Int)], width: Int)?
  private var fitted: (content: [Int], width: Int, sorted: Int, marker: Int)?
  private var layout: [(index: Int, width: Int)] = []
  /// The most rows kept drawn: a list scrolled from end to end keeps a few pages.
  static var keptLines: Int { 512 }

  init(_ rows: [Row]) {
    self.rows = rows
    widths = Array(repeating: nil, count: rows.count)
  }

  /// Each column's widest cell in the rows `range`, and at least `atLeast`.
  func widths(of range: Range<Int>, _ table: Table<Row>, atLeast: [Int]) -> [Int] {
    var widest = atLeast
    for i in range {
      let row: [Int]
      if let known = widths[i] {
        row = known
      } else {
        row = table.cellWidths(rows[i])
        widths[i] = row
      }
      for c in widest.indices { widest[c] = max(widest[c], row[c]) }
    }
    return widest
  }

  /// Each column's widest cell in the first `count` rows.
  func topWidths(_ count: Int, _ table: Table<Row>) -> [Int] {
    if let top { return top }
    let measured = widths(
      of: 0..<min(count, rows.count), table,
      atLeast: Array(repeating: 0, count: table.columns.count))
    top = measured
    return measured
  }

  /// The columns' layout for `content` at `width` with the sort arrow on `sorted` and a
  /// scroll position `markerWidth` wide: as `make` made it last for the same.
  func layout(
    content: [Int], width: Int, sorted: Int, markerWidth: Int,
    make: () -> [(index: Int, width: Int)]
  ) -> [(index: Int, width: Int)] {
    if let fitted, fitted == (content, width, sorted, markerWidth) { return layout }
    layout = make()
    fitted = (content, width, sorted, markerWidth)
    return layout
  }

  /// The header for `layout`, `width` columns wide, with the sort arrow on `sorted`:
  /// as `make` made it last for the same.
  func header(
    _ layout: [(index: Int, width: Int)], width: Int, sorted: Int, reversed: Bool,
    make: () -> Frame
  ) -> Frame {
    follow(layout, width: width)
    if let header, header.sorted == sorted, header.reversed == reversed { return header.frame }
    let frame = make()
    header = (frame, sorted, reversed)
    return frame
  }

  /// Row `index` laid out in `layout`, `width` columns wide: drawn by `draw` the first
  /// time, copied after.
  func line(
    _ index: Int, layout: [(index: Int, width: Int)], width: Int, _ draw: () -> Frame
  ) -> Frame {
    follow(layout, width: width)
    if let line = lines[index] { return line }
    if lines.count >= Self.keptLines { lines = [:] }
    let line = draw()
    lines[index] = line
    return line
  }

  /// Forgets the header and the rows drawn for another layout or width. Called for
  /// every row shown: compares in place, allocating nothing.
  private func follow(_ layout: [(index: Int, width: Int)], width: Int) {
    if let laidOut, laidOut.width == width,
      laidOut.layout.elementsEqual(layout, by: { $0 == $1 })
    {
      return
    }
    laidOut = (layout, width)
    lines = [:]
    header = nil
  }
}

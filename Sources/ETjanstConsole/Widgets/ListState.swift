import ETjanstDomain

/// Selection, scroll, live filter and sort of one list. The rows themselves are
/// derived from the data on every frame, so the list never holds a stale copy.
public struct ListState: Equatable, Sendable {
  /// What decides which rows a list shows and in what order (not the selection).
  public struct Order: Hashable, Sendable {
    public var filter: String
    public var sortColumn: Int
    public var sortReversed: Bool
  }

  public var order: Order {
    Order(filter: filter, sortColumn: sortColumn, sortReversed: sortReversed)
  }

  public var selected = 0
  public var top = 0
  public var filter = ""
  /// The user is typing into the filter: printable keys go there.
  public var filtering = false
  public var sortColumn = 0
  public var sortReversed = false
  /// Characters the last key or paste into the filter brought that did not fit.
  public var filterRefused = 0
  /// The kept filter, reopened with `/`, is selected: the first printable key
  /// replaces it, any edit key keeps it.
  public var filterSelected = false

  public init(sortColumn: Int = 0) { self.sortColumn = sortColumn }

  /// Applies a movement key to a list of `count` rows with `page` visible;
  /// false when the key is not a movement key.
  public mutating func move(_ key: Key, count: Int, page: Int) -> Bool {
    let page = max(1, page)
    switch key {
    case .down, .character("j"): selected += 1
    case .up, .character("k"): selected -= 1
    case .pageDown: selected += page
    case .pageUp: selected -= page
    case .control("d"): selected += page / 2
    case .control("u"): selected -= page / 2
    case .home, .character("g"): selected = 0
    case .end, .character("G"): selected = count - 1
    default: return false
    }
    clamp(count: count, page: page)
    return true
  }

  /// The row the keys act on among `rows`: the selection kept inside the list, as
  /// `Table.draw` highlights it. A selection left beyond a list that has since
  /// shrunk (another outage's departments, a filter) still acts on the row shown.
  public func pick<Row>(_ rows: [Row]) -> Row? {
    rows.isEmpty ? nil : rows[min(max(0, selected), rows.count - 1)]
  }

  /// Keeps the selection inside the list and on screen.
  public mutating func clamp(count: Int, page: Int) {
    selected = min(max(0, selected), max(0, count - 1))
    if selected < top { top = selected }
    if selected >= top + page { top = selected - page + 1 }
    top = min(max(0, top), max(0, count - page))
  }

  /// Typing into the live filter: the list narrows with every key; Enter keeps the
  /// filter, Esc clears it. False when not filtering.
  /// The keys that end typing into the filter, keeping it or clearing it; the
  /// filter's help names them from here.
  public static let keepFilterKey = Key.enter
  public static let clearFilterKey = Key.escape

  /// Opens the filter for typing; a filter kept from before is selected, so what is
  /// typed replaces it rather than being added to it.
  public mutating func openFilter() {
    filtering = true
    filterSelected = !filter.isEmpty
  }

  /// Clears the filter (Esc in a filtered list).
  public mutating func clearFilter() {
    filter = ""
    filtering = false
    filterSelected = false
    selected = 0
    top = 0
  }

  /// The filter as the status line shows it, or nil when there is none: the caret
  /// while typing, the kept text in brackets while it is selected.
  public var filterShown: String? {
    guard filtering || !filter.isEmpty else { return nil }
    guard filtering else { return filter }
    return (filterSelected ? "[\(filter)]" : filter) + "▏"
  }

  public mutating func filterInput(_ key: Key) -> Bool {
    guard filtering else { return false }
    if filterSelected {
      filterSelected = false
      if case .character = key { filter = "" }
      if case .paste = key { filter = "" }
    }
    switch key {
    case Self.keepFilterKey:
      filtering = false
    case Self.clearFilterKey:
      filtering = false
      filter = ""
    case .backspace:
      if filter.isEmpty { filtering = false } else { filter.removeLast() }
    case .character, .paste:
      // Cleaned as a line each time (bounded by the limit, so a key costs at most
      // that); a space typed at the end is kept for the next word.
      guard
        let (piece, refused) = TextInput.insertion(
          key, multiline: false, count: filter.count, limit: TextInput.filterLimit)
      else { return true }
      filterRefused = refused
      filter = TextCleaning.line(filter + piece) + (key == .character(" ") ? " " : "")
    case .control("u"):
      filter = ""
    default:
      return true
    }
    selected = 0
    top = 0
    return true
  }

  /// Whether `text` matches the filter: every word of it, case-insensitive, with
  /// å ä ö kept apart from a and o.
  public func matches(_ text: String) -> Bool {
    Self.matches(SwedishCollation.Searchable(text), words: searchWords)
  }

  /// The filter's words, ready to search for.
  public var searchWords: [SwedishCollation.Searchable] {
    filter.split(separator: " ").map { SwedishCollation.Searchable(String($0)) }
  }

  /// Whether `text` holds every one of `words`.
  public static func matches(
    _ text: SwedishCollation.Searchable, words: [SwedishCollation.Searchable]
  ) -> Bool {
    words.allSatisfy { text.contains($0) }
  }
}

import ETjanstDomain

/// The keys every list shares — move, live filter, sort — as bindings over the list
/// at a key path, so each screen gets them with one line and help lists them.
public enum ListKeys {
  static let movementKeys: [Key] = [
    .down, .up, .character("j"), .character("k"), .pageDown, .pageUp, .control("d"),
    .control("u"), .character("g"), .character("G"), .home, .end,
  ]

  public static func bindings(
    _ path: WritableKeyPath<AppState, ListState>, columns: @escaping (AppState) -> Int,
    count: @escaping (AppState) -> Int, page: @escaping (AppState) -> Int
  ) -> [Binding] {
    movementKeys.map { key in
      Binding([key], keysLabel: "↑↓", label: Texts.keyMove, help: Texts.helpMove, bar: false) {
        state in
        _ = state[keyPath: path].move(key, count: count(state), page: page(state))
        return []
      }.doing(.move)
    } + [
      Binding(
        [.character("/")], label: Texts.keyFilter,
        help: Texts.helpFilter()
      ) { state in
        state[keyPath: path].openFilter()
        return []
      },
      Binding(
        [ListState.clearFilterKey], label: Texts.keyClearFilter, help: Texts.helpClearFilter,
        bar: false
      ) { state in
        if !state[keyPath: path].filter.isEmpty { state[keyPath: path].clearFilter() }
        return []
      }.doing(.clearFilter),
      Binding([.character("s")], label: Texts.keySort, help: Texts.helpSort) {
        state in
        state[keyPath: path].sortColumn =
          (state[keyPath: path].sortColumn + 1) % max(1, columns(state))
        return []
      },
      Binding(
        [.character("S")], label: Texts.keySort, help: Texts.helpSortReverse, bar: false
      ) {
        state in
        state[keyPath: path].sortReversed.toggle()
        return []
      },
    ]
  }

  /// Typing into the list's filter, when it is open; nil otherwise.
  public static func filterInput(
    _ key: Key, _ path: WritableKeyPath<AppState, ListState>, _ state: inout AppState
  ) -> [Effect]? {
    guard state[keyPath: path].filterInput(key) else { return nil }
    let refused = state[keyPath: path].filterRefused
    if refused > 0 {
      state[keyPath: path].filterRefused = 0
      state.show(TextInput.refusedNote(limit: TextInput.filterLimit, refused: refused), .error)
    }
    return []
  }

  /// The status line of a list: how many rows, the filter, the sort.
  public static func status<Row>(
    _ table: Table<Row>, shown: Int, total: Int, list: ListState, state: AppState
  ) -> String {
    // Kept per table and what the line says: it was built at every frame.
    let inputs = Both(
      Both(shown, total), Both(list.filterShown, Both(list.sortColumn, list.sortReversed)))
    return state.derived(table.statusMemo, inputs: inputs) {
      var parts = [state.t(Texts.rowCount(shown, total))]
      if let filter = list.filterShown { parts.append(state.t(Texts.filterShown(filter))) }
      if table.columns.indices.contains(list.sortColumn) {
        parts.append(
          state.t(
            Texts.sortedBy(
              state.t(table.columns[list.sortColumn].title), reversed: list.sortReversed)
          ))
      }
      return parts.joined(separator: " · ")
    }
  }
}

import ETjanstDomain

/// What the outages screen remembers between frames.
public struct OutagesState {
  public var list = ListState()
  public init() {}
}

/// Avbrott & reservrutiner: each department's fallback routine and the outage log
/// (guideline 4.3).
public enum OutagesScreen: Screen {
  static var table: Table<Department> {
    Table(
    columns: [
      Column(T(sv: "Förvaltning", en: "Department"), width: 30, flexible: true) { $0.name },
      Column(T(sv: "Reservrutin", en: "Fallback routine"), width: 18) {
        $0.fallbackRoutine == nil ? "saknas" : "finns"
      },
    ],
    searchText: { $0.name })
  }

  static func rows(_ state: AppState) -> [Department] {
    table.visibleRows(state.data.departments, state.outagesScreen.list)
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    ListKeys.bindings(\.outagesScreen.list, columns: table.columns.count, count: { rows($0).count }, page: { $0.height - 5 })
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    ListKeys.filterInput(key, \.outagesScreen.list, &state)
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    table.draw(rows(state), list: state.outagesScreen.list, state: state, into: &frame, area: area)
  }

  public static func status(_ state: AppState) -> String {
    ListKeys.status(table, shown: rows(state).count, total: state.data.departments.count, list: state.outagesScreen.list, state: state)
  }
}

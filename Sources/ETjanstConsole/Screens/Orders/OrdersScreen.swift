import ETjanstDomain

/// What the orders screen remembers between frames.
public struct OrdersState {
  public var list = ListState()
  public init() {}
}

/// Beställningar: orders for new e-services through the five steps of guideline 6.
public enum OrdersScreen: Screen {
  static var table: Table<ServiceOrder> {
    Table(
    columns: [
      Column(T(sv: "Beställning", en: "Order"), width: 30, flexible: true) { $0.title },
      Column(T(sv: "Steg", en: "Step"), width: 6) { "\($0.step.rawValue)" },
    ],
    searchText: { $0.title })
  }

  static func rows(_ state: AppState) -> [ServiceOrder] {
    table.visibleRows(state.data.orders, state.ordersScreen.list)
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    ListKeys.bindings(\.ordersScreen.list, columns: table.columns.count, count: { rows($0).count }, page: { $0.height - 5 })
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    ListKeys.filterInput(key, \.ordersScreen.list, &state)
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    table.draw(rows(state), list: state.ordersScreen.list, state: state, into: &frame, area: area)
  }

  public static func status(_ state: AppState) -> String {
    ListKeys.status(table, shown: rows(state).count, total: state.data.orders.count, list: state.ordersScreen.list, state: state)
  }
}

import ETjanstDomain

/// What the catalogue screen remembers between frames.
public struct CatalogueState {
  public var list = ListState()
  public init() {}
}

/// E-tjänster: every e-service of the municipality (guideline 1.1 and 4).
public enum CatalogueScreen: Screen {
  static var table: Table<EService> {
    Table(
    columns: [
      Column(T(sv: "Namn", en: "Name"), width: 24, flexible: true) { $0.name },
      Column(T(sv: "Status", en: "Status"), width: 14) { $0.status.rawValue },
    ],
    searchText: { $0.name })
  }

  static func rows(_ state: AppState) -> [EService] {
    table.visibleRows(state.data.services, state.catalogue.list)
  }

  static func page(_ state: AppState) -> Int { state.height - 5 }

  public static func bindings(_ state: AppState) -> [Binding] {
    ListKeys.bindings(\.catalogue.list, columns: table.columns.count, count: { rows($0).count }, page: page)
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    ListKeys.filterInput(key, \.catalogue.list, &state)
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    table.draw(rows(state), list: state.catalogue.list, state: state, into: &frame, area: area)
  }

  public static func status(_ state: AppState) -> String {
    ListKeys.status(table, shown: rows(state).count, total: state.data.services.count, list: state.catalogue.list, state: state)
  }
}

typealias T = LocalizedText

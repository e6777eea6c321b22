import ETjanstDomain

/// What the staff screen remembers between frames.
public struct StaffState {
  public var list = ListState()
  public init() {}
}

/// Personal: staff, their access and checklists (guideline 4.1 and 4.2).
public enum StaffScreen: Screen {
  static var table: Table<StaffMember> {
    Table(
    columns: [
      Column(T(sv: "Namn", en: "Name"), width: 24, flexible: true) { $0.name },
      Column(T(sv: "Inloggning", en: "Login"), width: 14) { $0.login },
      Column(T(sv: "Status", en: "Status"), width: 12) { $0.status.rawValue },
    ],
    searchText: { "\($0.name) \($0.login)" })
  }

  static func rows(_ state: AppState) -> [StaffMember] {
    table.visibleRows(state.data.staff, state.staffScreen.list)
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    ListKeys.bindings(\.staffScreen.list, columns: table.columns.count, count: { rows($0).count }, page: { $0.height - 5 })
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    ListKeys.filterInput(key, \.staffScreen.list, &state)
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    table.draw(rows(state), list: state.staffScreen.list, state: state, into: &frame, area: area)
  }

  public static func status(_ state: AppState) -> String {
    ListKeys.status(table, shown: rows(state).count, total: state.data.staff.count, list: state.staffScreen.list, state: state)
  }
}

import ETjanstDomain

/// The list view of the orders: one row each, sortable by every column, and first
/// by rank — guideline 3's order of audience, expected effect and case volume.
enum OrdersList {
  static func table(_ state: AppState) -> Table<ServiceOrder> {
    let m = state.data
    let now = state.now
    let limit = m.settings.orderStepLimitDays
    let rank = m.orderRanks
    func flag(_ o: ServiceOrder) -> String {
      switch o.hold?.kind {
      case .onHold: return state.t(OrdersTexts.onHoldWord)
      case .cancelled: return state.t(OrdersTexts.cancelledWord)
      case nil:
        return o.isOverdue(at: now, limitDays: limit) ? "! " + state.t(OrdersTexts.overdueWord) : ""
      }
    }
    return Table(
      columns: [
        Column(
          OrdersTexts.cRank, width: 5, alignRight: true,
          sortKey: { .number(Double(rank[$0.id] ?? Int.max)) }
        ) {
          rank[$0.id].map(String.init) ?? ""
        },
        Column(OrdersTexts.cOrder, width: 20, flexible: true) { $0.title },
        Column(OrdersTexts.cDepartment, width: 16, flexible: true, priority: 3) {
          m.departmentName($0.department)
        },
        Column(OrdersTexts.cStep, width: 12, sortKey: { .number(Double($0.step.rawValue)) }) {
          "\($0.step.rawValue) \(state.t(OrdersTexts.stepShort($0.step)))"
        },
        Column(
          OrdersTexts.cDays, width: 7, alignRight: true,
          style: { $0.isOverdue(at: now, limitDays: limit) ? .danger : nil },
          sortKey: { .number(Double($0.daysInStep(at: now))) }
        ) {
          $0.step == .published ? "–" : "\($0.daysInStep(at: now)) d" + OrdersBoard.mark($0, state)
        },
        Column(
          OrdersTexts.cLead, width: 6, priority: 2, alignRight: true,
          sortKey: { .number(Double($0.leadTimeDays(at: now))) }
        ) {
          "\($0.leadTimeDays(at: now)) d"
        },
        Column(OrdersTexts.cAudience, width: 8, priority: 1) {
          state.t(OrdersTexts.audience($0.audience))
        },
        Column(
          OrdersTexts.cVolume, width: 10, priority: 1, alignRight: true,
          sortKey: { .number(Double(-($0.need.yearlyCaseVolume ?? 0))) }
        ) { $0.need.yearlyCaseVolume.map(String.init) ?? "–" },
        Column(
          OrdersTexts.cEffect, width: 6, priority: 1, alignRight: true,
          sortKey: { .number(Double(-$0.need.effectScore)) }
        ) {
          "\($0.need.effectScore)/3"
        },
        Column(
          OrdersTexts.cFlag, width: 10, priority: 2,
          style: {
            $0.hold != nil ? .muted : ($0.isOverdue(at: now, limitDays: limit) ? .danger : nil)
          }
        ) { flag($0) },
      ],
      // Days in a step and overdue marks follow the clock: drawn again each minute.
      cellsRead: AnyHashable(FindingsMemo.minute(now)),
      searchText: { OrdersScreen.searchText($0, m) })
  }

  static func rows(_ state: AppState) -> [ServiceOrder] {
    state.derived("orders", inputs: state.ordersScreen.list.order) {
      table(state).visibleRows(state.data.orders, state.ordersScreen.list)
    }
  }

  /// Rows the list shows at once: the screen less the chrome, the pane and the header.
  static func page(_ state: AppState) -> Int {
    let main = state.height - 4
    return max(1, main - paneHeight(main) - 1)
  }

  /// The detail pane under the board and the list: taller on a tall terminal.
  static func paneHeight(_ areaHeight: Int) -> Int { areaHeight >= 40 ? 10 : 7 }

  static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let paneHeight = paneHeight(area.height)
    let (top, pane) = area.splitBottom(paneHeight)
    let rows = rows(state)
    table(state).draw(rows, list: state.ordersScreen.list, state: state, into: &frame, area: top)
    OrderDetailView.drawPane(OrdersScreen.selected(state), state: state, into: &frame, area: pane)
  }
}

import ETjanstDomain

/// What the orders screen remembers between frames.
public struct OrdersState {
  public enum Mode: Sendable { case board, list }
  public var mode: Mode = .board
  /// The list view's selection, sort and the live filter (shared with the board).
  public var list = ListState()
  /// The board's focused step column (0–4) and the selected card in each column.
  public var column = 0
  public var cardInColumn = [0, 0, 0, 0, 0]
  /// The order opened with Enter; nil shows the board or the list.
  public var opened: EntityID<ServiceOrder>?
  /// The selected review comment of the opened order.
  public var comment = 0
  public init() {}
}

/// Beställningar: orders for new e-services through the five steps of guideline 6,
/// as a board with a column per step, or as a list ranked by guideline 3. Every
/// change goes through the order commands, whose rules the pipeline decides.
public enum OrdersScreen: Screen {
  public static func showList(_ state: inout AppState) { state.ordersScreen.opened = nil }

  public static func location(_ state: AppState) -> String {
    let s = state.ordersScreen
    let opened = s.opened.flatMap { state.data.orders[id: $0] }?.id.rawValue ?? ""
    return "\(s.mode)|\(opened)|\(s.list.filter)"
  }

  /// Orders that match the live filter, in store order.
  static func filtered(_ state: AppState) -> [ServiceOrder] {
    let list = state.ordersScreen.list
    guard !list.filter.isEmpty else { return state.data.orders }
    return state.data.orders.filter { list.matches(searchText($0, state.data)) }
  }

  static func searchText(_ o: ServiceOrder, _ m: Municipality) -> String {
    [o.title, m.departmentName(o.department), o.contactPerson, o.orderCaseNumber].joined(
      separator: " ")
  }

  /// The order the keys act on: the opened one, else the board's or the list's selection.
  static func selected(_ state: AppState) -> ServiceOrder? {
    let s = state.ordersScreen
    if let id = s.opened { return state.data.orders[id: id] }
    switch s.mode {
    case .board: return OrdersBoard.selected(state)
    case .list:
      return s.list.pick(OrdersList.rows(state))
    }
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    if state.ordersScreen.opened != nil { return OrderDetailView.bindings(state) + actions(state) }
    // The board's and the list's keys read nothing of the state when they are made.
    switch state.ordersScreen.mode {
    case .board:
      return Binding.kept("orders.board.bindings", state, inputs: 0) {
        OrdersBoard.bindings(state) + common + actions(state)
      }
    case .list:
      return Binding.kept("orders.list.bindings", state, inputs: 0) {
        ListKeys.bindings(
          \.ordersScreen.list, columns: { OrdersList.table($0).columns.count },
          count: { OrdersList.rows($0).count },
          page: { OrdersList.page($0) }) + common + actions(state)
      }
    }
  }

  /// After an advance the selection follows the order into its new column.
  public static func didApply(_ change: Change, _ state: inout AppState) {
    let before = Dictionary(
      change.before.orders.map { ($0.id, $0.step) }, uniquingKeysWith: { a, _ in a })
    let moved = change.after.orders.filter { before[$0.id] != nil && before[$0.id] != $0.step }
    if moved.count == 1 { reveal(moved[0].id, &state) }
  }

  /// Open, switch view: the board and the list share them.
  static var common: [Binding] {
    [
      Binding([.enter], label: OrdersTexts.keyOpen, help: OrdersTexts.helpOpen) { state in
        guard let o = selected(state) else { return [] }
        state.ordersScreen.opened = o.id
        state.ordersScreen.comment = 0
        return []
      },
      Binding([.character("v")], label: OrdersTexts.keyView, help: OrdersTexts.helpView) { state in
        let selected = selected(state)
        state.ordersScreen.mode = state.ordersScreen.mode == .board ? .list : .board
        if let selected { reveal(selected.id, &state) }
        return []
      },
      Binding([.character("/")], label: Texts.keyFilter, help: Texts.helpFilter()) { state in
        state.ordersScreen.list.openFilter()
        return []
      },
      Binding(
        [ListState.clearFilterKey], label: Texts.keyClearFilter, help: Texts.helpClearFilter,
        bar: false
      ) { state in
        if !state.ordersScreen.list.filter.isEmpty { state.ordersScreen.list.clearFilter() }
        return []
      }.doing(.clearFilter),
    ]
  }

  /// Changes to the selected order, in every mode; each goes through a command.
  static func actions(_ state: AppState) -> [Binding] {
    [
      Binding(
        [.character("f")], label: OrdersTexts.keyAdvance, help: OrdersTexts.helpAdvance, edits: true
      ) { state in
        guard let o = selected(state) else { return [] }
        return OrderForms.advance(o, &state)
      }.doing(.advance),
      Binding([.character("n")], label: OrdersTexts.keyNew, help: OrdersTexts.helpNew, edits: true)
      { state in
        state.overlays.append(OrderIntakeOverlay(OrderForms.newOrder(state)))
        return []
      },
      Binding(
        [.character("p")], label: OrdersTexts.keyHold, help: OrdersTexts.helpHold, bar: false,
        edits: true
      ) {
        state in
        guard let o = selected(state) else { return [] }
        return OrderForms.hold(o, .onHold, &state)
      },
      Binding(
        [.character("x")], label: OrdersTexts.keyCancel, help: OrdersTexts.helpCancel, bar: false,
        edits: true
      ) {
        state in
        guard let o = selected(state) else { return [] }
        return OrderForms.hold(o, .cancelled, &state)
      },
      Binding(
        [.character("r")], label: OrdersTexts.keyResume, help: OrdersTexts.helpResume, bar: false,
        edits: true
      ) {
        state in
        guard let o = selected(state) else { return [] }
        return OrderForms.checked(.resume, o, &state) { _ in [.perform(ResumeOrder(order: o.id))] }
      },
      Binding(
        [.character("R")], label: OrdersTexts.keyRefused, help: OrdersTexts.helpRefused, bar: false
      ) { state in
        state.overlays.append(
          MessageOverlay(title: OrdersTexts.refusedListTitle, text: refusedText(state)))
        return []
      },
    ]
  }

  /// Puts the board's or the list's selection on the order with `id`.
  static func reveal(_ id: EntityID<ServiceOrder>, _ state: inout AppState) {
    let columns = OrdersBoard.columns(state)
    for (c, cards) in columns.enumerated() {
      if let i = cards.firstIndex(where: { $0.id == id }) {
        state.ordersScreen.column = c
        state.ordersScreen.cardInColumn[c] = i
      }
    }
    if let i = OrdersList.rows(state).firstIndex(where: { $0.id == id }) {
      state.ordersScreen.list.selected = i
    }
  }

  static func refusedText(_ state: AppState) -> LocalizedText {
    let m = state.data
    let lines = m.refusedOrders.sorted { $0.refusedAt > $1.refusedAt }.map { r in
      LocalizedText(
        sv:
          "\(Day(r.refusedAt)) \(r.title) (\(m.departmentName(r.department))), \(OrdersTexts.refusedLine(r.channel, m.displayName(login: r.refusedBy)).sv)",
        en:
          "\(Day(r.refusedAt)) \(r.title) (\(m.departmentName(r.department))), \(OrdersTexts.refusedLine(r.channel, m.displayName(login: r.refusedBy)).en)"
      )
    }
    let body = lines.isEmpty ? [OrdersTexts.noRefused] : lines
    let all = body + [OrdersTexts.orderWhere(m.contacts.orderServiceAddress)]
    return LocalizedText(
      sv: all.map(\.sv).joined(separator: "\n"), en: all.map(\.en).joined(separator: "\n"))
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    guard state.ordersScreen.opened == nil else { return nil }
    let effects = ListKeys.filterInput(key, \.ordersScreen.list, &state)
    if effects != nil { state.ordersScreen.cardInColumn = [0, 0, 0, 0, 0] }
    return effects
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    if let id = state.ordersScreen.opened, let o = state.data.orders[id: id] {
      OrderDetailView.drawFull(o, state: state, into: &frame, area: area)
      return
    }
    switch state.ordersScreen.mode {
    case .board: OrdersBoard.draw(state, into: &frame, area: area)
    case .list: OrdersList.draw(state, into: &frame, area: area)
    }
  }

  public static func status(_ state: AppState) -> String {
    let limit = state.data.settings.orderStepLimitDays
    // Per change of data and day, not per frame: it dates every order.
    let overdue = state.derived("orders.overdue", inputs: limit) {
      state.data.orders.filter { $0.isOverdue(at: state.now, limitDays: limit) }.count
    }
    var parts: [String] = []
    if state.ordersScreen.mode == .list && state.ordersScreen.opened == nil {
      parts.append(
        ListKeys.status(
          OrdersList.table(state), shown: OrdersList.rows(state).count,
          total: state.data.orders.count,
          list: state.ordersScreen.list, state: state))
    } else {
      let shown = filtered(state).count
      parts.append(state.t(Texts.rowCount(shown, state.data.orders.count)))
      if let filter = state.ordersScreen.list.filterShown {
        parts.append(state.t(Texts.filterShown(filter)))
      }
    }
    if overdue > 0 { parts.append(state.t(OrdersTexts.overdueCount(overdue))) }
    parts.append(state.t(OrdersTexts.legend(limit: limit)))
    return parts.joined(separator: " · ")
  }
}

import ETjanstDomain

/// The board: a column per step of guideline 6, a card per order showing its days
/// in the step and a flag, and the selected card's details in a pane below.
enum OrdersBoard {
  /// The orders of each step, longest waiting first; on hold and cancelled last.
  /// Published ones, newest first.
  /// Kept per data change, day and filter (`AppState.derived`): the frame, the keys
  /// and the detail pane all ask for it, and the days in a step take a calendar each.
  static func columns(_ state: AppState) -> [[ServiceOrder]] {
    state.derived("orders.board", inputs: state.ordersScreen.list.order) {
      let orders = OrdersScreen.filtered(state)
      return OrderStep.allCases.map { step in
        let inStep = orders.filter { $0.step == step }
        if step == .published {
          return inStep.sorted { $0.enteredCurrentStep > $1.enteredCurrentStep }
        }
        let keyed = inStep.enumerated().map { i, o in
          (key: (holdRank(o), -o.daysInStep(at: state.now), i), order: o)
        }
        return keyed.sorted { $0.key < $1.key }.map(\.order)
      }
    }
  }

  static func holdRank(_ o: ServiceOrder) -> Int {
    switch o.hold?.kind {
    case nil: return 0
    case .onHold: return 1
    case .cancelled: return 2
    }
  }

  static func selected(_ state: AppState) -> ServiceOrder? {
    let columns = columns(state)
    let s = state.ordersScreen
    let cards = columns[min(max(0, s.column), 4)]
    guard !cards.isEmpty else { return nil }
    return cards[min(max(0, s.cardInColumn[s.column]), cards.count - 1)]
  }

  /// The one-character mark of a card: readable without colour.
  static func mark(_ o: ServiceOrder, _ state: AppState) -> String {
    switch o.hold?.kind {
    case .onHold: return "‖"
    case .cancelled: return "×"
    case nil:
      return o.isOverdue(at: state.now, limitDays: state.data.settings.orderStepLimitDays)
        ? "!" : " "
    }
  }

  // MARK: - Keys

  static func bindings(_ state: AppState) -> [Binding] {
    func moveColumn(_ delta: Int) -> (inout AppState) -> [Effect] {
      { state in
        state.ordersScreen.column = min(4, max(0, state.ordersScreen.column + delta))
        return []
      }
    }
    func moveCard(_ change: @escaping (Int, Int) -> Int) -> (inout AppState) -> [Effect] {
      { state in
        let c = state.ordersScreen.column
        let count = columns(state)[c].count
        let current = min(state.ordersScreen.cardInColumn[c], max(0, count - 1))
        state.ordersScreen.cardInColumn[c] = min(max(0, change(current, count)), max(0, count - 1))
        return []
      }
    }
    return [
      Binding(
        [.left, .character("h")], keysLabel: "← →", label: OrdersTexts.keyColumn,
        help: OrdersTexts.helpColumn, bar: false, action: moveColumn(-1)),
      Binding(
        [.right, .character("l")], keysLabel: "← →", label: OrdersTexts.keyColumn,
        help: OrdersTexts.helpColumn, bar: false, action: moveColumn(1)),
      Binding(
        [.down, .character("j")], keysLabel: "↑↓", label: OrdersTexts.keyCard,
        help: OrdersTexts.helpCard, bar: false, action: moveCard { i, _ in i + 1 }),
      Binding(
        [.up, .character("k")], keysLabel: "↑↓", label: OrdersTexts.keyCard,
        help: OrdersTexts.helpCard, bar: false, action: moveCard { i, _ in i - 1 }),
      Binding(
        [.home, .character("g")], keysLabel: "↑↓", label: OrdersTexts.keyCard,
        help: OrdersTexts.helpCard, bar: false, action: moveCard { _, _ in 0 }),
      Binding(
        [.end, .character("G")], keysLabel: "↑↓", label: OrdersTexts.keyCard,
        help: OrdersTexts.helpCard, bar: false, action: moveCard { _, n in n - 1 }),
    ]
  }

  // MARK: - Drawing

  static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let paneHeight = OrdersList.paneHeight(area.height)
    let (board, pane) = area.splitBottom(paneHeight)
    let columns = columns(state)
    let theme = state.theme
    let widths = columnWidths(board.width)
    var x = board.x
    for (c, cards) in columns.enumerated() {
      let width = widths[c]
      let focused = c == state.ordersScreen.column
      let step = OrderStep.allCases[c]
      let name = "\(focused ? "▸" : " ")\(step.rawValue) \(state.t(OrdersTexts.stepShort(step)))"
      let count =
        TextWidth.of(name + " (\(cards.count))") <= width ? " (\(cards.count))" : " \(cards.count)"
      let title = TextWidth.truncate(name, to: width - TextWidth.of(count)) + count
      frame.put(
        TextWidth.pad(title, to: width), x: x, y: board.y,
        style: theme.style(focused ? .tabActive : .header), maxWidth: width)
      let body = Rect(x: x, y: board.y + 1, width: width, height: board.height - 1)
      drawCards(cards, column: c, state: state, into: &frame, area: body)
      if c < 4 {
        for y in board.rows { frame.put("│", x: x + width, y: y, style: theme.style(.border)) }
      }
      x += width + 1
    }
    OrderDetailView.drawPane(selected(state), state: state, into: &frame, area: pane)
  }

  /// Five columns with a one-cell rule between them, the spare cells to the first ones.
  static func columnWidths(_ total: Int) -> [Int] {
    let usable = total - 4
    return (0..<5).map { usable / 5 + ($0 < usable % 5 ? 1 : 0) }
  }

  static func drawCards(
    _ cards: [ServiceOrder], column: Int, state: AppState, into frame: inout Frame, area: Rect
  ) {
    let theme = state.theme
    guard !cards.isEmpty else {
      frame.put("–", x: area.x + 1, y: area.y, style: theme.style(.muted))
      return
    }
    let wide = area.width >= 26
    // Narrow columns give a card two lines while they fit, so titles that begin
    // alike ("Ansökan om …") can still be told apart; one line when crowded.
    let twoLines = !wide && cards.count * 2 <= area.height
    let pitch = wide ? 4 : (twoLines ? 2 : 1)
    let fits = max(1, (area.height + (wide ? 1 : 0)) / pitch)
    let selectedIndex = min(state.ordersScreen.cardInColumn[column], cards.count - 1)
    let top = max(0, selectedIndex - fits + 1)
    let shown = cards.dropFirst(top).prefix(fits)
    let kept = state.derived("orders.cards", inputs: FindingsMemo.minute(state.now)) { Cards() }
    for (offset, o) in shown.enumerated() {
      let index = top + offset
      let y = area.y + offset * pitch
      let isSelected = index == selectedIndex && column == state.ordersScreen.column
      func card() -> [Cards.Line] {
        let lines =
          wide
          ? wideCard(o, state: state, width: area.width)
          : twoLines
            ? twoLineCard(o, state: state, width: area.width)
            : [compactCard(o, state: state, width: area.width)]
        return lines.map { Cards.Line(text: TextWidth.pad($0.text, to: area.width), role: $0.role) }
      }
      let key = Cards.Key(order: o.id, width: area.width, lines: pitch)
      let lines = kept.lines[key] ?? card()
      kept.lines[key] = lines
      assert(lines == card(), "a card read something its memo's inputs do not name")
      for (i, line) in lines.enumerated() {
        frame.put(
          line.text, x: area.x, y: y + i, style: theme.style(isSelected ? .selection : line.role))
      }
    }
    let hidden = cards.count - top - shown.count
    if hidden > 0 {
      frame.put(
        TextWidth.pad("  ↓ +\(hidden)", to: area.width), x: area.x, y: area.maxY - 1,
        style: theme.style(.muted))
    }
    if top > 0 { frame.put("↑", x: area.maxX - 1, y: area.y, style: theme.style(.muted)) }
  }

  /// Each card's lines as drawn, kept per data, day, language and minute (`AppState.derived`;
  /// the days in a step and the overdue mark follow the clock): a key that moves between
  /// cards draws the board's cards again, some sixty of them, each reading a calendar.
  final class Cards {
    struct Key: Hashable {
      var order: EntityID<ServiceOrder>
      var width: Int
      /// The card's lines: one, two or the wide card's.
      var lines: Int
    }
    struct Line: Equatable {
      var text: String
      var role: Theme.Role
    }
    var lines: [Key: [Line]] = [:]
  }

  /// One line: the mark, the title cut to fit, the days in the step (or the lead
  /// time, once published).
  static func compactCard(_ o: ServiceOrder, state: AppState, width: Int) -> (
    text: String, role: Theme.Role
  ) {
    let days = o.step == .published ? o.leadTimeDays(at: state.now) : o.daysInStep(at: state.now)
    let daysText = "\(days)d"
    let titleWidth = max(1, width - 2 - TextWidth.of(daysText))
    let text =
      mark(o, state) + TextWidth.pad(TextWidth.truncate(o.title, to: titleWidth), to: titleWidth)
      + " " + daysText
    return (text, role(o, state))
  }

  /// Two lines: the mark and the title wrapped, the days at the end of the second.
  static func twoLineCard(_ o: ServiceOrder, state: AppState, width: Int) -> [(
    text: String, role: Theme.Role
  )] {
    let days = o.step == .published ? o.leadTimeDays(at: state.now) : o.daysInStep(at: state.now)
    let daysText = "\(days)d"
    let wrapped = TextWidth.wrap(o.title, to: max(1, width - 1))
    let first = wrapped.first ?? ""
    let rest = wrapped.dropFirst().joined(separator: " ")
    let restWidth = max(1, width - 2 - TextWidth.of(daysText))
    let second =
      " " + TextWidth.pad(TextWidth.truncate(rest, to: restWidth), to: restWidth) + " " + daysText
    return [(mark(o, state) + first, role(o, state)), (second, role(o, state))]
  }

  /// Three lines: the title; the department and a flag word; the days.
  static func wideCard(_ o: ServiceOrder, state: AppState, width: Int) -> [(
    text: String, role: Theme.Role
  )] {
    let flag: LocalizedText? =
      o.hold?.kind == .onHold
      ? OrdersTexts.onHoldWord
      : o.hold?.kind == .cancelled
        ? OrdersTexts.cancelledWord
        : o.isOverdue(at: state.now, limitDays: state.data.settings.orderStepLimitDays)
          ? OrdersTexts.overdueWord : nil
    let flagText = flag.map { state.t($0) } ?? ""
    let departmentWidth = max(1, width - 3 - TextWidth.of(flagText))
    let department = TextWidth.pad(
      TextWidth.truncate(state.data.departmentName(o.department), to: departmentWidth),
      to: departmentWidth)
    let days = OrdersTexts.daysLine(
      inStep: o.daysInStep(at: state.now), lead: o.leadTimeDays(at: state.now),
      published: o.step == .published)
    return [
      (
        mark(o, state) + " " + TextWidth.truncate(o.title, to: width - 2),
        role(o, state) == .muted ? .muted : .accent
      ),
      ("  " + department + " " + flagText, role(o, state)),
      ("  " + state.t(days), .muted),
    ]
  }

  static func role(_ o: ServiceOrder, _ state: AppState) -> Theme.Role {
    if o.hold != nil { return .muted }
    return o.isOverdue(at: state.now, limitDays: state.data.settings.orderStepLimitDays)
      ? .danger : .normal
  }
}

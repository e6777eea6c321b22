import ETjanstDomain

/// One order in full: the pane under the board (as much as fits) and the page that
/// Enter opens, with the review comments to handle.
enum OrderDetailView {
  typealias Line = (text: String, role: Theme.Role)

  /// What is known about the order, most important first.
  static func lines(_ o: ServiceOrder, state: AppState, full: Bool) -> [Line] {
    let m = state.data
    let t = state.t
    let limit = m.settings.orderStepLimitDays
    var out: [Line] = []
    var stepLine =
      t(OrdersTexts.stepOf(o.step)) + " · "
      + t(
        OrdersTexts.daysLine(
          inStep: o.daysInStep(at: state.now), lead: o.leadTimeDays(at: state.now),
          published: o.step == .published))
    let overdue = o.isOverdue(at: state.now, limitDays: limit)
    if overdue { stepLine += " · " + t(OrdersTexts.overdue(limit: limit)) }
    out.append((stepLine, overdue ? .danger : .accent))
    if let hold = o.hold { out.append((t(OrdersTexts.holdLine(hold)), .warning)) }
    let caseText = o.orderCaseNumber.isEmpty ? t(OrdersTexts.notRegistered) : o.orderCaseNumber
    var who =
      "\(t(OrdersTexts.caseNumber)): \(caseText) · \(t(OrdersTexts.contact)): \(o.contactPerson)"
    if full && !o.contactEmail.isEmpty { who += " <\(o.contactEmail)>" }
    out.append(
      (
        who + " · \(m.departmentName(o.department)) · \(t(OrdersTexts.audience(o.audience)))",
        .normal
      ))
    var progress: [String] = []
    if let id = o.service {
      let s = m.service(id)
      progress.append(
        "\(t(OrdersTexts.service)): \(s?.name ?? "?") (\(s.map { t(OrdersTexts.serviceStatus($0.status)) } ?? "?"))"
      )
    }
    if o.step >= .firstVersion {
      let meeting =
        o.meeting.map { "\(Format.dateTime($0.at)), \($0.place)" } ?? t(OrdersTexts.noMeeting)
      progress.append("\(t(OrdersTexts.meeting)): \(meeting)")
    }
    if o.step >= .review {
      progress.append(
        "\(t(OrdersTexts.comments)): \(t(OrdersTexts.commentsCount(o.comments.count, open: o.openComments.count)))"
      )
      progress.append(
        "\(t(OrdersTexts.agreement)): \(o.agreement.map { "\($0.by) \(Day($0.at))" } ?? t(OrdersTexts.noAgreement))"
      )
    }
    if !progress.isEmpty { out.append((progress.joined(separator: " · "), .normal)) }
    let needLine =
      "\(t(OrdersTexts.need)): \(t(OrdersTexts.volume(o.need.yearlyCaseVolume))) · \(t(OrdersTexts.effect)) \(o.need.effectScore)/3 · "
      + t(OrdersTexts.replaces(o.need.paperFormsReplaced))
    out.append((needLine, .normal))
    if o.hold == nil, o.step != .published {
      out.append(nextLine(o, state: state))
    }
    if full || state.height >= 40 {
      if !o.need.beneficiaries.isEmpty {
        out.append(("\(t(OrdersTexts.benefits)): \(o.need.beneficiaries)", .normal))
      }
      if !o.need.expectedEffect.isEmpty {
        out.append(("\(t(OrdersTexts.effect)): \(o.need.expectedEffect)", .normal))
      }
    }
    return out
  }

  /// What the next step needs: the pipeline's own refusal, or the key that takes it.
  static func nextLine(_ o: ServiceOrder, state: AppState) -> Line {
    if let transition = OrderPipeline.advance(from: o.step),
      transition != .register(caseNumber: ""),
      let refusal = OrderPipeline.refusal(transition, for: o, in: state.data, at: state.now)
    {
      return ("\(state.t(OrdersTexts.blocked)): \(state.t(refusal.message))", .warning)
    }
    let move = OrdersTexts.nextMove(o.step, key: state.keyNames[.advance])
    return ("\(state.t(OrdersTexts.next)): \(state.t(move))", .ok)
  }

  static func drawPane(_ o: ServiceOrder?, state: AppState, into frame: inout Frame, area: Rect) {
    guard let o else {
      let inner = Box.draw("", in: area, frame: &frame, theme: state.theme)
      frame.put(
        state.t(OrdersTexts.nothingSelected), x: inner.x, y: inner.y,
        style: state.theme.style(.muted))
      return
    }
    let inner = Box.draw(o.title, in: area, frame: &frame, theme: state.theme)
    // Lines wrap rather than being cut; what does not fit ends in "…" (Enter shows
    // all). What the next step needs comes second, so wrapping never hides it.
    var shown = lines(o, state: state, full: false)
    let next = nextLine(o, state: state).text
    if let i = shown.lastIndex(where: { $0.text == next }), i > 1 {
      shown.insert(shown.remove(at: i), at: 1)
    }
    let rows = shown.flatMap { line in
      TextWidth.wrap(line.text, to: inner.width).map { ($0, line.role) }
    }
    for (i, row) in rows.prefix(inner.height).enumerated() {
      let more = i == inner.height - 1 && rows.count > inner.height
      let text = more ? TextWidth.truncate(row.0 + " …", to: inner.width) : row.0
      frame.put(
        text, x: inner.x, y: inner.y + i, style: state.theme.style(row.1), maxWidth: inner.width)
    }
  }

  static func drawFull(_ o: ServiceOrder, state: AppState, into frame: inout Frame, area: Rect) {
    let inner = Box.draw(o.title, in: area, frame: &frame, theme: state.theme)
    var y = inner.y
    for line in lines(o, state: state, full: true) {
      for part in TextWidth.wrap(line.text, to: inner.width) where y < inner.maxY {
        frame.put(part, x: inner.x, y: y, style: state.theme.style(line.role))
        y += 1
      }
    }
    guard o.step >= .review, y + 1 < inner.maxY else { return }
    y += 1
    frame.put(state.t(OrdersTexts.comments), x: inner.x, y: y, style: state.theme.style(.header))
    y += 1
    if o.comments.isEmpty {
      frame.put(state.t(OrdersTexts.noComments), x: inner.x, y: y, style: state.theme.style(.muted))
      return
    }
    let selected = min(state.ordersScreen.comment, o.comments.count - 1)
    let room = max(1, inner.maxY - y)
    // Each comment wraps under itself; the selected one stays in view.
    var rows: [(comment: Int, text: String)] = []
    for (i, c) in o.comments.enumerated() {
      let word = state.t(OrdersTexts.resolution(c.resolution)).uppercased()
      var text = "\(c.resolution == .open ? "•" : "✓") [\(word)] \(c.text)"
      if !c.note.isEmpty { text += " — \(c.note)" }
      rows += TextWidth.wrap(text, to: max(10, inner.width - 2)).enumerated().map {
        (i, $0.offset == 0 ? $0.element : "  " + $0.element)
      }
    }
    let lastOfSelected = rows.lastIndex { $0.comment == selected } ?? 0
    let top = max(0, lastOfSelected - room + 1)
    for (offset, row) in rows.dropFirst(top).prefix(room).enumerated() {
      let c = o.comments[row.comment]
      let isSelected = row.comment == selected
      let role: Theme.Role = isSelected ? .selection : (c.resolution == .open ? .warning : .normal)
      frame.put(
        TextWidth.pad(row.text, to: inner.width), x: inner.x, y: y + offset,
        style: state.theme.style(role), maxWidth: inner.width)
    }
  }

  // MARK: - Keys

  static func bindings(_ state: AppState) -> [Binding] {
    func moveComment(_ delta: Int) -> (inout AppState) -> [Effect] {
      { state in
        let count = OrdersScreen.selected(state)?.comments.count ?? 0
        state.ordersScreen.comment = min(
          max(0, state.ordersScreen.comment + delta), max(0, count - 1))
        return []
      }
    }
    func back(_ state: inout AppState) -> [Effect] {
      if let id = state.ordersScreen.opened { OrdersScreen.reveal(id, &state) }
      state.ordersScreen.opened = nil
      return []
    }
    return [
      Binding(
        [.character("q"), .escape], keysLabel: "q Esc", label: OrdersTexts.keyBack,
        help: OrdersTexts.helpBack, action: back),
      Binding(
        [.down, .character("j")], keysLabel: "↑↓", label: Texts.keyMove, bar: false,
        action: moveComment(1)),
      Binding(
        [.up, .character("k")], keysLabel: "↑↓", label: Texts.keyMove, bar: false,
        action: moveComment(-1)),
      Binding(
        [.character("m")], label: OrdersTexts.keyMeeting, help: OrdersTexts.helpMeeting, edits: true
      ) { state in
        guard let o = OrdersScreen.selected(state) else { return [] }
        return OrderForms.checked(.bookMeeting, o, &state) { state in
          state.overlays.append(OrderForms.meeting(o, state))
          return []
        }
      },
      Binding(
        [.character("c")], label: OrdersTexts.keyComment, help: OrdersTexts.helpComment, edits: true
      ) { state in
        guard let o = OrdersScreen.selected(state) else { return [] }
        return OrderForms.checked(.addComment, o, &state) { state in
          state.overlays.append(OrderForms.comment(o))
          return []
        }
      },
      Binding([.enter], label: OrdersTexts.keyHandle, help: OrdersTexts.helpHandle, edits: true) {
        state in
        guard let o = OrdersScreen.selected(state) else { return [] }
        guard o.comments.indices.contains(state.ordersScreen.comment) else {
          state.show(OrdersTexts.noComment)
          return []
        }
        let comment = o.comments[state.ordersScreen.comment]
        return OrderForms.checked(.resolveComment, o, &state) { state in
          state.overlays.append(OrderForms.resolve(o, comment))
          return []
        }
      },
      Binding(
        [.character("a")], label: OrdersTexts.keyAgreement, help: OrdersTexts.helpAgreement,
        edits: true
      ) { state in
        guard let o = OrdersScreen.selected(state) else { return [] }
        return OrderForms.checked(.recordAgreement, o, &state) { state in
          state.overlays.append(OrderForms.agreement(o))
          return []
        }
      },
    ]
  }
}

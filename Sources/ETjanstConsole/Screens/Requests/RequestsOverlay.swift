import ETjanstDomain

/// The requests to the e-coordinator as the user may see them (`AppState.data` is
/// scoped: a manager sees their department's, with each one's state): those waiting
/// first, oldest first, then the answered ones, newest first. The e-coordinator
/// accepts (`a`) or declines (`d`) the selected one; Enter shows it whole, with what
/// became of it; `o` opens that: the person and their checklist, or the error report.
struct RequestsOverlay: Overlay {
  var selected = 0

  static func rows(_ state: AppState) -> [Request] {
    let m = state.data
    let open = m.openRequests
    let answered = m.requests.filter { !$0.state.isOpen }
      .sorted { ($0.answeredAt ?? $0.sent) > ($1.answeredAt ?? $1.sent) }
    return open + answered
  }

  mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    let rows = Self.rows(state)
    switch key {
    case .escape, .character("q"): return .closeOnly
    case .down, .character("j"): selected = min(selected + 1, max(rows.count - 1, 0))
    case .up, .character("k"): selected = max(selected - 1, 0)
    case .enter:
      guard rows.indices.contains(selected) else { return .stay }
      let r = rows[selected]
      return .close { state in
        state.overlays.append(
          MessageOverlay(
            title: LocalizedText(
              sv: "\(r.label.sv): \(state.data.subject(of: r))",
              en: "\(r.label.en): \(state.data.subject(of: r))"),
            text: Self.view(r, state.data)))
        return []
      }
    case .character("o"):
      guard rows.indices.contains(selected) else { return .stay }
      let r = rows[selected]
      return .close { state in
        guard let outcome = state.data.outcome(of: r) else {
          state.show(RequestTexts.nothingYet)
          return []
        }
        Navigation.jump(&state) { Self.open(outcome, r, &$0) }
        return []
      }
    case .character("a"), .character("d"):
      guard !state.readOnly, rows.indices.contains(selected) else { return .stay }
      let r = rows[selected]
      guard r.state.isOpen else {
        return .close { state in
          state.show(RequestTexts.notOpen)
          return []
        }
      }
      let accept = key == .character("a")
      return .close { state in
        accept ? RequestForms.accept(r, &state) : RequestForms.decline(r, &state)
      }
    default: break
    }
    return .stay
  }

  /// What became of the request, then the request a field a line: its state as the
  /// data shows it now, the flags that are set, every field that holds something
  /// (the report's id is what the first line says).
  static func view(_ r: Request, _ m: Municipality) -> LocalizedText {
    var lines: [LocalizedText] = []
    if let outcome = m.outcome(of: r) {
      lines += [RequestTexts.became(outcome.text), LocalizedText(verbatim: "")]
    }
    for f in Request.fields where f.name != Request.Fields.report.name {
      if (f.value(of: r) as? Bool) == false { continue }
      let text = f.name == Request.Fields.state.name ? m.state(of: r).label : f.text(of: r, in: m)
      guard !text.sv.isEmpty else { continue }
      lines.append(LocalizedText(sv: "\(f.label.sv): \(text.sv)", en: "\(f.label.en): \(text.en)"))
    }
    return LocalizedText(
      sv: lines.map(\.sv).joined(separator: "\n"), en: lines.map(\.en).joined(separator: "\n"))
  }

  /// Goes to what a request became: the person (their checklist first on their
  /// page; for an access change, the access selected), or the e-service with its
  /// error report.
  static func open(_ outcome: RequestOutcome, _ r: Request, _ state: inout AppState) {
    switch outcome.target {
    case .person(let id):
      FindingJump.openPerson(id, &state)
      if r.kind == .access, let service = r.services.first,
        let i = StaffPersonView.items(state).firstIndex(of: .grant(service))
      {
        state.staffScreen.personSelected = i
      }
    case .report(let service, _):
      FindingJump.openService(service, &state)
      if let s = state.data.service(service) {
        state.catalogue.detailScroll = CatalogueDetail.reportsLine(s, state)
      }
    }
  }

  func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let rows = Self.rows(state)
    let width = min(area.width - 2, 100)
    let height = min(area.height - 2, max(rows.count, 1) + 3)
    let box = area.centered(width: width, height: height)
    let inner = Box.draw(
      state.t(RequestTexts.listTitle), in: box, frame: &frame, theme: state.theme, over: area)
    guard !rows.isEmpty else {
      frame.put(state.t(RequestTexts.noRequests), x: inner.x, y: inner.y, maxWidth: inner.width)
      return
    }
    // The kind as wide as its longest label shown ("Revideringsbehov"), within 18.
    let kinds = rows.map { TextWidth.of(state.t($0.label)) }.max() ?? 0
    let widths = [
      max(14, TextWidth.of(state.t(RequestTexts.columnKind)), min(kinds, 18)),
      max(10, TextWidth.of(state.t(RequestTexts.columnState))),
      max(5, TextWidth.of(state.t(RequestTexts.columnDays))),
      max(16, TextWidth.of(state.t(RequestTexts.columnSender))),
    ]
    let rest = max(inner.width - widths.reduce(0, +) - 4, 8)
    func line(_ cells: [String]) -> String {
      zip(cells, widths + [rest]).map { TextWidth.pad(TextWidth.shorten($0, to: $1), to: $1) }
        .joined(separator: " ")
    }
    frame.put(
      line(
        [
          RequestTexts.columnKind, RequestTexts.columnState, RequestTexts.columnDays,
          RequestTexts.columnSender, RequestTexts.columnSubject,
        ].map(state.t)), x: inner.x, y: inner.y, style: state.theme.style(.header),
      maxWidth: inner.width)
    let visible = inner.height - 1
    let first = max(0, min(selected - visible + 1, rows.count - visible))
    let names = state.data.displayNames()
    for (i, r) in rows.enumerated().dropFirst(first).prefix(visible) {
      let status = state.data.state(of: r)
      let text = line([
        state.t(r.label), state.t(status.label),
        String(state.data.daysWaiting(r, today: state.today)), names(r.sender),
        state.data.subject(of: r),
      ])
      frame.put(
        text, x: inner.x, y: inner.y + 1 + i - first,
        style: state.theme.style(i == selected ? .selection : status.isOpen ? .accent : .normal),
        maxWidth: inner.width)
    }
  }

  func bindings(_ state: AppState) -> [OverlayKey] {
    (state.readOnly
      ? []
      : [
        OverlayKey("a", RequestTexts.keyAccept), OverlayKey("d", RequestTexts.keyDecline),
      ]) + [
        OverlayKey("↑↓", Texts.scroll), OverlayKey("Enter", RequestTexts.keyShow),
        OverlayKey("o", OverviewTexts.keyGo), OverlayKey("Esc", Texts.close),
      ]
  }
}

extension RequestsOverlay {
  static let names = CommandNames(sv: ["begäranden"], en: ["requests"])

  /// `:begäranden`: the list of requests.
  static var command: ConsoleCommand {
    ConsoleCommand(names, help: RequestTexts.helpList) { _, state in
      state.overlays.append(RequestsOverlay())
      return []
    }
  }

  /// `b` on the overview: the list of requests.
  /// In the hint bar once there are requests to see.
  static func openBinding(_ state: AppState) -> Binding {
    Binding(
      [.character("b")], label: RequestTexts.keyRequests, help: RequestTexts.helpList,
      bar: !state.data.requests.isEmpty
    ) { state in
      state.overlays.append(RequestsOverlay())
      return []
    }
  }
}

extension RequestForms {
  /// A manager's key for a request on a screen: shown to managers only (the
  /// e-coordinator makes the change directly).
  /// `label` tells two request keys on one screen apart in the hint bar.
  static func binding(
    _ state: AppState, _ key: Character, label: LocalizedText = RequestTexts.keyRequest,
    help: LocalizedText, _ action: @escaping (inout AppState) -> [Effect]
  ) -> [Binding] {
    files(state)
      ? [Binding([.character(key)], label: label, help: help, action: action)]
      : []
  }
}

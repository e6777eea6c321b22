import ETjanstDomain

/// What the catalogue screen remembers between frames.
public struct CatalogueState {
  public var list = ListState()
  /// The e-service whose detail view is open; nil shows the list.
  public var detail: EntityID<EService>?
  public var detailScroll = 0
  /// Shows only e-services with this status (`f`); the live filter cannot tell
  /// "Publicerad" from "Avpublicerad".
  public var statusFilter: ServiceStatus?
  public init() {}
}

/// E-tjänster: every e-service of the municipality, its owners and its health
/// (guideline 1.1 and 4). A list, and a detail view of one service.
public enum CatalogueScreen: Screen {
  public static func showList(_ state: inout AppState) { state.catalogue.detail = nil }

  public static func location(_ state: AppState) -> String {
    let c = state.catalogue
    return
      "\(showingDetail(state) ? c.detail?.rawValue ?? "" : "")|\(String(describing: c.statusFilter))|\(c.list.filter)"
  }

  static func page(_ state: AppState) -> Int { state.height - 5 }

  /// The service the keys act on: the open detail, else the selected row.
  static func current(_ state: AppState) -> EService? {
    if let id = state.catalogue.detail { return state.data.service(id) }
    return state.catalogue.list.pick(CatalogueTable.rows(state))
  }

  /// The detail view is open on a service that still exists (an undo or another
  /// user may have removed it).
  static func showingDetail(_ state: AppState) -> Bool {
    state.catalogue.detail.flatMap { state.data.service($0) } != nil
  }

  /// The list's or the open e-service's keys, with a manager's request key: made once
  /// for each and kept.
  public static func bindings(_ state: AppState) -> [Binding] {
    Binding.kept(
      "catalogue.bindings", state, inputs: Both(state.catalogue.detail, RequestForms.files(state))
    ) { makeBindings(state) }
  }

  static func makeBindings(_ state: AppState) -> [Binding] {
    if showingDetail(state) {
      return detailBindings(state) + editBindings(inDetail: true) + requestBinding(state)
        + flagsHelp(state)
    }
    let list = listBindings(state)
    let isSort = { (b: Binding) in b.keys == [.character("s")] || b.keys == [.character("S")] }
    // Sorting last, so the hint bar at 80 columns keeps the editing keys.
    return list.filter { !isSort($0) } + editBindings(inDetail: false) + requestBinding(state)
      + list.filter(isSort) + flagsHelp(state)
  }

  /// A manager's request about the e-service: an error or a need for revision.
  static func requestBinding(_ state: AppState) -> [Binding] {
    RequestForms.binding(state, "b", help: RequestTexts.helpError) { state in
      var effects: [Effect] = []
      _ = withCurrent(&state) { s, state in effects = RequestForms.error(s, &state) }
      return effects
    }
  }

  static func listBindings(_ state: AppState) -> [Binding] {
    [
      Binding([.enter], label: CatalogueTexts.keyOpen, help: CatalogueTexts.helpOpen) { state in
        guard let s = current(state) else { return [] }
        state.catalogue.detail = s.id
        state.catalogue.detailScroll = 0
        return []
      }
    ]
      + ListKeys.bindings(
        \.catalogue.list, columns: { CatalogueTable.table($0).columns.count },
        count: { CatalogueTable.rows($0).count }, page: page)
      + [
        Binding(
          [.character("f")], label: CatalogueTexts.keyStatusFilter,
          help: CatalogueTexts.helpStatusFilter, bar: false
        ) { state in
          cycleStatusFilter(&state, by: 1)
        },
        Binding(
          [.character("F")], label: CatalogueTexts.keyStatusFilter,
          help: CatalogueTexts.helpStatusFilterBack, bar: false
        ) { state in
          cycleStatusFilter(&state, by: -1)
        },
      ]
  }

  static func detailBindings(_ state: AppState) -> [Binding] {
    let scrollKeys: [Key] = [
      .down, .up, .character("j"), .character("k"), .pageDown, .pageUp, .home, .end,
    ]
    return [
      Binding(
        [.character("q"), .escape], keysLabel: "q Esc", label: CatalogueTexts.keyBack,
        help: CatalogueTexts.helpBack
      ) {
        state in
        state.catalogue.detail = nil
        return []
      }
    ]
      // Out of the bar, which at 80 columns keeps the editing keys; help lists it.
      + TrailOverlay.historyBinding(state, bar: false) { state in
        state.catalogue.detail.flatMap { state.data.service($0) }.map { ($0.name, $0.id.rawValue) }
      }
      + scrollKeys.map { key in
        Binding(
          [key], keysLabel: "↑↓", label: CatalogueTexts.keyScroll, help: Texts.helpMove, bar: false
        ) { state in
          scrollDetail(key, &state)
          return []
        }
      }
  }

  static func editBindings(inDetail: Bool) -> [Binding] {
    [
      Binding(
        [.character("n")], label: CatalogueTexts.keyNew, help: CatalogueTexts.helpNew,
        bar: !inDetail, edits: true
      ) { state in
        state.overlays.append(CatalogueForms.service(nil, state))
        return []
      },
      Binding(
        [.character("e")], label: CatalogueTexts.keyEdit, help: CatalogueTexts.helpEdit, edits: true
      ) { state in
        withCurrent(&state) { s, state in state.overlays.append(CatalogueForms.service(s, state)) }
      },
      Binding(
        [.character("t")], label: CatalogueTexts.keyStatus, help: CatalogueTexts.helpStatus,
        edits: true
      ) {
        state in
        withCurrent(&state) { s, state in state.overlays.append(CatalogueForms.status(s, state)) }
      },
      Binding(
        [.character("r")], label: CatalogueTexts.keyReport, help: CatalogueTexts.helpReport,
        edits: true
      ) {
        state in
        withCurrent(&state) { s, state in state.overlays.append(CatalogueForms.report(s, state)) }
      },
      Binding(
        [.character("l")], label: CatalogueTexts.keyResolve, help: CatalogueTexts.helpResolve,
        edits: true
      ) {
        state in
        withCurrent(&state) { s, state in
          if s.openReports.isEmpty {
            state.show(CatalogueTexts.noOpenReports)
          } else {
            state.overlays.append(CatalogueForms.resolve(s, state))
          }
        }
      },
      Binding(
        [.character("v")], label: CatalogueTexts.keyReviewed, help: CatalogueTexts.helpReviewed,
        bar: false, edits: true
      ) {
        state in
        guard let s = current(state) else { return withCurrent(&state) { _, _ in } }
        return [.perform(MarkServiceReviewed(s.id, name: s.name))]
      },
      Binding(
        [.character("d")], label: CatalogueTexts.keyRemove, help: CatalogueTexts.helpRemove,
        edits: true
      ) {
        state in
        withCurrent(&state) { s, state in
          state.overlays.append(
            ConfirmOverlay(
              title: CatalogueTexts.removeTitle,
              question: CatalogueTexts.removeQuestion(
                s.name, state.data.departmentName(s.department)),
              confirmLabel: CatalogueTexts.keyRemove,
              effects: [.perform(RemoveEService(s.id, name: s.name))], undoable: true))
        }
      },
    ]
  }

  /// Not keys: the flag letters of the list, explained in help next to the keys.
  static func flagsHelp(_ state: AppState) -> [Binding] {
    ServiceFlag.allCases.map { flag in
      Binding(
        [], keysLabel: "[\(state.t(flag.marker))]", label: CatalogueTexts.flagsHelpTitle,
        help: CatalogueTexts.flagHelp(flag), bar: false
      ) {
        _ in []
      }
    }
  }

  static func withCurrent(_ state: inout AppState, _ body: (EService, inout AppState) -> Void)
    -> [Effect]
  {
    guard let s = current(state) else {
      state.show(CatalogueTexts.nothingSelected)
      return []
    }
    body(s, &state)
    return []
  }

  static func cycleStatusFilter(_ state: inout AppState, by step: Int) -> [Effect] {
    let options: [ServiceStatus?] = [nil] + ServiceStatus.allCases.map(Optional.some)
    let i = options.firstIndex(of: state.catalogue.statusFilter) ?? 0
    state.catalogue.statusFilter = options[(i + step + options.count) % options.count]
    state.catalogue.list.selected = 0
    state.catalogue.list.top = 0
    return []
  }

  static func scrollDetail(_ key: Key, _ state: inout AppState) {
    let page = max(1, page(state))
    let lines =
      current(state).map {
        CatalogueDetail.lines(
          $0, state, width: state.width - 2, labelWidth: CatalogueDetail.labelWidth($0, state)
        ).count
      } ?? 0
    var top = state.catalogue.detailScroll
    switch key {
    case .down, .character("j"): top += 1
    case .up, .character("k"): top -= 1
    case .pageDown: top += page
    case .pageUp: top -= page
    case .home: top = 0
    case .end: top = lines
    default: break
    }
    state.catalogue.detailScroll = min(max(0, top), max(0, lines - page - 1))
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    if state.catalogue.detail != nil && !showingDetail(state) { state.catalogue.detail = nil }
    if showingDetail(state) { return nil }
    return ListKeys.filterInput(key, \.catalogue.list, &state)
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    if showingDetail(state), let s = current(state) {
      CatalogueDetail.draw(s, state, into: &frame, area: area)
      return
    }
    CatalogueTable.table(state).draw(
      CatalogueTable.rows(state), list: state.catalogue.list, state: state, into: &frame, area: area
    )
  }

  public static func status(_ state: AppState) -> String {
    if showingDetail(state), let s = current(state) {
      return "\(s.name) · \(state.t(s.status.label))"
    }
    let c = state.catalogue
    var line = ListKeys.status(
      CatalogueTable.table(state), shown: CatalogueTable.rows(state).count,
      total: state.data.catalogue.count,
      list: c.list, state: state)
    if let status = c.statusFilter {
      line += " · " + state.t(CatalogueTexts.statusFilter(state.t(status.label)))
    }
    return line
  }
}

typealias T = LocalizedText

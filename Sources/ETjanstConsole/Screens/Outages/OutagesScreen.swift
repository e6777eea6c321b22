import ETjanstDomain

/// What the outages screen remembers between frames.
public struct OutagesState {
  /// The parts of the screen. An outage under way is shown first, unless the user
  /// has chosen another part.
  public enum Mode: Equatable, Sendable {
    case routines
    case history
    case active
    case routine(EntityID<Department>)
  }

  /// The part the user chose; nil shows the outage under way, else the routines.
  public var chosen: Mode?
  /// Where a routine's page returns to with q.
  public var back: Mode?
  /// The departments' routines.
  public var list = ListState()
  /// The departments affected by the outage under way.
  public var told = ListState()
  /// Outages and drills, newest first.
  public var history: ListState = {
    var list = ListState(sortColumn: 0)
    list.sortReversed = true
    return list
  }()
  /// The first line shown of a routine's page.
  public var detailScroll = 0

  public init() {}
}

/// Avbrott & reservrutiner: each department's fallback routine, the outage under
/// way with its contact clock, and the outage log (guideline 4.3).
public enum OutagesScreen: Screen {
  typealias X = OutagesTexts

  /// A routine's page is an item; the screen's lists are the outage under way, the
  /// routines and the log.
  public static func showList(_ state: inout AppState) {
    guard case .routine = mode(state) else { return }
    state.outagesScreen.chosen =
      state.outagesScreen.back == .active ? nil : state.outagesScreen.back
  }

  public static func location(_ state: AppState) -> String {
    let s = state.outagesScreen
    return "\(mode(state))|\(s.list.filter)|\(s.told.filter)|\(s.history.filter)"
  }

  /// The part on screen: the chosen one, else the outage under way, else the routines.
  static func mode(_ state: AppState) -> OutagesState.Mode {
    let active = state.activeOutage != nil
    switch state.outagesScreen.chosen {
    case nil: return active ? .active : .routines
    case .active?: return active ? .active : .routines
    case .routine(let id)? where state.data.department(id) == nil: return .routines
    case let chosen?: return chosen
    }
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    switch mode(state) {
    // The routines' and the log's keys read the data only.
    case .routines:
      return Binding.kept("outages.routines.bindings", state, inputs: 0) {
        routineListBindings(state)
      }
    case .active: return activeBindings(state)
    case .history:
      return Binding.kept("outages.history.bindings", state, inputs: 0) { historyBindings(state) }
    case .routine(let id): return RoutineDetailView.bindings(state, id)
    }
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    switch mode(state) {
    case .routines: return ListKeys.filterInput(key, \.outagesScreen.list, &state)
    case .active: return ListKeys.filterInput(key, \.outagesScreen.told, &state)
    case .history: return ListKeys.filterInput(key, \.outagesScreen.history, &state)
    case .routine: return nil
    }
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    switch mode(state) {
    case .routines:
      OutageTables.routines(state).draw(
        OutageTables.routineRows(state), list: state.outagesScreen.list, state: state, into: &frame,
        area: area)
    case .active:
      if let outage = state.activeOutage {
        ActiveOutageView.draw(outage, state, into: &frame, area: area)
      }
    case .history:
      OutageTables.history(state).draw(
        OutageTables.historyRows(state), list: state.outagesScreen.history, state: state,
        into: &frame, area: area,
        emptyText: state.outagesScreen.history.filter.isEmpty ? X.noOutages : nil)
    case .routine(let id):
      if let department = state.data.department(id) {
        RoutineDetailView.draw(department, state, into: &frame, area: area)
      }
    }
  }

  public static func status(_ state: AppState) -> String {
    switch mode(state) {
    case .routines:
      let list = state.outagesScreen.list
      let base = ListKeys.status(
        OutageTables.routines(state), shown: OutageTables.routineRows(state).count,
        total: state.data.departments.count, list: list, state: state)
      let flagged = state.data.departments.filter { !$0.routineFlags(on: state.today).isEmpty }
        .count
      return flagged == 0 ? base : base + " · " + state.t(X.flagged(flagged))
    case .active:
      guard let o = state.activeOutage else { return "" }
      let affected = state.data.affectedDepartments(o)
      let told = affected.filter { o.notice(for: $0.id) != nil }.count
      return state.t(
        X.activeStatus(X.clock(o.start, today: state.today), told, affected.count, drill: o.isDrill)
      )
    case .history:
      return ListKeys.status(
        OutageTables.history(state), shown: OutageTables.historyRows(state).count,
        total: state.data.outages.count,
        list: state.outagesScreen.history, state: state)
    case .routine(let id):
      return state.data.departmentName(id)
    }
  }

  // MARK: - Bindings of each part

  static func routineListBindings(_ state: AppState) -> [Binding] {
    let selected: (AppState) -> Department? = { s in
      s.outagesScreen.list.pick(OutageTables.routineRows(s))
    }
    var keys = [
      Binding([.enter], label: X.keyOpen, help: X.helpOpenRoutine) { s in
        guard let d = selected(s) else { return [] }
        open(d.id, from: .routines, &s)
        return []
      },
      Binding([.character("e")], label: X.keyEdit, help: X.helpEdit, edits: true) { s in
        guard let d = selected(s) else { return [] }
        s.overlays.append(OutageForms.routine(d, s))
        return []
      },
      Binding([.character("n")], label: X.keyDeclare, help: X.helpDeclare, edits: true) { s in
        s.outagesScreen.chosen = nil
        s.overlays.append(OutageForms.declare(s, drillOf: nil))
        return []
      },
      Binding([.character("N")], label: X.keyDrill, help: X.helpDrill, edits: true) { s in
        s.outagesScreen.chosen = nil
        s.overlays.append(OutageForms.declare(s, drillOf: selected(s)))
        return []
      },
      Binding([.character("h")], label: X.keyHistory, help: X.helpHistory) { s in
        s.outagesScreen.chosen = .history
        return []
      },
    ]
    if state.activeOutage != nil {
      keys.insert(
        Binding([.character("o"), .character("q")], label: X.keyActive, help: X.helpActive) { s in
          s.outagesScreen.chosen = nil
          return []
        }, at: 0)
    }
    return keys
      + ListKeys.bindings(
        \.outagesScreen.list, columns: { OutageTables.routines($0).columns.count },
        count: { OutageTables.routineRows($0).count }, page: { $0.height - 5 })
  }

  static func activeBindings(_ state: AppState) -> [Binding] {
    guard let outage = state.activeOutage else { return [] }
    let selected: (AppState) -> Department? = { s in
      s.outagesScreen.told.pick(OutageTables.toldRows(s, outage))
    }
    return [
      Binding([.character("c")], label: X.keyContact, help: X.helpContact, edits: true) { s in
        s.overlays.append(OutageForms.contact(outage, s))
        return []
      }.remedying(.recordOutageContact).doing(.recordContact),
      Binding([.character("t")], label: X.keyTold, help: X.helpTold, edits: true) { s in
        guard let d = selected(s) else { return [] }
        return [.perform(NotifyDepartment(outage: outage.id, department: d.id, at: s.now))]
      }.doing(.markTold),
      Binding([.enter], label: X.keyOpen, help: X.helpOpenRoutine) { s in
        guard let d = selected(s) else { return [] }
        open(d.id, from: .active, &s)
        return []
      }.doing(.open),
      Binding([.character("x")], label: X.keyResolve, help: X.helpResolve, edits: true) { s in
        // Departments never told: ask first, naming them (4.3).
        let untold = s.data.untoldDepartments(outage).map(\.id)
        guard !untold.isEmpty else {
          s.overlays.append(OutageForms.resolve(outage, s))
          return []
        }
        s.overlays.append(
          ConfirmOverlay(
            title: X.resolveTitle, question: X.untoldQuestion(s.data.neverToldText(untold)),
            confirmLabel: X.resolveAnyway, effects: [], yesNo: true
          ) { s in s.overlays.append(OutageForms.resolve(outage, s, neverTold: untold)) })
        return []
      }.doing(.resolveOutage),
      Binding([.character("r")], label: X.keyRoutines, help: X.helpRoutines) { s in
        s.outagesScreen.chosen = .routines
        return []
      },
      Binding([.character("h")], label: X.keyHistory, help: X.helpHistory) { s in
        s.outagesScreen.chosen = .history
        return []
      },
    ]
      + ListKeys.bindings(
        \.outagesScreen.told, columns: { _ in 3 },
        count: { OutageTables.toldRows($0, outage).count },
        page: { $0.height - 16 })
  }

  static func historyBindings(_ state: AppState) -> [Binding] {
    [
      Binding([.enter], label: X.keyDetails, help: X.helpDetails) { s in
        guard let o = s.outagesScreen.history.pick(OutageTables.historyRows(s)) else { return [] }
        s.overlays.append(
          MessageOverlay(title: o.isDrill ? X.drill : X.outage, text: X.details(o, s.data)))
        return []
      },
      Binding([.character("r")], label: X.keyRoutines, help: X.helpRoutines) { s in
        s.outagesScreen.chosen = .routines
        return []
      },
      Binding([.character("q")], label: X.keyBack, help: X.keyBack) { s in
        s.outagesScreen.chosen = nil
        return []
      },
    ]
      + ListKeys.bindings(
        \.outagesScreen.history, columns: { OutageTables.history($0).columns.count },
        count: { OutageTables.historyRows($0).count }, page: { $0.height - 5 })
  }

  static func open(
    _ department: EntityID<Department>, from: OutagesState.Mode, _ state: inout AppState
  ) {
    state.outagesScreen.back = from
    state.outagesScreen.chosen = .routine(department)
    state.outagesScreen.detailScroll = 0
  }
}

import ETjanstDomain
import Foundation

/// The three lists of the outages screen: the departments' routines, the
/// departments affected by the outage under way, and the history of outages.
enum OutageTables {
  typealias X = OutagesTexts

  /// A routine's flags in one cell, readable without colour: "ok" or "! GRANSKA, ALDRIG TESTAD".
  static func flagText(_ flags: [RoutineFlag], _ language: Language) -> String {
    guard !flags.isEmpty else { return X.ok(language) }
    return "! " + flags.map { String($0.label(language).dropFirst(2)) }.joined(separator: ", ")
  }

  static func flagRole(_ flags: [RoutineFlag]) -> Theme.Role? {
    if flags.contains(.missing) { return .danger }
    return flags.isEmpty ? .ok : .warning
  }

  // MARK: - Routines

  static func routines(_ state: AppState) -> Table<Department> {
    let today = state.today
    let l = state.language
    return Table(
      columns: [
        Column(X.department, width: 22, flexible: true) { $0.name },
        Column(X.status, width: 24, style: { flagRole($0.routineFlags(on: today)) }) {
          flagText($0.routineFlags(on: today), l)
        },
        Column(X.responsible, width: 14, priority: 1) { $0.fallbackRoutine?.responsible ?? "" },
        Column(X.reviewed, width: 10, priority: 2) { Format.day($0.fallbackRoutine?.lastReviewed) },
        Column(X.tested, width: 10, priority: 3) { Format.day($0.fallbackRoutine?.lastTested) },
      ],
      searchText: { "\($0.name) \($0.fallbackRoutine?.responsible ?? "")" })
  }

  static func routineRows(_ state: AppState) -> [Department] {
    state.derived("outages.routines", inputs: state.outagesScreen.list.order) {
      routines(state).visibleRows(state.data.departments, state.outagesScreen.list)
    }
  }

  // MARK: - Departments of the outage under way

  static func told(_ state: AppState, _ outage: Outage) -> Table<Department> {
    let l = state.language
    let today = state.today
    return Table(
      columns: [
        Column(X.department, width: 26, flexible: true) { $0.name },
        Column(X.told, width: 11) { d in
          outage.notice(for: d.id).map { "[x] " + X.clock($0.at, today: today) } ?? "[ ]"
        },
        Column(
          X.status, width: 30, flexible: true, priority: 1,
          style: { $0.fallbackRoutine == nil ? .danger : nil }
        ) { d in
          guard let steps = d.fallbackRoutine?.steps else { return RoutineFlag.missing.label(l) }
          return steps.split(separator: "\n").first.map(String.init) ?? ""
        },
      ],
      searchText: { $0.name })
  }

  static func toldRows(_ state: AppState, _ outage: Outage) -> [Department] {
    state.derived("outages.told", inputs: Both(state.outagesScreen.told.order, outage.id)) {
      told(state, outage).visibleRows(
        state.data.affectedDepartments(outage), state.outagesScreen.told)
    }
  }

  // MARK: - History

  static func history(_ state: AppState) -> Table<Outage> {
    let m = state.data
    let l = state.language
    let limit = TimeInterval(m.outageContactLimitMinutes * 60)
    return Table(
      columns: [
        Column(
          X.start, width: Format.dateTimeWidth, sortKey: { .number($0.start.timeIntervalSince1970) }
        ) {
          Format.dateTime($0.start)
        },
        Column(X.kind, width: 7) { ($0.isDrill ? X.drill : X.outage)(l) },
        Column(
          X.toContact, width: 12,
          style: { o in
            o.timeToContact.map { $0 > limit ? .danger : nil } ?? (o.isActive ? .warning : nil)
          },
          sortKey: { .number($0.timeToContact ?? .infinity) }
        ) { o in
          guard let t = o.timeToContact else { return o.isActive ? X.underWay(l) : "–" }
          return (t > limit ? "! " : "") + X.minutes(t)
        },
        Column(X.toEnd, width: 11, sortKey: { .number($0.timeToEnd ?? .infinity) }) { o in
          o.timeToEnd.map(X.minutes) ?? X.underWay(l)
        },
        Column(X.scope, width: 16, flexible: true, priority: 2) { X.scopeText($0.scope, m)(l) },
        Column(X.cause, width: 20, flexible: true, priority: 1) {
          $0.cause.split(separator: "\n").first.map(String.init) ?? ""
        },
      ],
      searchText: { "\($0.observed) \($0.cause) \(X.scopeText($0.scope, m)(l))" })
  }

  static func historyRows(_ state: AppState) -> [Outage] {
    state.derived("outages.history", inputs: state.outagesScreen.history.order) {
      history(state).visibleRows(state.data.outages, state.outagesScreen.history)
    }
  }
}

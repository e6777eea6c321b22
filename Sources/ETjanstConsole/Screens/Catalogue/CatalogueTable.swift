import ETjanstDomain

/// The catalogue list: its columns, which fit the width (low-priority ones drop out
/// first), sort in Swedish order and feed the live filter.
enum CatalogueTable {
  /// The table, made once per data, day and language (its cells read nothing else): the
  /// frame, the status line and the sort key each ask for it.
  static func table(_ state: AppState) -> Table<EService> {
    state.derived("catalogue.table", inputs: 0) { makeTable(state) }
  }

  static func makeTable(_ state: AppState) -> Table<EService> {
    let m = state.data
    let today = state.today
    let language = state.language
    let t = state.t
    let flags = state.derived("catalogue.flags", inputs: 0) { FlagMemo() }
    return Table(
      columns: [
        Column(CatalogueTexts.name, width: 22, flexible: true) { $0.name },
        Column(CatalogueTexts.department, width: 14, flexible: true) {
          m.departmentName($0.department)
        },
        Column(
          CatalogueTexts.status, width: 17, style: statusRole,
          sortKey: { .number(Double($0.status.order)) }
        ) { t($0.status.label) },
        Column(CatalogueTexts.owner, width: 14, priority: 2) {
          m.personShortName($0.roles.serviceOwner)
        },
        Column(CatalogueTexts.audience, width: 8, priority: 3) { t($0.audience.label) },
        Column(CatalogueTexts.reviewed, width: 10, priority: 4) { Format.day($0.lastReviewed) },
        Column(CatalogueTexts.category, width: 24, priority: 5) { $0.category },
        Column(
          CatalogueTexts.flags, width: 7,
          style: { flags.of($0, in: m, today: today).isEmpty ? nil : .warning },
          sortKey: { .number(Double(flags.of($0, in: m, today: today).count)) }
        ) { markers(flags.of($0, in: m, today: today), language) },
      ],
      searchText: { searchText($0, m, language) })
  }

  /// Each e-service's flags, worked out when a row first needs them and kept until the
  /// data or the day changes (`AppState.derived`): a frame asks twice for each row.
  final class FlagMemo {
    private var known: [EntityID<EService>: [ServiceFlag]] = [:]

    func of(_ s: EService, in m: Municipality, today: Day) -> [ServiceFlag] {
      if let flags = known[s.id] { return flags }
      let flags = m.flags(of: s, today: today)
      known[s.id] = flags
      return flags
    }
  }

  /// The flags as their letters, e.g. "G R".
  static func markers(_ flags: [ServiceFlag], _ language: Language) -> String {
    flags.map { $0.marker(language) }.joined(separator: " ")
  }

  /// What `/` searches: name, department, category, status, audience and everyone
  /// named in a role.
  static func searchText(_ s: EService, _ m: Municipality, _ language: Language) -> String {
    ([
      s.name, m.departmentName(s.department), s.category, s.status.label(language),
      s.audience.label(language),
    ]
      + s.people.map { m.personName($0.person) }).joined(separator: " ")
  }

  static func statusRole(_ s: EService) -> Theme.Role? {
    switch s.status {
    case .published: return .ok
    case .revisionNeeded: return .warning
    case .unpublished: return .muted
    default: return nil
    }
  }

  /// The rows the list shows: the status filter, then the live filter and sort.
  static func rows(_ state: AppState) -> [EService] {
    let c = state.catalogue
    return state.derived(
      "catalogue", inputs: Both(c.list.order, c.statusFilter)
    ) {
      let services = state.data.catalogue.filter {
        c.statusFilter == nil || $0.status == c.statusFilter
      }
      return table(state).visibleRows(services, c.list)
    }
  }
}

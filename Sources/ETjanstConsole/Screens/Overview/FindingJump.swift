import ETjanstDomain

/// The overview's Enter: goes to what a finding is about, not merely to its screen.
/// Whatever would hide the item there (a filter, a status filter, another
/// department chosen) is cleared, never set, the item is selected and opened; the
/// jump is one step of `Navigation`, whose q puts the user's own filters back.
enum FindingJump {
  static func open(_ finding: Finding, _ state: inout AppState) {
    switch finding.target {
    case .service(let id): openService(id, &state)
    case .staff(let id): openPerson(id, &state)
    case .department(let id):
      state.screen = .outages
      OutagesScreen.open(id, from: .routines, &state)
    case .order(let id): openOrder(id, &state)
    case .outage(let id):
      state.screen = .outages
      state.outagesScreen.chosen = state.data.outages[id: id]?.isActive == true ? nil : .history
    case .contacts: AdminView.open(&state, section: .contacts)
    case .users: AdminView.open(&state, section: .users)
    case nil: state.screen = OverviewScreen.screen(for: finding.section)
    }
  }

  static func openService(_ id: EntityID<EService>, _ state: inout AppState) {
    state.screen = .catalogue
    state.catalogue.list = clearedFilter(state.catalogue.list)
    state.catalogue.statusFilter = nil
    if let i = CatalogueTable.rows(state).firstIndex(where: { $0.id == id }) {
      state.catalogue.list.selected = i
    }
    state.catalogue.detail = state.data.service(id) == nil ? nil : id
    state.catalogue.detailScroll = 0
  }

  static func openPerson(_ id: EntityID<StaffMember>, _ state: inout AppState) {
    guard let person = state.data.staffMember(id) else { return }
    state.screen = .staff
    // A department chosen that hides the person is let go (all the user may see);
    // none is chosen for them, so the list they come back to is not narrowed.
    if let shown = StaffScreen.department(state), shown != person.department {
      state.staffScreen.department = nil
      state.staffScreen.departmentChosen = false
    }
    state.staffScreen.list = clearedFilter(state.staffScreen.list)
    if let i = StaffListView.rows(state).firstIndex(where: { $0.id == id }) {
      state.staffScreen.list.selected = i
    }
    StaffScreen.open(person, from: .list, &state)
  }

  static func openOrder(_ id: EntityID<ServiceOrder>, _ state: inout AppState) {
    state.screen = .orders
    state.ordersScreen.list = clearedFilter(state.ordersScreen.list)
    OrdersScreen.reveal(id, &state)
    state.ordersScreen.opened = state.data.orders[id: id] == nil ? nil : id
    state.ordersScreen.comment = 0
  }

  /// The list without its filter, keeping its sort.
  static func clearedFilter(_ list: ListState) -> ListState {
    var list = list
    list.filter = ""
    list.filtering = false
    list.selected = 0
    list.top = 0
    return list
  }
}

import ETjanstDomain

/// The staff list of the Personal screen: who, their status, their checklist and
/// their open cases, narrowed to one department.
enum StaffListView {
  static func table(_ state: AppState) -> Table<StaffMember> {
    let m = state.data
    let today = state.today
    return Table(
      columns: [
        Column(StaffTexts.name, width: 20, flexible: true) { $0.name },
        Column(StaffTexts.login, width: 10, priority: 2) { $0.login },
        Column(StaffTexts.department, width: 18, priority: 3) { m.departmentName($0.department) },
        Column(StaffTexts.status, width: 12) {
          state.t(StaffTexts.status($0.status(on: state.today, state.data.settings)))
        },
        Column(StaffTexts.ends, width: 10, priority: 1) { $0.endDate?.description ?? "" },
        Column(
          StaffTexts.checklist, width: 13,
          style: { checklistText($0, today, state).contains("!") ? .danger : nil }
        ) {
          checklistText($0, today, state)
        },
        Column(
          StaffTexts.openCases, width: 6, alignRight: true,
          sortKey: { .number(Double(m.openCaseCount(of: $0.id))) }
        ) { p in
          let n = m.openCaseCount(of: p.id)
          return n == 0 ? "" : "\(n)"
        },
      ],
      searchText: {
        // The manager is a login: a user's name is found without scanning the staff.
        "\($0.name) \($0.login) \($0.manager) \(m.user(login: $0.manager)?.name ?? "")"
      })
  }

  /// "4.2 1/4 !" for a leaver behind schedule: the checklist that matters now.
  static func checklistText(_ p: StaffMember, _ today: Day, _ state: AppState) -> String {
    guard
      let (section, list) = p.offboardingChecklist(on: today, state.data.settings).map({
        ("4.2", $0)
      })
        ?? p.onboarding.map({ ("4.1", $0) })
    else { return "" }
    if list.isComplete { return "\(section) ✓" }
    return "\(section) \(list.doneCount)/\(list.items.count)"
      + (list.isOverdue(on: today) ? " !" : "")
  }

  static func rows(_ state: AppState) -> [StaffMember] {
    let list = state.staffScreen.list
    let department = StaffScreen.department(state)
    // Sorted once per department and order, apart from the filter: each letter typed
    // into the filter then filters the sorted rows instead of sorting 10,000 again.
    var unfiltered = list
    unfiltered.filter = ""
    let sorted = state.derived(
      "staff.sorted", inputs: Both(unfiltered.order, department)
    ) {
      // Sorted by name, the list's own order needs no sorting first (ties keep it
      // either way); by another column, ties stay in name order.
      let base =
        list.sortColumn == 0
        ? state.data.staff.filter { department == nil || $0.department == department }
        : state.data.staff(in: department)
      return table(state).visibleRows(base, unfiltered)
    }
    guard !list.filter.isEmpty else { return sorted }
    let texts = state.derived(
      "staff.search", inputs: Both(unfiltered.order, department)
    ) { table(state).searchable(sorted) }
    return state.derived("staff", inputs: Both(list.order, department)) {
      table(state).filtered(sorted, list, texts: texts)
    }
  }

  static func bindings(_ state: AppState) -> [Binding] {
    [
      Binding([.enter], label: StaffTexts.keyOpen, help: StaffTexts.helpOpen) { state in
        guard let person = state.staffScreen.list.pick(rows(state)) else { return [] }
        StaffScreen.open(person, from: .list, &state)
        return []
      },
      Binding([.character("a")], label: StaffTexts.keyAccess, help: StaffTexts.helpAccess) {
        state in
        state.staffScreen.mode = .access
        return []
      },
    ]
      + StaffScreen.departmentBinding(state) + [
        Binding(
          [.character("n")], label: StaffTexts.keyNew, help: StaffTexts.helpNewStaff, edits: true
        ) { state in
          StaffForms.newStaff(&state)
        }
      ]
      + RequestForms.binding(state, "b", help: RequestTexts.helpNewEmployee) { state in
        RequestForms.newEmployee(&state)
      }
      + ListKeys.bindings(
        \.staffScreen.list, columns: { table($0).columns.count }, count: { rows($0).count },
        page: { $0.height - 6 })
  }

  static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let (head, body) = area.splitTop(1)
    frame.put(
      " " + StaffScreen.departmentName(state), x: head.x, y: head.y,
      style: state.theme.style(.accent), maxWidth: head.width)
    table(state).draw(
      rows(state), list: state.staffScreen.list, state: state, into: &frame, area: body)
  }

  /// How many the department has: counted, not sorted (the status line asks every frame).
  static func total(_ state: AppState) -> Int {
    let department = StaffScreen.department(state)
    return department.map { d in state.data.staff.lazy.filter { $0.department == d }.count }
      ?? state.data.staff.count
  }

  static func status(_ state: AppState) -> String {
    ListKeys.status(
      table(state), shown: rows(state).count,
      total: total(state),
      list: state.staffScreen.list, state: state)
  }
}

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
        Column(StaffTexts.status, width: 12) { state.t(StaffTexts.status($0.status)) },
        Column(StaffTexts.ends, width: 10, priority: 1) { $0.endDate?.description ?? "" },
        Column(
          StaffTexts.checklist, width: 13,
          style: { checklistText($0, today, state).contains("!") ? .danger : nil }
        ) {
          checklistText($0, today, state)
        },
        Column(
          StaffTexts.openCases, width: 6, alignRight: true,
          sortKey: { .number(Double(m.openCases(of: $0.id).count)) }
        ) { p in
          let n = m.openCases(of: p.id).count
          return n == 0 ? "" : "\(n)"
        },
      ],
      searchText: { "\($0.name) \($0.login) \($0.manager)" })
  }

  /// "4.2 1/4 !" for a leaver behind schedule: the checklist that matters now.
  static func checklistText(_ p: StaffMember, _ today: Day, _ state: AppState) -> String {
    guard
      let (section, list) = p.offboarding.map({ ("4.2", $0) }) ?? p.onboarding.map({ ("4.1", $0) })
    else { return "" }
    if list.isComplete { return "\(section) ✓" }
    return "\(section) \(list.doneCount)/\(list.items.count)"
      + (list.isOverdue(on: today) ? " !" : "")
  }

  static func rows(_ state: AppState) -> [StaffMember] {
    table(state).visibleRows(
      state.data.staff(in: StaffScreen.department(state)), state.staffScreen.list)
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
      + ListKeys.bindings(
        \.staffScreen.list, columns: table(state).columns.count, count: { rows($0).count },
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

  static func status(_ state: AppState) -> String {
    ListKeys.status(
      table(state), shown: rows(state).count,
      total: state.data.staff(in: StaffScreen.department(state)).count,
      list: state.staffScreen.list, state: state)
  }
}

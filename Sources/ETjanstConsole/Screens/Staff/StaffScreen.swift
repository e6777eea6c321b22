import ETjanstDomain

/// What the staff screen remembers between frames.
public struct StaffState {
  /// The staff list, one person, or the access matrix.
  public enum Mode: Sendable { case list, person, access }

  public var mode: Mode = .list
  public var list = ListState()
  /// The person open in `.person`.
  public var person: EntityID<StaffMember>?
  /// The selected line (checklist step, access, case) of the person view.
  public var personSelected = 0
  /// Where the person view returns to: the list or the matrix it was opened from.
  public var returnMode: Mode = .list
  public var matrix = ListState()
  /// The e-service column chosen in the matrix, counted over all its services.
  public var matrixColumn = 0
  /// The people marked in the matrix (`m`), whom its column key grants or ends.
  public var marked: Set<EntityID<StaffMember>> = []
  /// The department shown, once the user has chosen one with `f`; until then a
  /// manager sees their own department and the e-coordinator all.
  public var department: EntityID<Department>?
  public var departmentChosen = false

  public init() {}
}

/// Personal: staff, their access, checklists and cases (guideline 4.1 and 4.2).
/// Three views: the staff list, one person (checklists, access, cases) and the
/// access matrix of a department (staff × e-services and signing).
public enum StaffScreen: Screen {
  public static func showList(_ state: inout AppState) { state.staffScreen.mode = .list }

  public static func location(_ state: AppState) -> String {
    let s = state.staffScreen
    return "\(s.mode)|\(s.mode == .person ? s.person?.rawValue ?? "" : "")|"
      + "\(department(state)?.rawValue ?? "")|\(s.list.filter)|\(s.matrix.filter)"
  }

  /// Opens a manager on their own department's access matrix: their staff, which
  /// e-service each can reach and who can sign, on one screen. The executable
  /// calls this at start for a manager's login; the e-coordinator is unaffected.
  public static func prepareForManager(_ state: inout AppState) {
    guard let department = state.user.role.department else { return }
    state.screen = .staff
    state.staffScreen.department = department
    state.staffScreen.departmentChosen = true
    state.staffScreen.mode = .access
  }

  /// The department whose staff are shown; nil for all.
  static func department(_ state: AppState) -> EntityID<Department>? {
    state.staffScreen.departmentChosen ? state.staffScreen.department : state.user.role.department
  }

  static func departmentName(_ state: AppState) -> String {
    department(state).map { state.data.departmentName($0) } ?? state.t(StaffTexts.allDepartments)
  }

  /// The departments the user may choose between, in name order, then "all" when
  /// they may see every department (`Visibility`).
  /// Kept until the data changes: the list's keys ask for it on every key.
  static func choosableDepartments(_ state: AppState) -> [EntityID<Department>?] {
    state.derived("staff.departments", inputs: 0) {
      state.visibility.departments(in: state.data).sortedSwedish { $0.name }.map(\.id)
        as [EntityID<Department>?] + (state.visibility.seesEverything ? [nil] : [])
    }
  }

  /// Steps through the departments the user may choose between.
  static func nextDepartment(_ state: inout AppState) {
    let ids = choosableDepartments(state)
    guard !ids.isEmpty else { return }
    let current = ids.firstIndex { $0 == department(state) } ?? ids.count - 1
    state.staffScreen.department = ids[(current + 1) % ids.count]
    state.staffScreen.departmentChosen = true
    state.staffScreen.list.selected = 0
    state.staffScreen.matrix.selected = 0
    state.staffScreen.matrixColumn = 0
  }

  static func open(_ person: StaffMember, from mode: StaffState.Mode, _ state: inout AppState) {
    state.staffScreen.person = person.id
    state.staffScreen.personSelected = 0
    state.staffScreen.returnMode = mode
    state.staffScreen.mode = .person
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    switch state.staffScreen.mode {
    case .list:
      // The list's keys read the data and the user (a manager's request key) only.
      return Binding.kept("staff.list.bindings", state, inputs: RequestForms.files(state)) {
        StaffListView.bindings(state)
      }
    case .person: return StaffPersonView.bindings(state)
    case .access:
      // The matrix's keys read the department shown (how many columns it has).
      return Binding.kept(
        "staff.access.bindings", state, inputs: StaffScreen.department(state)
      ) { AccessMatrixView.bindings(state) }
    }
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    switch state.staffScreen.mode {
    case .list: return ListKeys.filterInput(key, \.staffScreen.list, &state)
    case .access: return ListKeys.filterInput(key, \.staffScreen.matrix, &state)
    case .person: return nil
    }
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    switch state.staffScreen.mode {
    case .list: StaffListView.draw(state, into: &frame, area: area)
    case .person: StaffPersonView.draw(state, into: &frame, area: area)
    case .access: AccessMatrixView.draw(state, into: &frame, area: area)
    }
  }

  public static func status(_ state: AppState) -> String {
    switch state.staffScreen.mode {
    case .list: return StaffListView.status(state)
    case .person: return StaffPersonView.status(state)
    case .access: return AccessMatrixView.status(state)
    }
  }

  /// Keys shared by the views: the department switch and going back.
  /// Offered only where there is more than one department to choose.
  static func departmentBinding(_ state: AppState) -> [Binding] {
    guard choosableDepartments(state).count > 1 else { return [] }
    return [
      Binding([.character("f")], label: StaffTexts.keyDepartment, help: StaffTexts.helpDepartment) {
        state in
        nextDepartment(&state)
        return []
      }
    ]
  }
}

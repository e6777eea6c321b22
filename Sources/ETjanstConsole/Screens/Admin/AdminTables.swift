import ETjanstDomain

/// The lists of the administration: departments and users.
enum AdminTables {
  static func departments(_ state: AppState) -> Table<Department> {
    let m = state.data
    func count(_ n: Int) -> String { n == 0 ? "" : "\(n)" }
    return Table(
      columns: [
        Column(AdminTexts.name, width: 24, flexible: true) { $0.name },
        Column(AdminTexts.services, width: 10, alignRight: true) { d in
          count(m.services.filter { $0.department == d.id }.count)
        },
        Column(AdminTexts.staff, width: 8, priority: 1, alignRight: true) { d in
          count(m.staff.filter { $0.department == d.id && $0.status != .removed }.count)
        },
        Column(AdminTexts.managers, width: 6, priority: 2, alignRight: true) { d in
          count(m.users.filter { $0.role.department == d.id }.count)
        },
        Column(
          AdminTexts.routine, width: 11,
          style: { $0.fallbackRoutine == nil ? .warning : nil }
        ) {
          state.t($0.fallbackRoutine == nil ? AdminTexts.routineMissing : AdminTexts.routineThere)
        },
      ],
      searchText: { $0.name })
  }

  static func departmentRows(_ state: AppState) -> [Department] {
    state.derived("admin.departments", inputs: state.overview.admin.departments.order) {
      departments(state).visibleRows(state.data.departments, state.overview.admin.departments)
    }
  }

  static func selectedDepartment(_ state: AppState) -> Department? {
    state.overview.admin.departments.pick(departmentRows(state))
  }

  static func roleText(_ role: Role, _ state: AppState) -> String {
    switch role {
    case .eCoordinator: return state.t(AdminTexts.coordinatorRole)
    case .manager(let d): return state.t(AdminTexts.managerRole(state.data.departmentName(d)))
    }
  }

  static func users(_ state: AppState) -> Table<User> {
    Table(
      columns: [
        Column(AdminTexts.login, width: 14) { $0.login },
        Column(AdminTexts.name, width: 20, flexible: true) {
          $0.name + ($0.login == state.user.login ? state.t(AdminTexts.you) : "")
        },
        Column(AdminTexts.role, width: 30, flexible: true) { roleText($0.role, state) },
      ],
      searchText: { "\($0.login) \($0.name) \(roleText($0.role, state))" })
  }

  static func userRows(_ state: AppState) -> [User] {
    state.derived("admin.users", inputs: state.overview.admin.users.order) {
      users(state).visibleRows(state.data.users, state.overview.admin.users)
    }
  }

  static func selectedUser(_ state: AppState) -> User? {
    state.overview.admin.users.pick(userRows(state))
  }

  /// One row of the limits: a number the guideline leaves to the municipality, or one
  /// of the mail settings, with what it allows or means empty. A table like the
  /// others, so the list scrolls and fits the width when the rows outgrow the screen.
  struct LimitRow {
    var label: String
    var value: String
    var note: String

    static func all(_ state: AppState) -> [LimitRow] {
      let settings = state.data.settings
      let numbers = Settings.limits.map { limit in
        LimitRow(
          label: state.t(AdminTexts.limitLabel(limit.label, section: limit.section)),
          value: state.t(limit.unit.count(settings[keyPath: limit.path])),
          note: state.t(AdminTexts.allowed(limit.allowed)))
      }
      let texts = Settings.textSettings.map { field in
        let value = settings[keyPath: field.keyPath]
        return LimitRow(
          label: state.t(field.label),
          value: value.isEmpty ? state.t(AdminTexts.missing) : value,
          note: AdminTexts.textSettingHints[field.name].map(state.t) ?? "")
      }
      return numbers + texts
    }
  }

  static func limits(_ state: AppState) -> Table<LimitRow> {
    Table(
      columns: [
        Column(AdminTexts.limitHeading, width: 30, flexible: true) { $0.label },
        Column(AdminTexts.limitValue, width: 12, flexible: true) { $0.value },
        Column(AdminTexts.limitNote, width: 16, priority: 1) { $0.note },
      ],
      searchText: { "\($0.label) \($0.value)" })
  }

  static func limitRows(_ state: AppState) -> [LimitRow] {
    state.derived("admin.limits", inputs: state.overview.admin.limits.order) {
      limits(state).visibleRows(LimitRow.all(state), state.overview.admin.limits)
    }
  }
}

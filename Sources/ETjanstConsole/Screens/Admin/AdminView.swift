import ETjanstDomain

/// What the administration remembers between frames.
public struct AdminState {
  public enum Section: Int, CaseIterable, Sendable { case contacts, departments, users, limits }

  /// Shown in place of the overview while open.
  public var isOpen = false
  public var section: Section = .contacts
  public var departments = ListState()
  public var users = ListState()
  /// In the declared order (no sort column): the limits stand in the guideline's
  /// order, the mail settings after them.
  public var limits = ListState(sortColumn: -1)

  public init() {}
}

/// Inställningar: the municipality's standing data — whom to call (5, 4.3), the
/// departments, who may log in, and the limits of `Settings`. A sub-view of the
/// overview (`i`, or `:inställningar`); the e-coordinator edits, a manager may look.
public enum AdminView {
  /// Opens the administration; on an empty store it starts where setting up starts.
  public static func open(_ state: inout AppState, section: AdminState.Section? = nil) {
    state.screen = .overview
    state.overview.admin.isOpen = true
    state.overview.admin.section =
      section ?? (state.data.departments.isEmpty ? .departments : .contacts)
  }

  /// The key on the overview that opens it.
  static var openBinding: Binding {
    Binding([.character("i")], label: AdminTexts.keyOpen, help: AdminTexts.helpOpen) { state in
      open(&state)
      return []
    }
  }

  /// `:inställningar` on the command line.
  static var command: ConsoleCommand {
    ConsoleCommand(.settings, help: AdminTexts.commandHelp) {
      _, state in
      open(&state)
      return []
    }
  }

  static func title(_ section: AdminState.Section) -> LocalizedText {
    switch section {
    case .contacts: return AdminTexts.contacts
    case .departments: return AdminTexts.departments
    case .users: return AdminTexts.users
    case .limits: return AdminTexts.limits
    }
  }

  static func listPath(_ section: AdminState.Section) -> WritableKeyPath<AppState, ListState>? {
    switch section {
    case .departments: return \.overview.admin.departments
    case .users: return \.overview.admin.users
    case .limits: return \.overview.admin.limits
    default: return nil
    }
  }

  // MARK: - Keys

  static func bindings(_ state: AppState) -> [Binding] {
    let admin = state.overview.admin
    let count = AdminState.Section.allCases.count
    var out = [
      Binding(
        [.right, .character("l")], keysLabel: "←→", label: AdminTexts.keyNextSection,
        help: AdminTexts.helpSections, bar: false
      ) { state in
        state.overview.admin.section = .init(rawValue: (admin.section.rawValue + 1) % count)!
        return []
      }.doing(.switchPart),
      Binding(
        [.left, .character("h")], keysLabel: "←→", label: AdminTexts.keyPreviousSection,
        help: AdminTexts.helpSections, bar: false
      ) { state in
        state.overview.admin.section = .init(
          rawValue: (admin.section.rawValue + count - 1) % count)!
        return []
      },
    ]
    switch admin.section {
    case .contacts:
      out.append(
        Binding(
          [.character("e"), .enter], label: AdminTexts.keyEdit, help: AdminTexts.helpEditContacts,
          edits: true, action: AdminForms.editContacts))
    case .departments:
      out += [
        Binding(
          [.character("n")], label: AdminTexts.keyNew, help: AdminTexts.helpNewDepartment,
          edits: true, action: AdminForms.newDepartment
        ).doing(.new),
        Binding(
          [.character("e"), .enter], label: AdminTexts.keyEdit,
          help: AdminTexts.helpRenameDepartment, edits: true, action: AdminForms.renameDepartment),
        Binding(
          [.character("d")], label: AdminTexts.keyRemove, help: AdminTexts.helpRemoveDepartment,
          edits: true, action: AdminForms.removeDepartment),
      ]
      out += ListKeys.bindings(
        \.overview.admin.departments, columns: { AdminTables.departments($0).columns.count },
        count: { AdminTables.departmentRows($0).count }, page: page)
    case .users:
      out += [
        Binding(
          [.character("n")], label: AdminTexts.keyNew, help: AdminTexts.helpNewUser, edits: true,
          action: AdminForms.newUser),
        Binding(
          [.character("e"), .enter], label: AdminTexts.keyEdit, help: AdminTexts.helpEditUser,
          edits: true, action: AdminForms.editUser),
        Binding(
          [.character("d")], label: AdminTexts.keyRemove, help: AdminTexts.helpRemoveUser,
          edits: true, action: AdminForms.removeUser),
      ]
      out += ListKeys.bindings(
        \.overview.admin.users, columns: { AdminTables.users($0).columns.count },
        count: { AdminTables.userRows($0).count }, page: page)
    case .limits:
      out.append(
        Binding(
          [.character("e"), .enter], label: AdminTexts.keyEdit, help: AdminTexts.helpEditLimits,
          edits: true, action: AdminForms.editLimits))
      out += ListKeys.bindings(
        \.overview.admin.limits, columns: { AdminTables.limits($0).columns.count },
        count: { AdminTables.limitRows($0).count }, page: page)
    }
    out.append(
      Binding([.character("q"), .escape], label: AdminTexts.keyBack, help: AdminTexts.helpBack) {
        state in
        state.overview.admin.isOpen = false
        return []
      })
    return out
  }

  static func page(_ state: AppState) -> Int { max(1, state.height - 7) }

  static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    guard let path = listPath(state.overview.admin.section) else { return nil }
    return ListKeys.filterInput(key, path, &state)
  }

  static func status(_ state: AppState) -> String {
    switch state.overview.admin.section {
    case .contacts: return state.t(AdminTexts.contactsStatus)
    case .departments:
      return ListKeys.status(
        AdminTables.departments(state), shown: AdminTables.departmentRows(state).count,
        total: state.data.departments.count, list: state.overview.admin.departments, state: state)
    case .users:
      return ListKeys.status(
        AdminTables.users(state), shown: AdminTables.userRows(state).count,
        total: state.data.users.count, list: state.overview.admin.users, state: state)
    case .limits: return state.t(AdminTexts.limitsIntro)
    }
  }

  // MARK: - Drawing

  static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let (head, body) = area.splitTop(2)
    drawSections(state, into: &frame, area: head)
    switch state.overview.admin.section {
    case .contacts: drawContacts(state, into: &frame, area: body)
    case .departments:
      AdminTables.departments(state).draw(
        AdminTables.departmentRows(state), list: state.overview.admin.departments, state: state,
        into: &frame, area: body,
        emptyText: state.data.departments.isEmpty
          ? AdminTexts.noDepartments(new: state.keyNames[.new]) : nil)
    case .users:
      AdminTables.users(state).draw(
        AdminTables.userRows(state), list: state.overview.admin.users, state: state, into: &frame,
        area: body)
    case .limits:
      AdminTables.limits(state).draw(
        AdminTables.limitRows(state), list: state.overview.admin.limits, state: state,
        into: &frame, area: body)
    }
  }

  /// " Inställningar  [Kontakter]  Förvaltningar …": the active part in brackets,
  /// so it is clear without colour.
  static func drawSections(_ state: AppState, into frame: inout Frame, area: Rect) {
    let theme = state.theme
    var x = area.x
    x +=
      frame.put(
        " " + state.t(AdminTexts.title) + " ", x: x, y: area.y, style: theme.style(.header)) + 1
    for section in AdminState.Section.allCases {
      let active = section == state.overview.admin.section
      let label = active ? "[\(state.t(title(section)))]" : " \(state.t(title(section))) "
      x +=
        frame.put(
          label, x: x, y: area.y, style: theme.style(active ? .tabActive : .normal),
          maxWidth: max(0, area.maxX - x)) + 1
    }
    guard let key = state.keyNames[.switchPart] else { return }
    let hint = state.t(AdminTexts.switchHint(key))
    if x + TextWidth.of(hint) + 1 < area.maxX {
      frame.put(
        hint, x: area.maxX - TextWidth.of(hint) - 1, y: area.y, style: theme.style(.muted))
    }
  }

  static func drawContacts(_ state: AppState, into frame: inout Frame, area: Rect) {
    let c = state.data.contacts
    let theme = state.theme
    var y = area.y
    // As wide as the longest label in the language shown.
    let labelWidth =
      ([
        AdminTexts.name, AdminTexts.organisation, AdminTexts.phone, AdminTexts.email,
        AdminTexts.address,
      ]
      .map { TextWidth.of(state.t($0)) }.max() ?? 13) + 2
    func heading(_ text: LocalizedText) {
      guard y < area.maxY else { return }
      frame.put(
        " " + state.t(text), x: area.x, y: y, style: theme.style(.accent), maxWidth: area.width)
      y += 1
    }
    func row(_ label: LocalizedText, _ value: String, needed: Bool = false) {
      guard y < area.maxY else { return }
      frame.put(state.t(label), x: area.x + 3, y: y, maxWidth: labelWidth)
      let shown =
        value.isEmpty ? state.t(needed ? AdminTexts.missingNeeded : AdminTexts.missing) : value
      frame.put(
        shown, x: area.x + 3 + labelWidth, y: y,
        style: theme.style(value.isEmpty && needed ? .warning : .normal),
        maxWidth: area.width - labelWidth - 4)
      y += 1
    }
    let unreachable = c.eCoordinator.phone.isEmpty && c.eCoordinator.email.isEmpty
    heading(AdminTexts.coordinatorHeading)
    row(AdminTexts.name, c.eCoordinator.personName, needed: true)
    row(AdminTexts.organisation, c.eCoordinator.organisation)
    row(AdminTexts.phone, c.eCoordinator.phone, needed: unreachable)
    row(AdminTexts.email, c.eCoordinator.email, needed: unreachable)
    y += 1
    heading(AdminTexts.administratorHeading)
    row(AdminTexts.name, c.systemAdministrator.personName, needed: true)
    row(AdminTexts.organisation, c.systemAdministrator.organisation)
    row(AdminTexts.phone, c.systemAdministrator.phone, needed: true)
    row(AdminTexts.email, c.systemAdministrator.email)
    y += 1
    heading(AdminTexts.orderHeading)
    row(AdminTexts.address, c.orderServiceAddress)
  }
}

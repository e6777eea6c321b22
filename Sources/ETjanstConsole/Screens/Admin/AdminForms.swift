import ETjanstDomain

/// The dialogs of the administration. Each builds a domain command; the rules and
/// their refusals, beside the field at fault, live in the domain.
enum AdminForms {
  static func editContacts(_ state: inout AppState) -> [Effect] {
    let c = state.data.contacts
    func card(_ prefix: String, _ card: ContactCard, _ label: (LocalizedText) -> LocalizedText)
      -> [FormField]
    {
      [
        FormField(prefix + "Name", label(AdminTexts.name), value: card.name, required: true),
        FormField(
          prefix + "Organisation", label(AdminTexts.organisation), value: card.organisation),
        FormField(prefix + "Phone", label(AdminTexts.phone), value: card.phone),
        FormField(prefix + "Email", label(AdminTexts.email), value: card.email),
      ]
    }
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.contactsTitle,
        fields: card("coordinator", c.eCoordinator, AdminTexts.coordinatorField)
          + card("administrator", c.systemAdministrator, AdminTexts.administratorField)
          + [
            FormField(
              "orderAddress", AdminTexts.orderAddress, value: c.orderServiceAddress,
              required: true)
          ]
      ) { values, _ in
        func card(_ prefix: String) -> ContactCard {
          ContactCard(
            name: values.text(prefix + "Name"), organisation: values.text(prefix + "Organisation"),
            phone: values.text(prefix + "Phone"), email: values.text(prefix + "Email"))
        }
        return EditContacts(
          Contacts(
            eCoordinator: card("coordinator"), systemAdministrator: card("administrator"),
            orderServiceAddress: values.text("orderAddress")))
      })
    return []
  }

  static func newDepartment(_ state: inout AppState) -> [Effect] {
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.newDepartmentTitle,
        fields: [FormField("name", AdminTexts.name, required: true)]
      ) { values, _ in AddDepartment(name: values.text("name")) })
    return []
  }

  static func renameDepartment(_ state: inout AppState) -> [Effect] {
    guard let d = AdminTables.selectedDepartment(state) else { return [] }
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.renameTitle(d.name),
        fields: [FormField("name", AdminTexts.name, value: d.name, required: true)]
      ) { values, _ in RenameDepartment(d.id, to: values.text("name")) })
    return []
  }

  static func removeDepartment(_ state: inout AppState) -> [Effect] {
    guard let d = AdminTables.selectedDepartment(state) else { return [] }
    state.overlays.append(
      ConfirmOverlay(
        title: AdminTexts.removeDepartmentTitle(d.name),
        question: AdminTexts.removeDepartmentQuestion, confirmLabel: AdminTexts.keyRemove,
        effects: [.perform(RemoveDepartment(d.id, name: d.name))]))
    return []
  }

  /// The roles a user can have: e-coordinator, or manager of each department.
  static func roleChoices(_ state: AppState) -> [(value: String, label: LocalizedText)] {
    [("coordinator", AdminTexts.coordinatorRole)]
      + state.data.departments.sortedSwedish { $0.name }.map {
        ($0.id.rawValue, AdminTexts.managerRole($0.name))
      }
  }

  static func role(_ value: String) -> Role {
    value == "coordinator" ? .eCoordinator : .manager(department: EntityID(value))
  }

  static func roleValue(_ role: Role) -> String {
    role.department?.rawValue ?? "coordinator"
  }

  static func newUser(_ state: inout AppState) -> [Effect] {
    let choices = roleChoices(state)
    // A new login is most often a manager's: preselect the first department.
    let preset = choices.count > 1 ? choices[1].value : choices[0].value
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.newUserTitle,
        fields: [
          FormField("login", AdminTexts.login, required: true),
          FormField("name", AdminTexts.name, required: true),
          FormField("role", AdminTexts.role, .choice(choices), value: preset),
        ]
      ) { values, _ in
        AddUser(
          login: values.text("login"), name: values.text("name"), role: role(values.text("role")))
      })
    return []
  }

  static func editUser(_ state: inout AppState) -> [Effect] {
    guard let u = AdminTables.selectedUser(state) else { return [] }
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.editUserTitle(u.login),
        fields: [
          FormField("name", AdminTexts.name, value: u.name, required: true),
          FormField("role", AdminTexts.role, .choice(roleChoices(state)), value: roleValue(u.role)),
        ]
      ) { values, _ in
        EditUser(login: u.login, name: values.text("name"), role: role(values.text("role")))
      })
    return []
  }

  static func removeUser(_ state: inout AppState) -> [Effect] {
    guard let u = AdminTables.selectedUser(state) else { return [] }
    state.overlays.append(
      ConfirmOverlay(
        title: AdminTexts.removeUserTitle(u.login), question: AdminTexts.removeUserQuestion,
        confirmLabel: AdminTexts.keyRemove, effects: [.perform(RemoveUser(login: u.login))]))
    return []
  }

  static func editLimits(_ state: inout AppState) -> [Effect] {
    let settings = state.data.settings
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.limitsTitle,
        fields: EditSettings.limits.map { limit in
          FormField(
            limit.field, AdminTexts.limitField(limit.field), .number,
            value: "\(settings[keyPath: limit.path])")
        }
      ) { values, _ in
        var next = settings
        for limit in EditSettings.limits {
          guard let n = try values.int(limit.field) else {
            throw RuleViolation.required(limit.field, limit.label)
          }
          next[keyPath: limit.path] = n
        }
        return EditSettings(next)
      })
    return []
  }
}

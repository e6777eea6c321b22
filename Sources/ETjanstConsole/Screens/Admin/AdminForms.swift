import ETjanstDomain

/// The dialogs of the administration. Each builds a domain command; the rules and
/// their refusals, beside the field at fault, live in the domain.
enum AdminForms {
  /// Edits the contacts; only the fields the user changed are set on the newest.
  static func editContacts(_ state: inout AppState) -> [Effect] {
    typealias C = Contacts.Fields
    typealias Card = ContactCard.Fields
    var form = EntityForm(state.data.contacts)
    for (card, label) in [
      (C.eCoordinator, AdminTexts.coordinatorField),
      (C.systemAdministrator, AdminTexts.administratorField),
    ] {
      form.addName(card.appending(Card.name), label(AdminTexts.name)) {
        ContactCard.isRoleName($0)
      }
      form.add(card.appending(Card.organisation)) { .text($0, label(AdminTexts.organisation)) }
      form.add(card.appending(Card.phone)) { .text($0, label(AdminTexts.phone)) }
      form.add(card.appending(Card.email)) { .text($0, label(AdminTexts.email)) }
    }
    form.add(C.orderServiceAddress) { .text($0, AdminTexts.orderAddress, required: true) }
    let base = state.data.contacts
    state.overlays.append(
      FormOverlay(title: AdminTexts.contactsTitle, fields: form.fields) { values, _ in
        let patch = try form.patch(values)
        if patch.isEmpty { return nil }
        return EditFields(patch, base: base, newest: { $0.contacts }) { EditContacts($0) }
      })
    return []
  }

  static func newDepartment(_ state: inout AppState) -> [Effect] {
    let name = FormInput.text(Department.Fields.name.name, AdminTexts.name, required: true)
    state.overlays.append(
      FormOverlay(title: AdminTexts.newDepartmentTitle, fields: [name.field("")]) { values, _ in
        AddDepartment(name: try values[name])
      })
    return []
  }

  static func renameDepartment(_ state: inout AppState) -> [Effect] {
    guard let d = AdminTables.selectedDepartment(state) else { return [] }
    var form = EntityForm(d)
    form.add(Department.Fields.name) { .text($0, AdminTexts.name, required: true) }
    let id = d.id
    state.overlays.append(
      FormOverlay(title: AdminTexts.renameTitle(d.name), fields: form.fields) { values, _ in
        let patch = try form.patch(values)
        if patch.isEmpty { return nil }
        return EditFields(patch, base: d, newest: { $0.department(id) }) {
          RenameDepartment(id, to: $0.name)
        }
      })
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
  static func roleChoices(_ state: AppState) -> [(Role, LocalizedText)] {
    [(Role.eCoordinator, AdminTexts.coordinatorRole)]
      + state.data.departments.sortedSwedish { $0.name }.map {
        (.manager(department: $0.id), AdminTexts.managerRole($0.name))
      }
  }

  static func newUser(_ state: inout AppState) -> [Effect] {
    let choices = roleChoices(state)
    // A new login is most often a manager's: with one department, its manager is
    // preselected; with more, none is (the first is no one's choice).
    let preset = choices.count == 2 ? choices[1].0 : Role.manager(department: EntityID(""))
    let login = FormInput.text("login", AdminTexts.login, required: true)
    let name = FormInput.text(User.Fields.name.name, AdminTexts.name, required: true)
    let role = FormInput.choice(User.Fields.role.name, AdminTexts.role, choices, required: true)
    // The same e-mail and language rows as the edit form, over a user with none.
    var details = EntityForm(User(login: "", name: "", role: preset))
    details.addPersonDetails(email: User.Fields.email, language: User.Fields.language)
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.newUserTitle,
        fields: [login.field(""), name.field(""), role.field(preset)] + details.fields
      ) { values, _ in
        AddUser(
          login: try values[login], name: try values[name], role: try values[role],
          details: try details.entity(values))
      })
    return []
  }

  static func editUser(_ state: inout AppState) -> [Effect] {
    guard let u = AdminTables.selectedUser(state) else { return [] }
    var form = EntityForm(u)
    // A user made by `init` or the first run is named by their login until told.
    form.addName(User.Fields.name, AdminTexts.name) { $0 == u.login }
    let choices = roleChoices(state)
    form.add(User.Fields.role) { .choice($0, AdminTexts.role, choices) }
    form.add(User.Fields.quitWith) {
      .choice($0, AdminTexts.quitWith, QuitPreference.allCases.map { ($0, $0.label) })
    }
    form.addPersonDetails(email: User.Fields.email, language: User.Fields.language)
    let login = u.login
    state.overlays.append(
      FormOverlay(title: AdminTexts.editUserTitle(u.login), fields: form.fields) { values, _ in
        let patch = try form.patch(values)
        if patch.isEmpty { return nil }
        return EditFields(patch, base: u, newest: { $0.user(login: login) }) {
          EditUser(
            login: login, name: $0.name, role: $0.role, quitWith: $0.quitWith, details: $0)
        }
      })
    return []
  }

  /// The user's own way to quit, which any user may change (`SetQuitPreference`): the
  /// `:avslutning` command, open to a manager whose console is read-only too.
  static func ownQuitPreference(_ state: inout AppState) -> [Effect] {
    let input = FormInput.choice(
      User.Fields.quitWith.name, AdminTexts.quitWith,
      QuitPreference.allCases.map { ($0, $0.label) })
    let login = state.user.login
    state.overlays.append(
      FormOverlay(
        title: AdminTexts.ownQuitTitle, fields: [input.field(state.quitPreference)]
      ) { values, _ in
        SetQuitPreference(login: login, quitWith: try values[input])
      })
    return []
  }

  /// `:avslutning` on the command line.
  static var quitPreferenceCommand: ConsoleCommand {
    ConsoleCommand(.quitPreference, help: AdminTexts.ownQuitHelp) { _, state in
      ownQuitPreference(&state)
    }
  }

  static func removeUser(_ state: inout AppState) -> [Effect] {
    guard let u = AdminTables.selectedUser(state) else { return [] }
    state.overlays.append(
      ConfirmOverlay(
        title: AdminTexts.removeUserTitle(u.login), question: AdminTexts.removeUserQuestion,
        confirmLabel: AdminTexts.keyRemove, effects: [.perform(RemoveUser(login: u.login))]))
    return []
  }

  /// Edits the limits and the mail settings; only the ones the user changed are set on
  /// the newest.
  static func editLimits(_ state: inout AppState) -> [Effect] {
    let settings = state.data.settings
    var form = EntityForm(settings)
    for limit in Settings.limits {
      // Every limit is needed, so none is marked as required.
      form.add(limit.field) { .number($0, limit.formLabel, marked: false) }
    }
    // Where `etjanst notify` mails: text, each may be empty; `EditSettings` holds
    // them to the rule `notify --set-…` goes through.
    for field in Settings.textSettings {
      form.add(field) { .text($0, field.label) }
    }
    state.overlays.append(
      FormOverlay(title: AdminTexts.limitsTitle, fields: form.fields) { values, _ in
        let patch = try form.patch(values)
        if patch.isEmpty { return nil }
        return EditFields(patch, base: settings, newest: { $0.settings }) { EditSettings($0) }
      })
    return []
  }
}

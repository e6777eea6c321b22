import ETjanstDomain

/// The dialogs of the Personal screen. Each builds a domain command from the form;
/// the rules (and their refusals, beside the field at fault) live in the domain.
enum StaffForms {
  static func departmentChoices(_ state: AppState) -> [(EntityID<Department>, LocalizedText)] {
    state.data.departments.sortedSwedish { $0.name }.map {
      ($0.id, LocalizedText(verbatim: $0.name))
    }
  }

  static func serviceChoices(_ state: AppState) -> [(EntityID<EService>, LocalizedText)] {
    state.data.services.sortedSwedish { $0.name }.map { ($0.id, LocalizedText(verbatim: $0.name)) }
  }

  typealias P = StaffMember.Fields

  static func newStaff(_ state: inout AppState) -> [Effect] {
    // The department shown, else none: the first one is no one's choice.
    let department = StaffScreen.department(state)
    let name = FormInput.text(P.name.name, StaffTexts.name, required: true)
    let login = FormInput.text(P.login.name, StaffTexts.login, required: true)
    let dept = FormInput.choice(
      P.department.name, StaffTexts.department, departmentChoices(state), required: true)
    let manager = FormInput.text(P.manager.name, StaffTexts.manager)
    let start = FormInput<Day>.day(P.startDate.name, StaffTexts.startDate)
    // Picked from a list, several at once: names may contain commas.
    let services = FormInput<[EntityID<EService>]>.choices(
      "services", StaffTexts.servicesField, serviceChoices(state))
    // The same e-mail and language rows as the edit form, over a person with none.
    var details = EntityForm(
      StaffMember(name: "", login: "", department: EntityID(""), startDate: state.today))
    details.addPersonDetails(email: P.email, language: P.language)
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.newStaffTitle,
        fields: [
          name.field(""), login.field(""), dept.field(department ?? EntityID("")),
          manager.field(""), start.field(state.today), services.field([]),
        ] + details.fields
      ) { values, _ in
        AddStaffMember(
          name: try values[name], login: try values[login], department: try values[dept],
          manager: try values[manager], startDate: try values[start],
          services: try values[services], details: try details.entity(values))
      })
    return []
  }

  static func edit(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    var form = EntityForm(p)
    form.add(P.name) { .text($0, StaffTexts.name, required: true) }
    form.add(P.login) { .text($0, StaffTexts.login, required: true) }
    form.add(P.department) { .choice($0, StaffTexts.department, departmentChoices(state)) }
    form.add(P.manager) { .text($0, StaffTexts.manager) }
    form.add(P.startDate) { .day($0, StaffTexts.startDate) }
    form.add(P.endDate) { .day($0, StaffTexts.endDate) }
    form.addPersonDetails(email: P.email, language: P.language)
    let id = p.id
    state.overlays.append(
      FormOverlay(title: StaffTexts.editTitle, fields: form.fields) { values, _ in
        let patch = try form.patch(values)
        if patch.isEmpty { return nil }
        return EditFields(patch, base: p, newest: { $0.staffMember(id) }) { m in
          EditStaffMember(
            id: id, name: m.name, login: m.login, department: m.department, manager: m.manager,
            startDate: m.startDate, endDate: m.endDate, details: m)
        }
      })
    return []
  }

  /// Colleagues a case can go to: others still on the platform, those with access
  /// to `service` first. Those without are listed too, so the rule can say why not.
  static func colleagues(
    _ state: AppState, except person: EntityID<StaffMember>, service: EntityID<EService>?
  ) -> [(EntityID<StaffMember>, LocalizedText)] {
    let others = state.data.staff.filter { $0.id != person && $0.status != .removed }
    func has(_ p: StaffMember) -> Bool {
      service.map { p.hasAccess(to: $0, on: state.today) } ?? true
    }
    let ordered =
      others.filter { has($0) && $0.canTakeCases(on: state.today, state.data.settings) }
      .sortedSwedish { $0.name }
      + others.filter { !(has($0) && $0.canTakeCases(on: state.today, state.data.settings)) }
      .sortedSwedish { $0.name }
    return ordered.map { ($0.id, StaffTexts.colleagueOption($0, hasAccess: has($0))) }
  }

  static func transfer(_ state: inout AppState) -> [Effect] {
    guard let c = StaffPersonView.selectedCase(state) else {
      state.show(StaffTexts.selectCase)
      return []
    }
    let options = colleagues(state, except: c.officer, service: c.service)
    guard let first = options.first else {
      state.show(StaffTexts.noColleagues, .error)
      return []
    }
    let colleague = FormInput.choice("colleague", StaffTexts.colleague, options)
    state.overlays.append(
      FormOverlay(title: StaffTexts.transferTitle(c.number), fields: [colleague.field(first.0)]) {
        values, _ in TransferCase(c.id, to: try values[colleague])
      })
    return []
  }

  static func transferAll(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    let open = state.data.openCases(of: p.id)
    let options = colleagues(state, except: p.id, service: open.count == 1 ? open[0].service : nil)
    guard let first = options.first else {
      state.show(StaffTexts.noColleagues, .error)
      return []
    }
    let colleague = FormInput.choice("colleague", StaffTexts.colleague, options)
    state.overlays.append(
      FormOverlay(title: StaffTexts.transferAllTitle(p.name), fields: [colleague.field(first.0)]) {
        values, _ in TransferAllCases(of: p.id, to: try values[colleague])
      })
    return []
  }

  static func removeWithReason(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    let reason = FormInput.text("reason", StaffTexts.reason, required: true)
    state.overlays.append(
      FormOverlay(title: StaffTexts.removeTitle(p.name), fields: [reason.field("")]) { values, _ in
        RemoveFromPlatform(person: p.id, overrideReason: try values[reason])
      })
    return []
  }

  /// Grants access to an e-service, or changes the period of a grant: then only the
  /// dates the user changed are set on the newest grant.
  static func grant(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    let choices = serviceChoices(state)
    guard let firstService = choices.first?.0 else {
      state.show(StaffTexts.noServicesToGrant, .error)
      return []
    }
    var chosen = firstService
    var existing: AccessGrant?
    if case .grant(let id) = StaffPersonView.selectedItem(state) {
      chosen = id
      existing = p.grant(for: id)
    }
    let base =
      existing ?? AccessGrant(service: chosen, validFrom: state.today, validTo: p.endDate)
    let service = FormInput.choice("service", StaffTexts.service, choices)
    var form = EntityForm(base)
    form.add(AccessGrant.Fields.validFrom) { .day($0, StaffTexts.validFrom) }
    form.add(AccessGrant.Fields.validTo) { .day($0, StaffTexts.validTo) }
    let person = p.id
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.grantTitle(p.name), fields: [service.field(chosen)] + form.fields
      ) { values, _ in
        let picked = try values[service]
        guard let existing, picked == existing.service else {
          let grant = try form.entity(values)
          return GrantAccess(
            person: person, service: picked, validFrom: grant.validFrom, validTo: grant.validTo)
        }
        return editGrant(try form.patch(values), base: existing, person: person)
      })
    return []
  }

  /// The dates of a grant the user changed, set on the newest grant through
  /// `GrantAccess`; nil when nothing changed.
  static func editGrant(
    _ patch: EntityPatch<AccessGrant>, base: AccessGrant, person: EntityID<StaffMember>
  ) -> (any Command)? {
    if patch.isEmpty { return nil }
    let service = base.service
    return EditFields(
      patch, base: base, newest: { $0.staffMember(person)?.grant(for: service) }
    ) { g in
      GrantAccess(person: person, service: service, validFrom: g.validFrom, validTo: g.validTo)
    }
  }

  static func newCase(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    let choices = serviceChoices(state)
    let preferred = p.grants.first?.service ?? choices.first?.0 ?? EntityID("")
    let number = FormInput.text("number", StaffTexts.caseNumber, required: true)
    let service = FormInput.choice("service", StaffTexts.service, choices)
    let status = FormInput.choice(
      "status", StaffTexts.status, CaseStatus.allCases.map { ($0, StaffTexts.caseStatus($0)) })
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.newCaseTitle,
        fields: [number.field(""), service.field(preferred), status.field(.ongoing)]
      ) { values, _ in
        AddCase(
          number: try values[number], service: try values[service], officer: p.id,
          status: try values[status])
      })
    return []
  }
}

import ETjanstDomain

/// The dialogs of the Personal screen. Each builds a domain command from the form;
/// the rules (and their refusals, beside the field at fault) live in the domain.
enum StaffForms {
  static func departmentChoices(_ state: AppState) -> [(value: String, label: LocalizedText)] {
    state.data.departments.sortedSwedish { $0.name }.map {
      ($0.id.rawValue, LocalizedText(verbatim: $0.name))
    }
  }

  static func newStaff(_ state: inout AppState) -> [Effect] {
    let department = StaffScreen.department(state) ?? state.data.departments.first?.id
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.newStaffTitle,
        fields: [
          FormField("name", StaffTexts.name, required: true),
          FormField("login", StaffTexts.login, required: true),
          FormField(
            "department", StaffTexts.department, .choice(departmentChoices(state)),
            value: department?.rawValue ?? ""),
          FormField("manager", StaffTexts.manager),
          .day("startDate", StaffTexts.startDate, state.today, required: true),
          FormField("services", StaffTexts.servicesField),
        ]
      ) { values, state in
        let names = values.text("services").split(separator: ",").map {
          TextCleaning.line(String($0))
        }.filter { !$0.isEmpty }
        let services = names.compactMap { name in
          state.data.services.first {
            $0.name.compare(name, options: .caseInsensitive) == .orderedSame
          }?.id
        }
        if services.count < names.count {
          let unknown = names.filter { name in
            !state.data.services.contains {
              $0.name.compare(name, options: .caseInsensitive) == .orderedSame
            }
          }
          throw RuleViolation(
            field: "services", StaffTexts.unknownServices(unknown.joined(separator: ", ")))
        }
        guard let start = try values.day("startDate") else {
          throw RuleViolation.required("startDate", StaffTexts.startDate)
        }
        return AddStaffMember(
          name: values.text("name"), login: values.text("login"),
          department: EntityID(values.text("department")),
          manager: values.text("manager"), startDate: start, services: services)
      })
    return []
  }

  static func edit(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.editTitle,
        fields: [
          FormField("name", StaffTexts.name, value: p.name, required: true),
          FormField("login", StaffTexts.login, value: p.login, required: true),
          FormField(
            "department", StaffTexts.department, .choice(departmentChoices(state)),
            value: p.department.rawValue),
          FormField("manager", StaffTexts.manager, value: p.manager),
          .day("startDate", StaffTexts.startDate, p.startDate, required: true),
          .day("endDate", StaffTexts.endDate, p.endDate),
        ]
      ) { values, _ in
        guard let start = try values.day("startDate") else {
          throw RuleViolation.required("startDate", StaffTexts.startDate)
        }
        return EditStaffMember(
          id: p.id, name: values.text("name"), login: values.text("login"),
          department: EntityID(values.text("department")),
          manager: values.text("manager"), startDate: start, endDate: try values.day("endDate"))
      })
    return []
  }

  /// Colleagues a case can go to: others still on the platform, those with access
  /// to `service` first. Those without are listed too, so the rule can say why not.
  static func colleagues(
    _ state: AppState, except person: EntityID<StaffMember>, service: EntityID<EService>?
  ) -> [(value: String, label: LocalizedText)] {
    let others = state.data.staff.filter { $0.id != person && $0.status != .removed }
    func has(_ p: StaffMember) -> Bool {
      service.map { p.hasAccess(to: $0, on: state.today) } ?? true
    }
    let ordered =
      others.filter { has($0) && $0.canTakeCases }.sortedSwedish { $0.name }
      + others.filter { !(has($0) && $0.canTakeCases) }.sortedSwedish { $0.name }
    return ordered.map { ($0.id.rawValue, StaffTexts.colleagueOption($0, hasAccess: has($0))) }
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
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.transferTitle(c.number),
        fields: [FormField("colleague", StaffTexts.colleague, .choice(options), value: first.value)]
      ) { values, _ in TransferCase(c.id, to: EntityID(values.text("colleague"))) })
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
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.transferAllTitle(p.name),
        fields: [FormField("colleague", StaffTexts.colleague, .choice(options), value: first.value)]
      ) { values, _ in TransferAllCases(of: p.id, to: EntityID(values.text("colleague"))) })
    return []
  }

  static func removeWithReason(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.removeTitle(p.name),
        fields: [FormField("reason", StaffTexts.reason, required: true)]
      ) { values, _ in RemoveFromPlatform(person: p.id, overrideReason: values.text("reason")) })
    return []
  }

  static func grant(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    let services = state.data.services.sortedSwedish { $0.name }
    guard let firstService = services.first else {
      state.show(StaffTexts.noServicesToGrant, .error)
      return []
    }
    var chosen = firstService.id
    var existing: AccessGrant?
    if case .grant(let id) = StaffPersonView.selectedItem(state) {
      chosen = id
      existing = p.grant(for: id)
    }
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.grantTitle(p.name),
        fields: [
          FormField(
            "service", StaffTexts.service,
            .choice(services.map { ($0.id.rawValue, LocalizedText(verbatim: $0.name)) }),
            value: chosen.rawValue),
          .day(
            "validFrom", StaffTexts.validFrom, existing?.validFrom ?? state.today, required: true),
          .day("validTo", StaffTexts.validTo, existing?.validTo ?? p.endDate),
        ]
      ) { values, _ in
        guard let from = try values.day("validFrom") else {
          throw RuleViolation.required("validFrom", StaffTexts.validFrom)
        }
        return GrantAccess(
          person: p.id, service: EntityID(values.text("service")), validFrom: from,
          validTo: try values.day("validTo"))
      })
    return []
  }

  static func newCase(_ state: inout AppState) -> [Effect] {
    guard let p = StaffPersonView.person(state) else { return [] }
    let services = state.data.services.sortedSwedish { $0.name }
    let preferred = p.grants.first?.service ?? services.first?.id
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.newCaseTitle,
        fields: [
          FormField("number", StaffTexts.caseNumber, required: true),
          FormField(
            "service", StaffTexts.service,
            .choice(services.map { ($0.id.rawValue, LocalizedText(verbatim: $0.name)) }),
            value: preferred?.rawValue ?? ""),
          FormField(
            "status", StaffTexts.status,
            .choice(CaseStatus.allCases.map { ($0.rawValue, StaffTexts.caseStatus($0)) }),
            value: CaseStatus.ongoing.rawValue),
        ]
      ) { values, _ in
        AddCase(
          number: values.text("number"), service: EntityID(values.text("service")), officer: p.id,
          status: CaseStatus(rawValue: values.text("status")) ?? .ongoing)
      })
    return []
  }
}

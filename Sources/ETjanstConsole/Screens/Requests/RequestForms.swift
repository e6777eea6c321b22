import ETjanstDomain

/// A manager's requests to the e-coordinator as forms, and the e-coordinator's
/// answers. Each sends the domain's command (`FileRequest`, `AcceptRequest`,
/// `DeclineRequest`); the rules, and their refusals beside the field, are the domain's.
enum RequestForms {
  typealias F = Request.Fields

  /// The department's own e-services, to ask for.
  static func ownServices(_ state: AppState) -> [(EntityID<EService>, LocalizedText)] {
    state.data.catalogue.sortedSwedish { $0.name }.map { ($0.id, LocalizedText(verbatim: $0.name)) }
  }

  /// Whether the user files requests (a manager) rather than making the change.
  static func files(_ state: AppState) -> Bool { state.user.role.department != nil }

  static func newEmployee(_ state: inout AppState) -> [Effect] {
    let name = FormInput.text(F.name.name, RequestTexts.name, required: true)
    let login = FormInput.text(F.login.name, RequestTexts.login)
    let start = FormInput<Day>.day(F.day.name, RequestTexts.start)
    let services = FormInput<[EntityID<EService>]>.choices(
      F.services.name, RequestTexts.services, ownServices(state))
    let signing = FormInput.flag(F.signing.name, RequestTexts.signing)
    state.overlays.append(
      FormOverlay(
        title: RequestTexts.newEmployeeTitle,
        fields: [
          name.field(""), login.field(""), start.field(state.today), services.field([]),
          signing.field(false),
        ]
      ) { values, _ in
        FileRequest(
          RequestDraft(
            kind: .newEmployee, name: try values[name], login: try values[login],
            day: try values[start], services: try values[services], signing: try values[signing]))
      })
    return []
  }

  static func leaver(_ p: StaffMember, _ state: inout AppState) -> [Effect] {
    let day = FormInput<Day>.day(F.day.name, RequestTexts.lastDay)
    let open = state.data.openCases(of: p.id).count
    let title = LocalizedText(
      sv: "\(RequestTexts.leaverTitle.sv): \(p.name)",
      en: "\(RequestTexts.leaverTitle.en): \(p.name)")
    let login = p.login
    state.overlays.append(
      FormOverlay(
        title: title, note: RequestTexts.openCases(open),
        fields: [day.field(p.endDate ?? state.today)]
      ) { values, _ in
        FileRequest(RequestDraft(kind: .leaver, login: login, day: try values[day]))
      })
    return []
  }

  static func access(_ p: StaffMember, _ state: inout AppState) -> [Effect] {
    let service = FormInput.choice(F.services.name, RequestTexts.service, ownServices(state))
    let ends = FormInput.flag(F.ends.name, RequestTexts.ends)
    let login = p.login
    let first = ownServices(state).first?.0 ?? EntityID("")
    state.overlays.append(
      FormOverlay(
        title: LocalizedText(
          sv: "\(RequestTexts.accessTitle.sv): \(p.name)",
          en: "\(RequestTexts.accessTitle.en): \(p.name)"),
        fields: [service.field(first), ends.field(false)]
      ) { values, _ in
        FileRequest(
          RequestDraft(
            kind: .access, login: login, services: [try values[service]], ends: try values[ends]))
      })
    return []
  }

  static func error(_ s: EService, _ state: inout AppState) -> [Effect] {
    let text = FormInput.multiline(F.text.name, RequestTexts.text, required: true)
    let urgent = FormInput.flag(F.urgent.name, RequestTexts.urgent)
    let revision = FormInput.flag(F.revision.name, RequestTexts.revision)
    let id = s.id
    state.overlays.append(
      FormOverlay(
        title: LocalizedText(
          sv: "\(RequestTexts.errorTitle.sv): \(s.name)",
          en: "\(RequestTexts.errorTitle.en): \(s.name)"),
        fields: [text.field(""), urgent.field(false), revision.field(false)]
      ) { values, _ in
        FileRequest(
          RequestDraft(
            kind: .error, services: [id], text: try values[text], urgent: try values[urgent],
            revision: try values[revision]))
      })
    return []
  }

  /// Accepting a new employee's request without a login asks for it; every other
  /// request is accepted at once.
  static func accept(_ r: Request, _ state: inout AppState) -> [Effect] {
    guard r.kind == .newEmployee, r.login.isEmpty else {
      return [.perform(AcceptRequest(r.id))]
    }
    let login = FormInput.text(F.login.name, RequestTexts.acceptLogin, required: true)
    let id = r.id
    state.overlays.append(
      FormOverlay(
        title: LocalizedText(
          sv: "\(RequestTexts.acceptTitle.sv): \(r.name)",
          en: "\(RequestTexts.acceptTitle.en): \(r.name)"),
        fields: [login.field("")]
      ) { values, _ in AcceptRequest(id, login: try values[login]) })
    return []
  }

  static func decline(_ r: Request, _ state: inout AppState) -> [Effect] {
    let reason = FormInput.multiline(F.reason.name, RequestTexts.reason, required: true)
    let id = r.id
    state.overlays.append(
      FormOverlay(title: RequestTexts.declineTitle, fields: [reason.field("")]) { values, _ in
        DeclineRequest(id, reason: try values[reason])
      })
    return []
  }
}

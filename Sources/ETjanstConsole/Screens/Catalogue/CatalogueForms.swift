import ETjanstDomain

/// The catalogue's dialogs. Each reads its typed fields into a domain command; the
/// rules live in the command, and a refusal lands beside the field it names. An
/// edit sends only the fields the user changed, applied to the newest version.
enum CatalogueForms {
  typealias F = EService.Fields

  /// Create (`service` nil) or edit an e-service.
  static func service(_ service: EService?, _ state: AppState) -> FormOverlay {
    let m = state.data
    let blank = EService(
      id: EntityID(""), name: "", department: EntityID(""),
      reviewIntervalMonths: m.settings.serviceReviewIntervalMonths)
    var form = EntityForm(service ?? blank)
    let departments =
      [(EntityID<Department>(""), CatalogueTexts.choose)]
      + m.departments.sortedSwedish { $0.name }.map { ($0.id, T(verbatim: $0.name)) }
    form.add(F.name) { .text($0, CatalogueTexts.name, required: true) }
    form.add(F.department) { .choice($0, CatalogueTexts.department, departments, required: true) }
    form.add(F.audience) {
      .choice($0, CatalogueTexts.audience, Audience.allCases.map { ($0, $0.label) })
    }
    form.add(F.category) { .text($0, CatalogueTexts.category) }
    form.add(F.platform) { .text($0, CatalogueTexts.platform) }
    form.add(F.flowFamilyID) { .text($0, CatalogueTexts.flowFamily) }
    form.add(F.address) { .text($0, CatalogueTexts.address) }
    for role in ServiceRole.allCases {
      form.add(F.role(role)) { .person($0, role.label, in: m) }
    }
    form.add(F.needsELegitimation) { .flag($0, CatalogueTexts.eLegitimation) }
    form.add(F.needsSigning) { .flag($0, CatalogueTexts.signing) }
    form.add(F.automated) { .flag($0, CatalogueTexts.automated) }
    form.add(F.paperFormsReplaced) { .lines($0, CatalogueTexts.paperFormsField) }
    form.add(F.yearlyCaseVolume) { .number($0, CatalogueTexts.caseVolume) }
    form.add(F.handlingDaysBefore) { .number($0, CatalogueTexts.handlingBefore) }
    form.add(F.handlingDaysAfter) { .number($0, CatalogueTexts.handlingAfter) }
    form.add(F.legalNote) { .multiline($0, CatalogueTexts.legalNote) }
    form.add(F.lastReviewed) { .day($0, CatalogueTexts.lastReviewed) }
    form.add(F.reviewIntervalMonths) { .number($0, CatalogueTexts.reviewInterval) }
    form.add(F.processesPersonalData) { .flag($0, F.processesPersonalData.label) }
    form.add(F.inProcessingRegister) { .day($0, F.inProcessingRegister.label) }
    let title = service.map { CatalogueTexts.editTitle($0.name) } ?? CatalogueTexts.newTitle
    var fields = form.fields
    // A new entry's status is not the entity's field: it is published only by
    // registering one that already runs (guideline 6), which asks why (last, where the
    // refusal that asks for it moves the focus).
    if service == nil {
      let at = (fields.firstIndex { $0.name == F.category.name } ?? 3) + 1
      fields.insert(newStatus.field(.set(.ordered)), at: min(at, fields.count))
      fields.append(registrationReason.field(""))
    }
    return FormOverlay(title: title, fields: fields) { values, _ in
      guard let service else {
        let new = try form.entity(values)
        switch try values[newStatus] {
        case .registerRunning:
          return RegisterRunningEService(draft(new), reason: try values[registrationReason])
        case .set(let status): return AddEService(draft(new), status: status)
        }
      }
      let patch = try form.patch(values)
      if patch.isEmpty { return nil }
      let id = service.id
      return EditFields(patch, base: service, newest: { $0.service(id) }) {
        EditEService(id, draft($0))
      }
    }
  }

  /// The draft the catalogue's rules check, from an e-service as the form left it.
  static func draft(_ s: EService) -> EServiceDraft {
    var d = EServiceDraft(s)
    if s.department.rawValue.isEmpty { d.department = nil }
    return d
  }

  /// A status, or registering a service that already runs on the platform (6).
  enum StatusChoice: Equatable, Sendable {
    case set(ServiceStatus)
    case registerRunning
  }

  /// The status of a new entry: not Published, which only the order's step 5 sets,
  /// but "Published – already running", which registers it.
  static var newStatus: FormInput<StatusChoice> {
    FormInput.choice(
      "status", CatalogueTexts.status,
      ServiceStatus.allCases.filter { $0 != .published }.map { (StatusChoice.set($0), $0.label) }
        + [(.registerRunning, CatalogueTexts.registerRunning)])
  }

  /// Why an e-service is registered as already running; the rule asks for it.
  static var registrationReason: FormInput<String> {
    FormInput.text(RegisterRunningEService.reasonField, CatalogueTexts.registrationReason)
  }

  /// `t`: the statuses, and for a service etjanst did not know from its start (no
  /// status history), never published and without an open order, registering it as
  /// already running, with why. While an order is open, choosing Published is refused
  /// beside the field: its step 5 publishes.
  static func status(_ s: EService, _ state: AppState) -> FormOverlay {
    if PublicationRule.openOrder(for: s.id, in: state.data) == nil
      && !PublicationRule.wasEverPublished(s) && s.statusHistory.isEmpty
    {
      let input = FormInput.choice(
        "status", CatalogueTexts.status,
        ServiceStatus.allCases.map { (StatusChoice.set($0), $0.label) }
          + [(.registerRunning, CatalogueTexts.registerRunning)])
      return FormOverlay(
        title: CatalogueTexts.statusTitle(s.name),
        fields: [
          input.field(.set(s.status)), changedOn.field(state.today), registrationReason.field(""),
        ]
      ) { values, _ in
        let day = try values[changedOn]
        switch try values[input] {
        case .registerRunning:
          return RegisterRunningEService(
            existing: s.id, name: s.name, on: day, reason: try values[registrationReason])
        case .set(let status):
          return status == s.status
            ? nil : SetServiceStatus(s.id, to: status, on: day, name: s.name)
        }
      }
    }
    var form = EntityForm(s)
    form.add(F.status) {
      .choice($0, CatalogueTexts.status, ServiceStatus.allCases.map { ($0, $0.label) })
    }
    return FormOverlay(
      title: CatalogueTexts.statusTitle(s.name),
      fields: form.fields + [changedOn.field(state.today)]
    ) {
      values, _ in
      let patch = try form.patch(values)
      if patch.isEmpty { return nil }
      let id = s.id
      let name = s.name
      let day = try values[changedOn]
      return EditFields(patch, base: s, newest: { $0.service(id) }) {
        SetServiceStatus(id, to: $0.status, on: day, name: name)
      }
    }
  }

  /// The day a status change happened, today unless the user gives an earlier one.
  static var changedOn: FormInput<Day> {
    FormInput.day(SetServiceStatus.changedOnField, CatalogueTexts.statusChangedOn)
  }

  static func report(_ s: EService, _ state: AppState) -> FormOverlay {
    typealias R = ReportServiceError.Field
    let kind = FormInput.choice(
      R.kind, CatalogueTexts.kind, ReportKind.allCases.map { ($0, $0.label) })
    let reportedOn = FormInput<Day>.day(R.reportedOn, CatalogueTexts.reportedOn)
    let reportedBy = FormInput.text(R.reportedBy, CatalogueTexts.reportedByField, required: true)
    let text = FormInput.multiline(R.text, CatalogueTexts.text, required: true)
    return FormOverlay(
      title: CatalogueTexts.reportTitle(s.name),
      fields: [
        kind.field(.error), reportedOn.field(state.today),
        reportedBy.field(state.data.personShortName(s.roles.contactPerson)), text.field(""),
      ]
    ) { values, _ in
      ReportServiceError(
        s.id, kind: try values[kind], reportedOn: try values[reportedOn],
        reportedBy: try values[reportedBy], text: try values[text], name: s.name)
    }
  }

  static func resolve(_ s: EService, _ state: AppState) -> FormOverlay {
    typealias R = ResolveServiceReport.Field
    let report = FormInput.choice(
      R.report, CatalogueTexts.report,
      s.openReports.map { r in
        (r.id, T(verbatim: TextWidth.truncate("\(r.reportedOn) \(r.text)", to: 50)))
      })
    let resolvedOn = FormInput<Day>.day(R.resolvedOn, CatalogueTexts.resolvedOn)
    let resolution = FormInput.multiline(R.resolution, CatalogueTexts.resolution, required: true)
    return FormOverlay(
      title: CatalogueTexts.resolveTitle(s.name),
      fields: [
        report.field(s.openReports.first?.id ?? EntityID("")), resolvedOn.field(state.today),
        resolution.field(""),
      ]
    ) { values, _ in
      ResolveServiceReport(
        s.id, report: try values[report], resolvedOn: try values[resolvedOn],
        resolution: try values[resolution], name: s.name)
    }
  }
}

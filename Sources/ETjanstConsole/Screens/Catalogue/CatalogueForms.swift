import ETjanstDomain

/// The catalogue's dialogs. Each turns the form's values into a domain command;
/// the rules live in the command, and a refusal lands beside the field it names.
enum CatalogueForms {
  typealias Field = EServiceDraft.Field

  /// Create (`service` nil) or edit an e-service.
  static func service(_ service: EService?, _ state: AppState) -> FormOverlay {
    let m = state.data
    let draft =
      service.map(EServiceDraft.init)
      ?? EServiceDraft(
        name: "", department: nil, reviewIntervalMonths: m.settings.serviceReviewIntervalMonths)
    let departments =
      [(value: "", label: CatalogueTexts.choose)]
      + m.departments.sortedSwedish { $0.name }.map {
        (value: $0.id.rawValue, label: T(verbatim: $0.name))
      }
    var fields = [
      FormField(Field.name, CatalogueTexts.name, value: draft.name, required: true),
      FormField(
        Field.department, CatalogueTexts.department, .choice(departments),
        value: draft.department?.rawValue ?? "", required: true),
      FormField(
        "audience", CatalogueTexts.audience,
        .choice(Audience.allCases.map { ($0.rawValue, $0.label) }),
        value: draft.audience.rawValue),
      FormField("category", CatalogueTexts.category, value: draft.category),
    ]
    if service == nil {
      // A new entry is published only by registering one that already runs (6).
      let choices =
        ServiceStatus.allCases.filter { !$0.isLive }.map { ($0.rawValue, $0.label) }
        + [(registerRunning, CatalogueTexts.registerRunning)]
      fields.append(
        FormField(
          "status", CatalogueTexts.status, .choice(choices), value: ServiceStatus.ordered.rawValue))
    }
    fields += [
      FormField(Field.platform, CatalogueTexts.platform, value: draft.platform),
      FormField("flowFamilyID", CatalogueTexts.flowFamily, value: draft.flowFamilyID),
      FormField("address", CatalogueTexts.address, value: draft.address),
    ]
    fields += ServiceRole.allCases.map { role in
      FormField(
        Field.role(role), role.label, value: m.personFieldText(draft.roles[keyPath: role.keyPath]))
    }
    fields += [
      .toggle("needsELegitimation", CatalogueTexts.eLegitimation, draft.needsELegitimation),
      .toggle("needsSigning", CatalogueTexts.signing, draft.needsSigning),
      .toggle("automated", CatalogueTexts.automated, draft.automated),
      FormField(
        "paperForms", CatalogueTexts.paperFormsField, .multiline,
        value: draft.paperFormsReplaced.joined(separator: "\n")),
      .number(Field.yearlyCaseVolume, CatalogueTexts.caseVolume, draft.yearlyCaseVolume),
      .number(Field.handlingDaysBefore, CatalogueTexts.handlingBefore, draft.handlingDaysBefore),
      .number(Field.handlingDaysAfter, CatalogueTexts.handlingAfter, draft.handlingDaysAfter),
      FormField("legalNote", CatalogueTexts.legalNote, .multiline, value: draft.legalNote),
      .day(Field.lastReviewed, CatalogueTexts.lastReviewed, draft.lastReviewed),
      .number(
        Field.reviewIntervalMonths, CatalogueTexts.reviewInterval, draft.reviewIntervalMonths),
    ]
    let title = service.map { CatalogueTexts.editTitle($0.name) } ?? CatalogueTexts.newTitle
    return FormOverlay(title: title, fields: fields) { values, state in
      let draft = try self.draft(values, state.data)
      if let service { return EditEService(service.id, draft) }
      if values.text("status") == registerRunning { return RegisterRunningEService(draft) }
      return AddEService(draft, status: ServiceStatus(rawValue: values.text("status")) ?? .ordered)
    }
  }

  /// Reads the service form; a value that does not parse throws for its field.
  static func draft(_ v: FormValues, _ m: Municipality) throws -> EServiceDraft {
    var roles = ServiceRoles()
    for role in ServiceRole.allCases {
      roles[keyPath: role.keyPath] = try PersonRef.parse(
        v.text(Field.role(role)), staff: m.staff, field: Field.role(role))
    }
    let department = v.text(Field.department)
    return EServiceDraft(
      name: v.text(Field.name), department: department.isEmpty ? nil : EntityID(department),
      audience: Audience(rawValue: v.text("audience")) ?? .external, category: v.text("category"),
      platform: v.text(Field.platform), flowFamilyID: v.text("flowFamilyID"),
      address: v.text("address"),
      roles: roles, needsELegitimation: v.bool("needsELegitimation"),
      needsSigning: v.bool("needsSigning"),
      automated: v.bool("automated"), paperFormsReplaced: v.lines("paperForms"),
      yearlyCaseVolume: try v.int(Field.yearlyCaseVolume),
      handlingDaysBefore: try v.int(Field.handlingDaysBefore),
      handlingDaysAfter: try v.int(Field.handlingDaysAfter), legalNote: v.text("legalNote"),
      lastReviewed: try v.day(Field.lastReviewed),
      reviewIntervalMonths: try v.int(Field.reviewIntervalMonths))
  }

  /// The status choice's value that registers a service as already running.
  static let registerRunning = "registerRunning"

  /// `t`: the statuses, and for a service never published and without an open order,
  /// registering it as already running. While an order is open, choosing Published
  /// is refused beside the field: its step 5 publishes.
  static func status(_ s: EService, _ state: AppState) -> FormOverlay {
    var choices = ServiceStatus.allCases.map { ($0.rawValue, $0.label) }
    let order = PublicationRule.openOrder(for: s.id, in: state.data)
    if order == nil && !PublicationRule.wasEverLive(s) {
      choices.append((registerRunning, CatalogueTexts.registerRunning))
    }
    let fields = [
      FormField("status", CatalogueTexts.status, .choice(choices), value: s.status.rawValue)
    ]
    return FormOverlay(title: CatalogueTexts.statusTitle(s.name), fields: fields) { values, _ in
      if values.text("status") == registerRunning {
        return RegisterRunningEService(existing: s.id, name: s.name)
      }
      return SetServiceStatus(
        s.id, to: ServiceStatus(rawValue: values.text("status")) ?? s.status, name: s.name)
    }
  }

  static func report(_ s: EService, _ state: AppState) -> FormOverlay {
    typealias F = ReportServiceError.Field
    return FormOverlay(
      title: CatalogueTexts.reportTitle(s.name),
      fields: [
        FormField(
          F.kind, CatalogueTexts.kind, .choice(ReportKind.allCases.map { ($0.rawValue, $0.label) }),
          value: ReportKind.error.rawValue),
        .day(F.reportedOn, CatalogueTexts.reportedOn, state.today, required: true),
        FormField(
          F.reportedBy, CatalogueTexts.reportedByField,
          value: state.data.personShortName(s.roles.contactPerson), required: true),
        FormField(F.text, CatalogueTexts.text, .multiline, required: true),
      ]
    ) { values, _ in
      ReportServiceError(
        s.id, kind: ReportKind(rawValue: values.text(F.kind)) ?? .error,
        reportedOn: try values.day(F.reportedOn),
        reportedBy: values.text(F.reportedBy), text: values.text(F.text), name: s.name)
    }
  }

  static func resolve(_ s: EService, _ state: AppState) -> FormOverlay {
    typealias F = ResolveServiceReport.Field
    let options = s.openReports.map { r in
      (
        value: r.id.rawValue,
        label: T(verbatim: TextWidth.truncate("\(r.reportedOn) \(r.text)", to: 50))
      )
    }
    return FormOverlay(
      title: CatalogueTexts.resolveTitle(s.name),
      fields: [
        FormField(
          F.report, CatalogueTexts.report, .choice(options), value: options.first?.value ?? ""),
        .day(F.resolvedOn, CatalogueTexts.resolvedOn, state.today, required: true),
        FormField(F.resolution, CatalogueTexts.resolution, .multiline, required: true),
      ]
    ) { values, _ in
      ResolveServiceReport(
        s.id, report: EntityID(values.text(F.report)), resolvedOn: try values.day(F.resolvedOn),
        resolution: values.text(F.resolution), name: s.name)
    }
  }
}

import Foundation

// Every entity's fields, in the order forms show them. Every stored part of an
// entity but its key is listed (a test checks it), so undo and the audit trail
// miss nothing.

private typealias T = LocalizedText

extension Municipality {
  /// Every kind of entity the municipality keeps, for `Change.entityChanges`.
  static let collections: [EntityCollection] =
    [.single(\Municipality.self), .single(\.contacts), .single(\.settings)]
    + lists.map(\.collection)

  /// How many kinds of entity the municipality keeps (for a test that none is missed).
  public static var collectionCount: Int { collections.count }
}

extension Municipality: FieldedEntity {
  public static let entityType = "municipality"
  public var entityKey: String { "municipality" }
  public func readableName(in m: Municipality) -> String { name }
  public static let fields: [AnyField<Municipality>] = [
    Field.text("name", T(sv: "Kommunens namn", en: "Municipality's name"), \.name).erased
  ]
}

// MARK: - The catalogue

extension ServiceRoles: FieldedEntity {
  public static let entityType = "serviceRoles"
  public var entityKey: String { "roles" }
  public func readableName(in m: Municipality) -> String { "" }

  /// The field of one named role.
  public static func field(_ role: ServiceRole) -> Field<ServiceRoles, PersonRef?> {
    Field(role.rawValue, role.label, role.keyPath) { v, m in
      LocalizedText(verbatim: v.map(m.personName) ?? "")
    }.column(importNames: role.importNames)
  }

  public static let fields: [AnyField<ServiceRoles>] = ServiceRole.allCases.map {
    field($0).erased
  }
}

extension ServiceReport: FieldedEntity {
  public static let entityType = "serviceReport"
  public var entityKey: EntityID<ServiceReport> { id }
  public func readableName(in m: Municipality) -> String { "\(reportedOn) \(kind.label.sv)" }
  public static let fields: [AnyField<ServiceReport>] = [
    Field<ServiceReport, ReportKind>("kind", T(sv: "Typ", en: "Kind"), \.kind) { v, _ in v.label }
      .erased,
    Field.day("reportedOn", T(sv: "Rapporterad", en: "Reported"), \ServiceReport.reportedOn).erased,
    Field.text("reportedBy", T(sv: "Rapporterad av", en: "Reported by"), \ServiceReport.reportedBy)
      .erased,
    Field.text("text", T(sv: "Beskrivning", en: "Description"), \ServiceReport.text).erased,
    Field.day("resolvedOn", T(sv: "Åtgärdad", en: "Resolved"), \ServiceReport.resolvedOn).erased,
    Field.text("resolution", T(sv: "Åtgärd", en: "Resolution"), \ServiceReport.resolution).erased,
  ]
  public static let storedFields =
    [
      Field<ServiceReport, EntityID<ServiceReport>>("id", T(sv: "Id", en: "Id"), \.id) { v, _ in
        T(verbatim: v.rawValue)
      }.erased
    ] + fields
}

// MARK: - Staff and access

extension StaffMember: FieldedEntity {
  public static let entityType = "staffMember"
  public var entityKey: EntityID<StaffMember> { id }
  public func readableName(in m: Municipality) -> String { name }

  public enum Fields {
    public static let name = Field.text("name", T(sv: "Namn", en: "Name"), \StaffMember.name)
    public static let login = Field.text(
      "login", T(sv: "Inloggning", en: "Login"), \StaffMember.login)
    public static let department = Field.department(
      "department", T(sv: "Förvaltning", en: "Department"), \StaffMember.department)
    public static let manager = Field.login(
      "manager", T(sv: "Närmaste chef", en: "Manager"), \StaffMember.manager)
    public static let startDate = Field.day(
      "startDate", T(sv: "Startdatum", en: "Start date"), \StaffMember.startDate)
    public static let endDate = Field.day(
      "endDate", T(sv: "Slutdatum", en: "End date"), \StaffMember.endDate)
    public static let status = Field<StaffMember, StaffStatus>(
      "status", T(sv: "Status", en: "Status"), \.status
    ) { v, _ in v.label }
    public static let grants = Field.keyed(
      "grants", T(sv: "Behörigheter", en: "Access"), \StaffMember.grants)
    public static let canSign = Field.flag(
      "canSign", T(sv: "Dokumentsignering", en: "Document signing"), \StaffMember.canSign)
    public static let onboarding = Field.nested(
      "onboarding", T(sv: "Introduktion", en: "Onboarding"), \StaffMember.onboarding)
    public static let offboarding = Field.nested(
      "offboarding", T(sv: "Avslut", en: "Offboarding"), \StaffMember.offboarding)
    public static let removalOverride = Field.text(
      "removalOverride", T(sv: "Skäl för borttagning", en: "Reason for removal"),
      \StaffMember.removalOverride)
    public static let email = PersonFields.email(\StaffMember.email)
    public static let language = PersonFields.language(\StaffMember.language)
  }

  /// The fields the person's add and edit commands carry whole, with no rule of their
  /// own beyond their declaration's; also `staff import`'s and `list staff`'s columns.
  public static let details: [AnyField<StaffMember>] = [
    Fields.email.erased, Fields.language.erased,
  ]

  public static let fields: [AnyField<StaffMember>] =
    [
      Fields.name.erased, Fields.login.erased, Fields.department.erased, Fields.manager.erased,
      Fields.startDate.erased, Fields.endDate.erased, Fields.status.erased, Fields.grants.erased,
      Fields.canSign.erased, Fields.onboarding.erased, Fields.offboarding.erased,
      Fields.removalOverride.erased,
    ] + details

  public static let storedFields = [Field.id(\StaffMember.id).erased] + fields
}

extension AccessGrant: FieldedEntity {
  public static let entityType = "accessGrant"
  public var entityKey: EntityID<EService> { service }
  public func readableName(in m: Municipality) -> String { m.service(service)?.name ?? "?" }
  public enum Fields {
    public static let validFrom = Field.day(
      "validFrom", T(sv: "Giltig från", en: "Valid from"), \AccessGrant.validFrom)
    public static let validTo = Field.day(
      "validTo", T(sv: "Giltig till", en: "Valid to"), \AccessGrant.validTo)
  }

  public static let fields: [AnyField<AccessGrant>] = [
    Fields.validFrom.erased, Fields.validTo.erased,
  ]

  public static let storedFields =
    [Field<AccessGrant, EntityID<EService>>.id(\.service, name: "service").erased] + fields
}

extension Checklist: FieldedEntity {
  public static let entityType = "checklist"
  public var entityKey: String { "checklist" }
  public func readableName(in m: Municipality) -> String { "" }
  public enum Fields {
    public static let due = Field.day("due", T(sv: "Klart senast", en: "Due"), \Checklist.due)
    public static let items = Field.keyed("items", T(sv: "Steg", en: "Steps"), \Checklist.items)
  }

  public static let fields: [AnyField<Checklist>] = [Fields.due.erased, Fields.items.erased]
  /// The file has the steps first.
  public static let storedFields: [AnyField<Checklist>] = [Fields.items.erased, Fields.due.erased]
}

extension ChecklistItem: FieldedEntity {
  public static let entityType = "checklistItem"
  public var entityKey: String { step.rawValue }
  public func readableName(in m: Municipality) -> String { step.label.sv }
  public static let fields: [AnyField<ChecklistItem>] = [
    Field.login("doneBy", T(sv: "Utfört av", en: "Done by"), \ChecklistItem.doneBy).erased,
    Field.time("doneAt", T(sv: "Utfört", en: "Done at"), \ChecklistItem.doneAt).erased,
    Field.text("note", T(sv: "Anteckning", en: "Note"), \ChecklistItem.note).erased,
  ]
  public static let storedFields =
    [
      Field<ChecklistItem, ChecklistStep>("step", T(sv: "Steg", en: "Step"), \.step) { v, _ in
        v.label
      }.erased
    ] + fields
}

extension Case: FieldedEntity {
  public static let entityType = "case"
  public var entityKey: EntityID<Case> { id }
  public func readableName(in m: Municipality) -> String { number }
  public static let fields: [AnyField<Case>] = [
    Field.text("number", T(sv: "Ärendenummer", en: "Case number"), \Case.number).erased,
    Field<Case, EntityID<EService>>("service", T(sv: "E-tjänst", en: "E-service"), \.service) {
      v, m in T(verbatim: m.service(v)?.name ?? "?")
    }.erased,
    Field<Case, EntityID<StaffMember>>(
      "officer", T(sv: "Handläggare", en: "Case officer"), \.officer
    ) {
      v, m in T(verbatim: m.staffMember(v)?.name ?? "?")
    }.erased,
    Field<Case, CaseStatus>("status", T(sv: "Status", en: "Status"), \.status) { v, _ in v.label }
      .erased,
    Field<Case, EntityID<StaffMember>?>(
      "transferredFrom", T(sv: "Överfört från", en: "Transferred from"), \.transferredFrom
    ) { v, m in T(verbatim: v.map { m.staffMember($0)?.name ?? "?" } ?? "") }.erased,
    Field<Case, Day?>("closedOn", T(sv: "Avslutat", en: "Closed on"), \.closedOn) { v, _ in
      T(verbatim: v?.description ?? "")
    }.erased,
  ]

  public static let storedFields = [Field.id(\Case.id).erased] + fields
}

// MARK: - Orders

extension ServiceOrder: FieldedEntity {
  public static let entityType = "serviceOrder"
  public var entityKey: EntityID<ServiceOrder> { id }
  public func readableName(in m: Municipality) -> String { title }

  public enum Fields {
    public static let title = Field.text("title", T(sv: "Titel", en: "Title"), \ServiceOrder.title)
    public static let department = Field.department(
      "department", T(sv: "Förvaltning", en: "Department"), \ServiceOrder.department)
    public static let contactPerson = Field.text(
      "contactPerson", T(sv: "Kontaktperson", en: "Contact person"), \ServiceOrder.contactPerson)
    public static let contactEmail = Field.text(
      "contactEmail", T(sv: "Kontaktpersonens e-post", en: "Contact's e-mail"),
      \ServiceOrder.contactEmail)
    public static let audience = Field<ServiceOrder, Audience>(
      "audience", T(sv: "Målgrupp", en: "Audience"), \.audience
    ) { v, _ in v.label }
    public static let need = Field.nested("need", T(sv: "Behov", en: "Need"), \ServiceOrder.need)
    public static let orderCaseNumber = Field.text(
      "orderCaseNumber", T(sv: "Beställningens ärendenummer", en: "Order case number"),
      \ServiceOrder.orderCaseNumber)
    public static let step = Field<ServiceOrder, OrderStep>(
      "step", T(sv: "Steg", en: "Step"), \.step
    ) { v, _ in v.label }
    public static let stepHistory = Field<ServiceOrder, [StepChange]>(
      "stepHistory", T(sv: "Steghistorik", en: "Step history"), \.stepHistory
    ) { v, _ in
      guard let last = v.last else { return T(verbatim: "") }
      return T(
        sv: "\(last.step.label.sv) \(FieldTexts.time(last.at)) (\(last.by))",
        en: "\(last.step.label.en) \(FieldTexts.time(last.at)) (\(last.by))")
    }
    public static let service = Field<ServiceOrder, EntityID<EService>?>(
      "service", T(sv: "E-tjänst", en: "E-service"), \.service
    ) { v, m in T(verbatim: v.map { m.service($0)?.name ?? "?" } ?? "") }
    public static let meeting = Field.nested(
      "meeting", T(sv: "Granskningsmöte", en: "Review meeting"), \ServiceOrder.meeting)
    public static let comments = Field.keyed(
      "comments", T(sv: "Synpunkter", en: "Comments"), \ServiceOrder.comments)
    public static let agreement = Field<ServiceOrder, Agreement?>(
      "agreement", T(sv: "Godkännande", en: "Agreement"), \.agreement
    ) { v, _ in T(verbatim: v.map { "\($0.by) \(FieldTexts.time($0.at))" } ?? "") }
    public static let hold = Field<ServiceOrder, OrderHold?>(
      "hold", T(sv: "Pausad/avbruten", en: "On hold/cancelled"), \.hold
    ) { v, _ in
      guard let v else { return T(verbatim: "") }
      let kind =
        v.kind == .onHold ? T(sv: "pausad", en: "on hold") : T(sv: "avbruten", en: "cancelled")
      return T(sv: "\(kind.sv): \(v.reason)", en: "\(kind.en): \(v.reason)")
    }
    public static let created = Field.time(
      "created", T(sv: "Skapad", en: "Created"), \ServiceOrder.created)
  }

  public static let fields: [AnyField<ServiceOrder>] = [
    Fields.title.erased, Fields.department.erased, Fields.contactPerson.erased,
    Fields.contactEmail.erased, Fields.audience.erased, Fields.need.erased,
    Fields.orderCaseNumber.erased, Fields.step.erased, Fields.stepHistory.erased,
    Fields.service.erased, Fields.meeting.erased, Fields.comments.erased,
    Fields.agreement.erased, Fields.hold.erased, Fields.created.erased,
  ]

  public static let storedFields = [Field.id(\ServiceOrder.id).erased] + fields
}

extension Need: FieldedEntity {
  public static let entityType = "need"
  public var entityKey: String { "need" }
  public func readableName(in m: Municipality) -> String { "" }
  public static let fields: [AnyField<Need>] = [
    Field.text("beneficiaries", T(sv: "Vem har nytta", en: "Who benefits"), \Need.beneficiaries)
      .erased,
    Field.text(
      "expectedEffect", T(sv: "Förväntad effekt", en: "Expected effect"), \Need.expectedEffect
    )
    .erased,
    Field.number("effectScore", T(sv: "Effekt (1–3)", en: "Effect (1–3)"), \Need.effectScore)
      .erased,
    Field.number(
      "yearlyCaseVolume", T(sv: "Ärenden per år", en: "Cases per year"), \Need.yearlyCaseVolume
    )
    .erased,
    Field.lines(
      "paperFormsReplaced", T(sv: "Ersatta pappersblanketter", en: "Paper forms replaced"),
      \Need.paperFormsReplaced
    ).erased,
  ]
}

extension ReviewMeeting: FieldedEntity {
  public static let entityType = "reviewMeeting"
  public var entityKey: String { "meeting" }
  public func readableName(in m: Municipality) -> String { "" }
  public enum Fields {
    public static let at = Field.time("at", T(sv: "Tid", en: "Time"), \ReviewMeeting.at)
    public static let place = Field.text("place", T(sv: "Plats", en: "Place"), \ReviewMeeting.place)
  }

  public static let fields: [AnyField<ReviewMeeting>] = [Fields.at.erased, Fields.place.erased]
}

extension ReviewComment: FieldedEntity {
  public static let entityType = "reviewComment"
  public var entityKey: EntityID<ReviewComment> { id }
  public func readableName(in m: Municipality) -> String { text }
  public enum Fields {
    public static let text = Field.text(
      "text", T(sv: "Synpunkt", en: "Comment"), \ReviewComment.text)
    public static let resolution = Field<ReviewComment, CommentResolution>(
      "resolution", T(sv: "Hantering", en: "Resolution"), \.resolution
    ) { v, _ in v.label }
    public static let note = Field.text(
      "note", T(sv: "Anteckning", en: "Note"), \ReviewComment.note)
  }

  public static let fields: [AnyField<ReviewComment>] = [
    Fields.text.erased, Fields.resolution.erased, Fields.note.erased,
  ]

  public static let storedFields = [Field.id(\ReviewComment.id).erased] + fields
}

extension RefusedOrder: FieldedEntity {
  public static let entityType = "refusedOrder"
  public var entityKey: EntityID<RefusedOrder> { id }
  public func readableName(in m: Municipality) -> String { title }
  public static let fields: [AnyField<RefusedOrder>] = [
    Field.text("title", T(sv: "Titel", en: "Title"), \RefusedOrder.title).erased,
    Field.department("department", T(sv: "Förvaltning", en: "Department"), \RefusedOrder.department)
      .erased,
    Field.text("channel", T(sv: "Kanal", en: "Channel"), \RefusedOrder.channel).erased,
    Field.time("refusedAt", T(sv: "Avvisad", en: "Refused"), \RefusedOrder.refusedAt).erased,
    Field.text("refusedBy", T(sv: "Avvisad av", en: "Refused by"), \RefusedOrder.refusedBy).erased,
  ]

  public static let storedFields = [Field.id(\RefusedOrder.id).erased] + fields
}

// MARK: - Outages and routines

extension Outage: FieldedEntity {
  public static let entityType = "outage"
  public var entityKey: EntityID<Outage> { id }
  public func readableName(in m: Municipality) -> String {
    (isDrill ? "Övning " : "Avbrott ") + FieldTexts.time(start)
  }

  public enum Fields {
    public static let start = Field.time("start", T(sv: "Start", en: "Start"), \Outage.start)
    public static let scope = Field<Outage, OutageScope>(
      "scope", T(sv: "Omfattning", en: "Scope"), \.scope
    ) { v, m in
      switch v {
      case .wholePlatform: return T(sv: "hela plattformen", en: "the whole platform")
      case .services(let ids):
        return T(verbatim: ids.map { m.service($0)?.name ?? "?" }.joined(separator: ", "))
      }
    }
    public static let observed = Field.text(
      "observed", T(sv: "Iakttaget", en: "Observed"), \Outage.observed)
    public static let declaredBy = Field.text(
      "declaredBy", T(sv: "Anmält av", en: "Declared by"), \Outage.declaredBy)
    public static let isDrill = Field.flag("isDrill", T(sv: "Övning", en: "Drill"), \Outage.isDrill)
    public static let contact = Field.nested(
      "contact", T(sv: "Kontakt med e-nämnden", en: "Contact with the e-board"), \Outage.contact)
    public static let notified = Field.keyed(
      "notified", T(sv: "Informerade förvaltningar", en: "Departments informed"), \Outage.notified)
    public static let end = Field.time("end", T(sv: "Slut", en: "End"), \Outage.end)
    public static let cause = Field.text("cause", T(sv: "Orsak", en: "Cause"), \Outage.cause)
    public static let followUp = Field.text(
      "followUp", T(sv: "Uppföljning", en: "Follow-up"), \Outage.followUp)
    public static let neverTold = Field<Outage, [EntityID<Department>]>(
      "neverTold", T(sv: "Fick aldrig besked", en: "Never told"), \.neverTold
    ) { v, m in T(verbatim: v.map { m.departmentName($0) }.joined(separator: ", ")) }
    .absent(means: []).column("departmentsNeverTold", table: true, imported: false)
  }

  public static let fields: [AnyField<Outage>] = [
    Fields.start.erased, Fields.scope.erased, Fields.observed.erased, Fields.declaredBy.erased,
    Fields.isDrill.erased, Fields.contact.erased, Fields.notified.erased, Fields.end.erased,
    Fields.cause.erased, Fields.followUp.erased, Fields.neverTold.erased,
  ]

  public static let storedFields = [Field.id(\Outage.id).erased] + fields
}

extension ContactRecord: FieldedEntity {
  public static let entityType = "contactRecord"
  public var entityKey: String { "contact" }
  public func readableName(in m: Municipality) -> String { "" }
  public static let fields: [AnyField<ContactRecord>] = [
    Field.time("at", T(sv: "Tid", en: "Time"), \ContactRecord.at).erased,
    Field.text("channel", T(sv: "Kanal", en: "Channel"), \ContactRecord.channel).erased,
    Field.text("by", T(sv: "Av", en: "By"), \ContactRecord.by).erased,
    Field.text("reference", T(sv: "Referens", en: "Reference"), \ContactRecord.reference).erased,
  ]
}

extension DepartmentNotice: FieldedEntity {
  public static let entityType = "departmentNotice"
  public var entityKey: EntityID<Department> { department }
  public func readableName(in m: Municipality) -> String { m.departmentName(department) }
  public static let fields: [AnyField<DepartmentNotice>] = [
    Field.time("at", T(sv: "Informerad", en: "Informed"), \DepartmentNotice.at).erased
  ]

  public static let storedFields =
    [Field<DepartmentNotice, EntityID<Department>>.id(\.department, name: "department").erased]
    + fields
}

extension Department: FieldedEntity {
  public static let entityType = "department"
  public var entityKey: EntityID<Department> { id }
  public func readableName(in m: Municipality) -> String { name }

  public enum Fields {
    public static let name = Field.text("name", T(sv: "Namn", en: "Name"), \Department.name)
    public static let fallbackRoutine = Field.nested(
      "fallbackRoutine", T(sv: "Reservrutin", en: "Fallback routine"), \Department.fallbackRoutine)
  }

  public static let fields: [AnyField<Department>] = [
    Fields.name.erased, Fields.fallbackRoutine.erased,
  ]

  public static let storedFields = [Field.id(\Department.id).erased] + fields
}

extension FallbackRoutine: FieldedEntity {
  public static let entityType = "fallbackRoutine"
  public var entityKey: String { "routine" }
  public func readableName(in m: Municipality) -> String { "" }

  public enum Fields {
    public static let steps = Field.text(
      "steps", T(sv: "Steg", en: "Steps"), \FallbackRoutine.steps)
    public static let location = Field.text(
      "location", T(sv: "Var den finns", en: "Where it is kept"), \FallbackRoutine.location)
    public static let responsible = Field.text(
      "responsible", T(sv: "Ansvarig", en: "Responsible"), \FallbackRoutine.responsible)
    public static let lastReviewed = Field.day(
      "lastReviewed", T(sv: "Senast granskad", en: "Last reviewed"), \FallbackRoutine.lastReviewed)
    public static let lastTested = Field.day(
      "lastTested", T(sv: "Senast testad", en: "Last tested"), \FallbackRoutine.lastTested)
    public static let reviewIntervalMonths = Field.number(
      "reviewIntervalMonths", T(sv: "Granskningsintervall (mån)", en: "Review interval (months)"),
      \FallbackRoutine.reviewIntervalMonths)
  }

  public static let fields: [AnyField<FallbackRoutine>] = [
    Fields.steps.erased, Fields.location.erased, Fields.responsible.erased,
    Fields.lastReviewed.erased, Fields.lastTested.erased, Fields.reviewIntervalMonths.erased,
  ]
}

// MARK: - Users, contacts, settings

extension User: FieldedEntity {
  public static let entityType = "user"
  public var entityKey: String { login }
  public func readableName(in m: Municipality) -> String { "\(name) (\(login))" }

  public enum Fields {
    public static let name = Field.text("name", T(sv: "Namn", en: "Name"), \User.name)
    public static let role = Field<User, Role>("role", T(sv: "Roll", en: "Role"), \.role) { v, m in
      switch v {
      case .eCoordinator: return T(sv: "e-samordnare", en: "e-coordinator")
      case .manager(let d):
        return T(
          sv: "chef, \(m.departmentName(d))", en: "manager, \(m.departmentName(d))")
      }
    }
    /// Absent means "ask", so files and users that never chose stay as they were.
    public static let quitWith = Field<User, QuitPreference>(
      "quitWith", T(sv: "Avsluta", en: "Quit"), \.quitWith
    ) { v, _ in v.label }.absent(means: .ask, leftOut: true)
    public static let email = PersonFields.email(\User.email)
    public static let language = PersonFields.language(\User.language)
  }

  /// The fields the user's add and edit commands carry whole, with no rule of their
  /// own beyond their declaration's; also `users import`'s columns.
  public static let details: [AnyField<User>] = [Fields.email.erased, Fields.language.erased]

  public static let fields: [AnyField<User>] =
    [Fields.name.erased, Fields.role.erased, Fields.quitWith.erased] + details

  public static let storedFields =
    [Field.text("login", T(sv: "Inloggning", en: "Login"), \User.login).erased] + fields
}

extension Contacts: FieldedEntity {
  public static let entityType = "contacts"
  public var entityKey: String { "contacts" }
  public func readableName(in m: Municipality) -> String { "Kontakter" }

  public enum Fields {
    public static let eCoordinator = Field.nested(
      "eCoordinator", T(sv: "E-samordnare", en: "E-coordinator"), \Contacts.eCoordinator)
    public static let systemAdministrator = Field.nested(
      "systemAdministrator", T(sv: "Systemförvaltare", en: "System administrator"),
      \Contacts.systemAdministrator)
    public static let orderServiceAddress = Field.text(
      "orderServiceAddress", T(sv: "Beställningstjänstens adress", en: "Order service address"),
      \Contacts.orderServiceAddress)
  }

  public static let fields: [AnyField<Contacts>] = [
    Fields.eCoordinator.erased, Fields.systemAdministrator.erased,
    Fields.orderServiceAddress.erased,
  ]
}

extension ContactCard: FieldedEntity {
  public static let entityType = "contactCard"
  public var entityKey: String { "card" }
  public func readableName(in m: Municipality) -> String { "" }

  public enum Fields {
    public static let name = Field.text("name", T(sv: "Namn", en: "Name"), \ContactCard.name)
    public static let organisation = Field.text(
      "organisation", T(sv: "Organisation", en: "Organisation"), \ContactCard.organisation)
    public static let phone = Field.text("phone", T(sv: "Telefon", en: "Phone"), \ContactCard.phone)
    public static let email = Field.text("email", T(sv: "E-post", en: "E-mail"), \ContactCard.email)
  }

  public static let fields: [AnyField<ContactCard>] = [
    Fields.name.erased, Fields.organisation.erased, Fields.phone.erased, Fields.email.erased,
  ]
}

// MARK: - Labels of the values

extension StaffStatus {
  public var label: LocalizedText {
    switch self {
    case .onboarding: return T(sv: "Introduktion", en: "Onboarding")
    case .active: return T(sv: "Aktiv", en: "Active")
    case .offboarding: return T(sv: "Slutar", en: "Leaving")
    case .removed: return T(sv: "Borttagen", en: "Removed")
    }
  }
}

extension CaseStatus {
  public var label: LocalizedText {
    switch self {
    case .ongoing: return T(sv: "Pågående", en: "Ongoing")
    case .closedArchived: return T(sv: "Avslutad/Arkiverad", en: "Closed/archived")
    }
  }
}

extension OrderStep {
  public var label: LocalizedText {
    switch self {
    case .needsMapped: return T(sv: "1 Behov", en: "1 Need")
    case .ordered: return T(sv: "2 Beställd", en: "2 Ordered")
    case .firstVersion: return T(sv: "3 Bygge", en: "3 Building")
    case .review: return T(sv: "4 Granskning", en: "4 Review")
    case .published: return T(sv: "5 Publicerad", en: "5 Published")
    }
  }
}

extension CommentResolution {
  public var label: LocalizedText {
    switch self {
    case .open: return T(sv: "öppen", en: "open")
    case .adjusted: return T(sv: "justerad", en: "adjusted")
    case .declined: return T(sv: "avböjd", en: "declined")
    }
  }
}

extension ChecklistStep {
  public var label: LocalizedText {
    switch self {
    case .managerContactedDuringIntroduction:
      return T(
        sv: "Chefen kontaktade e-samordnaren under introduktionen",
        en: "Manager contacted the e-coordinator during the introduction")
    case .accessGranted:
      return T(sv: "Behörighet till e-tjänsterna", en: "Access to the e-services granted")
    case .signingGranted: return T(sv: "Dokumentsignering beviljad", en: "Document signing granted")
    case .casesClosedOrTransferred:
      return T(sv: "Ärenden avslutade eller överförda", en: "Cases closed or transferred")
    case .managerContactedOnLeaving:
      return T(sv: "Chefen kontaktade e-samordnaren", en: "Manager contacted the e-coordinator")
    case .signingRevoked:
      return T(sv: "Dokumentsignering återkallad", en: "Document signing revoked")
    case .removedFromPlatform:
      return T(sv: "Borttagen från e-tjänsteplattformen", en: "Removed from the platform")
    }
  }
}

// The records an entity keeps a history or a state in: declared like the entities, so
// the store codes them from these declarations as it codes everything else.

extension StatusChange: FieldedEntity {
  public static let entityType = "statusChange"
  public var entityKey: Date { at }
  public func readableName(in m: Municipality) -> String { status.label.sv }
  public static let fields: [AnyField<StatusChange>] = [
    Field<StatusChange, ServiceStatus>("status", T(sv: "Status", en: "Status"), \.status) {
      v, _ in v.label
    }.erased,
    Field.time("at", T(sv: "När", en: "When"), \StatusChange.at).erased,
    Field.login("by", T(sv: "Av", en: "By"), \StatusChange.by).erased,
    Field<StatusChange, PublicationSource?>("source", T(sv: "Grund", en: "Source"), \.source) {
      v, _ in LocalizedText(verbatim: v?.rawValue ?? "")
    }.erased,
    Field.text("reason", T(sv: "Skäl", en: "Reason"), \StatusChange.reason).erased,
  ]
  public static let storedFields = fields
}

extension StepChange: FieldedEntity {
  public static let entityType = "stepChange"
  public var entityKey: Date { at }
  public func readableName(in m: Municipality) -> String { step.label.sv }
  public static let fields: [AnyField<StepChange>] = [
    Field<StepChange, OrderStep>("step", T(sv: "Steg", en: "Step"), \.step) { v, _ in v.label }
      .erased,
    Field.time("at", T(sv: "När", en: "When"), \StepChange.at).erased,
    Field.login("by", T(sv: "Av", en: "By"), \StepChange.by).erased,
  ]
  public static let storedFields = fields
}

extension Agreement: FieldedEntity {
  public static let entityType = "agreement"
  public var entityKey: String { by }
  public func readableName(in m: Municipality) -> String { m.displayName(login: by) }
  public static let fields: [AnyField<Agreement>] = [
    Field.login("by", T(sv: "Av", en: "By"), \Agreement.by).erased,
    Field.time("at", T(sv: "När", en: "When"), \Agreement.at).erased,
  ]
  public static let storedFields = fields
}

extension OrderHold: FieldedEntity {
  public static let entityType = "orderHold"
  public var entityKey: String { kind.rawValue }
  public func readableName(in m: Municipality) -> String { reason }
  public static let fields: [AnyField<OrderHold>] = [
    Field<OrderHold, HoldKind>("kind", T(sv: "Slag", en: "Kind"), \.kind) { v, _ in
      LocalizedText(verbatim: v.rawValue)
    }.erased,
    Field.text("reason", T(sv: "Skäl", en: "Reason"), \OrderHold.reason).erased,
    Field.time("since", T(sv: "Sedan", en: "Since"), \OrderHold.since).erased,
    Field.login("by", T(sv: "Av", en: "By"), \OrderHold.by).erased,
  ]
  public static let storedFields = fields
}

import Foundation

/// One e-service in the catalogue, with what Open ePlatform's administration keeps
/// for it: its flow family, its owners, its health (guideline 1.1 and 4).
public struct EService: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<EService>
  public var name: String
  public var department: EntityID<Department>
  public var audience: Audience
  public var category: String
  public var status: ServiceStatus
  /// Every change of status, oldest first.
  public var statusHistory: [StatusChange]
  /// "Open ePlatform" unless the service lives elsewhere, which 1.1 flags.
  public var platform: String
  public var flowFamilyID: String
  public var address: String
  public var roles: ServiceRoles
  public var needsELegitimation: Bool
  public var needsSigning: Bool
  /// Paper forms this e-service replaces (goal 2: fewer paper forms).
  public var paperFormsReplaced: [String]
  /// Runs without manual handling (goal 2: automation of simple tasks).
  public var automated: Bool
  public var yearlyCaseVolume: Int?
  public var handlingDaysBefore: Int?
  public var handlingDaysAfter: Int?
  /// The department's own legal requirements for the service (4).
  public var legalNote: String
  public var lastReviewed: Day?
  public var reviewIntervalMonths: Int
  /// Errors and revision needs reported by the department (4).
  public var reports: [ServiceReport]
  /// Whether the e-service processes personal data (GDPR).
  public var processesPersonalData = false
  /// The day the e-service was entered in the municipality's register of processing
  /// (GDPR article 30); nil while it is not there.
  public var inProcessingRegister: Day? = nil

  public static let openEPlatform = "Open ePlatform"

  public init(
    id: EntityID<EService> = .make(), name: String, department: EntityID<Department>,
    audience: Audience = .external, category: String = "", status: ServiceStatus = .ordered,
    statusHistory: [StatusChange] = [], platform: String = EService.openEPlatform,
    flowFamilyID: String = "", address: String = "", roles: ServiceRoles = ServiceRoles(),
    needsELegitimation: Bool = false, needsSigning: Bool = false,
    paperFormsReplaced: [String] = [], automated: Bool = false, yearlyCaseVolume: Int? = nil,
    handlingDaysBefore: Int? = nil, handlingDaysAfter: Int? = nil, legalNote: String = "",
    lastReviewed: Day? = nil, reviewIntervalMonths: Int = 12, reports: [ServiceReport] = []
  ) {
    self.id = id
    self.name = name
    self.department = department
    self.audience = audience
    self.category = category
    self.status = status
    self.statusHistory = statusHistory
    self.platform = platform
    self.flowFamilyID = flowFamilyID
    self.address = address
    self.roles = roles
    self.needsELegitimation = needsELegitimation
    self.needsSigning = needsSigning
    self.paperFormsReplaced = paperFormsReplaced
    self.automated = automated
    self.yearlyCaseVolume = yearlyCaseVolume
    self.handlingDaysBefore = handlingDaysBefore
    self.handlingDaysAfter = handlingDaysAfter
    self.legalNote = legalNote
    self.lastReviewed = lastReviewed
    self.reviewIntervalMonths = reviewIntervalMonths
    self.reports = reports
  }
}

/// Who the e-service is for (guideline 1.1 and step 1).
public enum Audience: String, Codable, Sendable, CaseIterable {
  /// For citizens, built from their needs.
  case external
  /// For staff, built to make the departments more efficient.
  case `internal`
}

public enum ServiceStatus: String, Codable, Sendable, CaseIterable {
  case ordered
  case inDevelopment
  case inReview
  case published
  case revisionNeeded
  case unpublished
}

public struct StatusChange: Codable, Sendable, Equatable {
  public var status: ServiceStatus
  public var at: Date
  /// The login of the user who changed it.
  public var by: String
  /// How a first publication came about; nil for every other change.
  public var source: PublicationSource?
  /// Why an e-service registered as running is known to run already (since when,
  /// where), as the e-coordinator gave it; nil for every other change.
  public var reason: String?

  public init(
    status: ServiceStatus, at: Date, by: String, source: PublicationSource? = nil,
    reason: String? = nil
  ) {
    self.status = status
    self.at = at
    self.by = by
    self.source = source
    self.reason = reason
  }
}

/// The two ways an e-service becomes published (guideline 6): its order's step 5,
/// or registering one that already runs on the platform (when a municipality sets
/// up the console, or takes over a service built elsewhere).
public enum PublicationSource: String, Codable, Sendable {
  case orderStep5
  case registeredRunning
}

/// The named roles of an e-service (guideline 4; Open ePlatform's management info).
public struct ServiceRoles: Codable, Sendable, Equatable {
  public var processOwner: PersonRef?
  public var serviceOwner: PersonRef?
  public var informationOwner: PersonRef?
  /// Personuppgiftsansvarig.
  public var dataController: PersonRef?
  public var contactPerson: PersonRef?

  public init(
    processOwner: PersonRef? = nil, serviceOwner: PersonRef? = nil,
    informationOwner: PersonRef? = nil, dataController: PersonRef? = nil,
    contactPerson: PersonRef? = nil
  ) {
    self.processOwner = processOwner
    self.serviceOwner = serviceOwner
    self.informationOwner = informationOwner
    self.dataController = dataController
    self.contactPerson = contactPerson
  }
}

/// A person named in a role: a staff member where one exists, else a name and e-mail.
public enum PersonRef: Codable, Sendable, Equatable {
  case staff(EntityID<StaffMember>)
  case named(name: String, email: String)
}

/// An error or revision need reported by the owning department (guideline 4).
public struct ServiceReport: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<ServiceReport>
  public var kind: ReportKind
  public var reportedOn: Day
  public var reportedBy: String
  public var text: String
  public var resolvedOn: Day?
  public var resolution: String

  public var isOpen: Bool { resolvedOn == nil }

  public init(
    id: EntityID<ServiceReport> = .make(), kind: ReportKind, reportedOn: Day, reportedBy: String,
    text: String, resolvedOn: Day? = nil, resolution: String = ""
  ) {
    self.id = id
    self.kind = kind
    self.reportedOn = reportedOn
    self.reportedBy = reportedBy
    self.text = text
    self.resolvedOn = resolvedOn
    self.resolution = resolution
  }
}

public enum ReportKind: String, Codable, Sendable, CaseIterable {
  case error
  case revisionNeed
}

// MARK: - The e-service's fields

private typealias T = LocalizedText

/// Every field of an e-service, declared once: its name and label, its key in the
/// store, its kind (the factory: text and its cleaning, a number and its range, a
/// day, a choice, a reference, a nested value or list), and its column in `list
/// services` and `services import` with the other names an import takes for it.
/// The store's coding, its validation, the export, the import and the catalogue's
/// form are built from these (ARCHITECTURE.md, "Adding a field").
extension EService: FieldedEntity {
  public static let entityType = "eService"
  public var entityKey: EntityID<EService> { id }
  public func readableName(in m: Municipality) -> String { name }

  public enum Fields {
    public static let id = Field<EService, EntityID<EService>>(
      "id", T(sv: "Id", en: "Id"), \.id
    ) { v, _ in T(verbatim: v.rawValue) }.column(imported: false)
    public static let name = Field.text("name", T(sv: "Namn", en: "Name"), \EService.name)
      .column(table: true, importNames: ["e-tjänst", "e-service"])
    public static let department = Field.department(
      "department", T(sv: "Förvaltning", en: "Department"), \EService.department
    ).column(table: true)
    public static let audience = Field<EService, Audience>(
      "audience", T(sv: "Målgrupp", en: "Audience"), \.audience
    ) { v, _ in v.label }.column()
    public static let category = Field.text(
      "category", T(sv: "Kategori", en: "Category"), \EService.category
    ).column()
    public static let status = Field<EService, ServiceStatus>(
      "status", T(sv: "Status", en: "Status"), \.status
    ) { v, _ in v.label }.column()
    public static let statusHistory = Field<EService, [StatusChange]>(
      "statusHistory", T(sv: "Statushistorik", en: "Status history"), \.statusHistory
    ) { v, _ in
      guard let last = v.last else { return T(verbatim: "") }
      return T(
        sv: "\(last.status.label.sv) \(FieldTexts.time(last.at)) (\(last.by))",
        en: "\(last.status.label.en) \(FieldTexts.time(last.at)) (\(last.by))")
    }
    public static let platform = Field.text(
      "platform", T(sv: "Plattform", en: "Platform"), \EService.platform
    ).column()
    public static let flowFamilyID = Field.text(
      "flowFamilyID", T(sv: "Flödesfamilj", en: "Flow family"), \EService.flowFamilyID
    ).column("flowFamilyId", importNames: ["flow family id", "familjeid", "familje-id"])
    public static let address = Field.text(
      "address", T(sv: "Adress", en: "Address"), \EService.address
    ).column(importNames: ["url"])
    public static let roles = Field.nested("roles", T(sv: "Roller", en: "Roles"), \EService.roles)
    /// One named role, as a field of its own ("roles.serviceOwner").
    public static func role(_ role: ServiceRole) -> Field<EService, PersonRef?> {
      roles.appending(ServiceRoles.field(role))
    }
    public static let needsELegitimation = Field.flag(
      "needsELegitimation", T(sv: "E-legitimation", en: "E-identification"),
      \EService.needsELegitimation
    ).column()
    public static let needsSigning = Field.flag(
      "needsSigning", T(sv: "Underskrift", en: "Signing"), \EService.needsSigning
    ).column(importNames: ["signering"])
    public static let paperFormsReplaced = Field.lines(
      "paperFormsReplaced", T(sv: "Ersatta pappersblanketter", en: "Paper forms replaced"),
      \EService.paperFormsReplaced
    ).column(importNames: ["ersätter blanketter"])
    public static let automated = Field.flag(
      "automated", T(sv: "Automatiserad", en: "Automated"), \EService.automated
    ).column()
    public static let yearlyCaseVolume = Field.number(
      "yearlyCaseVolume", T(sv: "Ärenden per år", en: "Cases per year"),
      \EService.yearlyCaseVolume
    ).ranged(StoredRange.volume).column(importNames: ["cases a year"])
    public static let handlingDaysBefore = Field.number(
      "handlingDaysBefore", T(sv: "Handläggningsdagar före", en: "Handling days before"),
      \EService.handlingDaysBefore
    ).ranged(StoredRange.days).column()
    public static let handlingDaysAfter = Field.number(
      "handlingDaysAfter", T(sv: "Handläggningsdagar efter", en: "Handling days after"),
      \EService.handlingDaysAfter
    ).ranged(StoredRange.days).column()
    public static let legalNote = Field.text(
      "legalNote", T(sv: "Lagkrav", en: "Legal requirements"), \EService.legalNote,
      cleaning: .multiline
    ).column()
    public static let lastReviewed = Field.day(
      "lastReviewed", T(sv: "Senast granskad", en: "Last reviewed"), \EService.lastReviewed
    ).column()
    public static let reviewIntervalMonths = Field.number(
      "reviewIntervalMonths", T(sv: "Granskningsintervall (mån)", en: "Review interval (months)"),
      \EService.reviewIntervalMonths
    ).ranged(StoredRange.months).column(importNames: ["granskas var (mån.)"])
    public static let reports = Field.keyed(
      "reports", T(sv: "Rapporter", en: "Reports"), \EService.reports)
    public static let processesPersonalData = Field.flag(
      "processesPersonalData", T(sv: "Behandlar personuppgifter", en: "Processes personal data"),
      \EService.processesPersonalData
    ).absent(means: false).column(importNames: ["personuppgifter", "personal data"])
    public static let inProcessingRegister = Field.day(
      "inProcessingRegister",
      T(sv: "I registerförteckningen", en: "In the register of processing"),
      \EService.inProcessingRegister
    ).column(importNames: ["registerförteckning", "register of processing"])
  }

  public static let fields: [AnyField<EService>] = [
    Fields.name.erased, Fields.department.erased, Fields.audience.erased,
    Fields.category.erased, Fields.status.erased, Fields.statusHistory.erased,
    Fields.platform.erased, Fields.flowFamilyID.erased, Fields.address.erased,
    Fields.roles.erased, Fields.needsELegitimation.erased, Fields.needsSigning.erased,
    Fields.paperFormsReplaced.erased, Fields.automated.erased, Fields.yearlyCaseVolume.erased,
    Fields.handlingDaysBefore.erased, Fields.handlingDaysAfter.erased, Fields.legalNote.erased,
    Fields.lastReviewed.erased, Fields.reviewIntervalMonths.erased, Fields.reports.erased,
    Fields.processesPersonalData.erased, Fields.inProcessingRegister.erased,
  ]

  public static let storedFields = [Fields.id.erased] + fields

  /// The fields a user sets in the catalogue's form (`EServiceDraft`): all but the
  /// id, the status, its history and the reports, which have commands of their own.
  public static let draftFields: [AnyField<EService>] = fields.filter {
    !["status", "statusHistory", "reports"].contains($0.name)
  }
}

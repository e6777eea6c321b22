import Foundation

/// What a user (or another area's command) may set on an e-service: its
/// `EService.draftFields`, everything but its id, status history and reports,
/// which have their own commands. Adding and editing both go through `validated`,
/// so the rules are written once. The values are held as an e-service holds them
/// (`draft.name` reads `values.name`), so a field added to the e-service's
/// declarations is a field of the draft with no change here.
@dynamicMemberLookup
public struct EServiceDraft: Sendable, Equatable {
  /// The draft's values; only `EService.draftFields` are read from it.
  public var values: EService
  /// Nil until a department is chosen.
  public var department: EntityID<Department>?
  /// Nil: the municipality's default (`Settings.serviceReviewIntervalMonths`).
  public var reviewIntervalMonths: Int?

  public subscript<Value>(dynamicMember path: WritableKeyPath<EService, Value>) -> Value {
    get { values[keyPath: path] }
    set { values[keyPath: path] = newValue }
  }

  public init(
    name: String, department: EntityID<Department>?, audience: Audience = .external,
    category: String = "",
    platform: String = EService.openEPlatform, flowFamilyID: String = "", address: String = "",
    roles: ServiceRoles = ServiceRoles(), needsELegitimation: Bool = false,
    needsSigning: Bool = false,
    automated: Bool = false, paperFormsReplaced: [String] = [], yearlyCaseVolume: Int? = nil,
    handlingDaysBefore: Int? = nil, handlingDaysAfter: Int? = nil, legalNote: String = "",
    lastReviewed: Day? = nil, reviewIntervalMonths: Int? = nil
  ) {
    values = EService(
      id: EntityID(""), name: name, department: department ?? EntityID(""), audience: audience,
      category: category, platform: platform, flowFamilyID: flowFamilyID, address: address,
      roles: roles, needsELegitimation: needsELegitimation, needsSigning: needsSigning,
      paperFormsReplaced: paperFormsReplaced, automated: automated,
      yearlyCaseVolume: yearlyCaseVolume, handlingDaysBefore: handlingDaysBefore,
      handlingDaysAfter: handlingDaysAfter, legalNote: legalNote, lastReviewed: lastReviewed,
      reviewIntervalMonths: reviewIntervalMonths ?? 12)
    self.department = department
    self.reviewIntervalMonths = reviewIntervalMonths
  }

  /// The draft of an existing service, for its edit form.
  public init(_ s: EService) {
    var values = EService(id: EntityID(""), name: "", department: s.department)
    for field in EService.draftFields { field.copy(from: s, to: &values) }
    self.values = values
    department = s.department
    reviewIntervalMonths = s.reviewIntervalMonths
  }

  /// The form fields the rules name in `RuleViolation.field`.
  public enum Field {
    public static let name = "name"
    public static let department = "department"
    public static let platform = "platform"
    public static let yearlyCaseVolume = "yearlyCaseVolume"
    public static let handlingDaysBefore = "handlingDaysBefore"
    public static let handlingDaysAfter = "handlingDaysAfter"
    public static let lastReviewed = "lastReviewed"
    public static let reviewIntervalMonths = "reviewIntervalMonths"
    /// Each role's field is the role within the roles: "roles.processOwner" …
    public static func role(_ role: ServiceRole) -> String { EService.Fields.role(role).name }
  }

  /// The draft with its text cleaned and the rules checked, for the service `id`
  /// (nil for a new one) in `m` on `today`. Throws the first rule it breaks.
  /// `batch`: an import's lookups, which find a twin name without a scan.
  public func validated(
    in m: Municipality, service id: EntityID<EService>?, today: Day, batch: ImportBatch? = nil
  ) throws -> EServiceDraft {
    var d = self
    for field in EService.draftFields { field.clean(&d.values) }
    if d.platform.isEmpty { d.platform = EService.openEPlatform }
    for role in ServiceRole.allCases {
      if case .named(let name, let email)? = d.roles[keyPath: role.keyPath] {
        d.roles[keyPath: role.keyPath] = .named(
          name: TextCleaning.line(name), email: TextCleaning.line(email))
      }
    }
    try d.check(in: m, service: id, today: today, batch: batch)
    return d
  }

  private func check(
    in m: Municipality, service id: EntityID<EService>?, today: Day, batch: ImportBatch?
  ) throws {
    if values.name.isEmpty {
      throw RuleViolation.required(Field.name, LocalizedText(sv: "Namnet", en: "The name"))
    }
    guard let department else {
      throw RuleViolation(
        section: "4", field: Field.department,
        LocalizedText(
          sv: "Välj den förvaltning som äger e-tjänsten.",
          en: "Choose the department that owns the e-service."))
    }
    guard m.department(department) != nil else {
      throw RuleViolation(
        section: "4", field: Field.department,
        LocalizedText(
          sv: "Förvaltningen finns inte längre.", en: "The department no longer exists."))
    }
    let twin =
      batch.map { $0.twin(values.name, in: department, except: id, m) }
      ?? m.services.contains {
        $0.id != id && $0.department == department
          && SwedishCollation.compare($0.name, values.name) == .orderedSame
      }
    if twin {
      let owner = m.departmentName(department)
      throw RuleViolation(
        section: "4", field: Field.name,
        LocalizedText(
          sv: "Namnet finns redan i \(owner).", en: "The name is taken in \(owner)."))
    }
    if let months = reviewIntervalMonths, !(1...120).contains(months) {
      throw RuleViolation(
        section: "4", field: Field.reviewIntervalMonths,
        LocalizedText(
          sv: "Granskningsintervallet ska vara 1–120 månader.",
          en: "The review interval must be 1–120 months."))
    }
    for field in EService.draftFields {
      guard let value = field.outOfRange(in: values), let range = field.range else { continue }
      throw RuleViolation(
        field: field.name,
        value < range.lowerBound
          ? LocalizedText(sv: "Talet kan inte vara negativt.", en: "The number cannot be negative.")
          : LocalizedText(
            sv: "Talet kan vara högst \(range.upperBound).",
            en: "The number can be at most \(range.upperBound)."))
    }
    if let reviewed = values.lastReviewed, reviewed > today {
      throw RuleViolation(
        section: "4", field: Field.lastReviewed,
        LocalizedText(
          sv: "Får inte vara efter i dag (\(today)).", en: "Cannot be after today (\(today))."))
    }
    for role in ServiceRole.allCases {
      if case .staff(let staffID)? = values.roles[keyPath: role.keyPath],
        m.staffMember(staffID) == nil
      {
        throw RuleViolation(
          section: "4", field: Field.role(role),
          LocalizedText(
            sv: "Medarbetaren finns inte i personalen.",
            en: "The staff member is not on the staff list."))
      }
    }
  }

  /// Writes the (validated) draft onto `service`.
  func write(to s: inout EService, defaultInterval: Int) {
    let owner = s.department
    for field in EService.draftFields { field.copy(from: values, to: &s) }
    s.department = department ?? owner
    s.reviewIntervalMonths = reviewIntervalMonths ?? defaultInterval
  }
}

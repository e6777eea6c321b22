import Foundation

/// What a user (or another area's command) may set on an e-service: everything
/// but its id, status history and reports, which have their own commands. Adding
/// and editing both go through `validated`, so the rules are written once.
public struct EServiceDraft: Sendable, Equatable {
  public var name: String
  public var department: EntityID<Department>?
  public var audience: Audience
  public var category: String
  public var platform: String
  public var flowFamilyID: String
  public var address: String
  public var roles: ServiceRoles
  public var needsELegitimation: Bool
  public var needsSigning: Bool
  public var automated: Bool
  public var paperFormsReplaced: [String]
  public var yearlyCaseVolume: Int?
  public var handlingDaysBefore: Int?
  public var handlingDaysAfter: Int?
  public var legalNote: String
  public var lastReviewed: Day?
  /// Nil: the municipality's default (`Settings.serviceReviewIntervalMonths`).
  public var reviewIntervalMonths: Int?

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
    self.name = name
    self.department = department
    self.audience = audience
    self.category = category
    self.platform = platform
    self.flowFamilyID = flowFamilyID
    self.address = address
    self.roles = roles
    self.needsELegitimation = needsELegitimation
    self.needsSigning = needsSigning
    self.automated = automated
    self.paperFormsReplaced = paperFormsReplaced
    self.yearlyCaseVolume = yearlyCaseVolume
    self.handlingDaysBefore = handlingDaysBefore
    self.handlingDaysAfter = handlingDaysAfter
    self.legalNote = legalNote
    self.lastReviewed = lastReviewed
    self.reviewIntervalMonths = reviewIntervalMonths
  }

  /// The draft of an existing service, for its edit form.
  public init(_ s: EService) {
    self.init(
      name: s.name, department: s.department, audience: s.audience, category: s.category,
      platform: s.platform,
      flowFamilyID: s.flowFamilyID, address: s.address, roles: s.roles,
      needsELegitimation: s.needsELegitimation,
      needsSigning: s.needsSigning, automated: s.automated,
      paperFormsReplaced: s.paperFormsReplaced,
      yearlyCaseVolume: s.yearlyCaseVolume, handlingDaysBefore: s.handlingDaysBefore,
      handlingDaysAfter: s.handlingDaysAfter, legalNote: s.legalNote, lastReviewed: s.lastReviewed,
      reviewIntervalMonths: s.reviewIntervalMonths)
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
  public func validated(in m: Municipality, service id: EntityID<EService>?, today: Day) throws
    -> EServiceDraft
  {
    var d = self
    d.name = TextCleaning.line(name)
    d.category = TextCleaning.line(category)
    d.platform = TextCleaning.line(platform)
    if d.platform.isEmpty { d.platform = EService.openEPlatform }
    d.flowFamilyID = TextCleaning.line(flowFamilyID)
    d.address = TextCleaning.line(address)
    d.paperFormsReplaced = paperFormsReplaced.map(TextCleaning.line).filter { !$0.isEmpty }
    d.legalNote = TextCleaning.multiline(legalNote)
    for role in ServiceRole.allCases {
      if case .named(let name, let email)? = d.roles[keyPath: role.keyPath] {
        d.roles[keyPath: role.keyPath] = .named(
          name: TextCleaning.line(name), email: TextCleaning.line(email))
      }
    }
    try d.check(in: m, service: id, today: today)
    return d
  }

  private func check(in m: Municipality, service id: EntityID<EService>?, today: Day) throws {
    if name.isEmpty {
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
    let twin = m.services.first {
      $0.id != id && $0.department == department
        && SwedishCollation.compare($0.name, name) == .orderedSame
    }
    if twin != nil {
      let owner = m.departmentName(department)
      throw RuleViolation(
        section: "4", field: Field.name,
        LocalizedText(
          sv: "Namnet finns redan i \(owner).", en: "The name is taken in \(owner)."))
    }
    for (field, value, range) in [
      (Field.yearlyCaseVolume, yearlyCaseVolume, StoredRange.volume),
      (Field.handlingDaysBefore, handlingDaysBefore, StoredRange.days),
      (Field.handlingDaysAfter, handlingDaysAfter, StoredRange.days),
    ] where !range.contains(value ?? 0) {
      throw RuleViolation(
        field: field,
        (value ?? 0) < 0
          ? LocalizedText(sv: "Talet kan inte vara negativt.", en: "The number cannot be negative.")
          : LocalizedText(
            sv: "Talet kan vara högst \(range.upperBound).",
            en: "The number can be at most \(range.upperBound)."))
    }
    if let months = reviewIntervalMonths, !(1...120).contains(months) {
      throw RuleViolation(
        section: "4", field: Field.reviewIntervalMonths,
        LocalizedText(
          sv: "Granskningsintervallet ska vara 1–120 månader.",
          en: "The review interval must be 1–120 months."))
    }
    if let reviewed = lastReviewed, reviewed > today {
      throw RuleViolation(
        section: "4", field: Field.lastReviewed,
        LocalizedText(
          sv: "Får inte vara efter i dag (\(today)).", en: "Cannot be after today (\(today))."))
    }
    for role in ServiceRole.allCases {
      if case .staff(let staffID)? = roles[keyPath: role.keyPath], m.staffMember(staffID) == nil {
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
    s.name = name
    if let department { s.department = department }
    s.audience = audience
    s.category = category
    s.platform = platform
    s.flowFamilyID = flowFamilyID
    s.address = address
    s.roles = roles
    s.needsELegitimation = needsELegitimation
    s.needsSigning = needsSigning
    s.automated = automated
    s.paperFormsReplaced = paperFormsReplaced
    s.yearlyCaseVolume = yearlyCaseVolume
    s.handlingDaysBefore = handlingDaysBefore
    s.handlingDaysAfter = handlingDaysAfter
    s.legalNote = legalNote
    s.lastReviewed = lastReviewed
    s.reviewIntervalMonths = reviewIntervalMonths ?? defaultInterval
  }
}

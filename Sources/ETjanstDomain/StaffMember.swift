import Foundation

/// A member of staff who handles cases on the platform (guideline 4.1 and 4.2).
public struct StaffMember: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<StaffMember>
  public var name: String
  /// Login name on Open ePlatform.
  public var login: String
  public var department: EntityID<Department>
  /// The nearest manager, who contacts the e-coordinator (4.1, 4.2): a login, of a
  /// user (a manager's own login) or of a staff member; empty when not known. Shown
  /// through `Municipality.displayName(login:)`.
  public var manager: String
  public var startDate: Day
  public var endDate: Day?
  public var status: StaffStatus
  /// Case-officer (handläggare) access per e-service.
  public var grants: [AccessGrant]
  /// The document-signing function (4.1).
  public var canSign: Bool
  /// Made when the member is added (4.1).
  public var onboarding: Checklist?
  /// Made when an end date is set (4.2).
  public var offboarding: Checklist?
  /// The e-coordinator's written reason for removing a leaver with open cases.
  public var removalOverride: String?
  /// The person's e-mail address; nil: none recorded.
  public var email: String?
  /// The language the person reads; nil: Swedish.
  public var language: Language?

  public init(
    id: EntityID<StaffMember> = .make(), name: String, login: String,
    department: EntityID<Department>,
    manager: String = "", startDate: Day, endDate: Day? = nil, status: StaffStatus = .onboarding,
    grants: [AccessGrant] = [], canSign: Bool = false, onboarding: Checklist? = nil,
    offboarding: Checklist? = nil, removalOverride: String? = nil, email: String? = nil,
    language: Language? = nil
  ) {
    self.id = id
    self.name = name
    self.login = login
    self.department = department
    self.manager = manager
    self.startDate = startDate
    self.endDate = endDate
    self.status = status
    self.grants = grants
    self.canSign = canSign
    self.onboarding = onboarding
    self.offboarding = offboarding
    self.removalOverride = removalOverride
    self.email = email
    self.language = language
  }

  /// Active staff can be named as owners, take transferred cases and be counted
  /// as a service's case officer.
  public var isActive: Bool { status == .active || status == .onboarding || status == .offboarding }

  /// Whether two platform logins name the same person: "Aino.Keranen" in an HR list
  /// is "aino.keranen" in the store, never a second person with a second checklist.
  public static func sameLogin(_ a: String, _ b: String) -> Bool { loginKey(a) == loginKey(b) }

  /// What a login is matched by (a dictionary key for many lookups).
  public static func loginKey(_ login: String) -> String { login.lowercased() }
}

public enum StaffStatus: String, Codable, Sendable, CaseIterable {
  case onboarding
  case active
  case offboarding
  case removed
}

/// Case-officer access to one e-service, for a period.
public struct AccessGrant: Codable, Sendable, Equatable {
  public var service: EntityID<EService>
  public var validFrom: Day
  /// Nil: until removed. Open ePlatform's expiry job removes access on this day.
  public var validTo: Day?

  public init(service: EntityID<EService>, validFrom: Day, validTo: Day? = nil) {
    self.service = service
    self.validFrom = validFrom
    self.validTo = validTo
  }

  public func isValid(on day: Day) -> Bool {
    validFrom <= day && (validTo.map { day <= $0 } ?? true)
  }
}

/// A checklist of the guideline's steps, each ticked with who and when.
public struct Checklist: Codable, Sendable, Equatable {
  public var items: [ChecklistItem]
  public var due: Day

  public init(items: [ChecklistItem], due: Day) {
    self.items = items
    self.due = due
  }

  public init(steps: [ChecklistStep], due: Day) {
    self.init(items: steps.map { ChecklistItem(step: $0) }, due: due)
  }

  public var isComplete: Bool { items.allSatisfy(\.isDone) }

  public func item(_ step: ChecklistStep) -> ChecklistItem? {
    items.first { $0.step == step }
  }
}

public struct ChecklistItem: Codable, Sendable, Equatable {
  public var step: ChecklistStep
  /// The login of the user who ticked it.
  public var doneBy: String?
  public var doneAt: Date?
  public var note: String

  public init(step: ChecklistStep, doneBy: String? = nil, doneAt: Date? = nil, note: String = "") {
    self.step = step
    self.doneBy = doneBy
    self.doneAt = doneAt
    self.note = note
  }

  public var isDone: Bool { doneAt != nil }
}

/// The steps of guideline 4.1 (onboarding) and 4.2 (offboarding).
public enum ChecklistStep: String, Codable, Sendable, CaseIterable {
  // 4.1
  case managerContactedDuringIntroduction
  case accessGranted
  case signingGranted
  // 4.2
  case casesClosedOrTransferred
  case managerContactedOnLeaving
  case signingRevoked
  case removedFromPlatform

  public static let onboarding: [ChecklistStep] = [
    .managerContactedDuringIntroduction, .accessGranted, .signingGranted,
  ]
  public static let offboarding: [ChecklistStep] = [
    .casesClosedOrTransferred, .managerContactedOnLeaving, .signingRevoked, .removedFromPlatform,
  ]
}

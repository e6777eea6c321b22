import Foundation

/// Something about an e-service that needs attention, computed from the data on
/// request, never stored. Each has a short marker so the list reads without colour.
public enum ServiceFlag: String, CaseIterable, Sendable {
  /// Last reviewed longer ago than its interval, or a live service never reviewed (4).
  case reviewOverdue
  /// The department has reported errors or revision needs not yet resolved (4).
  case openReports
  /// An owner or the contact person is no longer active staff (4, 4.2).
  case inactivePerson
  /// Lives on another platform than Open ePlatform (1.1).
  case notOnOpenEPlatform
  /// Published (or in revision) with no e-service owner: nobody answers for its
  /// content (4: each department owns its e-services).
  case noOwner
  /// Registered as already running, and not reviewed since (6: only a review with
  /// the department stands in for steps 4 and 5).
  case registeredUnreviewed
  /// Processes personal data and has no day in the register of processing
  /// activities (registerförteckningen), which GDPR article 30 requires of every
  /// processing; the data controller answers for it (4).
  case notInProcessingRegister

  /// The guideline section the flag serves.
  public var section: String {
    switch self {
    case .notOnOpenEPlatform: return "1.1"
    case .registeredUnreviewed: return "6"
    default: return "4"
    }
  }

  /// How serious its finding is: a legal requirement unmet is a shortcoming.
  public var severity: Finding.Severity {
    switch self {
    case .openReports: return .notice
    case .notInProcessingRegister: return .violation
    default: return .warning
    }
  }

  /// One letter for the flag column, in the console's language.
  public var marker: LocalizedText {
    switch self {
    case .reviewOverdue: return LocalizedText(sv: "G", en: "R")
    case .openReports: return LocalizedText(sv: "R", en: "O")
    case .inactivePerson: return LocalizedText(sv: "P", en: "P")
    case .notOnOpenEPlatform: return LocalizedText(sv: "A", en: "X")
    case .noOwner: return LocalizedText(sv: "Ä", en: "N")
    case .registeredUnreviewed: return LocalizedText(sv: "D", en: "U")
    case .notInProcessingRegister: return LocalizedText(sv: "F", en: "G")
    }
  }

  public var label: LocalizedText {
    switch self {
    case .reviewOverdue: return LocalizedText(sv: "granskning försenad", en: "review overdue")
    case .openReports: return LocalizedText(sv: "öppna rapporter", en: "open reports")
    case .inactivePerson:
      return LocalizedText(
        sv: "ägare eller kontaktperson har slutat", en: "owner or contact person has left")
    case .notOnOpenEPlatform:
      return LocalizedText(sv: "inte på Open ePlatform", en: "not on Open ePlatform")
    case .noOwner: return LocalizedText(sv: "ingen e-tjänsteägare", en: "no service owner")
    case .registeredUnreviewed:
      return LocalizedText(
        sv: "registrerad i drift, inte granskad", en: "registered as running, not reviewed")
    case .notInProcessingRegister:
      return LocalizedText(
        sv: "personuppgifter utan registerförteckning",
        en: "personal data, not in the register of processing")
    }
  }
}

extension EService {
  /// "Open ePlatform" however it was typed.
  public var isOnOpenEPlatform: Bool {
    platform.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(Self.openEPlatform)
      == .orderedSame
  }

  /// The day by which the next review is due; nil when never reviewed.
  public var reviewDue: Day? { lastReviewed?.adding(months: max(1, reviewIntervalMonths)) }

  /// Overdue when the due day has passed; a live service never reviewed is overdue
  /// too. An unpublished service is not reviewed.
  public func isReviewOverdue(today: Day) -> Bool {
    guard status != .unpublished else { return false }
    if let due = reviewDue { return due < today }
    return status.isLive
  }

  public var openReports: [ServiceReport] { reports.filter(\.isOpen) }

  /// The open reports that hold the service in "Revision needed": revision needs.
  /// An open error leaves a live service published.
  public var openRevisionNeeds: [ServiceReport] {
    reports.filter { $0.isOpen && $0.kind == .revisionNeed }
  }

  /// Processes personal data with no day in the register of processing (GDPR art. 30).
  public var lacksProcessingRegister: Bool {
    processesPersonalData && inProcessingRegister == nil
  }

  /// When the service entered its current status, if recorded.
  public var statusSince: Date? { statusHistory.last?.at }

  /// Everyone named in a role, in the order of `ServiceRole`.
  public var people: [(role: ServiceRole, person: PersonRef)] {
    ServiceRole.allCases.compactMap { role in roles[keyPath: role.keyPath].map { (role, $0) } }
  }
}

extension Municipality {
  /// The roles held by someone who is no longer active staff.
  public func inactivePeople(of service: EService) -> [(role: ServiceRole, person: PersonRef)] {
    service.people.filter { isInactive($0.person) }
  }

  /// The flags of `service` on `today`, in the order of `ServiceFlag`.
  public func flags(of service: EService, today: Day) -> [ServiceFlag] {
    ServiceFlag.allCases.filter { flag in
      switch flag {
      case .reviewOverdue: return service.isReviewOverdue(today: today)
      case .openReports: return !service.openReports.isEmpty
      case .inactivePerson: return !inactivePeople(of: service).isEmpty
      case .notOnOpenEPlatform: return !service.isOnOpenEPlatform
      case .noOwner: return service.status.isLive && service.roles.serviceOwner == nil
      case .registeredUnreviewed: return PublicationRule.unreviewedRegistration(of: service) != nil
      case .notInProcessingRegister: return service.lacksProcessingRegister
      }
    }
  }
}

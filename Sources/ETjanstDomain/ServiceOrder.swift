import Foundation

/// An order for a new e-service, on its way through the five steps of guideline 6.
public struct ServiceOrder: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<ServiceOrder>
  public var title: String
  public var department: EntityID<Department>
  /// The department's contact person for the order (steps 2, 4 and 5).
  public var contactPerson: String
  public var contactEmail: String
  public var audience: Audience
  public var need: Need
  /// Case number in the internal e-service "Beställning av e-tjänst" (step 2);
  /// empty while the need is still being mapped (step 1).
  public var orderCaseNumber: String
  public var step: OrderStep
  /// Every change of step, oldest first.
  public var stepHistory: [StepChange]
  /// The catalogue entry built for the order (step 3 on).
  public var service: EntityID<EService>?
  public var meeting: ReviewMeeting?
  public var comments: [ReviewComment]
  /// The contact person's agreement to publish (step 5).
  public var agreement: Agreement?
  /// On hold or cancelled, with a reason.
  public var hold: OrderHold?
  public var created: Date

  public init(
    id: EntityID<ServiceOrder> = .make(), title: String, department: EntityID<Department>,
    contactPerson: String, contactEmail: String = "", audience: Audience, need: Need = Need(),
    orderCaseNumber: String = "", step: OrderStep = .needsMapped, stepHistory: [StepChange] = [],
    service: EntityID<EService>? = nil, meeting: ReviewMeeting? = nil,
    comments: [ReviewComment] = [],
    agreement: Agreement? = nil, hold: OrderHold? = nil, created: Date
  ) {
    self.id = id
    self.title = title
    self.department = department
    self.contactPerson = contactPerson
    self.contactEmail = contactEmail
    self.audience = audience
    self.need = need
    self.orderCaseNumber = orderCaseNumber
    self.step = step
    self.stepHistory = stepHistory
    self.service = service
    self.meeting = meeting
    self.comments = comments
    self.agreement = agreement
    self.hold = hold
    self.created = created
  }

  /// When the order entered its current step.
  public var enteredCurrentStep: Date { stepHistory.last?.at ?? created }
}

/// The five steps of guideline 6.
public enum OrderStep: Int, Codable, Sendable, CaseIterable, Comparable {
  case needsMapped = 1
  case ordered = 2
  case firstVersion = 3
  case review = 4
  case published = 5

  public static func < (a: OrderStep, b: OrderStep) -> Bool { a.rawValue < b.rawValue }
}

public struct StepChange: Codable, Sendable, Equatable {
  public var step: OrderStep
  public var at: Date
  /// The login of the user who moved the order.
  public var by: String

  public init(step: OrderStep, at: Date, by: String) {
    self.step = step
    self.at = at
    self.by = by
  }
}

/// The need as the department mapped it in step 1 (and what guideline 3 ranks by).
public struct Need: Codable, Sendable, Equatable {
  public var beneficiaries: String
  public var expectedEffect: String
  /// 1 (small) to 3 (large): how much the service is expected to help.
  public var effectScore: Int
  public var yearlyCaseVolume: Int?
  public var paperFormsReplaced: [String]

  public init(
    beneficiaries: String = "", expectedEffect: String = "", effectScore: Int = 2,
    yearlyCaseVolume: Int? = nil, paperFormsReplaced: [String] = []
  ) {
    self.beneficiaries = beneficiaries
    self.expectedEffect = expectedEffect
    self.effectScore = effectScore
    self.yearlyCaseVolume = yearlyCaseVolume
    self.paperFormsReplaced = paperFormsReplaced
  }
}

public struct ReviewMeeting: Codable, Sendable, Equatable {
  public var at: Date
  public var place: String

  public init(at: Date, place: String) {
    self.at = at
    self.place = place
  }
}

public struct ReviewComment: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<ReviewComment>
  public var text: String
  public var resolution: CommentResolution
  public var note: String

  public init(
    id: EntityID<ReviewComment> = .make(), text: String, resolution: CommentResolution = .open,
    note: String = ""
  ) {
    self.id = id
    self.text = text
    self.resolution = resolution
    self.note = note
  }
}

public enum CommentResolution: String, Codable, Sendable, CaseIterable {
  case open
  case adjusted
  case declined
}

public struct Agreement: Codable, Sendable, Equatable {
  public var by: String
  public var at: Date

  public init(by: String, at: Date) {
    self.by = by
    self.at = at
  }
}

public struct OrderHold: Codable, Sendable, Equatable {
  public var kind: HoldKind
  public var reason: String
  public var since: Date
  /// The login of the user who held or cancelled it.
  public var by: String

  public init(kind: HoldKind, reason: String, since: Date, by: String) {
    self.kind = kind
    self.reason = reason
    self.since = since
    self.by = by
  }
}

public enum HoldKind: String, Codable, Sendable {
  case onHold
  case cancelled
}

/// An order that came another way than the internal e-service, refused by step 2's
/// rule and kept so the department can be told where to order.
public struct RefusedOrder: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<RefusedOrder>
  public var title: String
  public var department: EntityID<Department>
  public var channel: String
  public var refusedAt: Date
  /// The login of the user who refused it.
  public var refusedBy: String

  public init(
    id: EntityID<RefusedOrder> = .make(), title: String, department: EntityID<Department>,
    channel: String,
    refusedAt: Date, refusedBy: String
  ) {
    self.id = id
    self.title = title
    self.department = department
    self.channel = channel
    self.refusedAt = refusedAt
    self.refusedBy = refusedBy
  }
}

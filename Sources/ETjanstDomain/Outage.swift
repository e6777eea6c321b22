import Foundation

/// An outage of the e-services, or a drill of one (guideline 4.3).
public struct Outage: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<Outage>
  public var start: Date
  public var scope: OutageScope
  /// What was seen.
  public var observed: String
  public var declaredBy: String
  /// A drill (övning): finishing it sets the tested date of the routines it exercised.
  public var isDrill: Bool
  /// The call to Norrbottens e-nämnd's system administrator; stops the clock.
  public var contact: ContactRecord?
  /// Departments told, each with when.
  public var notified: [DepartmentNotice]
  public var end: Date?
  public var cause: String
  public var followUp: String
  /// The affected departments that were never told when the outage was resolved: the
  /// e-coordinator resolved it anyway, knowing (4.3). Empty for a drill.
  public var neverTold: [EntityID<Department>]

  public init(
    id: EntityID<Outage> = .make(), start: Date, scope: OutageScope, observed: String,
    declaredBy: String, isDrill: Bool = false, contact: ContactRecord? = nil,
    notified: [DepartmentNotice] = [], end: Date? = nil, cause: String = "", followUp: String = "",
    neverTold: [EntityID<Department>] = []
  ) {
    self.id = id
    self.start = start
    self.scope = scope
    self.observed = observed
    self.declaredBy = declaredBy
    self.isDrill = isDrill
    self.contact = contact
    self.notified = notified
    self.end = end
    self.cause = cause
    self.followUp = followUp
    self.neverTold = neverTold
  }

  public var isActive: Bool { end == nil }
}

public enum OutageScope: Codable, Sendable, Equatable {
  case wholePlatform
  case services([EntityID<EService>])
}

public struct ContactRecord: Codable, Sendable, Equatable {
  public var at: Date
  /// Phone, e-mail, ticket …
  public var channel: String
  public var by: String
  /// The e-nämnd's reference (ticket number).
  public var reference: String

  public init(at: Date, channel: String, by: String, reference: String) {
    self.at = at
    self.channel = channel
    self.by = by
    self.reference = reference
  }
}

public struct DepartmentNotice: Codable, Sendable, Equatable {
  public var department: EntityID<Department>
  public var at: Date

  public init(department: EntityID<Department>, at: Date) {
    self.department = department
    self.at = at
  }
}

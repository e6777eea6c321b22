/// A case (ärende) on the platform, handled by one officer. Leavers must close or
/// hand over theirs before they are removed (guideline 4.2).
public struct Case: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<Case>
  /// The platform's case number.
  public var number: String
  public var service: EntityID<EService>
  public var officer: EntityID<StaffMember>
  public var status: CaseStatus
  /// The officer it was transferred from, when it was.
  public var transferredFrom: EntityID<StaffMember>?
  /// The day it was closed, from which gallring counts; nil for a case closed before
  /// the store kept the day, until the store is read (`dateUnknownClosings`).
  public var closedOn: Day?

  public init(
    id: EntityID<Case> = .make(), number: String, service: EntityID<EService>,
    officer: EntityID<StaffMember>,
    status: CaseStatus = .ongoing, transferredFrom: EntityID<StaffMember>? = nil,
    closedOn: Day? = nil
  ) {
    self.closedOn = closedOn
    self.id = id
    self.number = number
    self.service = service
    self.officer = officer
    self.status = status
    self.transferredFrom = transferredFrom
  }

  public var isOpen: Bool { status == .ongoing }

  /// Sets the status; a case that closes now keeps `today` as its closing day (gallring
  /// counts from it), and one that opens again loses it.
  public mutating func set(_ status: CaseStatus, today: Day) {
    if status == .closedArchived && (self.status != .closedArchived || closedOn == nil) {
      closedOn = self.status == .closedArchived ? closedOn : today
    }
    if status == .ongoing { closedOn = nil }
    self.status = status
  }
}

public enum CaseStatus: String, Codable, Sendable, CaseIterable {
  case ongoing
  /// 'Avslutad/Arkiverad' on the platform.
  case closedArchived
}

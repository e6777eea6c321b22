import Foundation

/// Where an outage stands against the contact limit (guideline 4.3: the e-coordinator
/// contacts Norrbottens e-nämnd's system administrator at once). Computed from a
/// `now` the caller passes, so tests move the clock instead of sleeping.
public enum ContactState: Equatable, Sendable {
  /// Not yet contacted, still within the limit.
  case waiting(elapsed: TimeInterval, remaining: TimeInterval)
  /// Not yet contacted, and the limit has passed.
  case late(elapsed: TimeInterval, overBy: TimeInterval)
  /// Contacted `after` seconds from the start; `late` when that was past the limit.
  case contacted(after: TimeInterval, late: Bool)

  public var isLate: Bool {
    switch self {
    case .waiting: return false
    case .late: return true
    case .contacted(_, let late): return late
    }
  }
}

extension Outage {
  /// Seconds from the start to the recorded contact: the clock's final reading.
  public var timeToContact: TimeInterval? { contact.map { $0.at.timeIntervalSince(start) } }

  /// Seconds from the start to the end.
  public var timeToEnd: TimeInterval? { end.map { $0.timeIntervalSince(start) } }

  /// Seconds the outage has lasted at `now` (or lasted in all, once ended).
  public func elapsed(at now: Date) -> TimeInterval {
    max(0, (end ?? now).timeIntervalSince(start))
  }

  /// When the e-nämnd must have been contacted by.
  public func contactDeadline(limitMinutes: Int) -> Date {
    start.addingTimeInterval(TimeInterval(max(1, limitMinutes) * 60))
  }

  /// The contact clock at `now`: it runs from the start and stops at the contact.
  /// Exactly at the limit is still in time.
  public func contactState(at now: Date, limitMinutes: Int) -> ContactState {
    let limit = TimeInterval(max(1, limitMinutes) * 60)
    if let after = timeToContact { return .contacted(after: after, late: after > limit) }
    let elapsed = max(0, (end ?? now).timeIntervalSince(start))
    return elapsed > limit
      ? .late(elapsed: elapsed, overBy: elapsed - limit)
      : .waiting(elapsed: elapsed, remaining: limit - elapsed)
  }

  /// When `department` was told, if it was.
  public func notice(for department: EntityID<Department>) -> DepartmentNotice? {
    notified.first { $0.department == department }
  }

  /// The services named by a scope of listed services; empty for the whole platform.
  public var listedServices: [EntityID<EService>] {
    if case .services(let ids) = scope { return ids }
    return []
  }
}

extension Municipality {
  /// The departments an outage touches: every department for the whole platform,
  /// else the owners of the listed services. In Swedish order.
  public func affectedDepartments(_ outage: Outage) -> [Department] {
    let chosen: [Department]
    switch outage.scope {
    case .wholePlatform:
      chosen = departments
    case .services(let ids):
      let owners = Set(ids.compactMap { service($0)?.department })
      chosen = departments.filter { owners.contains($0.id) }
    }
    return chosen.sortedSwedish { $0.name }
  }

  /// The departments a real outage affects that have not been told of it (4.3). A
  /// drill's untold departments simply do not take part, so a drill has none.
  public func untoldDepartments(_ outage: Outage) -> [Department] {
    guard !outage.isDrill else { return [] }
    return affectedDepartments(outage).filter { outage.notice(for: $0.id) == nil }
  }

  /// "Förvaltningarna X, Y fick aldrig besked": the departments named in the order given.
  /// `midSentence` for the text after other words ("avslutat; förvaltningarna …").
  public func neverToldText(_ departments: [EntityID<Department>], midSentence: Bool = false)
    -> LocalizedText
  {
    let names = departments.map { departmentName($0) }.joined(separator: ", ")
    return departments.count == 1
      ? LocalizedText(sv: "\(names) fick aldrig besked", en: "\(names) was never told")
      : LocalizedText(
        sv: "\(midSentence ? "f" : "F")örvaltningarna \(names) fick aldrig besked",
        en: "\(midSentence ? "t" : "T")he departments \(names) were never told")
  }

  /// The outage the console puts first: a real one before a drill, the newest first.
  public var activeOutage: Outage? {
    let active = outages.filter(\.isActive)
    return active.filter { !$0.isDrill }.max { $0.start < $1.start }
      ?? active.max { $0.start < $1.start }
  }

  /// The contact limit from the settings, in minutes (at least one).
  public var outageContactLimitMinutes: Int { max(1, settings.outageContactLimitMinutes) }

  /// The state of an outage's contact clock at `now`, against the store's limit.
  public func contactState(_ outage: Outage, at now: Date) -> ContactState {
    outage.contactState(at: now, limitMinutes: outageContactLimitMinutes)
  }
}

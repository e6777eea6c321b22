import Foundation

// Derived facts about staff, access and cases (guideline 4.1 and 4.2). Computed on
// demand, never stored, so they cannot go stale when a date passes.

extension StaffMember {
  /// Whether a person registered on `day` is a new employee, who gets the onboarding
  /// checklist (4.1), or one already employed, who gets none. 4.1 is the start of an
  /// employment: the manager makes contact during the introduction so that the
  /// newcomer gets access and signing. A start day not yet passed is a new
  /// employee's; so is a passed one with e-services asked for (the contact came
  /// during the introduction). A passed start day with nothing asked is an
  /// employment that began before the register knew of it (a municipality's staff
  /// list on its first day, a person added afterwards): already employed, with no
  /// checklist that would be overdue from the day it was made. The one place that
  /// decides it; the console's form, the staff import and an accepted request all
  /// add people through `AddStaffMember`, which asks here.
  public static func isNewEmployee(
    startDate: Day, asked services: [EntityID<EService>], registeredOn day: Day
  ) -> Bool {
    startDate >= day || !services.isEmpty
  }

  /// Leaving on `day`: not removed, and the end day at most the settings' lead time
  /// (`Settings.leavingLeadDays`) away or past (4.2); before that a fixed-term hire is
  /// employed. The one place that decides it; every view asks here.
  public func isLeaving(on day: Day, _ settings: Settings) -> Bool {
    guard let end = endDate, status != .removed else { return false }
    return day >= end.adding(days: -settings.leavingLeadDays)
  }

  /// The status on `day`, as every view shows it: leaving within the lead time of
  /// the end day, otherwise onboarding until that checklist is done, then active.
  public func status(on day: Day, _ settings: Settings) -> StaffStatus {
    if status == .removed { return .removed }
    if isLeaving(on: day, settings) { return .offboarding }
    if status == .offboarding { return (onboarding?.isComplete ?? true) ? .active : .onboarding }
    return status
  }

  /// The offboarding checklist, from the day the person counts as leaving (4.2), and
  /// once they are removed.
  public func offboardingChecklist(on day: Day, _ settings: Settings) -> Checklist? {
    isLeaving(on: day, settings) || status == .removed ? offboarding : nil
  }

  /// May take over cases and be counted as a service's case officer on `day`:
  /// working, and not on the way out.
  public func canTakeCases(on day: Day, _ settings: Settings) -> Bool {
    let now = status(on: day, settings)
    return now == .active || now == .onboarding
  }

  /// The grant for `service`, if any (one per service).
  public func grant(for service: EntityID<EService>) -> AccessGrant? {
    grants.first { $0.service == service }
  }

  /// Holds case-officer access to `service` on `day`.
  public func hasAccess(to service: EntityID<EService>, on day: Day) -> Bool {
    grant(for: service)?.isValid(on: day) ?? false
  }
}

extension Checklist {
  /// Not complete and past its due day (4.1: by the start date; 4.2: by the end date).
  public func isOverdue(on day: Day) -> Bool { !isComplete && day > due }

  public var doneCount: Int { items.filter(\.isDone).count }
}

/// Something wrong with one person's access, as the access view flags it.
public enum AccessFlag: Sendable, Equatable {
  /// Access held by someone removed from the platform: must never exist (4.2).
  case heldByRemoved
  /// A leaver's access with no valid-to date: it would outlive their employment (4.2).
  case leaverWithoutValidTo
  /// The valid-to date comes within the warning window while the person still has
  /// open cases in the service: Open ePlatform's expiry job would leave them with
  /// no officer (4.2).
  case expiresWithOpenCases(Day)
}

extension Municipality {
  /// A person's cases that are still ongoing and not handed over (4.2).
  public func openCases(of person: EntityID<StaffMember>) -> [Case] {
    (index.openCases(self)[person] ?? []).map { cases[$0] }.sortedSwedish { $0.number }
  }

  /// How many open cases `person` has, without sorting them.
  public func openCaseCount(of person: EntityID<StaffMember>) -> Int {
    index.openCases(self)[person]?.count ?? 0
  }

  /// All of a person's cases, open first, each group by case number.
  public func cases(of person: EntityID<StaffMember>) -> [Case] {
    let mine = cases.filter { $0.officer == person || $0.transferredFrom == person }
    return mine.filter(\.isOpen).sortedSwedish { $0.number }
      + mine.filter { !$0.isOpen }.sortedSwedish { $0.number }
  }

  /// The staff member with `login`, matched as `StaffMember.sameLogin` does.
  public func staffMember(login: String) -> StaffMember? {
    staff.first { StaffMember.sameLogin($0.login, login) }
  }

  /// Staff of one department (all when nil), in Swedish name order.
  public func staff(in department: EntityID<Department>?) -> [StaffMember] {
    staff.filter { department == nil || $0.department == department }.sortedSwedish { $0.name }
  }

  /// The e-services an access view of `department` shows: those it owns and any
  /// its staff hold access to, in name order.
  public func servicesForAccessView(_ department: EntityID<Department>?) -> [EService] {
    guard let department else { return services.sortedSwedish { $0.name } }
    let held = Set(staff(in: department).flatMap { $0.grants.map(\.service) })
    return services.filter { $0.department == department || held.contains($0.id) }.sortedSwedish {
      $0.name
    }
  }

  /// Staff who can handle `service`'s cases on `day`.
  public func activeOfficers(of service: EntityID<EService>, on day: Day) -> [StaffMember] {
    officers(of: service, on: day).sortedSwedish { $0.name }
  }

  private func officers(of service: EntityID<EService>, on day: Day) -> [StaffMember] {
    (index.holders(self)[service] ?? []).map { staff[$0] }.filter {
      $0.canTakeCases(on: day, settings) && $0.hasAccess(to: service, on: day)
    }
  }

  /// A live e-service (published, or published and in need of revision) with no
  /// active case officer: citizens' cases would land with no one.
  public func lacksActiveOfficer(_ service: EService, on day: Day) -> Bool {
    (service.status == .published || service.status == .revisionNeeded)
      && officers(of: service.id, on: day).isEmpty
  }

  /// What is wrong with `person`'s access to `service` on `day`, if anything.
  public func accessFlag(_ person: StaffMember, _ service: EntityID<EService>, on day: Day)
    -> AccessFlag?
  {
    guard let grant = person.grant(for: service) else { return nil }
    if person.status == .removed { return .heldByRemoved }
    if person.isLeaving(on: day, settings) && grant.validTo == nil { return .leaverWithoutValidTo }
    if let end = grant.validTo, day <= end,
      day.days(until: end) <= settings.accessExpiryWarningDays,
      (index.openCases(self)[person.id] ?? []).contains(where: { cases[$0].service == service })
    {
      return .expiresWithOpenCases(end)
    }
    return nil
  }
}

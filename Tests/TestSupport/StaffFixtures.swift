import ETjanstDomain
import Foundation

/// A store for the staff tests (guideline 4.1, 4.2): a department with a leaver
/// who has two open cases, a newcomer whose checklist is overdue, a removed person
/// who still holds access, and an e-service nobody can handle.
public enum StaffFixtures {
  /// Adds Vera Visstid, a fixed-term hire in `m`'s first department, through the
  /// command the console sends, and returns her as stored.
  public static func addFixedTermHire(
    to m: inout Municipality, start: Day = Fixtures.today, end: Day
  ) throws -> StaffMember {
    try m.execute(
      AddStaffMember(
        name: "Vera Visstid", login: "vera.visstid", department: m.departments[0].id,
        manager: "", startDate: start, endDate: end),
      context: Fixtures.context())
    return m.staff.last!
  }

  public static let department = EntityID<Department>("dep-test")
  public static let social = EntityID<Department>("dep-soc")
  public static let bygglov = EntityID<EService>("svc-bygglov")
  public static let fardtjanst = EntityID<EService>("svc-fardtjanst")
  public static let skolskjuts = EntityID<EService>("svc-skolskjuts")
  public static let bistand = EntityID<EService>("svc-bistand")
  public static let anna = EntityID<StaffMember>("p-anna")
  public static let bertil = EntityID<StaffMember>("p-bertil")
  public static let cecilia = EntityID<StaffMember>("p-cecilia")
  public static let david = EntityID<StaffMember>("p-david")
  public static let eva = EntityID<StaffMember>("p-eva")
  public static let fredrik = EntityID<StaffMember>("p-fredrik")
  public static let case1 = EntityID<Case>("c-1")
  public static let case2 = EntityID<Case>("c-2")

  public static let manager = User(
    login: "chef", name: "Maja Chef", role: .manager(department: department))

  static func day(_ text: String) -> Day { Day(text)! }

  public static func store(managerLogin: String = "chef") -> Municipality {
    var m = Fixtures.small()
    m.users.append(User(login: managerLogin, name: manager.name, role: manager.role))
    m.departments.append(Department(id: social, name: "Socialförvaltningen"))
    m.services = [
      EService(id: bygglov, name: "Ansökan om bygglov", department: department, status: .published),
      EService(id: fardtjanst, name: "Färdtjänst", department: department, status: .published),
      EService(id: skolskjuts, name: "Skolskjuts", department: department, status: .published),
      EService(id: bistand, name: "Ekonomiskt bistånd", department: social, status: .published),
    ]
    let from = day("2025-01-01")
    var onboardingDone = Checklist(steps: ChecklistStep.onboarding, due: from)
    for i in onboardingDone.items.indices {
      onboardingDone.items[i].doneBy = "esamordnare"
      onboardingDone.items[i].doneAt = from.start.addingTimeInterval(9 * 3600)
    }
    var bertilOff = Checklist(steps: ChecklistStep.offboarding, due: day("2026-12-15"))
    bertilOff.items[1].doneBy = "esamordnare"
    bertilOff.items[1].doneAt = day("2026-11-20").start.addingTimeInterval(14 * 3600)
    m.staff = [
      StaffMember(
        id: anna, name: "Anna Åberg", login: "annaab", department: department, manager: "chef",
        startDate: from, status: .active,
        grants: [
          AccessGrant(service: bygglov, validFrom: from),
          AccessGrant(service: fardtjanst, validFrom: from),
        ],
        canSign: true, onboarding: onboardingDone),
      StaffMember(
        id: bertil, name: "Bertil Öst", login: "bertilo", department: department,
        manager: "chef",
        startDate: from, endDate: day("2026-12-15"), status: .offboarding,
        grants: [
          AccessGrant(service: bygglov, validFrom: from),
          AccessGrant(service: fardtjanst, validFrom: from, validTo: day("2026-12-05")),
        ],
        canSign: true, onboarding: onboardingDone, offboarding: bertilOff),
      StaffMember(
        id: cecilia, name: "Cecilia Ek", login: "ceciliae", department: department,
        manager: "chef",
        startDate: day("2026-11-20"), status: .onboarding,
        onboarding: Checklist(steps: ChecklistStep.onboarding, due: day("2026-11-20"))),
      StaffMember(
        id: david, name: "David Lund", login: "davidl", department: department,
        manager: "chef",
        startDate: from, endDate: day("2026-10-31"), status: .removed,
        grants: [AccessGrant(service: bygglov, validFrom: from)], onboarding: onboardingDone),
      StaffMember(
        id: eva, name: "Eva Berg", login: "evab", department: department, manager: "chef",
        startDate: from, status: .active, grants: [AccessGrant(service: bygglov, validFrom: from)],
        onboarding: onboardingDone),
      StaffMember(
        id: fredrik, name: "Fredrik Sol", login: "fredriks", department: social,
        manager: "Sara Chef",
        startDate: from, status: .active, grants: [AccessGrant(service: bistand, validFrom: from)],
        canSign: true,
        onboarding: onboardingDone),
    ]
    m.cases = [
      Case(id: case1, number: "2026-0412", service: bygglov, officer: bertil),
      Case(id: case2, number: "2026-0587", service: fardtjanst, officer: bertil),
      Case(
        id: EntityID("c-3"), number: "2026-0101", service: bygglov, officer: bertil,
        status: .closedArchived),
      Case(id: EntityID("c-4"), number: "2026-0300", service: bygglov, officer: anna),
    ]
    return m
  }
}

import ETjanstDomain
import Foundation

/// A made-up municipality of a given size, for the benchmark and for
/// `etjanst demo --scale region`: every service owned and reviewed, every staff
/// member with grants, a checklist and cases.
public enum Synthetic {
  public struct Size: Sendable {
    public var services: Int
    public var staff: Int
    public var cases: Int

    public init(services: Int, staff: Int, cases: Int) {
      self.services = services
      self.staff = staff
      self.cases = cases
    }

    /// A small municipality.
    public static let municipality = Size(services: 100, staff: 40, cases: 400)
    /// A whole region's e-services in one store: far more than the file is made for.
    public static let region = Size(services: 5_000, staff: 2_000, cases: 20_000)
  }

  public static func municipality(_ size: Size, coordinator: User, now: Date) -> Municipality {
    var m = Municipality.standing(firstUser: coordinator)
    let today = Day(now)
    m.departments = (0..<12).map { i in
      Department(
        id: EntityID("dep-\(i)"), name: "Förvaltning \(i) – Älvdalen",
        fallbackRoutine: i % 4 == 0
          ? nil
          : FallbackRoutine(
            steps: "Pappersblankett i pärm\nRing växeln", location: "Pärm i receptionen",
            responsible: "Åsa Öberg", lastReviewed: today.adding(days: -100 * (i % 5)),
            lastTested: today.adding(days: -200)))
    }
    m.services = (0..<size.services).map { i in
      EService(
        id: EntityID("svc-\(i)"), name: "E-tjänst \(i) för ansökan om åtgärd",
        department: EntityID("dep-\(i % 12)"),
        audience: i % 3 == 0 ? .internal : .external, category: "Kategori \(i % 20)",
        status: ServiceStatus.allCases[i % ServiceStatus.allCases.count],
        statusHistory: [
          StatusChange(status: .ordered, at: now.addingTimeInterval(-86_400 * 400), by: "bench")
        ],
        flowFamilyID: "\(1000 + i)",
        address: "https://e-tjanster.example.se/oversikt/overview/\(1000 + i)",
        roles: ServiceRoles(
          serviceOwner: .staff(EntityID("staff-\(i % max(1, size.staff))")),
          contactPerson: .named(name: "Kontakt \(i)", email: "k\(i)@example.se")),
        paperFormsReplaced: ["Blankett \(i)"], yearlyCaseVolume: 100 + i, handlingDaysBefore: 20,
        handlingDaysAfter: 5,
        lastReviewed: today.adding(days: -(i % 500)),
        reports: i % 10 == 0
          ? [ServiceReport(kind: .error, reportedOn: today, reportedBy: "x", text: "Fel i steg 2")]
          : [])
    }
    m.staff = (0..<size.staff).map { i in
      let leaving = i % 15 == 0
      return StaffMember(
        id: EntityID("staff-\(i)"), name: "Person Östlund \(i)", login: "person\(i)",
        department: EntityID("dep-\(i % 12)"),
        manager: "person\(i % 12)", startDate: today.adding(days: -1000),
        endDate: leaving ? today.adding(days: 20) : nil,
        status: leaving ? .offboarding : .active,
        grants: (0..<3).map { g in
          AccessGrant(
            service: EntityID("svc-\((i * 3 + g) % max(1, size.services))"),
            validFrom: today.adding(days: -900))
        },
        canSign: true,
        onboarding: Checklist(steps: ChecklistStep.onboarding, due: today.adding(days: -1000)),
        offboarding: leaving
          ? Checklist(steps: ChecklistStep.offboarding, due: today.adding(days: 20)) : nil)
    }
    m.cases = (0..<size.cases).map { i in
      let officer = i % max(1, size.staff)
      return Case(
        id: EntityID("case-\(i)"), number: "ÄR 2026/\(i)",
        service: EntityID("svc-\((officer * 3) % max(1, size.services))"),
        officer: EntityID("staff-\(officer)"), status: i % 3 == 0 ? .ongoing : .closedArchived)
    }
    return m
  }
}

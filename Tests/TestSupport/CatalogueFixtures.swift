import ETjanstDomain
import Foundation

/// A small catalogue for the E-tjänster tests: three departments, staff of whom one
/// has left, and e-services that between them raise every flag.
public enum CatalogueFixtures {
  public static let social = EntityID<Department>("dep-social")
  public static let building = EntityID<Department>("dep-bygg")
  public static let school = EntityID<Department>("dep-skola")

  public static let anna = EntityID<StaffMember>("staff-anna")
  public static let bo = EntityID<StaffMember>("staff-bo")
  public static let cecilia = EntityID<StaffMember>("staff-cecilia")

  public static let bygglov = EntityID<EService>("svc-bygglov")
  public static let avlopp = EntityID<EService>("svc-avlopp")
  public static let bistand = EntityID<EService>("svc-bistand")
  public static let skolskjuts = EntityID<EService>("svc-skolskjuts")
  public static let semester = EntityID<EService>("svc-semester")
  public static let barnomsorg = EntityID<EService>("svc-barnomsorg")
  public static let forskola = EntityID<EService>("svc-forskola")

  public static let openReport = EntityID<ServiceReport>("rep-avlopp")
  public static let order = EntityID<ServiceOrder>("ord-semester")

  static func at(_ y: Int, _ m: Int, _ d: Int) -> Date {
    Day(year: y, month: m, day: d).start.addingTimeInterval(9 * 3600)
  }

  static func history(_ steps: [(ServiceStatus, Date)]) -> [StatusChange] {
    steps.map { StatusChange(status: $0.0, at: $0.1, by: Fixtures.coordinator.login) }
  }

  public static func municipality() -> Municipality {
    var m = Municipality.standing(name: "Övertorneå kommun", firstUser: Fixtures.coordinator)
    m.departments = [
      Department(id: social, name: "Socialförvaltningen"),
      Department(id: building, name: "Samhällsbyggnad"),
      Department(id: school, name: "Barn och utbildning"),
    ]
    m.staff = [
      StaffMember(
        id: anna, name: "Anna Ek", login: "anna.ek", department: building,
        startDate: Day(year: 2020, month: 1, day: 1), status: .active),
      StaffMember(
        id: bo, name: "Bo Lind", login: "bo.lind", department: building,
        startDate: Day(year: 2018, month: 1, day: 1), endDate: Day(year: 2026, month: 6, day: 30),
        status: .removed),
      StaffMember(
        id: cecilia, name: "Cecilia Öberg", login: "cecilia.oberg", department: social,
        startDate: Day(year: 2021, month: 3, day: 1), status: .active,
        grants: [AccessGrant(service: bistand, validFrom: Day(year: 2021, month: 3, day: 1))]),
    ]
    m.services = [
      EService(
        id: bygglov, name: "Ansökan om bygglov", department: building, category: "Bygga och bo",
        status: .published,
        statusHistory: history([
          (.ordered, at(2024, 1, 10)), (.inDevelopment, at(2024, 2, 1)),
          (.published, at(2024, 4, 2)),
        ]),
        flowFamilyID: "1012", address: "https://e-tjanster.overtornea.se/oversikt/overview/1012",
        roles: ServiceRoles(
          processOwner: .staff(anna), serviceOwner: .staff(anna), contactPerson: .staff(anna)),
        needsELegitimation: true, needsSigning: true, paperFormsReplaced: ["Blankett B1"],
        yearlyCaseVolume: 140,
        handlingDaysBefore: 42, handlingDaysAfter: 21, legalNote: "Plan- och bygglagen (2010:900).",
        lastReviewed: Day(year: 2026, month: 3, day: 1)),
      EService(
        id: avlopp, name: "Anmälan om avlopp", department: building, category: "Miljö",
        status: .revisionNeeded,
        statusHistory: history([(.published, at(2023, 5, 1)), (.revisionNeeded, at(2026, 11, 2))]),
        flowFamilyID: "1044",
        roles: ServiceRoles(serviceOwner: .staff(bo), contactPerson: .staff(anna)),
        lastReviewed: Day(year: 2026, month: 1, day: 15),
        reports: [
          ServiceReport(
            id: openReport, kind: .error, reportedOn: Day(year: 2026, month: 11, day: 2),
            reportedBy: "Anna Ek",
            text: "Fel avgift visas i steg 3.")
        ]),
      EService(
        id: bistand, name: "Ekonomiskt bistånd", department: social, category: "Stöd",
        status: .published,
        statusHistory: history([(.published, at(2022, 9, 1))]), flowFamilyID: "2001",
        roles: ServiceRoles(
          serviceOwner: .staff(cecilia),
          dataController: .named(name: "Socialnämnden", email: "social@overtornea.se")),
        needsELegitimation: true, yearlyCaseVolume: 600,
        lastReviewed: Day(year: 2024, month: 10, day: 1)),
      EService(
        id: skolskjuts, name: "Skolskjuts", department: school, category: "Skola",
        status: .unpublished,
        statusHistory: history([(.published, at(2020, 8, 1)), (.unpublished, at(2025, 6, 1))]),
        flowFamilyID: "3003", lastReviewed: Day(year: 2023, month: 1, day: 1)),
      EService(
        id: semester, name: "Semesteransökan", department: social, audience: .internal,
        category: "Personal",
        status: .inDevelopment,
        statusHistory: history([(.ordered, at(2026, 9, 1)), (.inDevelopment, at(2026, 10, 1))]),
        platform: "Visma Personec"),
      EService(
        id: barnomsorg, name: "Ändring av barnomsorgstid", department: school, category: "Förskola",
        status: .published,
        statusHistory: history([(.published, at(2025, 8, 15))]), flowFamilyID: "3010",
        roles: ServiceRoles(
          serviceOwner: .named(name: "Åsa Nilsson", email: "asa.nilsson@overtornea.se")),
        lastReviewed: Day(year: 2026, month: 8, day: 1)),
      EService(
        id: forskola, name: "Öppen förskola", department: social, category: "Förskola",
        status: .ordered,
        statusHistory: history([(.ordered, at(2026, 11, 20))])),
    ]
    m.orders = [
      ServiceOrder(
        id: order, title: "Semesteransökan digital", department: social,
        contactPerson: "Cecilia Öberg",
        audience: .internal, step: .firstVersion, service: semester, created: at(2026, 9, 1))
    ]
    return m
  }
}

import ETjanstDomain
import ETjanstResources
import Foundation

/// Fixed points for tests: a clock that never moves, the people in the stores, and
/// the demo municipality.
public enum Fixtures {
  /// 2026-11-27 10:00 in Stockholm: the day the demo data is written for.
  public static let now: Date = Day(year: 2026, month: 11, day: 27).start.addingTimeInterval(
    10 * 3600)
  public static let today = Day(year: 2026, month: 11, day: 27)

  /// The demo's e-coordinator (login "esamordnare").
  public static let coordinator = User(
    login: "esamordnare", name: "Test Samordnare", role: .eCoordinator)

  /// A small store with the guideline's standing data and one department.
  public static func small() -> Municipality {
    var m = Municipality.standing(name: "Övertorneå kommun", firstUser: coordinator)
    m.departments = [Department(id: EntityID("dep-test"), name: "Testförvaltningen")]
    return m
  }

  public static func context(_ user: User = coordinator, at date: Date = now) -> CommandContext {
    CommandContext(actor: Actor(user), now: date)
  }

  /// The demo municipality as of its reference day, 2026-11-27 (no dates shifted).
  public static var demo: Municipality {
    get throws { try DemoData.load(today: today) }
  }
}

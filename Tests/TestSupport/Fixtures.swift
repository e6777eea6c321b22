import ETjanstDomain
import Foundation

/// Fixed points for tests: a clock that never moves and the people in the stores.
public enum Fixtures {
  /// 2026-11-27 10:00 in Stockholm: the day the demo data is written for.
  public static let now: Date = Day(year: 2026, month: 11, day: 27).start.addingTimeInterval(10 * 3600)
  public static let today = Day(year: 2026, month: 11, day: 27)

  public static let coordinator = User(login: "esamordnare", name: "Test Samordnare", role: .eCoordinator)

  /// A small store with the guideline's standing data and one department.
  public static func small() -> Municipality {
    var m = Municipality.standing(firstUser: coordinator)
    m.departments = [Department(id: EntityID("dep-test"), name: "Testförvaltningen")]
    return m
  }

  public static func context(_ user: User = coordinator, at date: Date = now) -> CommandContext {
    CommandContext(actor: Actor(user), now: date)
  }
}

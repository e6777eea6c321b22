import ETjanstDomain
import ETjanstResources

/// Shared test data.
public enum Fixtures {
  /// The demo municipality as of its reference day, 2026-11-27 (no dates shifted).
  public static var demo: Municipality {
    get throws { try DemoData.load(today: Day(year: 2026, month: 11, day: 27)) }
  }
}

import Foundation

/// Files shipped with the program: the demo data.
public enum ETjanstResources {
  /// The demo store's source, realistic data for a small Swedish municipality.
  public static var demoURL: URL? {
    Bundle.module.url(forResource: "municipality", withExtension: "json", subdirectory: "demo")
  }
}

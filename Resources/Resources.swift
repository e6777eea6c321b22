import Foundation

/// Files shipped with the program: the demo data.
public enum ETjanstResources {
  /// The demo store's source, realistic data for a small Swedish municipality:
  /// `demo/municipality.json`, compiled into the program (SwiftPM's `embedInCode`), so
  /// an installed binary needs no resource bundle beside it and no build tree.
  public static var demoJSON: Data { Data(PackageResources.municipality_json) }
}

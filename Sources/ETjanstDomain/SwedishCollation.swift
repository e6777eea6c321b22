import Foundation

/// Swedish alphabetical order: … X Y Z Å Ä Ö, case-insensitive, numbers by value.
/// Foundation's default compare puts Ä before Å; the sv_SE locale gets it right
/// even where the operating system has no Swedish locale installed.
public enum SwedishCollation {
  static let locale = Locale(identifier: "sv_SE")

  public static func compare(_ a: String, _ b: String) -> ComparisonResult {
    a.compare(b, options: [.caseInsensitive, .numeric], range: nil, locale: locale)
  }

  public static func precedes(_ a: String, _ b: String) -> Bool {
    compare(a, b) == .orderedAscending
  }

  /// Case-insensitive search that keeps å, ä and ö apart from a and o
  /// (diacritic-insensitive search would wrongly match "a" with "å").
  public static func contains(_ haystack: String, _ needle: String) -> Bool {
    needle.isEmpty || haystack.range(of: needle, options: [.caseInsensitive], locale: locale) != nil
  }
}

extension Sequence {
  /// Sorted in Swedish order by the given text.
  public func sortedSwedish(by key: (Element) -> String) -> [Element] {
    sorted { SwedishCollation.precedes(key($0), key($1)) }
  }
}

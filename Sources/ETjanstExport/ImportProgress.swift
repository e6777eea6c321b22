import Foundation

/// Where an import's reading says how far it is: `ImportFile.eachRecord` calls the
/// task's reporter with the rows read and the rows in all, every few thousand rows.
/// Nil (the default, and in tests): nobody is told.
public enum ImportProgress {
  @TaskLocal public static var report: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  /// How many rows between two calls.
  static let every = 4096
}

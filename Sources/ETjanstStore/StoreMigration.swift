import Foundation

/// One step that lifts a store file from `from` to `from + 1`, working on the raw
/// property-list dictionary, before any Codable type sees it. Old files are migrated
/// when read and written in the current version on the next save; they are never
/// rewritten just by reading them.
///
/// How to add one, when version 3 comes:
/// 1. Raise `StoreDocument.currentSchemaVersion` to 3.
/// 2. Append `StoreMigration(from: 2) { root in ... }` to `StoreMigration.all`, rewriting
///    the keys that changed (rename, split, default a new required key).
/// 3. Keep a version-2 file as a test fixture and test that it loads (version 1's is
///    Tests/ETjanstStoreTests/Fixtures/schema1.plist), and update docs/store-format.md.
public struct StoreMigration: Sendable {
  public typealias Step = @Sendable (inout [String: Any]) throws -> Void

  public let from: Int
  public let step: Step

  public init(from: Int, step: @escaping Step) {
    self.from = from
    self.step = step
  }

  /// The migrations this program knows, oldest first.
  public static let all: [StoreMigration] = [Schema2Migration.step]

  /// Runs the steps from `version` up to `target` in order and stamps each new version
  /// into the dictionary. Returns nil when some step is missing.
  static func migrate(
    _ root: [String: Any], from version: Int, to target: Int, using migrations: [StoreMigration]
  ) throws -> [String: Any]? {
    var root = root
    var version = version
    while version < target {
      guard let migration = migrations.first(where: { $0.from == version }) else { return nil }
      try migration.step(&root)
      version += 1
      root["schemaVersion"] = version
    }
    return root
  }
}

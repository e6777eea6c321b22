import Foundation

/// An earlier version of the store, kept in `<store>.backups` when a newer one
/// replaced it.
public struct Backup: Sendable, Equatable, Identifiable {
  public let path: String
  /// When this version was saved (the file's mtime): the state it holds is the store
  /// as it was at that moment.
  public let date: Date
  /// When a newer version replaced it (from the file name, UTC).
  public let replacedAt: Date
  /// Bytes.
  public let size: Int

  public var id: String { path }
  public var name: String { URL(fileURLWithPath: path).lastPathComponent }
}

import Foundation
import Synchronization

/// Where an import's reading says how far it is: `ImportFile.eachRecord` calls the
/// reporter set by `with` with the rows read and the rows in all, every few
/// thousand rows. Nil (the default, and in tests): nobody is told. (A plain value
/// under a lock, not a task-local: `TaskLocal.withValue` outside a task crashed the
/// release build.)
public enum ImportProgress {
  public typealias Reporter = @Sendable (_ done: Int, _ total: Int) -> Void

  private static let current = Mutex<Reporter?>(nil)

  /// The reporter of the import running, if any.
  public static var report: Reporter? { current.withLock { $0 } }

  /// Runs `body` with `reporter` told of the rows read; the one before is put back.
  public static func with<T>(_ reporter: Reporter?, _ body: () throws -> T) rethrows -> T {
    let before = current.withLock { old in
      defer { old = reporter }
      return old
    }
    defer { current.withLock { $0 = before } }
    return try body()
  }

  /// How many rows between two calls.
  static let every = 4096
}

import Foundation

/// Where the store file is: `--store PATH`, else `ETJANST_STORE`, else
/// `$XDG_DATA_HOME/etjanst/etjanst.plist`, else `~/.local/share/etjanst/etjanst.plist`.
/// The environment is a parameter so tests (and scripts) need not change the real one.
public struct StoreLocation: Sendable, Equatable {
  /// Which rule chose the path, so a message can say why this file was used.
  public enum Source: Sendable, Equatable {
    case option
    case environment
    case xdgDataHome
    case home
  }

  /// Absolute.
  public let path: String
  public let source: Source

  public init(path: String, source: Source) {
    self.path = path
    self.source = source
  }

  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> StoreLocation {
    let home = nonEmpty(environment["HOME"]) ?? SystemIdentity.homeDirectory() ?? "/"
    if let explicit = nonEmpty(explicit) {
      return StoreLocation(path: absolute(explicit, home: home), source: .option)
    }
    if let variable = nonEmpty(environment["ETJANST_STORE"]) {
      return StoreLocation(path: absolute(variable, home: home), source: .environment)
    }
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if let data = nonEmpty(environment["XDG_DATA_HOME"]), data.hasPrefix("/") {
      return StoreLocation(path: join(data, "etjanst/etjanst.plist"), source: .xdgDataHome)
    }
    return StoreLocation(path: join(home, ".local/share/etjanst/etjanst.plist"), source: .home)
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }

  /// `~/x` is expanded (a quoted `--store "~/x"` reaches us unexpanded); a relative
  /// path is taken from the current folder, so the lock and backups land beside it
  /// whatever folder the program later runs in.
  private static func absolute(_ path: String, home: String) -> String {
    if path == "~" { return home }
    if path.hasPrefix("~/") { return join(home, String(path.dropFirst(2))) }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  private static func join(_ folder: String, _ rest: String) -> String {
    folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
  }
}

import Foundation

extension Binary {
  /// A demo store written by `etjanst demo` in `folder`, whose e-coordinator is the
  /// current login; its path.
  public static func demoStore(in folder: URL, name: String = "etjanst.plist") throws -> String {
    let store = folder.appendingPathComponent(name).path
    let made = try etjanst(["demo", "--output", store])
    guard made.status == 0 else { throw DemoStoreFailed(stderr: made.stderr) }
    return store
  }

  /// The login of the demo store's first user: its e-coordinator.
  public static func coordinatorLogin(_ store: String) throws -> String {
    try plistlib(store, "d['municipality']['users'][0]['login']")
  }

  /// A file for `services import` that adds one e-service, `service`, written as
  /// `file` in `folder`, readable by every account; its path.
  public static func serviceImport(
    in folder: URL, service: String = "Ny tjänst", file: String = "import.csv"
  ) throws -> String {
    let path = folder.appendingPathComponent(file).path
    try Data("namn;förvaltning;status\n\(service);Vård och omsorg;Publicerad\n".utf8).write(
      to: URL(fileURLWithPath: path))
    chmod(path, 0o644)
    return path
  }

  public struct DemoStoreFailed: Error, CustomStringConvertible {
    public var stderr: String
    public var description: String { "etjanst demo failed: \(stderr)" }
  }
}

extension Tmux {
  /// The console on `store`, shown and ready for keys; without $EDITOR, so long
  /// texts open in the console's own editor.
  public static func console(_ store: String, width: Int = 100, height: Int = 30) throws -> Tmux {
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --store '\(store)'", width: width, height: height,
      unset: ["EDITOR", "VISUAL"])
    try tmux.waitFor(text: "1 Översikt")
    return tmux
  }
}

import ETjanstConsole
import ETjanstDomain
import ETjanstStore
import Foundation

/// The console's effects over a real store file, as the executable has them.
public final class StoreBackend: ConsoleBackend {
  public let file: StoreFile
  public let worksInBackground: Bool

  public init(_ file: StoreFile, background: Bool = false) {
    self.file = file
    worksInBackground = background
  }

  public func perform(
    _ command: any Command, actor: Actor, now: Date, waiting: @escaping (String?) -> Bool
  ) throws -> Change {
    try file.perform(command, actor: actor, now: now, waiting: waiting)
  }

  public func perform(_ command: any Command, actor: Actor, now: Date) throws -> Change {
    try file.perform(command, actor: actor, now: now)
  }

  public func reloadIfChanged() throws -> Municipality? { try file.reloadIfChanged() }
  public func editExternally(_ text: String) -> String? { nil }

  public func auditPage(_ query: AuditQuery, before cursor: AuditCursor?, limit: Int) throws
    -> AuditPage
  {
    try file.auditPage(query, before: cursor, limit: limit)
  }
}

/// A store file in a temporary folder of its own, removed when dropped.
public final class SharedStore {
  public let folder: String
  public var path: String { folder + "/etjanst.plist" }

  public init(_ m: Municipality) throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("etjanst-two-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try StoreFile(path: path).create(m, by: Fixtures.coordinator.login, now: Fixtures.now)
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  /// What is saved now, read by a `StoreFile` of its own.
  public func saved() throws -> Municipality { try StoreFile(path: path).load() }

  /// A console of its own on the file: its own `StoreFile`, as a second process has.
  /// `background`: saves and reloads run off the key loop, as in the real console.
  public func console(width: Int = 100, height: Int = 40, background: Bool = false) throws
    -> StoreConsole
  {
    try StoreConsole(path: path, width: width, height: height, background: background)
  }
}

/// One console over a store file, driven by keys like `ConsoleDriver`.
public final class StoreConsole {
  public let backend: StoreBackend
  public let program: Program

  init(path: String, width: Int, height: Int, background: Bool) throws {
    let file = StoreFile(path: path)
    backend = StoreBackend(file, background: background)
    let state = AppState(
      data: try file.load(), user: Fixtures.coordinator, width: width, height: height,
      now: Fixtures.now)
    program = Program(
      state: state, terminal: FakeTerminal(width: width, height: height), backend: backend,
      clock: { Fixtures.now })
  }

  public var state: AppState { program.state }
  public var frame: Frame { RootView.render(program.state) }
  public var screen: String { frame.lines.joined(separator: "\n") }

  /// Presses keys as the run loop takes them, then carries out what background
  /// work has finished.
  public func press(_ keys: Key...) {
    for key in keys {
      program.handle(key)
      program.drainBackground()
    }
  }
  public func type(_ text: String) { for c in text { press(.character(c)) } }

  /// Waits until `condition` holds, carrying out finished background work; false
  /// when it did not within `seconds` (a bound for a broken test, not a timing).
  public func wait(seconds: Double = 60, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      program.drainBackground()
      if condition() { return true }
      usleep(10_000)
    }
    return false
  }

  /// Opens a dialog as its key would.
  public func open(_ overlay: any Overlay) { program.stateForTesting.overlays.append(overlay) }

  /// The form on top, if any.
  public var form: FormOverlay? { state.overlays.last as? FormOverlay }

  /// Moves to the form's field `name` with Tab, clears it and types `text`.
  public func set(_ name: String, to text: String) {
    guard let form, let i = form.fields.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("no form field '\(name)'")
    }
    for _ in 0..<((i - form.focus + form.fields.count) % form.fields.count) { press(.tab) }
    if case .choice = form.fields[i].kind {
      type(text)
      press(.enter)  // keeps the match, clears the filter
    } else {
      press(.control("u"))
      type(text)
    }
  }

  /// Takes in what another process saved, as the run loop does once a second.
  public func reload() throws {
    if let newest = try backend.reloadIfChanged() {
      program.send(.storeChangedElsewhere(newest))
    }
  }
}

import ETjanstConsole
import ETjanstDomain
import Foundation

/// A terminal in memory: keys come from a script, frames are kept.
public final class FakeTerminal: TerminalIO {
  public var size: (width: Int, height: Int)
  public var keys: [Key]
  public private(set) var frames: [Frame] = []
  public private(set) var cursor: (x: Int, y: Int)?

  public init(width: Int = 80, height: Int = 24, keys: [Key] = []) {
    size = (width, height)
    self.keys = keys
  }

  public func present(_ frame: Frame) { frames.append(frame) }
  public func readKey(timeout: Duration) throws -> Key? {
    guard !keys.isEmpty else { throw TerminalClosed() }
    return keys.removeFirst()
  }
  public func showCursor(at x: Int, y: Int) { cursor = (x, y) }
  public func hideCursor() { cursor = nil }
  public func invalidate() {}
  public func suspend<T>(_ body: () throws -> T) rethrows -> T { try body() }
}

/// A store in memory that applies commands through the same domain rules.
public final class MemoryBackend: ConsoleBackend {
  public var data: Municipality
  public var performed: [any Command] = []
  /// What $EDITOR "returns" in tests.
  public var editorResult: String?

  public init(_ data: Municipality) { self.data = data }

  public func perform(_ command: any Command, actor: Actor, now: Date) throws -> Change {
    let change = try data.execute(command, context: CommandContext(actor: actor, now: now))
    performed.append(command)
    return change
  }

  public func reloadIfChanged() throws -> Municipality? { nil }
  public func editExternally(_ text: String) -> String? { editorResult }

  /// The trail, oldest first, as the store would have written it.
  public var trail: [AuditEntry] = []

  public func auditPage(_ query: AuditQuery, before cursor: AuditCursor?, limit: Int) throws
    -> AuditPage
  {
    // The cursor is an index into `trail` here; the store's is a byte offset.
    let end = min(cursor?.offset ?? trail.count, trail.count)
    var entries: [AuditEntry] = []
    var index = end
    while index > 0 {
      index -= 1
      guard query.matches(trail[index]) else { continue }
      entries.append(trail[index])
      if entries.count == limit {
        return AuditPage(entries: entries, next: index > 0 ? AuditCursor(offset: index) : nil)
      }
    }
    return AuditPage(entries: entries, next: nil)
  }
}

/// Drives the console as a user would, without a terminal: keys in, frames out.
public final class ConsoleDriver {
  public let backend: MemoryBackend
  public let program: Program

  public init(
    _ data: Municipality, user: User = Fixtures.coordinator, width: Int = 80, height: Int = 24,
    language: Language = .swedish, color: Bool = true, readOnly: Bool = false,
    now: Date = Fixtures.now
  ) {
    backend = MemoryBackend(data)
    let state = AppState(
      data: data, user: user, language: language, theme: Theme(useColor: color),
      forcedReadOnly: readOnly, width: width, height: height, now: now)
    program = Program(
      state: state, terminal: FakeTerminal(width: width, height: height), backend: backend,
      clock: { now })
  }

  public var state: AppState { program.state }
  public var frame: Frame { RootView.render(program.state) }

  /// Presses keys in order.
  public func press(_ keys: Key...) { for key in keys { program.send(.keyPressed(key)) } }

  /// Types text, one key per character.
  public func type(_ text: String) { for c in text { program.send(.keyPressed(.character(c))) } }

  public func resize(_ width: Int, _ height: Int) {
    program.send(.resized(width: width, height: height))
  }
}

import ETjanstDomain
import Foundation

/// Where the console's effects go: the store, and the world outside the terminal.
/// The executable implements it over the property-list file; tests in memory.
public protocol ConsoleBackend: AnyObject {
  /// Applies a command to the newest state under the store's lock.
  func perform(_ command: any Command, actor: Actor, now: Date) throws -> Change
  /// The newest state, when another process saved since the last look.
  func reloadIfChanged() throws -> Municipality?
  /// Runs $EDITOR on the text (the terminal is already handed over); nil when the
  /// editor failed or the text did not change.
  func editExternally(_ text: String) -> String?
  /// A page of the audit trail. Called on a background queue, never on the key path.
  func auditPage(_ query: AuditQuery, before cursor: AuditCursor?, limit: Int) throws -> AuditPage
}

/// The run loop: key → message → update → effects → view → frame → terminal.
/// The only place that reads the clock, touches the backend or the terminal.
public final class Program {
  public private(set) var state: AppState

  /// Direct access for tests that set up a dialog or a selection.
  public var stateForTesting: AppState {
    get { state }
    set { state = newValue }
  }
  let terminal: any TerminalIO
  let backend: any ConsoleBackend
  let clock: () -> Date
  var quitting = false
  var lastReload = Date.distantPast
  /// Reads of the audit trail run here, so a long trail never holds up a key.
  let background = BackgroundWork()

  public init(
    state: AppState, terminal: any TerminalIO, backend: any ConsoleBackend,
    clock: @escaping () -> Date = Date.init
  ) {
    self.state = state
    self.terminal = terminal
    self.backend = backend
    self.clock = clock
  }

  /// Runs until the user quits or input ends; returns the final state.
  @discardableResult
  public func run() throws -> AppState {
    let size = terminal.size
    send(.resized(width: size.width, height: size.height))
    send(.clockTicked(clock()))
    draw()
    while !quitting {
      let key: Key?
      do {
        // While a trail page is being read, look for it often.
        key = try terminal.readKey(
          timeout: background.isBusy ? .milliseconds(30) : .milliseconds(1000))
      } catch is TerminalClosed {
        break
      }
      if let key {
        if key == .resize {
          let size = terminal.size
          send(.resized(width: size.width, height: size.height))
        } else {
          send(.clockTicked(clock()))
          send(.keyPressed(key))
        }
      } else {
        send(.clockTicked(clock()))
      }
      pollStore()
      deliverBackgroundResults()
      if !quitting { draw() }
    }
    return state
  }

  /// Feeds one message through update and carries out the effects, whose results
  /// come back as messages in turn.
  public func send(_ message: Message) {
    let effects = App.update(&state, message)
    for effect in effects { perform(effect) }
  }

  func perform(_ effect: Effect) {
    switch effect {
    case .quit:
      quitting = true
    case .redraw:
      terminal.invalidate()
    case .perform(let command):
      let now = clock()
      let result = Result { try backend.perform(command, actor: state.actor, now: now) }
      send(.clockTicked(now))
      send(.commandFinished(result))
    case .editExternally(let request):
      let edited = terminal.suspend { backend.editExternally(request.text) }
      terminal.invalidate()
      send(.externalEditFinished(edited, request))
    case .readTrail(let read):
      let backend = UncheckedBox(backend)
      background.run {
        let result = Result {
          try backend.value.auditPage(read.query, before: read.cursor, limit: read.limit)
        }
        return .trailRead(read, result)
      }
    }
  }

  /// Feeds what background work finished into update.
  func deliverBackgroundResults() {
    for message in background.takeFinished() { send(message) }
  }

  /// Waits until background work is done and delivers it: for tests, which drive the
  /// console key by key and must see a page before the next key.
  public func settle() {
    background.waitUntilIdle()
    deliverBackgroundResults()
  }

  /// Looks for other people's saves about once a second; a failed look (a broken
  /// file) is shown, and this console keeps its last good state.
  func pollStore() {
    let now = clock()
    guard now.timeIntervalSince(lastReload) >= 1 else { return }
    lastReload = now
    do {
      if let newest = try backend.reloadIfChanged() { send(.storeChangedElsewhere(newest)) }
    } catch {
      state.show(Texts.describe(error), .error)
    }
  }

  func draw() {
    terminal.present(RootView.render(state))
    if let cursor = RootView.cursor(state) {
      terminal.showCursor(at: cursor.x, y: cursor.y)
    } else {
      terminal.hideCursor()
    }
  }
}

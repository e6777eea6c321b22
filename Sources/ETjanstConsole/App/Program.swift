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
        key = try terminal.readKey(timeout: .milliseconds(1000))
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
    }
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
      // The data on screen stays as last read; saying so keeps anyone from taking
      // it for the file's present state.
      state.show(Texts.storeUnusable(error), .error)
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

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
  /// True when store work must run off the key loop (a real file: a save may wait
  /// for another process's lock, and reading a region's file takes seconds).
  var worksInBackground: Bool { get }
  /// `perform`, calling `waiting` with the lock holder ("login pid") while another
  /// process holds the store's lock; `waiting` returning false gives up (the error
  /// thrown then is reported as `SaveWaitCancelled`).
  func perform(
    _ command: any Command, actor: Actor, now: Date, waiting: @escaping (String?) -> Bool
  ) throws -> Change
  /// A page of the audit trail; off the key loop when `worksInBackground`.
  func auditPage(_ query: AuditQuery, before cursor: AuditCursor?, limit: Int) throws -> AuditPage
}

extension ConsoleBackend {
  public var worksInBackground: Bool { false }
  public func perform(
    _ command: any Command, actor: Actor, now: Date, waiting: @escaping (String?) -> Bool
  ) throws -> Change {
    try perform(command, actor: actor, now: now)
  }
}

/// The user pressed Esc while a save waited for another process; nothing was saved.
public struct SaveWaitCancelled: Error, Sendable {
  public init() {}
}

/// A save was asked for while another is still under way.
public struct SaveBusy: Error, Sendable {}

/// A console opened before its store is read (a large file): the first frame is drawn
/// at once and the store is read off the key loop, as tig draws while `git log` still
/// runs. Keys pressed meanwhile wait (`AppState.loading`) and are done in order once
/// the console's state is made from what was read.
public struct Opening {
  /// The file's size, shown while it is read.
  public var bytes: Int
  /// Reads the store; runs on another thread.
  public var read: @Sendable () throws -> Municipality
  /// The console's state for what was read, made on the key loop; throws when the
  /// console cannot open on it (a login the store does not know).
  public var begin: (Municipality) throws -> AppState

  public init(
    bytes: Int, read: @escaping @Sendable () throws -> Municipality,
    begin: @escaping (Municipality) throws -> AppState
  ) {
    self.bytes = bytes
    self.read = read
    self.begin = begin
  }
}

/// The run loop: key → message → update → effects → view → frame → terminal.
/// The only place that reads the clock, touches the backend or the terminal.
public final class Program {
  public private(set) var state: AppState

  /// Direct access for tests that set up a dialog or a selection.
  /// Stops waiting for another process's save; texts name it from here.
  public static let stopWaitingKey = Key.escape

  public var stateForTesting: AppState {
    get { state }
    set { state = newValue }
  }
  let terminal: any TerminalIO
  let backend: any ConsoleBackend
  let clock: () -> Date
  var quitting = false
  var lastReload = Date.distantPast
  let background = Background()
  let workers = Workers()
  /// The last frame presented, and the one before it, whose memory the next is drawn in.
  private var frames = (spare: Frame(width: 0, height: 0), last: Frame(width: 0, height: 0))
  /// The store still to be read when the console opened with `init(opening:…)`.
  private var opening: Opening?
  /// Why the store read at opening could not be used: `run` ends and throws it.
  public private(set) var openingFailure: (any Error)?

  public init(
    state: AppState, terminal: any TerminalIO, backend: any ConsoleBackend,
    clock: @escaping () -> Date = Date.init
  ) {
    self.state = state
    self.terminal = terminal
    self.backend = backend
    self.clock = clock
  }

  /// The console over a store not yet read: it shows at once and reads the store
  /// off the key loop (`Opening`) when it runs.
  public convenience init(
    opening: Opening, language: Language, theme: Theme, terminal: any TerminalIO,
    backend: any ConsoleBackend, clock: @escaping () -> Date = Date.init
  ) {
    let size = terminal.size
    self.init(
      state: .loading(
        bytes: opening.bytes, language: language, theme: theme, width: size.width,
        height: size.height, now: clock()),
      terminal: terminal, backend: backend, clock: clock)
    self.opening = opening
  }

  /// Runs until the user quits or input ends; returns the final state. Throws why a
  /// store read at opening could not be used.
  @discardableResult
  public func run() throws -> AppState {
    let size = terminal.size
    send(.resized(width: size.width, height: size.height))
    send(.clockTicked(clock()))
    startOpening()
    refreshFindings()
    draw()
    while !quitting {
      let key: Key?
      do {
        // While store work runs in the background, look for its result often: a save
        // is shown within 10 ms of being done (at 100 ms, the wait was longer than a
        // region's save itself). Each look draws only what changed, which is nothing
        // while the work goes on.
        let busy =
          background.saving || background.reloading || background.trailReads > 0
          || background.findings || background.opening
        key = try terminal.readKey(timeout: .milliseconds(busy ? 10 : 1000))
      } catch is TerminalClosed {
        break
      }
      if let key {
        handle(key)
        takeWaitingKeys()
      } else {
        send(.clockTicked(clock()))
      }
      drainBackground()
      // The frame first, then the housekeeping: the look for another process's save
      // (once a second) and the findings' refresh hand work to another thread, and
      // done before the frame they held up the key they came with.
      if !quitting { draw() }
      // The save thread made once the store is read (not beside the reading), so the
      // first save finds its collator open (`Workers`).
      if backend.worksInBackground && opening == nil { _ = workers.saves }
      pollStore()
      refreshFindings()
      // In memory (tests) they are done here and now: their result is drawn at once.
      if !quitting && !backend.worksInBackground { draw() }
    }
    if let openingFailure { throw openingFailure }
    return state
  }

  /// Starts reading the store of `init(opening:…)` on another thread; what was read
  /// comes back through `drainBackground` (`opened`). Once.
  public func startOpening() {
    guard let opening, !background.opening else { return }
    background.opening = true
    let read = opening.read
    let background = Unchecked(background)
    Thread.detachNewThread {
      let result = Unchecked(Result { try read() })
      background.value.finish { program in
        program.background.opening = false
        program.opened(result.value)
      }
    }
  }

  /// The store read at opening: the console's state is made from it, keeping the
  /// terminal's size and the clock, and the keys held meanwhile are done in order.
  func opened(_ result: Result<Municipality, any Error>) {
    guard let opening else { return }
    self.opening = nil
    do {
      var next = try opening.begin(result.get())
      next.width = state.width
      next.height = state.height
      next.now = state.now
      let held = state.loading?.heldKeys ?? []
      state = next
      // The findings are started off the key loop before the first frame over the
      // lists: else the overview, the screen the console opens on, worked them out
      // itself before it showed (~70–200 ms on a region, after the load).
      refreshFindings()
      for key in held where !quitting { handle(key) }
    } catch {
      openingFailure = error
      quitting = true
    }
  }

  /// The keys already waiting (a paste from a terminal without bracketed paste
  /// arrives as a burst of keys), taken before the next frame is drawn: one frame
  /// per key made a 5,000-character paste take 8 s. Bounded in time, so the screen
  /// still follows a long burst.
  func takeWaitingKeys() {
    let clock = ContinuousClock()
    let until = clock.now + .milliseconds(50)
    while !quitting, clock.now < until {
      guard let key = try? terminal.readKey(timeout: .zero) else { return }
      handle(key)
    }
  }

  /// One key, as the run loop takes it: Esc while a save waits for another
  /// process stops the wait (the form stays, with everything typed).
  public func handle(_ key: Key) {
    if key == .resize {
      let size = terminal.size
      send(.resized(width: size.width, height: size.height))
      return
    }
    if key == Self.stopWaitingKey && background.saving {
      background.cancel()
      return
    }
    send(.clockTicked(clock()))
    send(.keyPressed(key))
  }

  /// Carries out what background store work has finished, and tells whose save a
  /// waiting save waits for.
  public func drainBackground() {
    for finished in background.take() { finished(self) }
    if background.saving, let holder = background.holder {
      send(.saveWaiting(holder: holder))
    }
  }

  /// True while a save or a reload runs off the key loop.
  public var isBusy: Bool { background.saving || background.reloading }

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
      guard backend.worksInBackground else {
        let result = Result { try backend.perform(command, actor: state.actor, now: now) }
        send(.clockTicked(now))
        send(.commandFinished(result))
        return
      }
      guard !background.saving else {
        send(.commandFinished(.failure(SaveBusy())))
        return
      }
      background.startSaving()
      let actor = state.actor
      let work = Unchecked((backend, background))
      workers.saves.run {
        let (backend, background) = work.value
        let result = Result {
          try backend.perform(command, actor: actor, now: now) { holder in
            background.waiting(holder)
          }
        }
        // Given up with Esc: whatever the backend threw, nothing was saved.
        let finished = Unchecked(
          background.wasCancelled ? result.mapError { _ in SaveWaitCancelled() } : result)
        background.finish { program in
          program.background.saving = false
          program.background.savesFinished += 1
          program.send(.commandFinished(finished.value))
        }
      }
    case .suspendToShell:
      if background.saving {
        // Stopped while saving, the console would hold the store's lock for as long
        // as it stays stopped, and every other writer would wait.
        state.show(Texts.notWhileSaving, .error)
      } else if terminal.suspendToShell() {
        // The terminal may have changed size while the console was stopped.
        let size = terminal.size
        send(.resized(width: size.width, height: size.height))
        terminal.invalidate()
      } else {
        state.show(Texts.cannotSuspend, .error)
      }
    case .editExternally(let request):
      let edited = terminal.suspend { backend.editExternally(request.text) }
      terminal.invalidate()
      send(.externalEditFinished(edited, request))
    case .readTrail(let read):
      readTrail(read)
    }
  }

  /// A page of the audit trail, read off the key loop: a long trail never holds up a key.
  func readTrail(_ read: TrailRead) {
    guard backend.worksInBackground else {
      send(
        .trailRead(
          read, Result { try backend.auditPage(read.query, before: read.cursor, limit: read.limit) }
        ))
      return
    }
    background.trailReads += 1
    let work = Unchecked((backend, background))
    Thread.detachNewThread {
      let (backend, background) = work.value
      let result = Unchecked(
        Result { try backend.auditPage(read.query, before: read.cursor, limit: read.limit) })
      background.finish { program in
        program.background.trailReads -= 1
        program.send(.trailRead(read, result.value))
      }
    }
  }

  /// Works out the overview's findings on another thread when the data or the minute
  /// changed, so neither an edit nor the minute tick holds up a key; a real store only
  /// (tests in memory get them at once, computed where they are read).
  public func refreshFindings() {
    guard backend.worksInBackground, !background.findings, opening == nil,
      let refresh = state.findingsRefresh()
    else { return }
    background.findings = true
    let work = Unchecked((refresh, background))
    workers.housekeeping.run {
      let (refresh, background) = work.value
      let findings = Unchecked(refresh.compute())
      background.finish { program in
        program.background.findings = false
        refresh.finish(findings.value)
      }
    }
  }

  /// Looks for other people's saves about once a second; a failed look (a broken
  /// file) is shown, and this console keeps its last good state.
  func pollStore() {
    guard opening == nil else { return }
    let now = clock()
    guard now.timeIntervalSince(lastReload) >= 1 else { return }
    lastReload = now
    guard backend.worksInBackground else {
      reloaded(Result { try backend.reloadIfChanged() })
      return
    }
    guard !background.reloading, !background.saving else { return }
    background.reloading = true
    let saves = background.savesFinished
    let work = Unchecked((backend, background))
    workers.housekeeping.run {
      let (backend, background) = work.value
      let result = Unchecked(Result { try backend.reloadIfChanged() })
      background.finish { program in
        program.background.reloading = false
        // A save finished meanwhile is newer than what this reload read.
        if program.background.savesFinished == saves { program.reloaded(result.value) }
      }
    }
  }

  func reloaded(_ result: Result<Municipality?, any Error>) {
    switch result {
    case .success(let newest?): send(.storeChangedElsewhere(newest))
    case .success(nil): break
    // The data on screen stays as last read; saying so keeps anyone from taking it
    // for the file's present state.
    case .failure(let error): state.show(Texts.storeUnusable(error), .error)
    }
  }

  func draw() {
    // Drawn into the frame presented before the last one, which the terminal no
    // longer holds (it keeps the last to compare with): no screenful allocated.
    var spare = Frame(width: 0, height: 0)
    swap(&spare, &frames.spare)
    let f = RootView.render(state, reusing: consume spare)
    terminal.present(f)
    frames = (spare: frames.last, last: f)
    if let cursor = RootView.cursor(state) {
      terminal.showCursor(at: cursor.x, y: cursor.y)
    } else {
      terminal.hideCursor()
    }
  }
}

/// Store work under way off the key loop: results wait here until the run loop
/// takes them, so `App.update` still runs on the key loop only.
final class Background: @unchecked Sendable {
  // @unchecked: every field the worker threads touch is guarded by `lock`; `saving`
  // and `reloading` are read and written on the key loop only.
  private let lock = NSLock()
  private var finished: [(Program) -> Void] = []
  private var cancelled = false
  private var lastHolder: String?
  var saving = false
  var reloading = false
  /// The overview's findings being worked out.
  var findings = false
  /// Pages of the audit trail being read.
  var trailReads = 0
  /// The store being read at opening (`Opening`).
  var opening = false
  /// Counts finished saves, so a reload that read the file before one is dropped.
  var savesFinished = 0

  /// Lowers the calling thread's priority (nice 10): work nobody waits for (the
  /// findings worked out again when they can change, the look for another process's
  /// save and the reload it may bring: `Workers.housekeeping`) gives the two cores to
  /// the key loop and the terminal first. A save, which the user waits for, keeps its
  /// priority.
  static func yieldToKeys() {
    #if os(Linux)
      // Linux's nice is a thread's, and 0 names the calling thread.
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    #endif
  }

  func startSaving() {
    lock.withLock {
      cancelled = false
      lastHolder = nil
    }
    saving = true
  }

  /// Called by the waiting save: records the holder; false once Esc was pressed.
  func waiting(_ holder: String?) -> Bool {
    lock.withLock {
      lastHolder = holder ?? ""
      return !cancelled
    }
  }

  func cancel() { lock.withLock { cancelled = true } }
  var wasCancelled: Bool { lock.withLock { cancelled } }

  /// Whom the save waits for ("" when the lock file does not say), nil when it
  /// does not wait.
  var holder: String? { lock.withLock { lastHolder } }

  func finish(_ body: @escaping (Program) -> Void) { lock.withLock { finished.append(body) } }

  func take() -> [(Program) -> Void] {
    lock.withLock {
      defer { finished = [] }
      return finished
    }
  }
}

/// A value handed to a worker thread that the compiler cannot prove safe to share:
/// the backend (used by one worker at a time, and a `StoreFile` guards itself with
/// a mutex) and results that go back to the run loop through `Background`.
struct Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

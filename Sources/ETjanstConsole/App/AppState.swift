import ETjanstDomain
import Foundation

/// Everything the console shows, in one value. `update` changes it; views only read
/// it. The run loop owns the only copy.
public struct AppState {
  /// The newest state of the store as this console last saw it, as the user may see
  /// it: every view reads this, and it holds only what `Visibility` lets the user
  /// see (a manager's own department). Setting it takes the whole store.
  public var data: Municipality {
    _read { yield stores.visible }
    set {
      stores = Stores(whole: newValue, visible: visibility.scoped(newValue))
      dataGeneration = DataGeneration.next()
    }
  }
  /// The whole store, kept only so findings are judged on all of it
  /// (`Visibility.findings`); views never read it.
  fileprivate var wholeData: Municipality { stores.whole }
  /// Both versions of the data, in one reference that is never changed, only replaced:
  /// a copy of the state (the run loop hands it to every view, and a view's closures
  /// take it along) then costs one reference count for the data, not one for each of
  /// its lists twice, each of them a cache line touched on a key's path.
  private var stores: Stores
  private final class Stores {
    let whole: Municipality
    let visible: Municipality
    init(whole: Municipality, visible: Municipality) {
      self.whole = whole
      self.visible = visible
    }
  }
  /// What this user may see.
  public let visibility: Visibility
  /// Names the data's version, so what is derived from it can be kept until it changes.
  /// Unique across copies of the state: two copies whose data changed apart never
  /// share a number, so they never share a memoised value.
  public private(set) var dataGeneration = DataGeneration.next()
  private let findingsMemo = FindingsMemo()
  private let derivedMemo = DerivedMemo()
  public var user: User
  public var language: Language
  public var theme: Theme
  /// Set by `--read-only` (and always true for a manager).
  public var forcedReadOnly: Bool
  /// An external editor ($EDITOR) is available for long texts.
  public var hasExternalEditor: Bool
  /// Keys this terminal cannot send (its terminfo has no such key: F10 under
  /// vt100), told by the terminal layer; the hint bar and help do not name them.
  public var missingKeys: Set<Key> = []
  public var screen: ScreenID = .overview
  public var width: Int
  public var height: Int
  /// The clock as the run loop last read it; views never call Date().
  public var now: Date {
    didSet { if !todaySpan.contains(now) { (today, todaySpan) = Self.day(of: now) } }
  }
  /// The day of `now`, worked out when the clock leaves it (every memo's key reads it,
  /// a few times a key; the time zone's offset, looked up for it, was a fortieth of a
  /// key's time).
  public private(set) var today: Day
  /// From `today`'s midnight to the next, local time.
  private var todaySpan: Range<Date>

  private static func day(of now: Date) -> (Day, Range<Date>) {
    let day = Day(now)
    let start = day.start
    let end = day.adding(days: 1).start
    // A clock outside the calendar's span (no test or user sets one, but a day is
    // never a trap) is looked up every time.
    return (day, start < end && (start..<end).contains(now) ? start..<end : now..<now)
  }
  /// Dialogs, topmost last; the topmost gets every key.
  public var overlays: [any Overlay] = []
  public var flash: Flash?
  /// The changes this session made, oldest first; `u` undoes them newest first.
  public var undoStack: [Change] = []
  /// The last change this session made, which `u` undoes next.
  public var lastChange: Change? { undoStack.last }
  /// The change whose undo is under way: its undo must not become the next undo,
  /// and it goes back on the stack if the undo never reached the store.
  public var undoing: Change?
  public var overview = OverviewState()
  public var catalogue = CatalogueState()
  public var staffScreen = StaffState()
  public var outagesScreen = OutagesState()
  public var ordersScreen = OrdersState()
  /// Where jumps came from, newest last: q or Esc where a jump landed goes back.
  public var backStack: [BackStep] = []
  /// How this user leaves the console from below the overview's top: their own
  /// preference (the users form), from the newest data.
  public var quitPreference: QuitPreference {
    (data.user(login: user.login) ?? user).quitWith
  }
  /// Keys pressed so far, and the key that asked for a second q: the next key only.
  var keysPressed = 0
  var quitArmedAt: Int?
  /// Set while the store is still being read: a large file's console draws its first
  /// frame before the lists are decoded (`Program(opening:)`), and keys pressed
  /// meanwhile wait here, to be done in order once they are.
  public var loading: Loading?

  public init(
    data: Municipality, user: User, language: Language = .swedish,
    theme: Theme = Theme(useColor: true),
    forcedReadOnly: Bool = false, hasExternalEditor: Bool = false, width: Int = 80,
    height: Int = 24, now: Date
  ) {
    self.visibility = Visibility(user)
    self.stores = Stores(whole: data, visible: visibility.scoped(data))
    self.user = user
    self.language = language
    self.theme = theme
    self.forcedReadOnly = forcedReadOnly
    self.hasExternalEditor = hasExternalEditor
    self.width = width
    self.height = height
    self.now = now
    (today, todaySpan) = Self.day(of: now)
  }

  /// The console before its store is read: no data, no user yet (a manager of no
  /// department, who may see nothing), every key but quitting held.
  public static func loading(
    bytes: Int, language: Language, theme: Theme, width: Int = 80, height: Int = 24, now: Date
  ) -> AppState {
    var state = AppState(
      data: Municipality(name: "", contacts: .guideline),
      user: User(login: "", name: "", role: .manager(department: EntityID(""))),
      language: language, theme: theme, forcedReadOnly: true, width: width, height: height,
      now: now)
    state.loading = Loading(bytes: bytes)
    return state
  }

  public var readOnly: Bool { forcedReadOnly || !user.role.canEdit }
  public var actor: Actor { Actor(user) }
  public var context: CommandContext { CommandContext(actor: actor, now: now) }

  /// Everything that needs attention, computed once per change of data or when the
  /// clock reaches the next moment they can change (`Findings.nextChange`: the next
  /// day, or sooner while an outage waits for its contact) rather than once per frame:
  /// at a region's size it takes most of a second.
  public var findings: [Finding] { findingsMemo.value(self) }

  /// True when `findings` are those of the present data and time.
  public var findingsAreCurrent: Bool { findingsMemo.key?.holds(dataGeneration, at: now) == true }

  /// Which findings `findings` gives: changes whenever they do.
  public var findingsVersion: Int { findingsMemo.version }

  /// True before the first findings are worked out in the background.
  public var findingsPending: Bool { findingsMemo.key == nil && findingsMemo.pending != nil }

  /// When the findings are worked out off the key loop (the run loop over a real
  /// store), the work to do now, or nil when the findings are current or under way.
  /// Until it is done the overview shows the last findings: at most a day, a minute
  /// or one change old, never a frame held up (a region's take ~70 ms).
  func findingsRefresh() -> FindingsRefresh? {
    findingsMemo.inBackground = true
    guard findingsMemo.needsRefresh(dataGeneration, at: now) else { return nil }
    findingsMemo.pending = dataGeneration
    let (visibility, data, now, generation) = (visibility, wholeData, now, dataGeneration)
    return FindingsRefresh(memo: findingsMemo) {
      (
        visibility.findings(in: data, at: now),
        FindingsMemo.Key(generation: generation, now: now, data: data)
      )
    }
  }

  /// A value derived from the data (a filtered and sorted list), computed once and kept
  /// until the data, the day or the language changes or `inputs` differ: a key, the
  /// frame and the status line ask for the same list, and at a region's size each
  /// sort costs milliseconds. `name` keeps different lists apart.
  public func derived<T>(_ name: String, inputs: some Hashable, _ compute: () -> T) -> T {
    derivedMemo.value(
      name,
      key: DerivedMemo.Key(
        generation: dataGeneration, day: today, language: language, inputs: inputs),
      compute)
  }

  /// The outage under way (`Municipality.activeOutage`), looked for once per data: the
  /// banner every screen shows asks at every frame, and the search filters every outage.
  public var activeOutage: Outage? {
    derived("activeOutage", inputs: 0) { data.activeOutage }
  }

  fileprivate func visibleFindings() -> [Finding] {
    visibility.findings(in: wholeData, at: now)
  }

  /// A text in the console's language.
  public func t(_ text: LocalizedText) -> String { text(language) }

  public static let minimumWidth = 80
  public static let minimumHeight = 24
  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
  /// The largest terminal a frame is drawn for: an 8K display at a 8×9-pixel font
  /// is 960×480 cells. Above it the console draws one line saying so, and the
  /// curses terminal keeps its screen at this size (a 10000×10000 terminal made
  /// ncurses and the frame ask for gigabytes).
  public static let maximumWidth = 1000
  public static let maximumHeight = 500
  public var isTooLarge: Bool { width > Self.maximumWidth || height > Self.maximumHeight }
  /// Too small or too large to draw the console: a notice and the quit key only.
  public var sizeRefused: Bool { isTooSmall || isTooLarge }

  /// Shows a short message in the status line for a few seconds.
  public mutating func show(_ text: LocalizedText, _ kind: Flash.Kind = .info) {
    flash = Flash(text: text, kind: kind, until: now.addingTimeInterval(kind == .error ? 8 : 4))
  }
}

/// The store being read while the console already shows (see `AppState.loading`).
public struct Loading: Sendable {
  /// The file's size, for the frame.
  public var bytes: Int
  /// The keys pressed meanwhile, oldest first.
  public var heldKeys: [Key] = []
}

/// An expiring message in the status line (k9s' flash).
public struct Flash: Sendable {
  public enum Kind: Sendable { case info, success, error }
  public var text: LocalizedText
  public var kind: Kind
  public var until: Date
}

private enum DataGeneration {
  nonisolated(unsafe) private static var last = 0
  private static let lock = NSLock()

  static func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    last += 1
    return last
  }
}

/// Derived lists and what they were computed from; see `AppState.derived`. A reference
/// like `FindingsMemo`, so views can fill it while they only read the state.
private final class DerivedMemo {
  struct Key<Inputs: Hashable>: Equatable {
    var generation: Int
    var day: Day
    var language: Language
    var inputs: Inputs
  }
  /// A value and its key, typed: looked up by one class cast and compared without
  /// boxing (an `AnyHashable` key and an `Any` value cost a key a tenth of its time in
  /// boxing, casts and the runtime's type lookups).
  final class Entry<Inputs: Hashable, Value> {
    let key: Key<Inputs>
    let value: Value
    init(_ key: Key<Inputs>, _ value: Value) {
      self.key = key
      self.value = value
    }
  }
  var entries: [String: AnyObject] = [:]

  func value<Inputs, T>(_ name: String, key: Key<Inputs>, _ compute: () -> T) -> T {
    if let entry = entries[name] as? Entry<Inputs, T>, entry.key == key { return entry.value }
    let value = compute()
    entries[name] = Entry(key, value)
    return value
  }
}

extension Array {
  /// The address of the array's storage, as a memo's input: a list kept by a memo is
  /// the same storage from frame to frame, so it names the list without comparing it.
  /// Sound only while the memo holds the array as well (its storage cannot then be
  /// freed and reused, nor changed in place).
  var storageAddress: UInt { withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
}

/// Two inputs of a memo (`AppState.derived`) as one key.
public struct Both<A: Hashable, B: Hashable>: Hashable {
  public var first: A
  public var second: B
  public init(_ first: A, _ second: B) {
    self.first = first
    self.second = second
  }
}

/// The last findings and what they were computed from. A reference, so views can
/// use it while they only read the state; it never changes what they show.
final class FindingsMemo {
  /// What the findings were worked out from: the data, and the time from which
  /// until the next change (`Findings.nextChange`) they hold.
  struct Key: Equatable {
    var generation: Int
    var from: Date
    var until: Date

    init(generation: Int, now: Date, data: Municipality) {
      self.generation = generation
      from = now
      until = Findings.nextChange(in: data, after: now)
    }

    /// A clock set back is a time they were not worked out for.
    func holds(_ generation: Int, at now: Date) -> Bool {
      self.generation == generation && from <= now && now < until
    }
  }
  var key: Key?
  var findings: [Finding] = []
  /// Set by the run loop: findings are then refreshed off the key loop, and views
  /// show the last ones meanwhile (computed here only when there are none yet).
  var inBackground = false
  /// The data generation of the refresh under way.
  var pending: Int?

  /// The minute `now` is in, for what shows the time (the title's clock).
  static func minute(_ now: Date) -> Int { Int(now.timeIntervalSince1970 / 60) }

  func value(_ state: AppState) -> [Finding] {
    // In the background, the last findings stand in until the new ones come; before
    // the first come there are none, and the overview says they are being worked out.
    if key?.holds(state.dataGeneration, at: state.now) == true
      || (inBackground && (key != nil || pending != nil))
    {
      return findings
    }
    store(
      state.visibleFindings(),
      for: Key(generation: state.dataGeneration, now: state.now, data: state.wholeData))
    return findings
  }

  /// Not current, and no refresh of this data under way (one that comes back already
  /// out of date is followed by another).
  func needsRefresh(_ generation: Int, at now: Date) -> Bool {
    key?.holds(generation, at: now) != true && pending != generation
  }

  /// Counts the findings stored, so what is derived from them (a filtered list) is
  /// made again when new ones come.
  var version = 0

  func store(_ findings: [Finding], for key: Key) {
    if pending == key.generation { pending = nil }
    self.findings = findings
    self.key = key
    version += 1
  }
}

/// Findings to work out on another thread, and where to keep them.
struct FindingsRefresh: @unchecked Sendable {
  // @unchecked: `memo` is touched only by `finish`, which the run loop calls on the
  // key loop; the worker thread only runs `compute`, over values of its own.
  let memo: FindingsMemo
  let compute: @Sendable () -> (findings: [Finding], key: FindingsMemo.Key)

  func finish(_ result: (findings: [Finding], key: FindingsMemo.Key)) {
    memo.store(result.findings, for: result.key)
  }
}

import ETjanstDomain

/// A dialog on top of the screen: help, a confirmation, a form, a message. The
/// topmost overlay gets every key (gitui's popups); it draws from state and never
/// changes it while drawing.
public protocol Overlay {
  /// Handles a key and says what should happen next.
  mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome
  func draw(_ state: AppState, into frame: inout Frame, area: Rect)
  /// Keys shown in the hint bar and help while this overlay is open.
  func bindings(_ state: AppState) -> [OverlayKey]
  /// Where the text cursor is, when the overlay takes typing.
  func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)?
  /// A command this overlay sent has finished; returns whether to close.
  mutating func commandFinished(_ result: Result<Change, any Error>) -> Bool
  /// Shows a refused command itself (a form, beside the field), so no extra dialog is needed.
  var showsOwnFailures: Bool { get }
  /// Holds changes the user has made and not saved (a form): quitting asks first.
  var hasUnsavedChanges: Bool { get }
  /// Sent a command and waits for its result (a form while its save runs).
  var awaitsResult: Bool { get }
}

extension Overlay {
  public func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? { nil }
  public mutating func commandFinished(_ result: Result<Change, any Error>) -> Bool { false }
  public var showsOwnFailures: Bool { false }
  public var hasUnsavedChanges: Bool { false }
  public var awaitsResult: Bool { false }
}

/// A key an overlay answers, for the hint bar and help.
public struct OverlayKey {
  public var key: String
  public var label: LocalizedText
  /// What the key does, for the dialog's texts that name it (`KeyNames`).
  public var does: KeyAction?

  public init(_ key: String, _ label: LocalizedText, does: KeyAction? = nil) {
    self.key = key
    self.label = label
    self.does = does
  }
}

public enum OverlayOutcome {
  /// Stay open; the key was consumed.
  case stay
  /// Stay open and run effects (a form sending its command waits for the result).
  case stayAnd([Effect])
  /// Close, then change the state and run the effects the closure returns.
  case close((inout AppState) -> [Effect])

  public static var closeOnly: OverlayOutcome { .close { _ in [] } }
  public static func closeAnd(_ effects: [Effect]) -> OverlayOutcome { .close { _ in effects } }
}

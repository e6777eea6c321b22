import Foundation

/// What the console needs from a terminal. ETjanstCurses implements it with
/// ncurses; tests implement it in memory.
public protocol TerminalIO: AnyObject {
  /// Columns and rows right now.
  var size: (width: Int, height: Int) { get }
  /// Copies the frame to the screen; only what changed is sent.
  func present(_ frame: Frame)
  /// The next key, or nil when `timeout` passes with none. `.resize` when the
  /// terminal changed size. Throws `TerminalClosed` when input has ended for good.
  func readKey(timeout: Duration) throws -> Key?
  /// Forces a full repaint on the next present (Ctrl-L).
  func invalidate()
  /// Leaves curses mode so another program (an $EDITOR) can have the terminal,
  /// runs `body`, and takes the terminal back.
  func suspend<T>(_ body: () throws -> T) rethrows -> T
  /// Shows the cursor at (x, y) from the next present on, for text input.
  func showCursor(at x: Int, y: Int)
  /// Hides the cursor again (the normal state).
  func hideCursor()
  /// Ctrl-Z: stops the console as a shell's job and returns once it is continued
  /// (`fg`), the terminal taken back; false, at once, where there is no job control.
  func suspendToShell() -> Bool
}

extension TerminalIO {
  /// A terminal without a shell behind it (tests, a pipe) cannot be suspended.
  public func suspendToShell() -> Bool { false }
}

/// Input ended (stdin closed, the SSH session hung up).
public struct TerminalClosed: Error {
  public init() {}
}

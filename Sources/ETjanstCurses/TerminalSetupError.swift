/// Why the console could not take the terminal. `description` is the one line the
/// program prints before exiting, so it names the cause and a way out.
public struct TerminalSetupError: Error, CustomStringConvertible, Equatable, Sendable {
  public enum Reason: Equatable, Sendable {
    /// TERM is unset or empty.
    case termNotSet
    /// No terminfo entry for the name.
    case unknown(String)
    /// The entry exists but cannot address the cursor (dumb, hardcopy).
    case unusable(String)
    /// The descriptors could not be opened as streams.
    case io(String)
  }

  public let reason: Reason

  public init(_ reason: Reason) { self.reason = reason }

  public var description: String {
    switch reason {
    case .termNotSet:
      return "etjanst: TERM is not set; try TERM=xterm-256color"
    case .unknown(let name):
      return "etjanst: the terminal type '\(name)' is unknown; try TERM=xterm-256color"
    case .unusable(let name):
      return
        "etjanst: the terminal type '\(name)' cannot move the cursor; try TERM=xterm-256color"
    case .io(let detail):
      return "etjanst: cannot open the terminal: \(detail)"
    }
  }
}

import ETjanstDomain

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

  public var description: String { "etjanst: " + message.en }

  /// The line without the program's name, in both languages.
  public var message: LocalizedText {
    switch reason {
    case .termNotSet:
      return LocalizedText(
        sv: "TERM är inte satt; prova TERM=xterm-256color",
        en: "TERM is not set; try TERM=xterm-256color")
    case .unknown(let name):
      return LocalizedText(
        sv: "terminaltypen '\(name)' är okänd; prova TERM=xterm-256color",
        en: "the terminal type '\(name)' is unknown; try TERM=xterm-256color")
    case .unusable(let name):
      return LocalizedText(
        sv: "terminaltypen '\(name)' kan inte flytta markören; prova TERM=xterm-256color",
        en: "the terminal type '\(name)' cannot move the cursor; try TERM=xterm-256color")
    case .io(let detail):
      return LocalizedText(
        sv: "kan inte öppna terminalen: \(detail)", en: "cannot open the terminal: \(detail)")
    }
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The width of the terminal standard output goes to, for tables fitted to it; nil
/// when it is not a terminal (a pipe, a file), where tables are written whole.
enum TerminalWidth {
  static var standardOutput: Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    // A terminal that does not say its size (a serial line): $COLUMNS, else 80.
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    return 80
  }
}

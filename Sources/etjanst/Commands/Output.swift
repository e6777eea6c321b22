import ETjanstDomain
import Foundation

/// Every byte the command line writes goes through here, and so through the one
/// printable guard (`TextCleaning.printable`): a stored value, a file name or a
/// parser's message can carry ESC, OSC 52, BEL, U+009B or U+202E, and none of them
/// may reach the terminal. Line breaks are kept on standard output (tables, CSV and
/// reports are many lines); a message on standard error is one line each.
enum Output {
  static func print(_ text: String, terminator: String = "\n") {
    Swift.print(TextCleaning.printable(text + terminator, keepingLineBreaks: true), terminator: "")
  }

  /// `etjanst: message`, then each detail on a line of its own.
  static func error(_ message: String, details: [String] = []) {
    let lines = ["etjanst: " + message] + details
    let text = lines.map { TextCleaning.printable($0) + "\n" }.joined()
    FileHandle.standardError.write(Data(text.utf8))
  }
}

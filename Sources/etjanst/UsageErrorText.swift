import ETjanstDomain
import Foundation

/// swift-argument-parser's usage errors in Swedish. The library writes its messages
/// in English and offers no hook to translate them, so the common ones are matched
/// by their English wording (stable across its releases) and said again in Swedish;
/// one not known here keeps the library's English. Under English the library's own
/// text is used unchanged.
enum UsageErrorText {
  /// The Swedish line for the library's `message`, or nil when it is not one of the
  /// known kinds.
  static func swedish(_ message: String) -> String? {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard let first = lines.first else { return nil }
    // "Please provide one of the following:" lists the values one a line.
    let listed = lines.dropFirst().compactMap { line -> String? in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : nil
    }
    if let m = first.wholeMatch(of: #/Unknown option '(.+?)'(?:\. Did you mean '(.+?)'\?)?/#) {
      return "okänd flagga '\(m.1)'" + (m.2.map { "; menade du '\($0)'?" } ?? "")
    }
    if let m = first.wholeMatch(of: #/Missing value for '(.+?)'/#) {
      return "värde saknas för '\(m.1)'"
    }
    if let m = first.wholeMatch(of: #/Missing expected argument '(.+?)'/#) {
      return "argumentet '\(m.1)' saknas"
    }
    if let m = first.wholeMatch(of: #/Unexpected argument '(.+?)'/#) {
      return "oväntat argument '\(m.1)'"
    }
    if let m = first.wholeMatch(of: #/(\d+) unexpected arguments: (.+)/#) {
      return "\(m.1) oväntade argument: \(m.2)"
    }
    if let m = first.wholeMatch(
      of: #/The option '(.+?)' does not take any value, but '(.+?)' was specified\./#)
    {
      return "flaggan '\(m.1)' tar inget värde, men fick '\(m.2)'"
    }
    if let m = first.wholeMatch(
      of:
        #/The value '(.*?)' is invalid for '(.+?)'(?:\. Please provide one of (.+?)\.|\. Please provide one of the following:|: (.+))?/#
    ) {
      var text = "värdet '\(m.1)' gäller inte för '\(m.2)'"
      if let inline = m.3 {
        text +=
          "; ange "
          + inline.replacingOccurrences(of: " or ", with: " eller ")
          .replacingOccurrences(of: " and ", with: " eller ")
      } else if !listed.isEmpty {
        text += "; ange ett av: " + listed.joined(separator: ", ")
      } else if let reason = m.4 {
        text += " (\(reason))"
      }
      return text
    }
    if first == "Missing required subcommand." { return "ett underkommando behövs" }
    return nil
  }

  /// "See 'etjanst list --help' for more information." as a Swedish pointer.
  static func helpHint(_ fullMessage: String) -> String? {
    guard let m = fullMessage.firstMatch(of: #/See '(.+?)' for more information\./#) else {
      return nil
    }
    return "Se '\(m.1)' (hjälpen är på engelska)."
  }

  /// The language a usage error is said in: `--lang` as typed (it was not parsed),
  /// else the environment's.
  static func language(_ arguments: [String]) -> Language {
    for (i, argument) in arguments.enumerated() {
      let value: String?
      if argument == "--lang" {
        value = i + 1 < arguments.count ? arguments[i + 1] : nil
      } else if argument.hasPrefix("--lang=") {
        value = String(argument.dropFirst("--lang=".count))
      } else {
        continue
      }
      if let value, let language = Language(rawValue: value) { return language }
    }
    return .fromEnvironment()
  }
}

import ETjanstDomain
import Foundation

/// The environment is input: over SSH a client sets `LANG` and every `LC_*`
/// (Debian's sshd has `AcceptEnv LANG LC_*`), and `TERM`. ICU, under Foundation's
/// calendars and collation, takes the default locale from these variables and
/// crashed (SIGSEGV) on a language part of 12 letters or more; a `TERM` of
/// thousands of bytes went into ncurses and into messages. So before anything
/// reads them (the first thing `main` does), every locale variable that is not a
/// bounded locale name is replaced by `fallbackLocale`, and a `TERM` that is not a
/// bounded terminal name is removed (the console then refuses with its one line
/// for an unset TERM; the subcommands never read it).
public enum SafeEnvironment {
  /// What a locale variable that is not a locale name becomes: UTF-8, on every glibc.
  public static let fallbackLocale = "C.UTF-8"
  /// The longest locale name or terminal name taken (glibc's longest names are
  /// about 30 bytes, terminfo's about 40).
  public static let maxNameLength = 64
  /// The most entries in `LANGUAGE` (a colon-separated list of locale names).
  public static let maxLanguageEntries = 8

  /// A change made to one variable: its new value, or nil when it was removed.
  public struct Repair: Equatable, Sendable {
    public let name: String
    public let value: String?
  }

  /// Whether `name` reads as a locale variable: `LANG`, `LANGUAGE` or any `LC_*`.
  public static func isLocaleVariable(_ name: String) -> Bool {
    name == "LANG" || name == "LANGUAGE" || name.hasPrefix("LC_")
  }

  /// A POSIX locale name, bounded: `C`, `POSIX`, or language (2–3 letters), then
  /// optionally `_` and a territory (2 letters or 3 digits), `.` and a codeset
  /// (letters, digits, `-`, `_`; at most 16) and `@` and a modifier (letters and
  /// digits; at most 16). `C.UTF-8` is C with a codeset. Empty means "not set".
  public static func isLocaleName(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    if bytes.isEmpty { return true }
    guard bytes.count <= maxNameLength else { return false }
    var i = 0
    func run(_ accepts: (UInt8) -> Bool, max: Int) -> Int {
      let start = i
      while i < bytes.count, i - start < max + 1, accepts(bytes[i]) { i += 1 }
      return i - start
    }
    if value == "POSIX" { return true }
    if bytes[0] == UInt8(ascii: "C") {
      i = 1
    } else {
      guard (2...3).contains(run(isLetter, max: 3)) else { return false }
      if i < bytes.count, bytes[i] == UInt8(ascii: "_") {
        i += 1
        let start = i
        let letters = run(isLetter, max: 2)
        if letters != 2 {
          i = start
          guard run(isDigit, max: 3) == 3 else { return false }
        }
      }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard (1...16).contains(run({ isLetter($0) || isDigit($0) || $0 == 45 || $0 == 95 }, max: 16))
      else { return false }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "@") {
      i += 1
      guard (1...16).contains(run({ isLetter($0) || isDigit($0) }, max: 16)) else { return false }
    }
    return i == bytes.count
  }

  /// `LANGUAGE`: up to `maxLanguageEntries` locale names separated by colons.
  public static func isLanguageList(_ value: String) -> Bool {
    guard value.utf8.count <= maxNameLength * 2 else { return false }
    let entries = value.split(separator: ":", omittingEmptySubsequences: false)
    return entries.count <= maxLanguageEntries && entries.allSatisfy { isLocaleName(String($0)) }
  }

  /// A terminfo name, bounded: letters, digits and `. _ + -`, at most 64 bytes.
  public static func isTermName(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    return !bytes.isEmpty && bytes.count <= maxNameLength
      && bytes.allSatisfy { isLetter($0) || isDigit($0) || [46, 95, 43, 45].contains($0) }
  }

  /// The changes `environment` needs; pure, for tests.
  public static func repairs(_ environment: [String: String]) -> [Repair] {
    var repairs: [Repair] = []
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      if name == "LANGUAGE" {
        // A list for message catalogues, not a locale: removed, LANG then decides.
        if !isLanguageList(value) { repairs.append(Repair(name: name, value: nil)) }
      } else if isLocaleVariable(name) {
        if !isLocaleName(value) { repairs.append(Repair(name: name, value: fallbackLocale)) }
      } else if name == "TERM", !value.isEmpty, !isTermName(value) {
        repairs.append(Repair(name: name, value: nil))
      }
    }
    return repairs
  }

  /// Repairs the process's own environment and returns the one line that says so
  /// (nil when nothing needed repair). The line names the variables, never their
  /// values, which may be anything.
  public static func repair() -> LocalizedText? {
    let repairs = repairs(ProcessInfo.processInfo.environment)
    guard !repairs.isEmpty else { return nil }
    for repair in repairs {
      if let value = repair.value { setenv(repair.name, value, 1) } else { unsetenv(repair.name) }
    }
    let locale = repairs.filter { $0.name != "TERM" }.map(\.name)
    let term = repairs.contains { $0.name == "TERM" }
    var sv: [String] = []
    var en: [String] = []
    if !locale.isEmpty {
      let names = locale.joined(separator: ", ")
      sv.append("\(names) var inget språkområde; \(fallbackLocale) används")
      en.append("\(names) held no locale name; \(fallbackLocale) is used")
    }
    if term {
      sv.append("TERM var inget terminalnamn och togs bort")
      en.append("TERM held no terminal name and was removed")
    }
    return LocalizedText(sv: sv.joined(separator: "; "), en: en.joined(separator: "; "))
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (65...90).contains(byte) || (97...122).contains(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}

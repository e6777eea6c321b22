import ETjanstDomain
import Foundation

/// The options field of an authorized_keys line, read as sshd reads it, and the one
/// test of whether a key is etjanst's: its options exactly the ones `keys add` writes,
/// `command="'PROGRAM' --store 'STORE' --user 'LOGIN'",restrict,pty`. Anything else
/// — a command with more after a `;` or `&&`, `restrict` missing, an option added or
/// swapped (`permitopen`, `no-pty`), other quoting — is not taken for a key of a
/// login, and `keys list` flags it with the reason.
public struct KeyOption: Sendable, Equatable {
  public var name: String
  /// The text between the quotes of `name="…"`, unescaped; nil for a flag.
  public var value: String?
}

extension AuthorizedKeys {
  /// The options as sshd reads them (OpenSSH's auth-options.c): separated by commas,
  /// each `NAME` or `NAME="VALUE"`; inside the quotes `\"` stands for a quote and every
  /// other character, a backslash too, for itself. Nil when sshd would refuse the line
  /// (a quote not closed, an empty option, text after a closing quote).
  /// Written by hand: no package reads this grammar, and it is a dozen lines.
  public static func options(_ text: String) -> [KeyOption]? {
    var options: [KeyOption] = []
    var characters = Substring(text)
    while true {
      let name = characters.prefix { $0 != "=" && $0 != "," && $0 != "\"" }
      guard !name.isEmpty else { return nil }
      characters = characters.dropFirst(name.count)
      var value: String?
      if characters.first == "=" {
        characters = characters.dropFirst()
        guard characters.first == "\"" else { return nil }
        characters = characters.dropFirst()
        var unquoted = ""
        while let c = characters.first, c != "\"" {
          if c == "\\", characters.dropFirst().first == "\"" { characters = characters.dropFirst() }
          unquoted.append(characters.first!)
          characters = characters.dropFirst()
        }
        guard characters.first == "\"" else { return nil }
        characters = characters.dropFirst()
        value = unquoted
      }
      options.append(KeyOption(name: String(name), value: value))
      if characters.isEmpty { return options }
      guard characters.first == "," else { return nil }
      characters = characters.dropFirst()
    }
  }

  /// Why a key is not etjanst's.
  public enum KeyFlaw: Error, Sendable, Equatable {
    /// No options, or no forced command: the key gives a shell and the file.
    case noForcedCommand
    /// sshd cannot read the options (it refuses the key).
    case unreadableOptions
    /// Options other than exactly `command="…",restrict,pty`, as found.
    case otherOptions([String])
    /// A forced command that is not exactly the one `keys add` writes.
    case otherCommand(String)

    public var message: LocalizedText {
      switch self {
      case .noForcedCommand:
        LocalizedText(
          sv: "utan tvingat etjanst-kommando – ger skal och filen",
          en: "no forced etjanst command – gives a shell and the file")
      case .unreadableOptions:
        LocalizedText(
          sv: "nyckelns alternativ kan inte läsas (ett citattecken saknas?); sshd vägrar nyckeln",
          en: "the key's options cannot be read (a quote missing?); sshd refuses the key")
      case .otherOptions(let names):
        LocalizedText(
          sv: "alternativen är inte exakt command=\"…\",restrict,pty som etjanst keys add skriver "
            + "(här: \(names.joined(separator: ",")))",
          en: "the options are not exactly command=\"…\",restrict,pty as etjanst keys add writes "
            + "them (here: \(names.joined(separator: ",")))")
      case .otherCommand(let command):
        LocalizedText(
          sv: "det tvingade kommandot är inte exakt etjansts "
            + "('PROGRAM' --store 'REGISTER' --user 'LOGIN'): \(command)",
          en: "the forced command is not exactly etjanst's "
            + "('PROGRAM' --store 'STORE' --user 'LOGIN'): \(command)")
      }
    }
  }
}

extension AuthorizedKeys.Line {
  /// The key as etjanst's: its forced command and the login it opens the console as,
  /// when its options are exactly the ones `keys add` writes; else why not.
  public var etjanstKey: Result<(command: String, login: String), AuthorizedKeys.KeyFlaw> {
    guard let text = options else { return .failure(.noForcedCommand) }
    guard let options = AuthorizedKeys.options(text) else { return .failure(.unreadableOptions) }
    // sshd reads option names in any case.
    let names = options.map { $0.name.lowercased() }
    guard names.contains("command") else { return .failure(.noForcedCommand) }
    guard names == ["command", "restrict", "pty"], options[1].value == nil,
      options[2].value == nil, let command = options[0].value
    else { return .failure(.otherOptions(options.map(\.name))) }
    guard let words = ForcedCommand.words(command) else {
      return .failure(.otherCommand(command))
    }
    return .success((command, words.login))
  }
}

extension ForcedCommand {
  /// The program, store and login of a forced command exactly as `make` writes it
  /// (each quoted word free of quotes, backslashes and control characters, the
  /// program named etjanst, one space between words, nothing before or after); nil
  /// for anything else.
  public static func words(_ command: String) -> (program: String, store: String, login: String)? {
    var words: [String] = []
    var rest = Substring(command)
    while !rest.isEmpty {
      if rest.first == "'" {
        guard let end = rest.dropFirst().firstIndex(of: "'") else { return nil }
        words.append(String(rest[rest.index(after: rest.startIndex)..<end]))
        rest = rest[rest.index(after: end)...]
      } else {
        let word = rest.prefix { $0 != " " }
        words.append(String(word))
        rest = rest.dropFirst(word.count)
      }
      if rest.first == " " { rest = rest.dropFirst() }
    }
    guard words.count == 5, words[1] == "--store", words[3] == "--user",
      [words[0], words[2], words[4]].allSatisfy(isSafe),
      URL(fileURLWithPath: words[0]).lastPathComponent == "etjanst",
      make(program: words[0], store: words[2], login: words[4]) == command
    else { return nil }
    return (words[0], words[2], words[4])
  }
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The service account's `authorized_keys`, as far as etjanst reads and writes it:
/// one line per key, `command="…",restrict,pty TYPE KEY COMMENT`.
public enum AuthorizedKeys {
  /// Key types OpenSSH accepts for users.
  static let types: Set<String> = [
    "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
  ]

  public struct Line: Sendable, Equatable {
    public var options: String?
    public var type: String
    public var key: String
    public var comment: String

    /// The `command="…"` option, unescaped as sshd does (`AuthorizedKeys.options`).
    public var forcedCommand: String? {
      options.flatMap(AuthorizedKeys.options)?.first { $0.name.lowercased() == "command" }?.value
    }

    /// The login its forced command opens the console as, if the key is exactly
    /// etjanst's (`etjanstKey`).
    public var login: String? { try? etjanstKey.get().login }

    /// The end of the key, enough to tell keys apart in a list.
    public var shortKey: String { "…" + key.suffix(12) }
  }

  /// The file's text, empty when there is none; read as every named file is
  /// (`InputFile`), so a FIFO in its place is refused instead of waited on.
  public static func read(_ path: String) throws(InputFile.Failure) -> String {
    do {
      return try InputFile.text(path)
    } catch  where error.isMissing {
      return ""
    }
  }

  /// The lines that hold a key; comments, blank and unreadable lines are skipped.
  public static func parse(_ text: String) -> [Line] {
    text.split(whereSeparator: \.isNewline).compactMap { parse(line: String($0)) }
  }

  static func parse(line: String) -> Line? {
    let line = line.trimmingCharacters(in: .whitespaces)
    guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
    var options: String?
    var rest = Substring(line)
    if let first = line.split(separator: " ").first, !types.contains(String(first)) {
      // Options run to the first space or tab outside double quotes; \" inside is a
      // quote, as sshd reads it.
      var quoted = false
      var end = line.endIndex
      var index = line.startIndex
      while index < line.endIndex {
        let c = line[index]
        if c == "\\", line[line.index(after: index)...].first == "\"" {
          index = line.index(after: index)
        } else if c == "\"" {
          quoted.toggle()
        } else if (c == " " || c == "\t") && !quoted {
          end = index
          break
        }
        index = line.index(after: index)
      }
      options = String(line[..<end])
      rest = line[end...]
    }
    let words = rest.split(maxSplits: 2) { $0 == " " || $0 == "\t" }.map(String.init)
    guard words.count >= 2, types.contains(words[0]) else { return nil }
    return Line(
      options: options, type: words[0], key: words[1], comment: words.count > 2 ? words[2] : "")
  }

  /// A public key file as `ssh-keygen` writes it: one line, `TYPE KEY [COMMENT]`. The
  /// key must decode and name its own type; options are refused (etjanst writes them).
  public static func publicKey(from text: String) throws(KeyError) -> Line {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    guard lines.count == 1, let line = lines.first else { throw .notOneKey(lines.count) }
    guard let first = line.split(separator: " ").first, types.contains(String(first)),
      var key = parse(line: line)
    else { throw .notAPublicKey }
    guard let blob = Data(base64Encoded: key.key), blob.count > 4 else { throw .notAPublicKey }
    let length = blob.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    guard blob.count >= 4 + length,
      String(decoding: blob.dropFirst(4).prefix(length), as: UTF8.self) == key.type
    else { throw .notAPublicKey }
    key.comment = TextCleaning.line(key.comment)
    return key
  }

  public enum KeyError: ExplainedError, Equatable, Sendable {
    case notOneKey(Int)
    case notAPublicKey
    case alreadyThere(login: String?)
    case unsafe(String)
    case cannotWrite(String)

    public var message: LocalizedText {
      switch self {
      case .notOneKey(let n):
        return LocalizedText(
          sv: "nyckelfilen ska ha exakt en publik nyckel, den har \(n) rader",
          en: "the key file must hold exactly one public key; it has \(n) lines")
      case .notAPublicKey:
        return LocalizedText(
          sv:
            "filen är ingen publik SSH-nyckel (TYP NYCKEL [KOMMENTAR], som ssh-keygen skriver den)",
          en: "the file is not an SSH public key (TYPE KEY [COMMENT], as ssh-keygen writes it)")
      case .alreadyThere(let login?):
        return LocalizedText(
          sv: "nyckeln finns redan i authorized_keys, knuten till \(login)",
          en: "the key is in authorized_keys already, tied to \(login)")
      case .alreadyThere(nil):
        return LocalizedText(
          sv:
            "nyckeln finns redan i authorized_keys, utan tvingat kommando: ta bort den raden först",
          en:
            "the key is in authorized_keys already, without a forced command: remove that line first"
        )
      case .unsafe(let word):
        return LocalizedText(
          sv:
            "\(word) innehåller citattecken, bakstreck eller styrtecken och kan inte stå i ett tvingat kommando",
          en:
            "\(word) holds quotes, backslashes or control characters and cannot go into a forced command"
        )
      case .cannotWrite(let reason):
        return LocalizedText(
          sv: "authorized_keys kunde inte skrivas: \(reason)",
          en: "authorized_keys could not be written: \(reason)")
      }
    }
  }

  /// Adds `key` with the forced command for `login` to the file at `path`, keeping
  /// every other line; the file (0600) and its folder (0700) are made when missing,
  /// and the new version replaces the old atomically.
  public static func add(_ key: Line, login: String, command: String, to path: String)
    throws(KeyError)
  {
    for word in [login, command]
    where !ForcedCommand.isSafe(word.replacingOccurrences(of: "'", with: "")) {
      throw .unsafe(TextCleaning.printable(word))
    }
    let existing: String
    do {
      existing = try read(path)
    } catch {
      throw .cannotWrite(error.message.en)
    }
    if let same = parse(existing).first(where: { $0.key == key.key }) {
      throw .alreadyThere(login: same.login)
    }
    let comment = key.comment.isEmpty ? "etjanst:\(login)" : key.comment
    let line = #"command="\#(command)",restrict,pty \#(key.type) \#(key.key) \#(comment)"#
    var text = existing
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    text += line + "\n"
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if mkdir(folder, 0o700) != 0 && errno != EEXIST {
      throw .cannotWrite("\(folder): \(StoreError.reason(errno))")
    }
    do throws(SystemCallError) {
      let temporary = try TemporaryFile(beside: path, mode: 0o600, group: nil)
      _ = try temporary.write(Data(text.utf8))
      try temporary.rename(over: path)
    } catch {
      throw .cannotWrite("\(path): \(error.reason)")
    }
  }
}

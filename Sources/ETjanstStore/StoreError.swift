import ETjanstDomain
import Foundation

/// Why the store file could not be used. Each one prints as a single line that names
/// the file, so the executable can write `etjanst: <description>` to stderr and a
/// coordinator can act on it without reading code.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Problem: Sendable, Equatable {
    case notFound
    /// The file exists but could not be opened or read; the detail is the system's reason.
    case cannotRead(String)
    case notRegularFile
    /// The bytes are not a property list at all (truncated, text, JSON, ...).
    case notPropertyList(String)
    /// A property list, but a value is missing or has the wrong type. `keyPath` is the
    /// decoding path of the bad key (`municipality.services[3].status`) when known.
    case wrongTypes(keyPath: String?, detail: String)
    case newerSchema(file: Int, known: Int)
    /// An older version that no migration step leads from.
    case noMigration(file: Int, known: Int)
    /// Writable by anyone on the machine: the file holds personal data, so it is refused.
    case worldWritable(mode: UInt32)
    /// Something about the folder or a file beside the store makes it unsafe to use.
    case refused(String)
    case alreadyExists
    /// Saving failed before the file was replaced; the detail is the system's reason.
    case cannotWrite(String)
    /// The new state was saved, but its line in the audit trail was not.
    case auditNotWritten(String)
  }

  public let path: String
  public let problem: Problem

  public init(path: String, _ problem: Problem) {
    self.path = path
    self.problem = problem
  }

  /// One printable line: control and invisible characters (from a path, or a parser
  /// quoting the file) become U+FFFD, and a parser's detail is cut short, so a
  /// message about a broken file never replays its bytes on the terminal.
  public var description: String { TextCleaning.printable(line) }

  private var line: String {
    let untouched = " — the file was left untouched"
    func short(_ detail: String) -> String {
      detail.count <= 200 ? detail : String(detail.prefix(200)) + "…"
    }
    switch problem {
    case .notFound:
      return "\(path): no such file"
    case .cannotRead(let detail):
      return "\(path): cannot be read (\(short(detail)))"
    case .notRegularFile:
      return "\(path): not a regular file"
    case .notPropertyList(let detail):
      return "\(path): not a valid property list (\(short(detail)))" + untouched
    case .wrongTypes(let keyPath?, let detail):
      return "\(path): not a valid etjanst store: bad value at \(keyPath) (\(short(detail)))"
        + untouched
    case .wrongTypes(nil, let detail):
      return "\(path): not a valid etjanst store (\(short(detail)))" + untouched
    case .newerSchema(let file, let known):
      return "\(path): written by a newer etjanst (schema version \(file); this program knows "
        + "version \(known)); use a newer etjanst" + untouched
    case .noMigration(let file, let known):
      return "\(path): schema version \(file) cannot be migrated to version \(known)" + untouched
    case .worldWritable(let mode):
      return "\(path): refused: the file is writable by everyone (mode \(Self.octal(mode))) and "
        + "holds personal data; run `chmod o-w \(path)`"
    case .refused(let detail):
      return "\(path): refused: \(detail)"
    case .alreadyExists:
      return "\(path): already exists; refusing to overwrite it"
    case .cannotWrite(let detail):
      return "\(path): could not save (\(short(detail)))" + untouched
    case .auditNotWritten(let detail):
      return
        "\(path): the change was saved, but its audit line could not be written (\(short(detail)))"
    }
  }

  static func octal(_ mode: UInt32) -> String {
    let digits = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension StoreError {
  /// Sorts a decoding failure into "not a property list" (the parser gave up, no key to
  /// blame) and "wrong types" (a key is at fault, and we say which).
  init(path: String, decoding error: DecodingError) {
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      self.init(path: path, .notPropertyList(Self.detail(context)))
    case .dataCorrupted(let context):
      self.init(
        path: path,
        .wrongTypes(keyPath: Self.keyPath(context.codingPath), detail: Self.detail(context)))
    case .keyNotFound(let key, let context):
      self.init(
        path: path,
        .wrongTypes(keyPath: Self.keyPath(context.codingPath + [key]), detail: "the key is missing")
      )
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      self.init(
        path: path,
        .wrongTypes(keyPath: Self.keyPath(context.codingPath), detail: context.debugDescription))
    @unknown default:
      self.init(path: path, .wrongTypes(keyPath: nil, detail: String(describing: error)))
    }
  }

  /// `municipality.services[3].status`: array positions in brackets, keys joined by dots.
  /// Nil for the root, where there is no key to name.
  static func keyPath(_ codingPath: [any CodingKey]) -> String? {
    var text = ""
    for key in codingPath {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text.isEmpty ? nil : text
  }

  /// The parser's own words ("Encountered unknown tag ...") are more useful than
  /// Foundation's generic "not a valid property list".
  private static func detail(_ context: DecodingError.Context) -> String {
    if let underlying = context.underlyingError as NSError?,
      let debug = underlying.userInfo[NSDebugDescriptionErrorKey] as? String, !debug.isEmpty
    {
      return debug
    }
    return context.debugDescription
  }

  /// The system's reason for a failed call, from errno.
  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

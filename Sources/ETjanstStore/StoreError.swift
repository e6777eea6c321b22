import ETjanstDomain
import Foundation

/// Why the store file could not be used. Each one prints as a single line that names
/// the file, so the executable can write `etjanst: <description>` to stderr and a
/// coordinator can act on it without reading code.
public struct StoreError: ExplainedError, Sendable, Equatable, CustomStringConvertible {
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
    case refused(LocalizedText)
    case alreadyExists
    /// Saving failed before the file was replaced; the detail is the system's reason.
    case cannotWrite(String)
    /// The new state was saved, but its line in the audit trail was not.
    case auditNotWritten(String)
    /// Gallring was decided (its journal is on disk) but not all of it is in place
    /// yet; the next command under the lock completes it.
    case gallringUnfinished(String)
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
  public var description: String { TextCleaning.printable(line.en) }

  /// Whether the reader refused the file for what it holds (not a property list, a
  /// value out of range or of the wrong type), as opposed to where it is or who may
  /// read it: a restore may replace such a file.
  public var refusesContent: Bool {
    switch problem {
    case .notPropertyList, .wrongTypes: return true
    default: return false
    }
  }

  /// The same line in both languages (the system's or the parser's own detail
  /// stays as they give it), each through the printable guard.
  public var message: LocalizedText {
    LocalizedText(sv: TextCleaning.printable(line.sv), en: TextCleaning.printable(line.en))
  }

  private var line: LocalizedText {
    func short(_ detail: String) -> String {
      detail.count <= 200 ? detail : String(detail.prefix(200)) + "…"
    }
    func both(_ sv: String, _ en: String, untouched: Bool = false) -> LocalizedText {
      LocalizedText(
        sv: "\(path): " + sv + (untouched ? " — filen lämnades orörd" : ""),
        en: "\(path): " + en + (untouched ? " — the file was left untouched" : ""))
    }
    switch problem {
    case .notFound:
      return both("filen finns inte", "no such file")
    case .cannotRead(let detail):
      return both("kan inte läsas (\(short(detail)))", "cannot be read (\(short(detail)))")
    case .notRegularFile:
      return both("är inte en vanlig fil", "not a regular file")
    case .notPropertyList(let detail):
      return both(
        "är ingen giltig property list (\(short(detail)))",
        "not a valid property list (\(short(detail)))", untouched: true)
    case .wrongTypes(let keyPath?, let detail):
      return both(
        "är inget giltigt etjanst-register: fel värde vid \(keyPath) (\(short(detail)))",
        "not a valid etjanst store: bad value at \(keyPath) (\(short(detail)))", untouched: true)
    case .wrongTypes(nil, let detail):
      return both(
        "är inget giltigt etjanst-register (\(short(detail)))",
        "not a valid etjanst store (\(short(detail)))", untouched: true)
    case .newerSchema(let file, let known):
      return both(
        "skrevs av en nyare etjanst (schemaversion \(file); det här programmet känner version "
          + "\(known)); använd en nyare etjanst",
        "written by a newer etjanst (schema version \(file); this program knows "
          + "version \(known)); use a newer etjanst", untouched: true)
    case .noMigration(let file, let known):
      return both(
        "schemaversion \(file) kan inte flyttas till version \(known)",
        "schema version \(file) cannot be migrated to version \(known)", untouched: true)
    case .worldWritable(let mode):
      return both(
        "vägras: alla kan skriva i filen (läge \(Self.octal(mode))) och den har personuppgifter; "
          + "kör `chmod o-w \(path)`",
        "refused: the file is writable by everyone (mode \(Self.octal(mode))) and "
          + "holds personal data; run `chmod o-w \(path)`")
    case .refused(let detail):
      return both("vägras: \(detail.sv)", "refused: \(detail.en)")
    case .alreadyExists:
      return both("finns redan; skrivs inte över", "already exists; refusing to overwrite it")
    case .cannotWrite(let detail):
      return both(
        "kunde inte sparas (\(short(detail)))", "could not save (\(short(detail)))",
        untouched: true)
    case .auditNotWritten(let detail):
      return both(
        "ändringen sparades, men dess rad i loggen kunde inte skrivas (\(short(detail)))",
        "the change was saved, but its audit line could not be written (\(short(detail)))")
    case .gallringUnfinished(let detail):
      return both(
        "gallringen är beslutad men inte helt på plats (\(short(detail))); nästa kommando "
          + "som sparar slutför den",
        "gallring is decided but not all in place (\(short(detail))); the next command "
          + "that saves completes it")
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

import Foundation

/// One line of the audit trail: who changed the store, when, and what, in both
/// languages so the trail reads the same whatever language the reader uses.
public struct AuditEntry: Codable, Sendable, Equatable {
  /// Whole seconds (ISO 8601 in the file).
  public var at: Date
  public var login: String
  public var sv: String
  public var en: String
  /// The save this line records, also written into the store it saved
  /// (`StoreDocument.saveID`), and the save of the version it replaced. The line is
  /// written before the store is replaced, so a crash between the two leaves a line
  /// whose save never happened; the next line's `previous`, or the store's own id,
  /// tells such a line from one whose save did (see `AuditTrail.saved`).
  public var id: String?
  public var previous: String?

  public init(
    at: Date, login: String, sv: String, en: String, id: String? = nil, previous: String? = nil
  ) {
    self.at = at
    self.login = login
    self.sv = sv
    self.en = en
    self.id = id
    self.previous = previous
  }

  /// The JSON line, newline included. JSON escapes any newline inside a summary, so
  /// one entry is always exactly one line.
  func line() throws -> Data {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  static func decode(line: Data) -> AuditEntry? {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try? decoder.decode(AuditEntry.self, from: line)
  }
}

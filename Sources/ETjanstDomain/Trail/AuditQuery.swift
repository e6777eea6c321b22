import Foundation

/// Which entries of the trail a reader wants: about or by a person, about an entity
/// (a person, an e-service, a case), of a kind, within dates, containing words.
/// Every condition given must hold.
public struct AuditQuery: Sendable, Equatable {
  /// Entries by this login, or about the users and staff with it.
  public var person: PersonKey?
  /// Entries about any of these ids (a subject, or what one of its fields refers to).
  public var entities: Set<String>
  /// Command type names (`GrantAccess`).
  public var kinds: Set<String>
  public var since: Date?
  public var until: Date?
  /// Words every matching entry contains (case-insensitive), anywhere in its text.
  public var words: [String]
  /// Who reads: only what their visibility lets them see.
  public var viewer: Visibility?

  public init(
    person: PersonKey? = nil, entities: Set<String> = [], kinds: Set<String> = [],
    since: Date? = nil, until: Date? = nil, words: [String] = [], viewer: Visibility? = nil
  ) {
    self.viewer = viewer
    self.person = person
    self.entities = entities
    self.kinds = kinds
    self.since = since
    self.until = until
    self.words = words
  }

  /// A person as the trail knows them: a login, and the ids of the staff records and
  /// user that carry it (a person may be both a user and a member of staff).
  public struct PersonKey: Sendable, Equatable {
    public var login: String
    public var ids: Set<String>

    public init(login: String, ids: Set<String>) {
      self.login = login
      self.ids = ids
    }

    /// The person with this login, or this staff id, in `m`; their ids so far.
    public static func find(_ text: String, in m: Municipality) -> PersonKey {
      let staff = m.staff.filter { $0.login == text || $0.id.rawValue == text }
      let login = staff.first?.login ?? text
      var ids = Set(staff.map(\.id.rawValue))
      if m.user(login: login) != nil { ids.insert(login) }
      return PersonKey(login: login, ids: ids)
    }
  }

  public var isEmpty: Bool {
    person == nil && entities.isEmpty && kinds.isEmpty && since == nil && until == nil
      && words.isEmpty
  }

  public func matches(_ entry: AuditEntry) -> Bool {
    if let viewer, !viewer.sees(entry) { return false }
    if let since, entry.at < since { return false }
    if let until, entry.at >= until { return false }
    if !kinds.isEmpty && !kinds.contains(entry.kind ?? "") { return false }
    let ids = entry.entityIDs
    if let person {
      guard entry.login == person.login || !ids.isDisjoint(with: person.ids) else { return false }
    }
    if !entities.isEmpty && ids.isDisjoint(with: entities) { return false }
    if !words.isEmpty {
      let text = entry.searchText
      guard words.allSatisfy({ SwedishCollation.contains(text, $0) }) else { return false }
    }
    return true
  }

  /// Byte strings of which a matching entry's line holds at least one, so a reader
  /// can skip most lines of a long trail without decoding them. Empty: no shortcut.
  public var needles: [String] {
    if let person { return [person.login] + person.ids.sorted() }
    if !entities.isEmpty { return entities.sorted() }
    return []
  }
}

extension AuditEntry {
  /// Everything a reader may search for, in both languages.
  public var searchText: String {
    var parts = [AuditEntry.dayText(at), login, name ?? "", kind ?? "", sv, en]
    for subject in subjects ?? [] {
      parts.append(subject.name)
      for field in subject.fields {
        parts += [field.sv, field.en, field.old ?? "", field.new ?? ""]
        parts += [field.oldEn ?? "", field.newEn ?? ""]
      }
    }
    return parts.joined(separator: " ")
  }
}

extension AuditEntry {
  /// The day of the save as "YYYY-MM-DD" in the municipality's time, so a reader can
  /// narrow the trail to a month by typing "2026-03".
  static func dayText(_ date: Date) -> String { Day(date).description }
}

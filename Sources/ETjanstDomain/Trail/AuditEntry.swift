import Foundation

/// One entry of the audit trail: who changed the store (login and name), when the
/// change was saved, what kind of change it was, and, entity by entity, the old and
/// the new value of every field it changed. The summary is kept in both languages so
/// the trail reads the same whatever language the reader uses.
///
/// Entries written before the trail named its subjects have only `at`, `login`, `sv`
/// and `en`; the other fields are optional so those lines still read.
public struct AuditEntry: Codable, Sendable, Equatable {
  /// When the store saved the change (whole seconds, ISO 8601 in the file).
  public var at: Date
  public var login: String
  /// The user's name at the time of the change.
  public var name: String?
  /// The kind of change: the command's type name (`GrantAccess`), stable across
  /// languages and versions.
  public var kind: String?
  public var sv: String
  public var en: String
  /// The entities the change touched, with old → new per field: the first
  /// `AuditSubject.limit` of them.
  public var subjects: [AuditSubject]?
  /// The entities beyond those, counted by kind and action; nil when `subjects`
  /// names them all.
  public var more: [AuditTally]?
  /// The save this line records, also written into the store it saved (the store's
  /// `saveID`), and the save of the version it replaced. The line is written before
  /// the store is replaced, so a crash between the two leaves a line whose save never
  /// happened; the next line's `previous`, or the store's own id, tells such a line
  /// from one whose save did. Lines written before the store kept ids have neither.
  public var id: String?
  public var previous: String?

  public init(
    at: Date, login: String, name: String? = nil, kind: String? = nil, sv: String, en: String,
    subjects: [AuditSubject]? = nil, id: String? = nil, previous: String? = nil
  ) {
    self.id = id
    self.previous = previous
    self.at = at
    self.login = login
    self.name = name
    self.kind = kind
    self.sv = sv
    self.en = en
    self.subjects = subjects
  }

  /// The entry for a change the store has just saved: `savedAt` is the store's clock
  /// at the save, not the moment the user pressed Enter.
  public init(change: Change, kind: String, actor: Actor, savedAt: Date) {
    let subjects = AuditSubject.subjects(of: change)
    self.init(
      at: savedAt, login: actor.login, name: actor.name, kind: kind, sv: change.summary.sv,
      en: change.summary.en, subjects: subjects.named)
    more = subjects.more.isEmpty ? nil : subjects.more
  }

  /// The entry for `command`'s change; a command that removes personal data is
  /// recorded by what went (kind, id, action), without the removed values.
  public init(change: Change, command: any Command, actor: Actor, savedAt: Date) {
    self.init(
      change: change, kind: String(describing: type(of: command)), actor: actor, savedAt: savedAt)
    if command is any RemovesPersonalData {
      subjects = subjects?.map {
        AuditSubject(
          type: $0.type, id: $0.id,
          name: $0.action == .removed || $0.type == "staffMember" ? "–" : $0.name,
          action: $0.action, department: $0.department, fields: [])
      }
    }
  }

  public var summary: LocalizedText { LocalizedText(sv: sv, en: en) }

  /// Every id the entry names: its subjects and what their fields refer to.
  public var entityIDs: Set<String> {
    var ids = Set<String>()
    for subject in subjects ?? [] {
      ids.insert(subject.id)
      for field in subject.fields { if let ref = field.ref { ids.insert(ref) } }
    }
    return ids
  }

  /// Who did it, as a reader wants it: "Linnea Alatalo (linnea)", or the login alone
  /// for an entry written before names were kept.
  public var who: String {
    guard let name, !name.isEmpty, name != login else { return login }
    return "\(name) (\(login))"
  }
}

/// One entity a change touched, as the trail keeps it.
public struct AuditSubject: Codable, Sendable, Equatable {
  public enum Action: String, Codable, Sendable {
    case added, changed, removed
  }

  /// The kind of entity, as the field model names it: "staffMember", "eService",
  /// "case", "user" …
  public var type: String
  public var id: String
  /// A readable name at the time: the person's name, the service's, the case number.
  public var name: String
  public var action: Action
  /// The department the entity belonged to (staff, cases through their officer,
  /// services, orders, managers), so a manager's view of the trail can be limited to
  /// their own department.
  public var department: String?
  public var fields: [AuditField]

  public init(
    type: String, id: String, name: String, action: Action, department: String? = nil,
    fields: [AuditField]
  ) {
    self.type = type
    self.id = id
    self.name = name
    self.action = action
    self.department = department
    self.fields = fields
  }

  /// The kinds of entity that are personal data: a manager reads them for their own
  /// department only.
  static let personalTypes: Set<String> = ["staffMember", "case", "user"]
}

/// How many entities of one kind a change touched one way, beyond those its trail
/// line names (`AuditEntry.more`).
public struct AuditTally: Codable, Sendable, Equatable {
  public var type: String
  public var action: AuditSubject.Action
  public var count: Int

  public init(type: String, action: AuditSubject.Action, count: Int) {
    self.type = type
    self.action = action
    self.count = count
  }
}

/// Old → new for one field, as people read it, in both languages. A field of an
/// element of a keyed list (a person's access to one e-service: "grants[<id>]")
/// names that element's key in `ref`, so the trail can be searched by it.
public struct AuditField: Codable, Sendable, Equatable {
  /// The field model's stable name ("status", "grants[svc-bygglov].validTo").
  public var field: String
  public var sv: String
  public var en: String
  public var ref: String?
  /// Nil when the field had no value (before an addition, after a removal).
  public var old: String?
  public var new: String?
  /// The English text, when it differs from the Swedish one.
  public var oldEn: String?
  public var newEn: String?

  public init(
    field: String, label: LocalizedText, ref: String? = nil, old: LocalizedText?,
    new: LocalizedText?
  ) {
    self.field = field
    self.sv = label.sv
    self.en = label.en
    self.ref = ref
    self.old = old?.sv
    self.new = new?.sv
    self.oldEn = old.flatMap { $0.en == $0.sv ? nil : $0.en }
    self.newEn = new.flatMap { $0.en == $0.sv ? nil : $0.en }
  }

  public var label: LocalizedText { LocalizedText(sv: sv, en: en) }

  public func old(_ language: Language) -> String? { language == .english ? oldEn ?? old : old }
  public func new(_ language: Language) -> String? { language == .english ? newEn ?? new : new }
}

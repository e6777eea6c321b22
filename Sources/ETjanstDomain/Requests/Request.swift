import Foundation

/// A request (begäran) from a department to the e-coordinator: the guideline's
/// messages that "each department" sends (section 4) — access for a new employee
/// (4.1), a leaver to be taken off the platform (4.2), a change of someone's access,
/// and an error or a need for revision in one of its e-services. A manager files it
/// for their own department (`FileRequest`); the e-coordinator accepts it, which does
/// the work it asks for (`AcceptRequest`), or declines it with a reason
/// (`DeclineRequest`).
public struct Request: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<Request>
  public var kind: RequestKind
  /// `sent`, `accepted`, `done` or `declined` as last recorded; an accepted request
  /// whose work has since been completed reads as done (`Municipality.state(of:)`).
  public var state: RequestState
  /// The login that filed it: the sender's OS login (or an SSH key's), never a text
  /// the request carries.
  public var sender: String
  /// The sender's department: a manager files only for their own.
  public var department: EntityID<Department>
  public var sent: Date
  /// A new employee's name.
  public var name: String
  /// A new employee's platform login (empty when not yet known).
  public var login: String
  /// Whom a leaver or access request is about; for a new employee, the staff record
  /// accepting it made.
  public var person: EntityID<StaffMember>?
  /// A new employee's start day, a leaver's last day.
  public var day: Day?
  /// The e-services asked for (a new employee), or the one it is about.
  public var services: [EntityID<EService>]
  /// A new employee needs document signing (4.1).
  public var signing: Bool
  /// An access request ends the access rather than adding it.
  public var ends: Bool
  /// What is wrong, or what needs revising.
  public var text: String
  public var urgent: Bool
  /// An error request that is a need for revision (the guideline's "behov av
  /// revideringar"), not an error: accepting it makes a revision need, not an error
  /// report.
  public var revision: Bool
  /// The e-coordinator who answered, and when.
  public var answeredBy: String?
  public var answeredAt: Date?
  /// Why it was declined.
  public var reason: String
  /// The error report an accepted error request made.
  public var report: EntityID<ServiceReport>?

  public init(
    id: EntityID<Request> = .make(), kind: RequestKind, state: RequestState = .sent,
    sender: String, department: EntityID<Department>, sent: Date, name: String = "",
    login: String = "", person: EntityID<StaffMember>? = nil, day: Day? = nil,
    services: [EntityID<EService>] = [], signing: Bool = false, ends: Bool = false,
    text: String = "", urgent: Bool = false, revision: Bool = false, answeredBy: String? = nil,
    answeredAt: Date? = nil, reason: String = "", report: EntityID<ServiceReport>? = nil
  ) {
    self.id = id
    self.kind = kind
    self.state = state
    self.sender = sender
    self.department = department
    self.sent = sent
    self.name = name
    self.login = login
    self.person = person
    self.day = day
    self.services = services
    self.signing = signing
    self.ends = ends
    self.text = text
    self.urgent = urgent
    self.revision = revision
    self.answeredBy = answeredBy
    self.answeredAt = answeredAt
    self.reason = reason
    self.report = report
  }
}

public enum RequestKind: String, Codable, Sendable, CaseIterable {
  /// Access for a new employee (4.1).
  case newEmployee
  /// A leaver to be taken off the platform (4.2).
  case leaver
  /// Add or end one person's access to one e-service.
  case access
  /// An error or a need for revision in one of the department's e-services (4).
  case error

  public var label: LocalizedText {
    switch self {
    case .newEmployee: LocalizedText(sv: "Ny medarbetare", en: "New employee")
    case .leaver: LocalizedText(sv: "Slutar", en: "Leaver")
    case .access: LocalizedText(sv: "Behörighet", en: "Access")
    case .error: LocalizedText(sv: "Fel eller revidering", en: "Error or revision")
    }
  }
}

extension RequestKind {
  /// The kind as people read it: an error request says whether it is an error or a
  /// need for revision.
  public func label(revision: Bool) -> LocalizedText {
    self == .error ? (revision ? ReportKind.revisionNeed : .error).label : label
  }
}

public enum RequestState: String, Codable, Sendable, CaseIterable {
  case sent
  /// The e-coordinator took it on: the staff record, checklist or report exists.
  case accepted
  /// What it asked for is done (the checklist complete, the access given, the
  /// report resolved).
  case done
  case declined

  public var label: LocalizedText {
    switch self {
    case .sent: LocalizedText(sv: "Skickad", en: "Sent")
    case .accepted: LocalizedText(sv: "Accepterad", en: "Accepted")
    case .done: LocalizedText(sv: "Klar", en: "Done")
    case .declined: LocalizedText(sv: "Avböjd", en: "Declined")
    }
  }

  /// Waiting for the e-coordinator to answer.
  public var isOpen: Bool { self == .sent }
}

extension Request {
  /// The request's kind as people read it: an error request says whether it is an
  /// error or a need for revision.
  public var label: LocalizedText { kind.label(revision: revision) }

  /// The kind of error report accepting an error request makes.
  public var reportKind: ReportKind { revision ? .revisionNeed : .error }
}

// MARK: - The request's fields

private typealias T = LocalizedText

extension Request: FieldedEntity {
  public static let entityType = "request"
  public var entityKey: EntityID<Request> { id }
  public func readableName(in m: Municipality) -> String { m.subject(of: self) }

  public enum Fields {
    public static let kind = Field<Request, RequestKind>("kind", T(sv: "Typ", en: "Kind"), \.kind) {
      v, _ in v.label
    }
    public static let state = Field<Request, RequestState>(
      "state", T(sv: "Läge", en: "State"), \.state
    ) { v, _ in v.label }
    public static let sender = Field.login(
      "sender", T(sv: "Avsändare", en: "Sender"), \Request.sender)
    public static let department = Field.department(
      "department", T(sv: "Förvaltning", en: "Department"), \Request.department)
    public static let sent = Field.time("sent", T(sv: "Skickad", en: "Sent"), \Request.sent)
    public static let name = Field.text("name", T(sv: "Namn", en: "Name"), \Request.name)
    public static let login = Field.text("login", T(sv: "Inloggning", en: "Login"), \Request.login)
    public static let person = Field<Request, EntityID<StaffMember>?>(
      "person", T(sv: "Medarbetare", en: "Staff member"), \.person
    ) { v, m in T(verbatim: v.map { m.staffMember($0)?.name ?? "?" } ?? "") }
    public static let day = Field.day("day", T(sv: "Datum", en: "Day"), \Request.day)
    public static let services = Field<Request, [EntityID<EService>]>(
      "services", T(sv: "E-tjänster", en: "E-services"), \.services
    ) { v, m in T(verbatim: v.map { m.service($0)?.name ?? "?" }.joined(separator: ", ")) }
    public static let signing = Field.flag(
      "signing", T(sv: "Dokumentsignering", en: "Document signing"), \Request.signing)
    public static let ends = Field.flag(
      "ends", T(sv: "Avsluta behörigheten", en: "End the access"), \Request.ends)
    public static let text = Field.text(
      "text", T(sv: "Beskrivning", en: "Description"), \Request.text, cleaning: .multiline)
    public static let urgent = Field.flag(
      "urgent", T(sv: "Brådskande", en: "Urgent"), \Request.urgent)
    public static let revision = Field.flag(
      "revision", T(sv: "Behov av revidering", en: "Need for revision"), \Request.revision
    ).absent(means: false)
    public static let answeredBy = Field.login(
      "answeredBy", T(sv: "Besvarad av", en: "Answered by"), \Request.answeredBy)
    public static let answeredAt = Field.time(
      "answeredAt", T(sv: "Besvarad", en: "Answered"), \Request.answeredAt)
    public static let reason = Field.text(
      "reason", T(sv: "Skäl", en: "Reason"), \Request.reason, cleaning: .multiline)
    public static let report = Field<Request, EntityID<ServiceReport>?>(
      "report", T(sv: "Felrapport", en: "Error report"), \.report
    ) { v, _ in T(verbatim: v?.rawValue ?? "") }
  }

  public static let fields: [AnyField<Request>] = [
    Fields.kind.erased, Fields.state.erased, Fields.sender.erased, Fields.department.erased,
    Fields.sent.erased, Fields.name.erased, Fields.login.erased, Fields.person.erased,
    Fields.day.erased, Fields.services.erased, Fields.signing.erased, Fields.ends.erased,
    Fields.text.erased, Fields.urgent.erased, Fields.revision.erased, Fields.answeredBy.erased,
    Fields.answeredAt.erased, Fields.reason.erased, Fields.report.erased,
  ]

  public static let storedFields =
    [
      Field<Request, EntityID<Request>>("id", T(sv: "Id", en: "Id"), \.id) { v, _ in
        T(verbatim: v.rawValue)
      }.erased
    ] + fields
}

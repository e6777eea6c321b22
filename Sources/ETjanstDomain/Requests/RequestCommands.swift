import Foundation

private typealias T = LocalizedText

/// What a manager asks for, as they typed it: the one input of `FileRequest`, from
/// the console's form, the command line or a request dropped in the store's drop
/// folder (where it is read as untrusted JSON). It carries no sender and no
/// department: those come from who files it.
public struct RequestDraft: Codable, Sendable, Equatable {
  public var kind: RequestKind
  /// A new employee's name.
  public var name: String
  /// A new employee's login, if known; the leaver's or the person's login.
  public var login: String
  /// A new employee's start day, a leaver's last day.
  public var day: Day?
  public var services: [EntityID<EService>]
  public var signing: Bool
  public var ends: Bool
  public var text: String
  public var urgent: Bool
  /// An error request is a need for revision, not an error.
  public var revision: Bool

  public init(
    kind: RequestKind, name: String = "", login: String = "", day: Day? = nil,
    services: [EntityID<EService>] = [], signing: Bool = false, ends: Bool = false,
    text: String = "", urgent: Bool = false, revision: Bool = false
  ) {
    self.kind = kind
    self.name = TextCleaning.line(name).trimmingCharacters(in: .whitespaces)
    self.login = AddStaffMember.login(login.trimmingCharacters(in: .whitespaces))
    self.day = day
    self.services = services
    self.signing = signing
    self.ends = ends
    self.text = TextCleaning.multiline(text).trimmingCharacters(in: .whitespacesAndNewlines)
    self.urgent = urgent
    self.revision = revision
  }

  /// Read again through `init`, so a draft decoded from a file is cleaned as a typed one.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      kind: try c.decode(RequestKind.self, forKey: .kind),
      name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
      login: try c.decodeIfPresent(String.self, forKey: .login) ?? "",
      day: try c.decodeIfPresent(Day.self, forKey: .day),
      services: try c.decodeIfPresent([EntityID<EService>].self, forKey: .services) ?? [],
      signing: try c.decodeIfPresent(Bool.self, forKey: .signing) ?? false,
      ends: try c.decodeIfPresent(Bool.self, forKey: .ends) ?? false,
      text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
      urgent: try c.decodeIfPresent(Bool.self, forKey: .urgent) ?? false,
      revision: try c.decodeIfPresent(Bool.self, forKey: .revision) ?? false)
  }
}

/// A manager files a request for their own department (guideline 4: "varje
/// verksamhet ansvarar för att meddela kommunens e-samordnare"). The one write a
/// manager may make: the sender is the actor, the department the actor's, never
/// what the draft says; what it names must be the department's own.
public struct FileRequest: Command {
  public var id: EntityID<Request>
  public var draft: RequestDraft

  public init(_ draft: RequestDraft, id: EntityID<Request> = .make()) {
    self.id = id
    self.draft = draft
  }

  public var requiresEditor: Bool { false }

  public var summary: LocalizedText {
    T(
      sv: "Skickade en begäran: \(draft.kind.label(revision: draft.revision).sv)",
      en: "Sent a request: \(draft.kind.label(revision: draft.revision).en)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard case .manager(let own) = context.actor.role else { throw RequestViolation.onlyManagers() }
    guard m.request(id) == nil else { throw RequestViolation.alreadyFiled() }
    var r = Request(
      id: id, kind: draft.kind, sender: context.actor.login, department: own, sent: context.now,
      name: draft.name, login: draft.login, day: draft.day, services: draft.services,
      signing: draft.signing, ends: draft.ends, text: draft.text, urgent: draft.urgent,
      revision: draft.kind == .error && draft.revision)
    for service in r.services {
      guard let s = m.service(service) else {
        throw RuleViolation.unknownService(field: "services")
      }
      guard s.department == own else { throw RequestViolation.notOwnService(s.name) }
    }
    switch r.kind {
    case .newEmployee:
      if r.name.isEmpty { throw RuleViolation.required("name", T(sv: "Namn", en: "Name")) }
      if !r.login.isEmpty, try Login.parse(r.login) != r.login { throw Login.refusal() }
      guard r.day != nil else {
        throw RuleViolation.required("day", T(sv: "Startdatum", en: "Start date"))
      }
    case .leaver:
      let p = try Self.person(r.login, own, in: m)
      guard let day = r.day else {
        throw RuleViolation.required("day", T(sv: "Sista dag", en: "Last day"))
      }
      if day < p.startDate { throw RuleViolation.endBeforeStart() }
      r.person = p.id
    case .access:
      let p = try Self.person(r.login, own, in: m)
      guard r.services.count == 1, let service = r.services.first else {
        throw RuleViolation.unknownService(field: "services")
      }
      let has = p.grants.contains { $0.service == service }
      if r.ends && !has { throw RequestViolation.noAccessToEnd(p.name) }
      r.person = p.id
    case .error:
      guard r.services.count == 1 else { throw RuleViolation.unknownService(field: "services") }
      if r.text.isEmpty {
        throw RuleViolation.required("text", T(sv: "Beskrivningen", en: "The description"))
      }
    }
    m.requests.append(r)
  }

  /// The department's member with `login`, not removed; nobody else is named, so a
  /// login of another department reads as no one.
  static func person(_ login: String, _ own: EntityID<Department>, in m: Municipality) throws
    -> StaffMember
  {
    guard
      let p = m.staff.first(where: {
        StaffMember.sameLogin($0.login, login) && $0.department == own
      })
    else { throw RequestViolation.noSuchPerson(login) }
    guard p.status != .removed else { throw RuleViolation.alreadyRemoved(p.name) }
    return p
  }
}

/// The e-coordinator accepts a request, which does what it asks with its data, through
/// the rules of the command that does it: a new employee becomes a staff record
/// with the onboarding checklist and the asked-for access proposed on it (4.1), a
/// leaver's last day starts the offboarding checklist (4.2), an access change
/// grants or ends the access, an error becomes the e-service's error report (4).
/// The checklist's "manager contacted" step records the sender and the day sent.
public struct AcceptRequest: Command {
  public var id: EntityID<Request>
  /// A new employee's login when the request had none.
  public var login: String?
  public var newPerson: EntityID<StaffMember>
  public var newReport: EntityID<ServiceReport>

  public init(
    _ id: EntityID<Request>, login: String? = nil, newPerson: EntityID<StaffMember> = .make(),
    newReport: EntityID<ServiceReport> = .make()
  ) {
    self.id = id
    self.login = login.map { AddStaffMember.login($0) }.flatMap { $0.isEmpty ? nil : $0 }
    self.newPerson = newPerson
    self.newReport = newReport
  }

  public var summary: LocalizedText {
    T(sv: "Accepterade en begäran", en: "Accepted a request")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var r = try m.openRequest(id)
    var state = RequestState.accepted
    switch r.kind {
    case .newEmployee:
      let login = self.login ?? r.login
      if login.isEmpty { throw RequestViolation.loginNeeded(r.name) }
      try AddStaffMember(
        name: r.name, login: login, department: r.department, manager: r.sender,
        startDate: r.day ?? context.today, services: r.services, id: newPerson,
        registeredOn: min(Day(r.sent), context.today)
      ).apply(to: &m, context: context)
      try m.updateStaff(newPerson) { p in
        p.onboarding?.record(.managerContactedDuringIntroduction, by: r.sender, at: r.sent)
      }
      r.person = newPerson
      r.login = login
    case .leaver:
      guard let person = r.person, let day = r.day else { throw RequestViolation.incomplete() }
      let p = try m.requireStaff(person)
      guard p.status != .removed else { throw RuleViolation.alreadyRemoved(p.name) }
      if day < p.startDate { throw RuleViolation.endBeforeStart() }
      try m.updateStaff(person) { p in
        p.setEndDate(day)
        p.offboarding?.record(.managerContactedOnLeaving, by: r.sender, at: r.sent)
      }
    case .access:
      guard let person = r.person, let service = r.services.first else {
        throw RequestViolation.incomplete()
      }
      if r.ends {
        try RevokeAccess(person: person, service: service).apply(to: &m, context: context)
      } else {
        try GrantAccess(person: person, service: service, validFrom: context.today, validTo: nil)
          .apply(to: &m, context: context)
      }
      state = .done
    case .error:
      guard let service = r.services.first else { throw RequestViolation.incomplete() }
      let s = try m.serviceIndex(service)
      try ReportServiceError(
        service, report: newReport, kind: r.reportKind, reportedOn: min(Day(r.sent), context.today),
        reportedBy: m.displayName(login: r.sender), text: r.text, name: m.services[s].name
      ).apply(to: &m, context: context)
      r.report = newReport
    }
    r.state = state
    r.answeredBy = context.actor.login
    r.answeredAt = context.now
    try m.updateRequest(r)
  }
}

/// The e-coordinator declines a request, with the reason the sender will read.
public struct DeclineRequest: Command {
  public var id: EntityID<Request>
  public var reason: String

  public init(_ id: EntityID<Request>, reason: String) {
    self.id = id
    self.reason = TextCleaning.multiline(reason).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public var summary: LocalizedText {
    T(sv: "Avböjde en begäran", en: "Declined a request")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var r = try m.openRequest(id)
    if reason.isEmpty { throw RuleViolation.required("reason", T(sv: "Skälet", en: "The reason")) }
    r.state = .declined
    r.reason = reason
    r.answeredBy = context.actor.login
    r.answeredAt = context.now
    try m.updateRequest(r)
  }
}

extension Municipality {
  /// The request with `id`, still waiting for an answer.
  func openRequest(_ id: EntityID<Request>) throws -> Request {
    guard let r = request(id) else {
      throw RuleViolation.notFound(T(sv: "Begäran", en: "The request"))
    }
    guard r.state.isOpen else { throw RequestViolation.alreadyAnswered(r.state) }
    return r
  }

  mutating func updateRequest(_ r: Request) throws {
    guard let i = requests.index(of: r.id) else {
      throw RuleViolation.notFound(T(sv: "Begäran", en: "The request"))
    }
    requests[i] = r
  }

  /// The request whose id is or begins with `text` (as `list requests` shows the
  /// first characters), or a refusal saying there is none or several.
  public func request(named text: String) throws -> Request {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let exact = requests.first(where: { $0.id.rawValue == key }) { return exact }
    let found = key.isEmpty ? [] : requests.filter { $0.id.rawValue.hasPrefix(key) }
    guard found.count == 1, let only = found.first else {
      throw found.isEmpty
        ? RuleViolation.notFound(T(sv: "Begäran \(text)", en: "The request \(text)"))
        : RuleViolation(
          LocalizedText(
            sv: "Flera begäranden börjar med \(text) – skriv fler tecken.",
            en: "Several requests begin with \(text) – write more characters."))
    }
    return only
  }
}

extension Checklist {
  /// Records that `step` was done by `login` at `at` (the sender of a request: the
  /// manager's contact with the e-coordinator), unless already ticked.
  mutating func record(_ step: ChecklistStep, by login: String, at: Date) {
    guard let i = items.firstIndex(where: { $0.step == step }), !items[i].isDone else { return }
    items[i].doneBy = login
    items[i].doneAt = at
  }
}

/// The refusals of the request commands, in both languages.
enum RequestViolation {
  static func onlyManagers() -> RuleViolation {
    RuleViolation(
      section: "4",
      T(
        sv:
          "Begäranden skickas av chefer till e-samordnaren; som e-samordnare gör du ändringen direkt.",
        en:
          "Requests are sent by managers to the e-coordinator; as the e-coordinator, make the change directly."
      ))
  }

  static func alreadyFiled() -> RuleViolation {
    RuleViolation(T(sv: "Begäran finns redan.", en: "The request already exists."))
  }

  static func notOwnService(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4", field: "services",
      T(
        sv: "\(name) hör till en annan förvaltning: en begäran gäller bara din egen.",
        en: "\(name) belongs to another department: a request is only for your own."))
  }

  static func noSuchPerson(_ login: String) -> RuleViolation {
    RuleViolation(
      field: "login",
      T(
        sv: "Ingen i din förvaltning har inloggningen '\(login)'.",
        en: "Nobody in your department has the login '\(login)'."))
  }

  static func noAccessToEnd(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4.2", field: "services",
      T(
        sv: "\(name) har ingen behörighet till e-tjänsten att avsluta.",
        en: "\(name) has no access to the e-service to end."))
  }

  static func loginNeeded(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4.1", field: "login",
      T(
        sv: "Begäran saknar inloggning för \(name): ange den när du accepterar.",
        en: "The request has no login for \(name): give it when you accept."))
  }

  static func incomplete() -> RuleViolation {
    RuleViolation(T(sv: "Begäran är ofullständig.", en: "The request is incomplete."))
  }

  static func alreadyAnswered(_ state: RequestState) -> RuleViolation {
    RuleViolation(
      T(
        sv: "Begäran är redan besvarad (\(state.label.sv.lowercased())).",
        en: "The request has already been answered (\(state.label.en.lowercased()))."))
  }
}

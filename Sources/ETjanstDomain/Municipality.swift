import Foundation

/// Everything the store file holds: one municipality's e-services, the staff who
/// reach them, the orders for new ones, outages and the standing data of the
/// guideline. A value type: a change is a `Command` applied to a copy.
public struct Municipality: Codable, Sendable, Equatable, CustomReflectable {
  public var name: String
  public var contacts: Contacts
  public var settings: Settings
  // The lists, each also declared in `Municipality.lists` (MunicipalityLists.swift).
  public var users: [User] = []
  public var departments: [Department] = [] { didSet { index = index.without(.departments) } }
  public var services: [EService] = [] { didSet { index = index.without(.services) } }
  public var staff: [StaffMember] = [] { didSet { index = index.without(.staff) } }
  public var cases: [Case] = [] { didSet { index = index.without(.cases) } }
  public var orders: [ServiceOrder] = []
  public var refusedOrders: [RefusedOrder] = []
  public var outages: [Outage] = []
  /// The departments' requests to the e-coordinator, in the order filed.
  public var requests: [Request] = []
  /// Derived lookups, each rebuilt lazily after the list it comes from changes (an
  /// import appending staff row by row keeps the e-services' lookup); not stored and
  /// not compared.
  var index = MunicipalityIndex()
  /// The department whose view this copy is (`Visibility.scoped` for a manager); nil
  /// for the whole store. Not stored and not compared.
  public internal(set) var scopedTo: EntityID<Department>?

  /// The stored lists, without the index: reflection (field checks, text audits) sees
  /// what the file holds.
  public var customMirror: Mirror {
    let own: [(label: String?, value: Any)] = [
      ("name", name), ("contacts", contacts), ("settings", settings),
    ]
    return Mirror(
      self, children: own + Self.lists.map { ($0.key, $0.value(in: self)) },
      displayStyle: .struct)
  }

  public static func == (a: Municipality, b: Municipality) -> Bool {
    a.name == b.name && a.contacts == b.contacts && a.settings == b.settings
      && lists.allSatisfy { $0.equal(a, b) }
  }

  /// The municipality with the lists given (a list not named starts empty).
  public init(
    name: String, contacts: Contacts, settings: Settings = Settings(), users: [User] = [],
    departments: [Department] = [], services: [EService] = [], staff: [StaffMember] = [],
    cases: [Case] = [], orders: [ServiceOrder] = [], refusedOrders: [RefusedOrder] = [],
    outages: [Outage] = [], requests: [Request] = []
  ) {
    self.name = name
    self.contacts = contacts
    self.settings = settings
    self.users = users
    self.departments = departments
    self.services = services
    self.staff = staff
    self.cases = cases
    self.orders = orders
    self.refusedOrders = refusedOrders
    self.outages = outages
    self.requests = requests
  }

  /// Decoded as stored: its own keys, then each list of `Municipality.lists` (one a
  /// file written before it existed lacks reads as empty where it says so).
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: ListKey.self)
    self.init(
      name: try c.decode(String.self, forKey: ListKey("name")),
      contacts: try c.decode(Contacts.self, forKey: ListKey("contacts")),
      settings: try c.decode(Settings.self, forKey: ListKey("settings")))
    for list in Self.lists { try list.decode(c, into: &self) }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: ListKey.self)
    try c.encode(name, forKey: ListKey("name"))
    try c.encode(contacts, forKey: ListKey("contacts"))
    try c.encode(settings, forKey: ListKey("settings"))
    for list in Self.lists { try list.encode(self, &c) }
  }

  /// An empty store with the guideline's standing data: the contacts of section 5
  /// and 4.3, the internal order e-service of step 2, and the default limits. A new
  /// store has no name (empty) until `SetUpMunicipality` gives it one.
  public static func standing(name: String, firstUser: User) -> Municipality {
    Municipality(name: name, contacts: .standing(municipality: name), users: [firstUser])
  }

  /// The e-services this copy's catalogue lists, and its goal figures count: all of
  /// them, or in a manager's view their own department's. Other departments'
  /// e-services stay in `services` only so the names their staff's access and cases
  /// refer to can be read; their roles and reports are not in the view, so flags
  /// and figures worked out on them would be false.
  public var catalogue: [EService] {
    guard let own = scopedTo else { return services }
    return services.filter { $0.department == own }
  }

  public func department(_ id: EntityID<Department>) -> Department? {
    index.departments(self)[id].map { departments[$0] }
  }
  public func service(_ id: EntityID<EService>) -> EService? {
    index.services(self)[id].map { services[$0] }
  }
  public func staffMember(_ id: EntityID<StaffMember>) -> StaffMember? {
    index.staff(self)[id].map { staff[$0] }
  }

  /// A department's name, or a placeholder for a dangling id.
  public func departmentName(_ id: EntityID<Department>) -> String {
    department(id)?.name ?? "?"
  }
}

/// Limits the guideline leaves to the municipality; kept in the store so the
/// e-coordinator can change them without a new program.
public struct Settings: Codable, Sendable, Equatable {
  /// Minutes from an outage's start within which the e-nämnd must be contacted (4.3).
  public var outageContactLimitMinutes: Int
  /// Days an order may stay in one step before it is flagged (6).
  public var orderStepLimitDays: Int
  /// Default months between reviews of an e-service (4).
  public var serviceReviewIntervalMonths: Int
  /// Default months between reviews of a fallback routine (4.3).
  public var routineReviewIntervalMonths: Int
  /// Days before an access grant's end that a leaver's open cases are flagged (4.2).
  public var accessExpiryWarningDays: Int
  /// Gallring, as the information management plan sets it: months a removed member
  /// of staff is kept after their end date.
  public var retentionRemovedStaffMonths: Int
  /// Months a closed case is kept after it was closed.
  public var retentionClosedCasesMonths: Int
  /// Years an entry of the audit trail is kept.
  public var retentionTrailYears: Int
  /// Backups beside the store, kept by age: every one younger than this many minutes,
  /// then the newest of each hour for `backupKeepHours` hours, of each day for
  /// `backupKeepDays` days and of each month for `backupKeepMonths` months.
  public var backupKeepAllMinutes: Int
  public var backupKeepHours: Int
  public var backupKeepDays: Int
  public var backupKeepMonths: Int
  /// Days before `etjanst notify` mails a reminder of the same item to the same person
  /// again.
  public var reminderRepeatDays: Int = 7
  /// Days before a person's end day from which they count as leaving and work through
  /// the offboarding checklist (4.2); before that a fixed-term hire is employed.
  public var leavingLeadDays: Int = 30
  /// The municipality's mail domain: a person with no e-mail address of their own is
  /// mailed at their login @ this domain. Empty: only recorded addresses are mailed.
  public var mailDomain: String = ""
  /// Who is mailed with the e-coordinator when an outage's e-nämnd contact is late: a
  /// login (mailed at the mail domain) or an e-mail address. Empty: nobody else.
  public var outageDeputy: String = ""
  /// The mailer `etjanst notify` sends through (the `sendmail -t` interface); empty:
  /// /usr/sbin/sendmail.
  public var sendmailPath: String = ""
  /// The address the mails of `etjanst notify` come from; empty: the e-coordinator's
  /// contact address, else etjanst@ the mail domain.
  public var mailFrom: String = ""

  public init(
    outageContactLimitMinutes: Int = 15, orderStepLimitDays: Int = 30,
    serviceReviewIntervalMonths: Int = 12, routineReviewIntervalMonths: Int = 12,
    accessExpiryWarningDays: Int = 14, retentionRemovedStaffMonths: Int = 24,
    retentionClosedCasesMonths: Int = 12, retentionTrailYears: Int = 5,
    backupKeepAllMinutes: Int = 60, backupKeepHours: Int = 48, backupKeepDays: Int = 31,
    backupKeepMonths: Int = 12
  ) {
    self.retentionRemovedStaffMonths = retentionRemovedStaffMonths
    self.retentionClosedCasesMonths = retentionClosedCasesMonths
    self.retentionTrailYears = retentionTrailYears
    self.outageContactLimitMinutes = outageContactLimitMinutes
    self.orderStepLimitDays = orderStepLimitDays
    self.serviceReviewIntervalMonths = serviceReviewIntervalMonths
    self.routineReviewIntervalMonths = routineReviewIntervalMonths
    self.accessExpiryWarningDays = accessExpiryWarningDays
    self.backupKeepAllMinutes = backupKeepAllMinutes
    self.backupKeepHours = backupKeepHours
    self.backupKeepDays = backupKeepDays
    self.backupKeepMonths = backupKeepMonths
  }
}

extension Settings {
  /// A setting's key in a Codable container: the declarations' store keys.
  private struct CodingKey: Swift.CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }

  /// Coded through the declarations (`Settings.limits`); a setting missing from the
  /// container keeps its default.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKey.self)
    self.init()
    for limit in Self.limits {
      let key = CodingKey(stringValue: limit.field.key)
      if let value = try c.decodeIfPresent(Int.self, forKey: key) {
        self[keyPath: limit.path] = value
      }
    }
    for field in Self.textSettings {
      if let value = try c.decodeIfPresent(String.self, forKey: CodingKey(stringValue: field.key)) {
        self[keyPath: field.keyPath] = value
      }
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKey.self)
    for limit in Self.limits {
      try c.encode(self[keyPath: limit.path], forKey: CodingKey(stringValue: limit.field.key))
    }
    for field in Self.textSettings {
      try c.encode(self[keyPath: field.keyPath], forKey: CodingKey(stringValue: field.key))
    }
  }
}

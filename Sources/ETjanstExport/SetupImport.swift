import ETjanstDomain
import Foundation

/// One column of an import file: its header as the file has it, and the field it is
/// read into (the field's key, as `list --format csv` writes it).
public struct ImportColumn: Sendable, Equatable {
  public var header: String
  public var field: String

  public init(header: String, field: String) {
    self.header = header
    self.field = field
  }
}

/// What an import file asks for: a domain command per new row (`ImportRows` applies
/// them all or none), what each adds in words, and the rows already in the store,
/// which are left as they are so the same file can be imported twice.
public struct ImportPlan: Sendable {
  public struct Entry: Sendable {
    public var line: Int
    public var text: LocalizedText
  }

  public var rows: [ImportRow] = []
  public var added: [Entry] = []
  /// Rows of what the store has already, which change it: their entity as it will be.
  public var changed: [Entry] = []
  public var skipped: [Entry] = []
  /// Which header went to which field, and the headers nothing reads.
  public var columns: [ImportColumn] = []
  public var ignored: [String] = []

  /// The command that applies every new row, under the store's lock.
  public func command(source: String, noun: (one: LocalizedText, many: LocalizedText))
    -> ImportRows
  {
    let n = rows.count
    let word = n == 1 ? noun.one : noun.many
    return ImportRows(
      rows,
      what: LocalizedText(
        sv: "\(n) \(word.sv) från \(TextCleaning.line(source))",
        en: "\(n) \(word.en) from \(TextCleaning.line(source))"))
  }
}

/// `etjanst services import FILE.csv`: the catalogue as a list exported from the
/// platform or kept in a spreadsheet, one e-service a row, under a header row.
/// Only `name` and `department` are needed; `status` defaults to Publicerad (a
/// catalogue that runs already). `etjanst list services --format csv` writes a file
/// this reads back.
public enum ServiceImport {
  /// The columns read, from the e-service's field declarations: each under its
  /// `list services` key, its labels and the other names a platform uses.
  static let columns = FieldColumns.imports(EService.storedFields)

  static let known = Dictionary(uniqueKeysWithValues: columns.map { ($0.key, $0.names) })

  /// The columns' keys, for the help.
  public static var columnKeys: [String] { columns.map(\.key) }

  public static func parse(_ text: String, _ m: Municipality) throws -> ImportPlan {
    let required = ["name", "department"]
    let file = try ImportFile(
      text, known: known, secondary: ImportFile.secondary, required: required)
    var plan = ImportPlan()
    plan.columns = file.read
    plan.ignored = file.ignored
    var seen: [String: Int] = [:]
    let lookup = CaseImport.Lookup(m)
    let context = ImportContext(
      lookup: lookup, delimiter: file.delimiter, what: LocalizedText(verbatim: ""))
    try file.eachRecord { record, cell in
      let line = record.line
      // A published e-service in the file already runs on the platform (the
      // status a file without one stands for).
      var s = EService(
        id: EntityID(""), name: "", department: EntityID(""), status: .published, platform: "",
        reviewIntervalMonths: m.settings.serviceReviewIntervalMonths)
      for column in columns {
        let text = cell(column.key)
        if text.isEmpty && !required.contains(column.key) { continue }
        try column.read(&s, text, context)
      }
      let name = TextCleaning.line(s.name)
      let department = s.department
      let key = CaseImport.Lookup.serviceKey(department, name)
      if let first = seen[key] {
        throw BadCell("\(name) finns redan på rad \(first)", "\(name) is already on line \(first)")
      }
      seen[key] = line
      if lookup.serviceKeys.contains(key) {
        plan.skipped.append(.init(line: line, text: LocalizedText(verbatim: name)))
        return
      }
      let status = s.status
      let draft = EServiceDraft(s)
      // A published e-service in the file already runs on the platform: it is
      // registered as such (guideline 6's one path to Published besides an order),
      // said in the summary, and flagged until a review is recorded.
      let registered = status == .published
      let command: any Command =
        registered
        ? RegisterRunningEService(draft, reason: "services import")
        : AddEService(draft, status: status)
      plan.rows.append(ImportRow(line: line, command: command))
      let departmentName = m.departmentName(department)
      plan.added.append(
        .init(
          line: line,
          text: registered
            ? LocalizedText(
              sv: "\(name) (\(departmentName)), registrerad som publicerad och redan i drift: "
                + "flaggad tills den granskats",
              en: "\(name) (\(departmentName)), registered as published and already running: "
                + "flagged until it is reviewed")
            : LocalizedText(
              sv: "\(name) (\(departmentName), \(status.label.sv))",
              en: "\(name) (\(departmentName), \(status.label.en))")))
    }
    return plan
  }

  /// A staff member by login, or by "Name (login)" as `list services` writes them;
  /// else an outside person, "Name <email>" or just a name.
  /// A name that is one person's on the staff list (not removed) is that person.
  static func person(_ text: String, _ lookup: CaseImport.Lookup) -> PersonRef? {
    let text = TextCleaning.line(text)
    guard !text.isEmpty else { return nil }
    if let p = lookup.staffMember(login: text) { return .staff(p.id) }
    if text.hasSuffix(")"), let open = text.lastIndex(of: "("),
      let p = lookup.staffMember(
        login: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    {
      return .staff(p.id)
    }
    if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
      let name = text[..<open].trimmingCharacters(in: .whitespaces)
      let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
      if let p = lookup.staffMember(name: name) { return .staff(p.id) }
      return .named(name: name, email: email)
    }
    if let p = lookup.staffMember(name: text) { return .staff(p.id) }
    return .named(name: text, email: "")
  }

}

/// `etjanst staff import FILE.csv`: new staff from HR's list, one person a row under
/// a header row, each with the e-services their manager asks for. Each becomes an
/// `AddStaffMember`, so their onboarding checklist (4.1) is made and the asked-for
/// e-services stand on its access step; access itself is granted from the console.
public enum StaffImport {
  /// Swedish HR exports' labels as well as this program's keys: the person's
  /// columns (`PersonColumns`), and the access and signing they already have.
  static let known: [String: [String]] = FieldColumns.known(
    PersonColumns.known.merging([
      "department": ["department", "förvaltning", "organisation", "organization"],
      "manager": ["manager", "chef", "närmaste chef"],
      "startDate": [
        "startdate", "startdatum", "start", "anställningsdatum", "anställd from",
        "anställd fr.o.m.",
        "anställd f.o.m.", "start date",
      ],
      "endDate": [
        "enddate", "slutdatum", "anställd tom", "anställd t.o.m.", "end date", "slutar",
      ],
      "services": ["services", "e-tjänster", "e-services"],
      "access": ["access", "behörigheter", "behörighet", "e-tjänster med behörighet"],
      "accessFrom": [
        "accessfrom", "behörig från", "behörig fr.o.m.", "behörig from", "access from",
      ],
      "signing": ["signing", "signering", "dokumentsignering", "document signing", "cansign"],
    ]) { a, _ in a }, details)

  /// The person's declared details (e-mail, language), read under their columns.
  static let details = FieldColumns.imports(StaffMember.details)

  public static func parse(_ text: String, _ m: Municipality, today: Day) throws -> ImportPlan {
    let file = try ImportFile(
      text, known: known, secondary: ImportFile.secondary,
      required: ["department"])
    try PersonColumns.check(file)
    var plan = ImportPlan()
    plan.columns = file.read
    plan.ignored = file.ignored
    var seen: [String: Int] = [:]
    let lookup = CaseImport.Lookup(m)
    try file.eachRecord { record, cell in
      let line = record.line
      let name = PersonColumns.name(file, cell)
      let login = PersonColumns.login(file, cell)
      if let first = seen[login], !login.isEmpty {
        throw BadCell(
          "inloggningen \(login) finns redan på rad \(first)",
          "the login \(login) is already on line \(first)")
      }
      seen[login] = line
      let named = ImportValue.list(cell("services"), fileDelimiter: file.delimiter)
      let unknown = named.filter { lookup.service($0) == nil }
      guard unknown.isEmpty else {
        let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
        throw BadCell(
          "e-tjänsten \(list) finns inte i katalogen",
          "the e-service \(list) is not in the catalogue")
      }
      let services = named.compactMap { lookup.service($0) }
      let access = try Self.access(cell("access"), lookup, file.delimiter)
      let accessFrom = try ImportValue.day(cell("accessFrom"))
      let signing = try ImportValue.bool(cell("signing"))
      let context = ImportContext(
        lookup: lookup, delimiter: file.delimiter, what: LocalizedText(verbatim: ""))
      // A known login (in any case) is that person: no second record and no second
      // onboarding checklist. The access and signing the row says they have are
      // granted where they lack them (the access matrix's rule); what the row asked
      // for that they lack is said, to be granted from the access matrix (4.1).
      if !login.isEmpty, let known = lookup.staffMember(login: login) {
        let grants = Self.grants(
          access, person: known.id, from: accessFrom, defaultFrom: known.startDate,
          held: known.grants)
        var commands: [any Command] = grants
        if signing && !known.canSign { commands.append(GrantSigning(person: known.id)) }
        // Details the row gives that differ (empty cells keep what the store has).
        let details = try FieldColumns.read(Self.details, into: known, cell, context)
        if details != known {
          commands.append(
            EditStaffMember(
              id: known.id, name: known.name, login: known.login, department: known.department,
              manager: known.manager, startDate: known.startDate, endDate: known.endDate,
              details: details))
        }
        guard !commands.isEmpty else {
          plan.skipped.append(.init(line: line, text: Self.known(known, asked: services)))
          return
        }
        plan.rows.append(ImportRow(line: line, command: CommandSequence(commands)))
        plan.changed.append(
          .init(
            line: line,
            text: Self.granted(
              "\(known.name) (\(known.login))", grants: grants,
              signing: signing && !known.canSign, lookup)))
        return
      }
      let department = try lookup.department(cell("department"))
      let start = try ImportValue.day(cell("startDate")) ?? today
      let end = try ImportValue.day(cell("endDate"))
      let id = EntityID<StaffMember>.make()
      let person = StaffMember(
        id: id, name: name, login: login, department: department, startDate: start)
      let add = AddStaffMember(
        name: name, login: login, department: department, manager: cell("manager"),
        startDate: start, endDate: end, services: services.map(\.id), id: id,
        details: try FieldColumns.read(Self.details, into: person, cell, context))
      let grants = Self.grants(access, person: id, from: accessFrom, defaultFrom: start, held: [])
      var commands: [any Command] = [add]
      commands += grants as [any Command]
      if signing { commands.append(GrantSigning(person: id)) }
      plan.rows.append(
        ImportRow(line: line, command: commands.count == 1 ? add : CommandSequence(commands)))
      let who =
        "\(name) (\(login), \(m.departmentName(department)), \(start))"
        + (services.isEmpty ? "" : ": " + services.map(\.name).joined(separator: ", "))
      plan.added.append(
        .init(line: line, text: Self.granted(who, grants: grants, signing: signing, lookup)))
    }
    return plan
  }

  /// One e-service a cell of access names, with the day its access starts when the
  /// cell gives one after the name: `Bygglov (2025-08-29)`.
  struct Access {
    var service: EService
    var from: Day?
  }

  /// The e-services a cell of access names, separated by ',' or '|' (or one a
  /// line): a name with a comma in it ("Ansökan om bygglov, marklov och
  /// rivningslov") is taken whole where the catalogue has it, the longest first.
  /// A name may be followed by its own first day in brackets, `Bygglov
  /// (2025-08-29), Skolskjuts`; a name whose own brackets are part of it
  /// ("… (finska, meänkieli och samiska)") is found whole first.
  static func access(_ text: String, _ lookup: CaseImport.Lookup, _ delimiter: UnicodeScalar)
    throws -> [Access]
  {
    var found: [Access] = []
    var unknown: [String] = []
    for part in ImportValue.list(text, fileDelimiter: delimiter) {
      let pieces = part.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      var i = 0
      while i < pieces.count {
        var taken = false
        for j in stride(from: pieces.count, to: i, by: -1) {
          let name = pieces[i..<j].joined(separator: ",").trimmingCharacters(in: .whitespaces)
          if let named = try Self.named(name, lookup) {
            if !found.contains(where: { $0.service.id == named.service.id }) { found.append(named) }
            i = j
            taken = true
            break
          }
        }
        if !taken {
          let name = pieces[i].trimmingCharacters(in: .whitespaces)
          if !name.isEmpty { unknown.append(name) }
          i += 1
        }
      }
    }
    guard unknown.isEmpty else {
      let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
      throw BadCell(
        "behörigheten \(list) är ingen e-tjänst i katalogen",
        "the access \(list) is no e-service in the catalogue")
    }
    return found
  }

  /// `name` as one e-service of a cell of access: the catalogue's name whole, or a
  /// name followed by its first day in brackets. Nil when it names none; a name
  /// found with brackets after it that are not a day is refused with the form.
  static func named(_ name: String, _ lookup: CaseImport.Lookup) throws -> Access? {
    if let service = lookup.service(name) { return Access(service: service, from: nil) }
    guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
    let base = name[..<open].trimmingCharacters(in: .whitespaces)
    guard let service = lookup.service(base) else { return nil }
    let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
      .trimmingCharacters(in: .whitespaces)
    guard let day = Day(inside) else {
      throw BadCell(
        "behörigheten '\(name)': dagen ska vara \(Day.expected.sv) inom parentes efter e-tjänsten, som '\(base) (2025-08-29)'",
        "the access '\(name)': the day must be \(Day.expected.en) in brackets after the e-service, as '\(base) (2025-08-29)'"
      )
    }
    return Access(service: service, from: day)
  }

  /// The grants a row asks for that the person does not hold as asked: each
  /// through `GrantAccess`, the access matrix's rule. From the day the cell gives
  /// beside the e-service, else the row's `accessFrom`, else the start day; a grant
  /// already held is left with its own dates unless the row gives another day.
  static func grants(
    _ access: [Access], person: EntityID<StaffMember>, from: Day?, defaultFrom: Day,
    held: [AccessGrant]
  ) -> [GrantAccess] {
    access.compactMap { asked in
      let from = asked.from ?? from
      if let grant = held.first(where: { $0.service == asked.service.id }),
        from == nil || from == grant.validFrom
      {
        return nil
      }
      return GrantAccess(
        person: person, service: asked.service.id, validFrom: from ?? defaultFrom, validTo: nil)
    }
  }

  /// A row's words: who, and the access and signing it grants.
  static func granted(
    _ who: String, grants: [GrantAccess], signing: Bool, _ lookup: CaseImport.Lookup
  ) -> LocalizedText {
    var sv = who
    var en = who
    if !grants.isEmpty {
      let list = grants.map { g in
        "\(lookup.m.service(g.grant.service)?.name ?? "?") från \(g.grant.validFrom)"
      }
      let listEn = grants.map { g in
        "\(lookup.m.service(g.grant.service)?.name ?? "?") from \(g.grant.validFrom)"
      }
      sv += "; behörighet: " + list.joined(separator: ", ")
      en += "; access: " + listEn.joined(separator: ", ")
    }
    if signing {
      sv += "; dokumentsignering"
      en += "; document signing"
    }
    return LocalizedText(sv: sv, en: en)
  }

  /// A skipped row's words: the person as the store knows them, and the asked-for
  /// e-services they do not hold.
  static func known(_ person: StaffMember, asked: [EService]) -> LocalizedText {
    let missing = asked.filter { s in !person.grants.contains { $0.service == s.id } }
    let names = missing.map(\.name).joined(separator: ", ")
    let who = "\(person.name) (\(person.login))"
    return missing.isEmpty
      ? LocalizedText(verbatim: who)
      : LocalizedText(
        sv: "\(who); utan behörighet till \(names): ge den i behörighetsmatrisen",
        en: "\(who); no access to \(names): grant it on the access matrix")
  }
}

/// The columns that name a person, the same for staff and users: a name in one
/// column or in two (first and last), the login as a user id, a signature or an
/// e-mail address (its part before '@').
enum PersonColumns {
  static let known: [String: [String]] = [
    "name": ["name", "namn", "fullständigt namn", "för- och efternamn", "full name"],
    "firstName": ["firstname", "förnamn", "first name", "given name"],
    "lastName": ["lastname", "efternamn", "last name", "surname", "family name"],
    "login": [
      "login", "inloggning", "användarnamn", "username", "användar-id", "användarid", "user id",
      "userid", "signatur", "signature",
    ],
    "email": ["email", "e-post", "epost", "e-postadress", "e-mail", "mail"],
  ]

  /// A file without a name or a login column is refused, naming what it may be.
  static func check(_ file: ImportFile) throws {
    if file.columns["name"] == nil
      && (file.columns["firstName"] == nil || file.columns["lastName"] == nil)
    {
      throw ImportFile.missing(
        sv: "'namn' (eller 'förnamn' och 'efternamn')",
        en: "'name' (or 'first name' and 'last name')")
    }
    if file.columns["login"] == nil && file.columns["email"] == nil {
      throw ImportFile.missing(
        sv: "'inloggning' (eller 'användar-id', 'signatur', 'e-post')",
        en: "'login' (or 'user id', 'signature', 'e-mail')")
    }
  }

  static func name(_ file: ImportFile, _ cell: (String) -> String) -> String {
    file.columns["name"] != nil
      ? cell("name")
      : [cell("firstName"), cell("lastName")].filter { !$0.isEmpty }.joined(separator: " ")
  }

  static func login(_ file: ImportFile, _ cell: (String) -> String) -> String {
    TextCleaning.line(
      file.columns["login"] != nil ? cell("login") : String(cell("email").prefix { $0 != "@" }))
  }
}

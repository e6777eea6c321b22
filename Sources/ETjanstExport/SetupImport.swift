import ETjanstDomain
import Foundation

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
  public var skipped: [Entry] = []

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
    var seen: [String: Int] = [:]
    let context = ImportContext(
      municipality: m, delimiter: file.delimiter, what: LocalizedText(verbatim: ""))
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
      let key = "\(department.rawValue)/\(name.lowercased())"
      if let first = seen[key] {
        throw BadCell("\(name) finns redan på rad \(first)", "\(name) is already on line \(first)")
      }
      seen[key] = line
      if m.services.contains(where: {
        $0.department == department && $0.name.lowercased() == name.lowercased()
      }) {
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
  static func person(_ text: String, _ m: Municipality) -> PersonRef? {
    let text = TextCleaning.line(text)
    guard !text.isEmpty else { return nil }
    if let p = m.staffMember(login: text) { return .staff(p.id) }
    if text.hasSuffix(")"), let open = text.lastIndex(of: "("),
      let p = m.staffMember(
        login: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    {
      return .staff(p.id)
    }
    if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
      let name = text[..<open].trimmingCharacters(in: .whitespaces)
      let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
      return .named(name: name, email: email)
    }
    return .named(name: text, email: "")
  }

}

/// `etjanst staff import FILE.csv`: new staff from HR's list, one person a row under
/// a header row, each with the e-services their manager asks for. Each becomes an
/// `AddStaffMember`, so their onboarding checklist (4.1) is made and the asked-for
/// e-services stand on its access step; access itself is granted from the console.
public enum StaffImport {
  static let known: [String: [String]] = [
    "name": ["name", "namn"],
    "login": ["login", "inloggning", "användarnamn", "username"],
    "department": ["department", "förvaltning"],
    "manager": ["manager", "chef", "närmaste chef"],
    "startDate": ["startdate", "startdatum", "start"],
    "endDate": ["enddate", "slutdatum"],
    "services": ["services", "e-tjänster", "e-services"],
  ]

  public static func parse(_ text: String, _ m: Municipality, today: Day) throws -> ImportPlan {
    let file = try ImportFile(
      text, known: known, secondary: ImportFile.secondary,
      required: ["name", "login", "department"])
    var plan = ImportPlan()
    var seen: [String: Int] = [:]
    try file.eachRecord { record, cell in
      let line = record.line
      let login = TextCleaning.line(cell("login"))
      if let first = seen[login], !login.isEmpty {
        throw BadCell(
          "inloggningen \(login) finns redan på rad \(first)",
          "the login \(login) is already on line \(first)")
      }
      seen[login] = line
      let named = ImportValue.list(cell("services"), fileDelimiter: file.delimiter)
      let unknown = named.filter { CaseImport.service($0, m) == nil }
      guard unknown.isEmpty else {
        let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
        throw BadCell(
          "e-tjänsten \(list) finns inte i katalogen",
          "the e-service \(list) is not in the catalogue")
      }
      let services = named.compactMap { CaseImport.service($0, m) }
      // A known login (in any case) is that person, left as they are: no second
      // record and no second onboarding checklist. What the row asked for that
      // they lack is said, to be granted from the access matrix (4.1).
      if !login.isEmpty, let known = m.staffMember(login: login) {
        plan.skipped.append(.init(line: line, text: Self.known(known, asked: services)))
        return
      }
      let department = try ImportValue.department(cell("department"), m)
      let start = try ImportValue.day(cell("startDate")) ?? today
      let end = try ImportValue.day(cell("endDate"))
      let command = AddStaffMember(
        name: cell("name"), login: login, department: department, manager: cell("manager"),
        startDate: start, endDate: end, services: services.map(\.id))
      plan.rows.append(ImportRow(line: line, command: command))
      plan.added.append(
        .init(
          line: line,
          text: LocalizedText(
            verbatim: "\(cell("name")) (\(login), \(m.departmentName(department)), \(start))"
              + (services.isEmpty ? "" : ": " + services.map(\.name).joined(separator: ", ")))))
    }
    return plan
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

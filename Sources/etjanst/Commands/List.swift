import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst list KIND`: a kind of record as a table, CSV or JSON.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List services, staff, access, cases, orders, routines, outages or the audit trail.")

  @Argument(help: "What to list.")
  var kind: ListKind

  @Option(name: .long, help: "A table for people, CSV for spreadsheets, JSON for scripts.")
  var format: ExportFormat = .table

  @Flag(
    name: .long,
    help:
      "Every column in the table, whole (the default table fits the terminal's width; in a pipe nothing is cut)."
  )
  var wide = false

  @Option(name: .long, help: "Only rows containing every word of TEXT.")
  var filter: String?

  @Option(
    name: .long, help: "Only this department (name, a unique part of it, or id).",
    completion: StoreCompletion.departments)
  var department: String?

  @Option(name: .long, help: "Orders only: those in this step (1-5) of guideline 6.")
  var step: Int?

  @Option(
    name: .long, help: "audit only: entries by or about this person (login or staff id).",
    completion: StoreCompletion.logins)
  var person: String?

  @Option(name: .long, help: "audit only: entries saved on or after DATE (YYYY-MM-DD).")
  var since: String?

  @Option(
    name: .long, help: "audit only: entries about this e-service (name, a unique part, or id).")
  var service: String?

  @Option(
    name: .customLong("kind"),
    help: ArgumentHelp(
      "audit only: entries of this kind of change, by its word in either language, or a part of it (\"granted access\", \"access\").",
      valueName: "WORD"))
  var changeKind: String?

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      try refuseOptionsThatDoNotApply()
      var (file, m, user) = try storeOptions.load()
      if kind == .export(.requests), file.hasDroppedRequests {
        // The requests managers left in the drop folder are taken in first.
        do {
          m = Visibility(user).scoped(try file.takeInRequests(login: user.login, now: Date()))
        } catch {
          throw Failure(error)
        }
      }
      let options = ListOptions(
        filter: filter.map(TextCleaning.line), department: department.map(TextCleaning.line),
        step: step, today: Day(Date()), language: language)
      // What a manager may list is decided by Visibility: `m` is already their
      // department's; asking for another department's people says so.
      let visibility = Visibility(user)
      if case .export(let k) = kind, [.staff, .access, .cases, .orders].contains(k),
        let own = visibility.department, let asked = try options.departmentID(in: m),
        !visibility.sees(department: asked)
      {
        throw Failure(
          sv: "en chef listar \(k.rawValue) för sin egen förvaltning (\(m.departmentName(own)))",
          en:
            "a manager lists \(k.rawValue) of their own department only (\(m.departmentName(own)))"
        )
      }
      if kind == .audit && !visibility.seesAuditTrail {
        throw Failure(Visibility.auditTrailClosed)
      }
      let width = TerminalWidth.standardOutput
      switch kind {
      case .audit:
        var query = try auditQuery(m)
        query.viewer = visibility
        try streamAudit(file, query, filter: options.filter, language: language, width: width)
      case .export(let exportKind):
        let table = try exportKind.table(m, options)
        Output.print(
          try format.render(table, language: language, wide: wide, width: width), terminator: "")
      }
    }
  }
}

extension List {
  /// An option given for a kind it does nothing for is refused, naming the kinds it
  /// is for, rather than ignored (`list services --step 2` would list every service).
  func refuseOptionsThatDoNotApply() throws {
    let exports = ExportKind.allCases.map(ListKind.export)
    let options: [(name: String, given: Bool, kinds: [ListKind])] = [
      ("--step", step != nil, [.export(.orders)]),
      ("--department", department != nil, exports),
      ("--person", person != nil, [.audit]),
      ("--since", since != nil, [.audit]),
      ("--service", service != nil, [.audit]),
      ("--kind", changeKind != nil, [.audit]),
    ]
    for option in options where option.given && !option.kinds.contains(kind) {
      let kinds = option.kinds.map(\.name).joined(separator: ", ")
      throw Failure(
        sv: "\(option.name) gäller inte list \(kind.name); bara list \(kinds)",
        en: "\(option.name) does not apply to list \(kind.name); only to list \(kinds)")
    }
    if wide && format != .table {
      throw Failure(
        sv: "--wide gäller bara tabellen (--format table), inte --format \(format.rawValue)",
        en: "--wide applies to the table only (--format table), not to --format \(format.rawValue)"
      )
    }
  }

  /// The trail, oldest first, written as it is read, a few hundred entries at a
  /// time: a trail of a million entries in constant memory. Stops when standard
  /// output fails (the command then fails with it).
  func streamAudit(
    _ file: StoreFile, _ query: AuditQuery, filter: String?, language: Language, width: Int?
  ) throws {
    var batch: [AuditEntry] = []
    var first = true
    var rows = false
    // A part is written when it has rows, and at the end when none had (the heading).
    func write(final: Bool) throws {
      let table = ExportTable.audit(batch, language).filtered(filter)
      batch.removeAll(keepingCapacity: true)
      guard !table.rows.isEmpty || (final && first) else { return }
      rows = rows || !table.rows.isEmpty
      Output.print(
        try format.part(table, first: first, language: language, wide: wide, width: width),
        terminator: "")
      first = false
    }
    try file.forEachAuditEntry(query) { entry in
      batch.append(entry)
      if batch.count >= 500 { try write(final: false) }
      return !Output.failed
    }
    try write(final: true)
    Output.print(format.end(rows: rows), terminator: "")
  }

  /// The trail's filters from the options; a date or e-service that cannot be read
  /// is one line naming it.
  func auditQuery(_ m: Municipality) throws -> AuditQuery {
    var query = AuditQuery()
    if let person = person.map(TextCleaning.line) {
      query.person = .find(person, in: m)
    }
    if let since = since.map(TextCleaning.line) {
      guard let day = Day(since) else {
        throw Failure(
          sv: "--since: '\(since)' är inte ett datum på formen ÅÅÅÅ-MM-DD",
          en: "--since: '\(since)' is not a date of the form YYYY-MM-DD")
      }
      query.since = day.start
    }
    if let service = service.map(TextCleaning.line) {
      let found = try ServiceMatch.find(service, in: m.services, option: "--service")
      query.entities = [found.id.rawValue]
    }
    if let changeKind {
      let word = TextCleaning.line(changeKind)
      query.kinds = ChangeKind.kinds(named: word)
      if query.kinds.isEmpty {
        let some = ["GrantAccess", "AddCase", "EditFields<EService>"].map { ChangeKind.label($0) }
        throw Failure(
          sv: "--kind: ingen typ av ändring heter '\(word)' (till exempel "
            + some.map { "'\($0.sv)'" }.joined(separator: ", ") + ")",
          en: "--kind: no kind of change is called '\(word)' (for example "
            + some.map { "'\($0.en)'" }.joined(separator: ", ") + ")")
      }
    }
    return query
  }
}

/// The kinds of `list`: the export tables plus the store's audit trail.
enum ListKind: ExpressibleByArgument, CaseIterable, Equatable {
  case export(ExportKind)
  case audit

  static var allCases: [ListKind] { ExportKind.allCases.map(ListKind.export) + [.audit] }

  init?(argument: String) {
    if argument == "audit" {
      self = .audit
    } else if let kind = ExportKind(rawValue: argument) {
      self = .export(kind)
    } else {
      return nil
    }
  }

  /// The name as typed on the command line.
  var name: String {
    switch self {
    case .export(let kind): return kind.rawValue
    case .audit: return "audit"
    }
  }

  var defaultValueDescription: String { "services" }

  static var allValueStrings: [String] { ExportKind.allCases.map(\.rawValue) + ["audit"] }
}

extension ExportFormat: ExpressibleByArgument {}

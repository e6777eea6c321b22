import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst services import FILE.csv`: the catalogue for the first day.
struct Services: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The e-service catalogue from a platform export or a spreadsheet.",
    subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import e-services from CSV with a header row; a bad row stops the whole file.",
      discussion: "Columns by header name (the key `list services --format csv` writes, or its "
        + "label in Swedish or English), in any order: "
        + ServiceImport.columnKeys.joined(separator: ", ")
        + ". Name and department are needed; status defaults to Publicerad; an owner is a "
        + "login, or Name <email>. An e-service already in the catalogue is left as it is. "
        + "Resources/import/e-tjanster.csv is a sample.")

    @OptionGroup var options: SetupImportOptions

    func run() throws {
      try reporting(options.language.language) {
        try SetupImport(
          options,
          noun: (
            LocalizedText(sv: "e-tjänst", en: "e-service"),
            LocalizedText(sv: "e-tjänster", en: "e-services")
          )
        ).run { text, m in try ServiceImport.parse(text, m) }
      }
    }
  }
}

/// `etjanst staff import FILE.csv`: new staff from HR's list.
struct Staff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Staff from HR's list, with the access and signing they already have.",
    subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Import new staff from CSV with a header row; a bad row stops the whole file.",
      discussion: """
        Columns by header name, in any order, Swedish or English, as HR exports them \
        (README, Your first day): name (or first and last name in two columns), login (or user \
        id, signature, e-mail) and department are needed; manager, startDate (default \
        today), endDate, services (e-services one a line, or \
        separated by | or, in a comma-separated file, by ;), and the access people already \
        have: access (behorigheter: e-services separated by , or |, each with its own first \
        day in brackets after it where it differs: "Bygglov (2025-08-29), Skolskjuts"), \
        accessFrom (default the start date) and signing (ja/nej, yes/no), granted by the \
        access matrix's rule; and the person's own email (e-post, mail) and language \
        (sprak: sv or en). A new employee (start date today or later, or e-services asked \
        for) gets the onboarding checklist of guideline 4.1 with the e-services on its \
        access step, due on the start date or today if that has passed; a start date \
        already passed with no e-services asked is someone already employed, added as \
        active with no checklist. A login already known (in any case) is that person, with \
        no new checklist: the access and signing their row gives that they lack are \
        granted, the e-services asked for that they lack are named, and an email or \
        language the row gives is set (an empty cell keeps what the store has). \
        Resources/import/personal.csv is a \
        sample.
        """)

    @OptionGroup var options: SetupImportOptions

    func run() throws {
      try reporting(options.language.language) {
        let today = Day(Date())
        try SetupImport(
          options,
          noun: (
            LocalizedText(sv: "medarbetare", en: "staff member"),
            LocalizedText(sv: "medarbetare", en: "staff members")
          )
        ).run { text, m in try StaffImport.parse(text, m, today: today) }
      }
    }
  }
}

/// `etjanst departments import FILE.csv`: the departments, with their fallback routines.
struct Departments: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The municipality's departments, with their fallback routines.",
    subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import departments from CSV with a header row; a bad row stops the whole file.",
      discussion: """
        Columns by header name, in any order, Swedish or English: name (namn, forvaltning) \
        is needed; a fallback routine (guideline 4.3) may come with it: steps (reservrutin), \
        location (var rutinen finns), responsible (ansvarig), lastReviewed, lastTested. A new \
        routine needs its steps, location and responsible person; for a department already \
        there an empty cell keeps what the store has. Resources/import/forvaltningar.csv is \
        a sample.
        """)

    @OptionGroup var options: SetupImportOptions

    func run() throws {
      try reporting(options.language.language) {
        try SetupImport(
          options,
          noun: (
            LocalizedText(sv: "förvaltning", en: "department"),
            LocalizedText(sv: "förvaltningar", en: "departments")
          )
        ).run { text, m in try DepartmentImport.parse(text, m) }
      }
    }
  }
}

/// `etjanst users import FILE.csv`: the logins that may open etjanst.
struct Users: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Who may open etjanst: e-coordinators and managers, by login.",
    subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import users from CSV with a header row; a bad row stops the whole file.",
      discussion: """
        Columns by header name, in any order, Swedish or English: login (or user id, \
        signature, e-mail), name (or first and last name), role (e-samordnare/e-coordinator, \
        who edits, or chef/manager, who reads their department), for a manager, \
        department, and the user's own email (e-post, mail) and language (sprak: sv or en). \
        A login already there is left as it is, or changed where the row gives another \
        name, role, email or language (an empty cell keeps what the store has). Resources/import/anvandare.csv is a sample.
        """)

    @OptionGroup var options: SetupImportOptions

    func run() throws {
      try reporting(options.language.language) {
        try SetupImport(
          options,
          noun: (
            LocalizedText(sv: "användare", en: "user"),
            LocalizedText(sv: "användare", en: "users")
          )
        ).run { text, m in try UserImport.parse(text, m) }
      }
    }
  }
}

/// What both first-day imports take.
struct SetupImportOptions: ParsableArguments {
  @Argument(help: "The CSV file (- for standard input).", completion: .file())
  var file: String

  @Flag(name: .customLong("dry-run"), help: "Say what would change, and change nothing.")
  var dryRun = false

  @OptionGroup var language: LanguageOption

  @OptionGroup var store: StoreOptions

  @OptionGroup var lockWait: LockWaitOption
}

/// The one way both first-day imports run: the file parsed against the loaded store
/// outside the lock, then one `ImportRows` applied under it to the newest state (the
/// rules run again there), or, with --dry-run, to a copy that is thrown away.
struct SetupImport {
  let options: SetupImportOptions
  let noun: (one: LocalizedText, many: LocalizedText)

  init(_ options: SetupImportOptions, noun: (one: LocalizedText, many: LocalizedText)) {
    self.options = options
    self.noun = noun
  }

  var file: String { options.file }
  var dryRun: Bool { options.dryRun }
  var language: Language { options.language.language }

  func run(parse: (String, Municipality) throws -> ImportPlan) throws {
    let (store, m, user) = try options.store.load()
    options.lockWait.apply(to: store, language)
    let input = try CommandInput.importText(file)
    let progress = ProgressLine.start(language)
    defer { progress?.stop() }
    let plan: ImportPlan
    do {
      plan = try withImportProgress(progress) { try parse(input.text, m) }
    } catch let error as CaseImportError {
      throw Failure(file: file, error)
    }
    let command = plan.command(source: file, noun: noun)
    let now = Date()
    progress?.follow(store, rows: plan.rows.count, dryRun: dryRun)
    if dryRun {
      if !plan.rows.isEmpty { try store.tryOut(command, actor: Actor(user), now: now) }
    } else if !plan.rows.isEmpty {
      try store.perform(command, actor: Actor(user), now: now)
    }
    progress?.stop()
    say(plan, note: input.note)
  }

  private func say(_ plan: ImportPlan, note: LocalizedText?) {
    let sv = language == .swedish
    let word = sv ? "rad" : "line"
    func count(_ n: Int) -> String { "\(n) \((n == 1 ? noun.one : noun.many)(language))" }
    var lines = ImportReport.preamble(
      note: note, columns: plan.columns, ignored: plan.ignored, dryRun: dryRun, language)
    if !plan.added.isEmpty {
      lines.append(
        dryRun
          ? (sv
            ? "Skulle lägga till \(count(plan.added.count)):"
            : "Would add \(count(plan.added.count)):")
          : (sv ? "Lade till \(count(plan.added.count)):" : "Added \(count(plan.added.count)):"))
      lines += plan.added.map { "  \(word) \($0.line): \($0.text(language))" }
    }
    if !plan.changed.isEmpty {
      let n = plan.changed.count
      lines.append(
        dryRun
          ? (sv ? "Skulle ändra \(n) som finns:" : "Would change \(n) already there:")
          : (sv ? "Ändrade \(n) som fanns:" : "Changed \(n) already there:"))
      lines += plan.changed.map { "  \(word) \($0.line): \($0.text(language))" }
    }
    if !plan.skipped.isEmpty {
      lines.append(
        sv
          ? "Finns redan och lämnas som de är: \(plan.skipped.count)"
          : "Already there, left as they are: \(plan.skipped.count)")
      lines += plan.skipped.map { "  \(word) \($0.line): \($0.text(language))" }
    }
    lines += ImportReport.closing(changedNothing: plan.rows.isEmpty, dryRun: dryRun, language)
    for line in lines { Output.print(TextCleaning.printable(line)) }
  }
}

/// The lines every import says before and after its counts: the file's encoding
/// when it was not UTF-8, which header went to which field (with --dry-run), the
/// columns nothing reads, and whether anything changed.
enum ImportReport {
  static func preamble(
    note: LocalizedText?, columns: [ImportColumn], ignored: [String], dryRun: Bool,
    _ language: Language
  ) -> [String] {
    let sv = language == .swedish
    var lines: [String] = []
    if let note { lines.append(note(language)) }
    if dryRun, !columns.isEmpty {
      lines.append(sv ? "Kolumner:" : "Columns:")
      lines += columns.map { "  \($0.header) → \($0.field)" }
    }
    if !ignored.isEmpty {
      let list = ignored.joined(separator: ", ")
      lines.append(sv ? "Ignorerade kolumner: \(list)" : "Ignored columns: \(list)")
    }
    return lines
  }

  static func closing(changedNothing: Bool, dryRun: Bool, _ language: Language) -> [String] {
    let sv = language == .swedish
    var lines: [String] = []
    if changedNothing {
      lines.append(
        sv ? "Inget nytt att lägga till." : "Nothing new to add.")
    }
    if dryRun {
      lines.append(sv ? "Inget ändrades (--dry-run)." : "Nothing was changed (--dry-run).")
    }
    return lines
  }
}

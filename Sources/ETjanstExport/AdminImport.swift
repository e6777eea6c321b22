import ETjanstDomain
import Foundation

/// `etjanst departments import FILE.csv`: the municipality's departments, one a
/// row, with their fallback routine (4.3) where the file has one: what it says, who
/// is responsible for it, where it is kept. A department already there (by name, in
/// any case) is left as it is, or has its routine saved where the row's differs;
/// each row through the console's commands (`AddDepartment`, `SaveFallbackRoutine`).
public enum DepartmentImport {
  static let known: [String: [String]] = [
    "name": [
      "name", "namn", "förvaltning", "department", "förvaltningens namn", "verksamhet",
      "organisation", "organization",
    ],
    "steps": [
      "steps", "routinesteps", "reservrutin", "rutin", "vad personalen gör", "fallback routine",
      "what staff do",
    ],
    "location": [
      "location", "routinelocation", "var rutinen finns", "plats", "where it is kept",
    ],
    "responsible": [
      "responsible", "routineresponsible", "ansvarig", "rutinansvarig", "reservrutinansvarig",
      "ansvarig för reservrutinen", "routine responsible",
    ],
    "lastReviewed": ["lastreviewed", "senast granskad", "last reviewed"],
    "lastTested": ["lasttested", "senast testad", "last tested"],
  ]

  static let routineKeys = ["steps", "location", "responsible", "lastReviewed", "lastTested"]

  public static func parse(_ text: String, _ m: Municipality) throws -> ImportPlan {
    let file = try ImportFile(text, known: known, required: ["name"])
    var plan = ImportPlan()
    plan.columns = file.read
    plan.ignored = file.ignored
    var existing: [String: Department] = [:]
    for d in m.departments { existing[ImportBatch.fold(d.name)] = d }
    var seen: [String: Int] = [:]
    try file.eachRecord { record, cell in
      let line = record.line
      let name = TextCleaning.line(cell("name"))
      if name.isEmpty { throw BadCell("namnet saknas", "the name is missing") }
      let key = ImportBatch.fold(name)
      if let first = seen[key] {
        throw BadCell("\(name) finns redan på rad \(first)", "\(name) is already on line \(first)")
      }
      seen[key] = line
      let old = existing[key]
      var routine: FallbackRoutine?
      if routineKeys.contains(where: { !cell($0).isEmpty }) {
        // Empty cells keep what the store has: a file of names and responsible
        // people leaves the routines' texts as written.
        var r =
          old?.fallbackRoutine
          ?? FallbackRoutine(
            steps: "", location: "", responsible: "",
            reviewIntervalMonths: m.settings.routineReviewIntervalMonths)
        if !cell("steps").isEmpty { r.steps = cell("steps") }
        if !cell("location").isEmpty { r.location = cell("location") }
        if !cell("responsible").isEmpty { r.responsible = cell("responsible") }
        if let day = try ImportValue.day(cell("lastReviewed")) { r.lastReviewed = day }
        if let day = try ImportValue.day(cell("lastTested")) { r.lastTested = day }
        routine = r
      }
      if let old {
        let save = routine.map { SaveFallbackRoutine(department: old.id, routine: $0) }
        guard let save, save.routine != old.fallbackRoutine else {
          plan.skipped.append(.init(line: line, text: LocalizedText(verbatim: old.name)))
          return
        }
        plan.rows.append(ImportRow(line: line, command: save))
        plan.changed.append(.init(line: line, text: Self.words(old.name, save.routine)))
        return
      }
      let id = EntityID<Department>.make()
      let add = AddDepartment(name: name, id: id)
      if let routine {
        let save = SaveFallbackRoutine(department: id, routine: routine)
        plan.rows.append(ImportRow(line: line, command: CommandSequence([add, save])))
        plan.added.append(.init(line: line, text: Self.words(name, save.routine)))
      } else {
        plan.rows.append(ImportRow(line: line, command: add))
        plan.added.append(.init(line: line, text: LocalizedText(verbatim: name)))
      }
    }
    return plan
  }

  static func words(_ name: String, _ routine: FallbackRoutine) -> LocalizedText {
    LocalizedText(
      sv: "\(name); reservrutin, ansvarig \(routine.responsible)",
      en: "\(name); fallback routine, responsible \(routine.responsible)")
  }
}

/// `etjanst users import FILE.csv`: who may open etjanst, one login a row: the
/// e-coordinators, who edit, and the managers, who read their department's part.
/// A login already there is left as it is, or changed where the row gives another
/// name or role; each row through the console's commands (`AddUser`, `EditUser`).
public enum UserImport {
  /// The user's declared details (e-mail, language), read under their columns.
  static let details = FieldColumns.imports(User.details)

  static let known: [String: [String]] = FieldColumns.known(
    PersonColumns.known.merging([
      "role": ["role", "roll", "användartyp", "behörighet i etjanst"],
      "department": ["department", "förvaltning", "organisation", "organization"],
    ]) { a, _ in a }, details)

  enum Kind: CaseIterable {
    case coordinator, manager

    var key: String { self == .coordinator ? "eCoordinator" : "manager" }
    var label: LocalizedText {
      self == .coordinator
        ? LocalizedText(sv: "e-samordnare", en: "e-coordinator")
        : LocalizedText(sv: "chef", en: "manager")
    }
    /// Other words for the role an export may use.
    var other: [String] {
      self == .coordinator
        ? ["samordnare", "coordinator", "e-coordinator", "ecoordinator", "e-samordnare"]
        : ["förvaltningschef", "verksamhetschef", "läsare", "reader"]
    }
  }

  public static func parse(_ text: String, _ m: Municipality) throws -> ImportPlan {
    let file = try ImportFile(
      text, known: known, secondary: ImportFile.secondary, required: ["role"])
    try PersonColumns.check(file)
    var plan = ImportPlan()
    plan.columns = file.read
    plan.ignored = file.ignored
    let lookup = CaseImport.Lookup(m)
    var seen: [String: Int] = [:]
    try file.eachRecord { record, cell in
      let line = record.line
      let name = TextCleaning.line(PersonColumns.name(file, cell))
      let typed = PersonColumns.login(file, cell)
      let login = Login.normalized(typed) ?? typed
      if let first = seen[login], !login.isEmpty {
        throw BadCell(
          "inloggningen \(login) finns redan på rad \(first)",
          "the login \(login) is already on line \(first)")
      }
      seen[login] = line
      let roleText = cell("role")
      let kind =
        try Kind.allCases.first { $0.other.contains(roleText.lowercased()) }
        ?? ImportValue.choice(
          roleText, Kind.allCases, key: \.key, label: \.label,
          what: LocalizedText(sv: "roll", en: "role"))
      guard let kind else {
        throw BadCell(
          "rollen saknas (e-samordnare eller chef)",
          "the role is missing (e-coordinator or manager)")
      }
      let role: Role
      switch kind {
      case .coordinator: role = .eCoordinator
      case .manager:
        guard !cell("department").isEmpty else {
          throw BadCell(
            "en chef behöver sin förvaltning", "a manager needs their department")
        }
        role = .manager(department: try lookup.department(cell("department")))
      }
      let roleWords = Self.words(role, m)
      let old = m.user(login: login)
      let context = ImportContext(
        lookup: lookup, delimiter: file.delimiter, what: LocalizedText(verbatim: ""))
      // Empty cells keep what the store has.
      let details = try FieldColumns.read(
        Self.details, into: old ?? User(login: login, name: name, role: role), cell, context)
      let entry = ImportPlan.Entry(
        line: line,
        text: LocalizedText(
          sv: "\(login): \(name), \(roleWords.sv)", en: "\(login): \(name), \(roleWords.en)"))
      if let old {
        guard old.name != name || old.role != role || details != old else {
          plan.skipped.append(.init(line: line, text: LocalizedText(verbatim: "\(old.login)")))
          return
        }
        plan.rows.append(
          ImportRow(
            line: line,
            command: EditUser(login: login, name: name, role: role, details: details)))
        plan.changed.append(entry)
        return
      }
      plan.rows.append(
        ImportRow(
          line: line, command: AddUser(login: login, name: name, role: role, details: details)))
      plan.added.append(entry)
    }
    return plan
  }

  static func words(_ role: Role, _ m: Municipality) -> LocalizedText {
    guard let department = role.department else { return Kind.coordinator.label }
    let name = m.departmentName(department)
    return LocalizedText(sv: "chef för \(name)", en: "manager of \(name)")
  }
}

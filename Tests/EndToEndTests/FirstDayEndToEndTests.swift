import Foundation
import TestSupport
import Testing

/// A municipality's first day through the real binary, with only the commands of
/// README's "Your first day" and the files in Resources/import/first-day: from no
/// store to the demo municipality's register (the same departments, users, staff,
/// access, signing, catalogue and cases as `etjanst demo` writes), then `check`;
/// every import a second time changes nothing.
@Suite struct FirstDayEndToEndTests {
  static let files = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Resources/import/first-day")
  static let swedish = ["LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  /// The README's order: each import with the file it takes.
  static let imports: [(command: String, file: String)] = [
    ("departments", "forvaltningar.csv"), ("users", "anvandare.csv"), ("staff", "personal.csv"),
    ("services", "e-tjanster.csv"), ("staff", "behorigheter.csv"), ("cases", "arenden.csv"),
  ]

  /// What both stores are compared on, as Python's plistlib reads them: names, not ids
  /// (the imports make ids of their own), and the people still on the staff list.
  static let facts = """
    (lambda m: (lambda dep, svc, who: [
      sorted(x['name'] for x in m['departments']),
      sorted((x['name'], (x.get('fallbackRoutine') or {}).get('responsible')) for x in m['departments']),
      sorted((u['login'], u['name'], u['role']['kind'], dep.get(u['role'].get('department'))) for u in m['users'] if u['login'] != LOGIN),
      sorted((p['login'], p['name'], dep[p['department']], p.get('canSign', False)) for p in m['staff'] if p['status'] != 'removed'),
      sorted((p['login'], svc[g['service']]) for p in m['staff'] if p['status'] != 'removed' for g in p.get('grants', [])),
      sorted((s['name'], dep[s['department']]) for s in m['services']),
      sorted((c['number'], svc[c['service']], who[c['officer']], c['status']) for c in m['cases'] if c['officer'] in who),
    ])({x['id']: x['name'] for x in m['departments']}, {s['id']: s['name'] for s in m['services']},
       {p['id']: p['login'] for p in m['staff'] if p['status'] != 'removed'}))(d['municipality'])
    """

  @Test(
    "init, the imports in README's order and check make the demo's register; a second run changes nothing"
  )
  func firstDay() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("etjanst.plist").path
    // A phone for a card that names only the standing role: the person is asked for,
    // and no store is made.
    let roleOnly = try Binary.etjanst(
      [
        "init", "--name", "Övertorneå kommun", "--contact-phone", "0920-45 38 12", "--store", store,
      ],
      environment: Self.swedish)
    #expect(roleOnly.status == 2, "\(roleOnly.stderr)")
    #expect(roleOnly.stderr.contains("--contact-name"), "\(roleOnly.stderr)")
    #expect(!FileManager.default.fileExists(atPath: store))
    let made = try Binary.etjanst(
      [
        "init", "--name", "Övertorneå kommun", "--contact-name", "Mikael Rova", "--contact-phone",
        "0920-45 38 12", "--contact-email", "mikael.rova@enamnd.se", "--store", store,
      ], environment: Self.swedish)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("Skapade registret för Övertorneå kommun"), "\(made.stdout)")
    #expect(try Binary.plistlib(store, "d['municipality']['name']") == "Övertorneå kommun")
    let trail = try String(contentsOfFile: store + ".audit", encoding: .utf8)
    #expect(trail.contains("e-nämndens kontakt Mikael Rova"), "\(trail)")

    for (command, file) in Self.imports {
      let path = Self.files.appendingPathComponent(file).path
      let dry = try Binary.etjanst(
        [command, "import", path, "--dry-run", "--store", store], environment: Self.swedish)
      #expect(dry.status == 0, "\(command) \(file): \(dry.stderr)")
      #expect(dry.stdout.contains("Kolumner:"), "\(command) \(file): \(dry.stdout)")
      let run = try Binary.etjanst(
        [command, "import", path, "--store", store], environment: Self.swedish)
      #expect(run.status == 0, "\(command) \(file): \(run.stderr)")
    }
    let check = try Binary.etjanst(["check", "--store", store], environment: Self.swedish)
    #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
    // The staff list's people who started before today are already employed (4.1 is
    // for newcomers): no onboarding checklist overdue since their start, some in 2008.
    #expect(!check.stdout.contains("introduktionens checklista"), "\(check.stdout)")

    // The same register as the demo's.
    let demo = try Binary.demoStore(in: folder, name: "demo.plist")
    let login = try Binary.plistlib(store, "d['municipality']['users'][0]['login']")
    let facts = Self.facts.replacingOccurrences(of: "LOGIN", with: "'\(login)'")
    let mine = try Binary.plistlib(store, facts)
    let theirs = try Binary.plistlib(demo, facts)
    let a = mine.components(separatedBy: "], [")
    let b = theirs.components(separatedBy: "], [")
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) { #expect(x == y) }

    // Every import again: nothing new, the store's bytes as they were.
    let saved = try Data(contentsOf: URL(fileURLWithPath: store))
    for (command, file) in Self.imports {
      let path = Self.files.appendingPathComponent(file).path
      let again = try Binary.etjanst(
        [command, "import", path, "--store", store], environment: Self.swedish)
      #expect(again.status == 0, "\(command) \(file): \(again.stderr)")
      #expect(
        again.stdout.contains("Inget nytt att lägga till."), "\(command) \(file): \(again.stdout)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == saved)
  }
}

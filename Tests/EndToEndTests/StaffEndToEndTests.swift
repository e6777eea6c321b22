import Foundation
import TestSupport
import Testing

/// Personal (guideline 4.1–4.2) through the built binary: a leaver's cases imported
/// from CSV, closed and transferred in the console before the removal is allowed; a
/// manager who can read but not change; a login the store does not know.
@Suite struct StaffEndToEndTests {
  @Test(
    "4.2: a leaver with two open cases: removal refused, one closed, one transferred, then removed; all saved"
  )
  func offboardingWithTwoOpenCases() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let mirja = person("mirja.kallio")
    #expect(try py(store, "len(\(openCases("staff-mirja-kallio")))") == "1")

    // A file with one bad row is refused, naming the line, and nothing is imported.
    let header = "Ärendenummer,E-tjänst,Handläggare,Status\n"
    let good = "BUN 2026/0095,svc-modersmal,mirja.kallio,Pågående\n"
    let bad = try write(
      header + good + "BUN 2026/0096,svc-modersmal,nobody.here,Pågående\n", "bad.csv", in: folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let refused = try Binary.etjanst(["cases", "import", bad, "--store", store, "--lang", "sv"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("rad 3"), "\(refused.stderr)")
    #expect(refused.stderr.contains("nobody.here"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("rad 2"), "\(refused.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)

    // The good row alone gives her exactly two open cases.
    let imported = try Binary.etjanst(
      [
        "cases", "import", try write(header + good, "good.csv", in: folder), "--store", store,
        "--lang", "sv",
      ])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("Importerade 1"), "\(imported.stdout)")
    #expect(try py(store, "len(\(openCases("staff-mirja-kallio")))") == "2")

    let started = Date()
    let tmux = try Tmux.console(store)
    try tmux.send(keys: "3")
    try tmux.waitFor(text: "Mirja Kallio")
    try tmux.send(keys: "/")
    try tmux.send(text: "Mirja")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "1 av 23 · Filter: Mirja")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Ärenden (2 öppna)")

    // Refused while the cases are open; the message lists both.
    try tmux.send(keys: "x")
    var screen = try tmux.waitFor(text: "kan inte tas bort")
    #expect(screen.joined().contains("BUN 2026/0078"), "\(screen.joined(separator: "\n"))")
    #expect(screen.joined().contains("2026/0095"), "\(screen.joined(separator: "\n"))")
    try tmux.send(keys: "Enter")
    try tmux.waitFor { !$0.joined().contains("kan inte tas bort") }

    try select("BUN 2026/0078", in: tmux)
    try tmux.send(keys: "c")
    try tmux.waitFor(text: "Ärenden (1 öppet)")

    // The colleague offered first is one who holds access to the e-service.
    try select("BUN 2026/0095", in: tmux)
    try tmux.send(keys: "t")
    screen = try tmux.waitFor(text: "För över ärende BUN 2026/0095")
    #expect(screen.contains { $0.contains("Kollega") && $0.contains("Karin Pekkala") })
    #expect(!screen.joined().contains("saknar behörighet"))
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Ärenden (0 öppna)")
    try tmux.waitFor(text: "→ Karin Pekkala")

    // Now allowed, after a confirmation whose Cancel is focused.
    try tmux.send(keys: "x")
    try tmux.waitFor(text: "Ta bort Mirja Kallio från e-tjänsteplattformen?")
    try tmux.send(keys: "Right", "Enter")
    try tmux.waitFor(text: "Status: Borttagen")
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "Namn↑")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
    let finished = Date()

    #expect(try py(store, "\(workCase("BUN 2026/0078"))['status']") == "closedArchived")
    #expect(try py(store, "\(workCase("BUN 2026/0078"))['officer']") == "staff-mirja-kallio")
    #expect(try py(store, "\(workCase("BUN 2026/0095"))['status']") == "ongoing")
    #expect(try py(store, "\(workCase("BUN 2026/0095"))['officer']") == "staff-karin-pekkala")
    #expect(
      try py(store, "\(workCase("BUN 2026/0095"))['transferredFrom']") == "staff-mirja-kallio")
    #expect(try py(store, "\(mirja)['status']") == "removed")
    #expect(try py(store, "\(mirja)['grants']") == "[]")
    #expect(try py(store, "\(mirja)['canSign']") == "False")

    // The ticks made today carry the user's login and a time within the session.
    let login = try currentLogin()
    for step in ["casesClosedOrTransferred", "signingRevoked", "removedFromPlatform"] {
      let item = "next(i for i in \(mirja)['offboarding']['items'] if i['step']=='\(step)')"
      #expect(try py(store, "\(item)['doneBy']") == login, "\(step)")
      let at = try #require(
        Double(try py(store, "\(item)['doneAt'].replace(tzinfo=\(utc)).timestamp()")))
      #expect(
        at >= started.timeIntervalSince1970.rounded(.down) && at <= finished.timeIntervalSince1970,
        "\(step)")
    }
  }

  @Test(
    "a manager reads their department's access but can change nothing; the file stays byte-identical"
  )
  func managerReadsOnly() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try currentLogin()
    let changed = try edit(
      store,
      """
      n=0
      for u in d['municipality']['users']:
        if u['login']==\(python(login)):
          u['role']={'kind':'manager','department':'dep-vo'}; u['name']='Test Chef'; n+=1
      # Kent Törnberg leaves within the lead time, so his offboarding is on his page.
      import datetime
      for s in d['municipality']['staff']:
        if s['login'].startswith('kent'):
          s['endDate']=(datetime.date.today()+datetime.timedelta(days=20)).isoformat()
      print(n)
      """)
    #expect(changed == "1")
    let coordinator = try py(store, "d['municipality']['contacts']['eCoordinator']['name']")
    let readOnly = "Du har läsbehörighet. Ändringar görs av e-samordnaren (\(coordinator))."
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let auditBefore = try? Data(contentsOf: URL(fileURLWithPath: store + ".audit"))

    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --store '\(store)' --lang sv", width: 100, height: 30)
    var screen = try tmux.waitFor(text: "Behörigheter · Vård och omsorg")
    #expect(screen[0].contains("[LÄSLÄGE]") && screen[0].contains("Test Chef"), "\(screen[0])")
    #expect(screen.joined().contains("Kent Törnberg"))
    #expect(!screen.joined().contains("Mirja Kallio"), "another department's staff are shown")

    try tmux.send(keys: "q")
    screen = try tmux.waitFor(text: "Inloggning")
    #expect(!screen.last!.contains("n Ny"), "the bar offers an editing key: \(screen.last!)")
    // Each editing key explains itself and opens nothing; a key that does work
    // (s sorts, ↓ moves) shows it has been handled.
    for key in ["n", "e", "d"] {
      let header = try #require(screen.first { $0.contains("Namn") && $0.contains("Status") })
      try tmux.send(keys: key, "s")
      try tmux.waitFor("sorting did not follow '\(key)'") { !$0.contains(header) }
      // The status line is the frame's last row: waited for, not read mid-frame.
      screen = try (try? tmux.waitFor(text: readOnly)) ?? tmux.capture()
      #expect(screen.joined().contains(readOnly), "\(key)")
      #expect(
        !screen.joined().contains("┌─"),
        "'\(key)' opened a dialog:\n\(screen.joined(separator: "\n"))")
    }
    try tmux.send(keys: "/")
    try tmux.send(text: "Kent")
    try tmux.send(keys: "Enter", "Enter")
    try tmux.waitFor(text: "Ärenden (2 öppna)")
    try select("VO 2026/0233", in: tmux)
    for key in ["c", "t", "x"] {
      let line = try selected(in: tmux)
      try tmux.send(keys: key, "Up")
      _ = try selected(in: tmux, excluding: line)
      // The status line is the frame's last row: waited for, not read mid-frame.
      screen = try (try? tmux.waitFor(text: readOnly)) ?? tmux.capture()
      #expect(screen.joined().contains(readOnly), "\(key)")
      #expect(
        !screen.joined().contains("┌─"),
        "'\(key)' opened a dialog:\n\(screen.joined(separator: "\n"))")
    }
    #expect(screen.joined().contains("Ärenden (2 öppna)"))
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "Inloggning")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    #expect((try? Data(contentsOf: URL(fileURLWithPath: store + ".audit"))) == auditBefore)

    let csv = try Binary.etjanst(
      ["list", "access", "--department", "Vård och omsorg", "--format", "csv", "--store", store])
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = csv.stdout.split(separator: "\n")
    #expect(
      rows.first?.hasPrefix("staff,staffId,login,department,departmentId,") == true,
      "\(csv.stdout)")
    #expect(rows.count > 2)
    #expect(rows.dropFirst().allSatisfy { $0.contains(",Vård och omsorg,") }, "\(csv.stdout)")
    #expect(
      rows.contains {
        $0.hasPrefix("Ulla Isaksson,") && $0.contains(",ulla.isaksson,Vård och omsorg,")
          && $0.contains(",active,Ansökan om hemtjänst,")
      })
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
  }

  @Test(
    "a login the store does not know: one line naming the e-coordinator, exit 2, before the terminal is taken"
  )
  func unknownLoginRefused() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try currentLogin()
    let removed = try edit(
      store,
      """
      users=d['municipality']['users']
      d['municipality']['users']=[u for u in users if u['login']!=\(python(login))]
      print(len(users)-len(d['municipality']['users']))
      """)
    #expect(removed == "1")
    let coordinator = try py(store, "d['municipality']['contacts']['eCoordinator']['name']")
    let before = try Data(contentsOf: URL(fileURLWithPath: store))

    // Without a terminal: had it got as far as curses it would fail otherwise.
    let output = try Binary.etjanst(["--store", store])
    #expect(output.status == 2)
    #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
    #expect(output.stderr.hasPrefix("etjanst: "), "\(output.stderr)")
    #expect(
      output.stderr.contains("'\(login)'") && output.stderr.contains(coordinator),
      "\(output.stderr)")

    // In a terminal: the line is on the plain screen, the console never drawn.
    let tmux = try Tmux(command: "'\(Binary.etjanst)' --store '\(store)'", width: 100, height: 30)
    #expect(try tmux.waitForExit() == 2)
    let screen = try tmux.capture(history: true).joined(separator: "\n")
    #expect(screen.hasPrefix("etjanst: "), "\(screen)")
    #expect(screen.contains(coordinator), "\(screen)")
    #expect(!screen.contains("Översikt"), "\(screen)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
  }
}

// MARK: - Helpers

/// The person view's selected line (›), once a screen shows one: a screen captured
/// while curses is still writing a frame may hold the old line cleared and not yet
/// the new one marked, and a Down pressed then moved the selection past the line looked for.
private func selected(in tmux: Tmux, excluding previous: String? = nil) throws -> String {
  func selected(_ screen: [String]) -> String? { screen.first { $0.hasPrefix("›") } }
  let screen = try tmux.waitFor("no selected line (other than \(previous ?? "none"))") {
    selected($0) != nil && selected($0) != previous
  }
  return selected(screen)!
}

/// Moves the person view's selection (›) down to the line containing `text`.
private func select(_ text: String, in tmux: Tmux) throws {
  for _ in 0..<20 {
    let line = try selected(in: tmux)
    if line.contains(text) { return }
    try tmux.send(keys: "Down")
    _ = try selected(in: tmux, excluding: line)
  }
  throw HelperFailed("could not select '\(text)':\n" + (try tmux.capture()).joined(separator: "\n"))
}

private func py(_ store: String, _ expression: String) throws -> String {
  try Binary.plistlib(store, expression)
}

/// Python expressions over the loaded store `d`.
private func person(_ login: String) -> String {
  "next(s for s in d['municipality']['staff'] if s['login']==\(python(login)))"
}
private func user(_ login: String) -> String {
  "next(u for u in d['municipality']['users'] if u['login']==\(python(login)))"
}
private func workCase(_ number: String) -> String {
  "next(c for c in d['municipality']['cases'] if c['number']==\(python(number)))"
}
private func openCases(_ officer: String) -> String {
  "[c for c in d['municipality']['cases'] if c['officer']=='\(officer)' and c['status']=='ongoing']"
}
private let utc = "__import__('datetime').timezone.utc"

/// A Python string literal.
private func python(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    + "'"
}

/// Runs `statements` over the store as `d` and writes it back as an XML plist; what they printed.
private func edit(_ store: String, _ statements: String) throws -> String {
  let script = """
    import plistlib,sys
    p=sys.argv[1]
    d=plistlib.load(open(p,'rb'))
    \(statements)
    plistlib.dump(d,open(p,'wb'),fmt=plistlib.FMT_XML)
    """
  let output = try Binary.run("/usr/bin/env", ["python3", "-c", script, store])
  guard output.status == 0 else { throw HelperFailed("python3 failed: \(output.stderr)") }
  return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

private func currentLogin() throws -> String {
  let output = try Binary.run("/usr/bin/env", ["id", "-un"])
  return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
  let url = folder.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

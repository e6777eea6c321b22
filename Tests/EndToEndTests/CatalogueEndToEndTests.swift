import Foundation
import TestSupport
import Testing

/// E-tjänster, the catalogue, through the built binary in tmux: a new e-service made in
/// the form, found with the live filter, reported on, and read back from the file;
/// and the "done when" scenario — a department's published external e-services,
/// with their owners and flags.
@Suite struct CatalogueEndToEndTests {
  let name = "Anmälan om hundhållning"
  let department = "Samhällsbyggnadsförvaltningen"

  @Test(
    "4: a new e-service, found with /, reported on: the error is open, its status kept, in the file"
  )
  func createFindReportAndSave() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let tmux = try Tmux.console(store)
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Ansökan om bygglov")

    // The form: name, department (a choice), category; Enter saves.
    try tmux.send(keys: "n")
    try tmux.waitFor(text: "Ny e-tjänst")
    try tmux.send(text: name)
    try tmux.send(keys: "Tab")
    try tmux.choose(department, in: "Förvaltning *")
    try tmux.send(keys: "Tab", "Tab")
    try tmux.send(text: "Miljö och hälsa")
    try tmux.waitFor(text: "Miljö och hälsa")
    try tmux.send(keys: "Enter")
    try tmux.waitFor("the form did not close") { screen in
      !screen.contains { $0.contains("Ny e-tjänst") } && screen.contains { $0.contains(name) }
    }

    // The live filter narrows the list as one types; Enter keeps it, Enter opens.
    try tmux.send(keys: "/")
    try tmux.send(text: "hundhåll")
    try tmux.waitFor("the filter did not narrow the list to the new service") { screen in
      screen.filter { $0.contains("Samhällsbyggn") }.count == 1
        && screen.contains { $0.contains(name) }
    }
    try tmux.send(keys: "Enter")
    // The whole filter kept (the status line may first show "Sparat" a few seconds).
    try tmux.waitFor(text: "Filter: hundhåll ·")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Beställd sedan")
    try tmux.waitFor(row: "Förvaltning", department)
    try tmux.waitFor(row: "Kategori", "Miljö och hälsa")

    // r: an error report; its description is long text, in the console's editor.
    try tmux.send(keys: "r")
    try tmux.waitFor(text: "Rapportera i \(name)")
    try tmux.send(keys: "Tab", "Tab")
    try tmux.send(text: "Hanna Mukka")
    try tmux.send(keys: "Tab", "Enter")
    try tmux.waitFor(text: "C-S/F2 sparar")
    try tmux.send(text: "Länken till blanketten ger 404.")
    try tmux.send(keys: "C-s")
    try tmux.waitFor { $0.contains { $0.contains("Beskrivning *") && $0.contains("ger 404.") } }
    try tmux.send(keys: "C-s")
    // An error report leaves the status alone; the open report is a flag.
    try tmux.waitFor(row: "R 1 öppen rapport om fel eller revidering")
    try tmux.waitFor(text: "Beställd sedan")

    // q back to the list, q quits (after its question).
    try tmux.send(keys: "q")
    try tmux.waitFor(row: name, "Beställd")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)

    let service = "[s for s in d['municipality']['services'] if s['name'] == '\(name)']"
    #expect(try Binary.plistlib(store, "len(\(service))") == "1")
    let s = "\(service)[0]"
    let departmentID = try Binary.plistlib(
      store,
      "[x['id'] for x in d['municipality']['departments'] if x['name'] == '\(department)'][0]")
    #expect(try Binary.plistlib(store, "\(s)['department']") == departmentID)
    #expect(try Binary.plistlib(store, "\(s)['category']") == "Miljö och hälsa")
    #expect(try Binary.plistlib(store, "\(s)['status']") == "ordered")
    let open = "[r for r in \(s)['reports'] if 'resolvedOn' not in r]"
    #expect(try Binary.plistlib(store, "len(\(open))") == "1")
    #expect(try Binary.plistlib(store, "\(open)[0]['kind']") == "error")
    #expect(try Binary.plistlib(store, "\(open)[0]['reportedBy']") == "Hanna Mukka")
    #expect(try Binary.plistlib(store, "\(open)[0]['text']") == "Länken till blanketten ger 404.")
    #expect(
      try Binary.plistlib(store, "' '.join(h['status'] for h in \(s)['statusHistory'])")
        == "ordered")
    #expect(
      try Binary.plistlib(store, "all(h['by'] and h['at'] for h in \(s)['statusHistory'])")
        == "True")
  }

  @Test("done when: a department's published external e-services, with owners and the overdue flag")
  func publishedExternalOfOneDepartment() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    // What the store holds, from the command line, to compare the screen with.
    let listed = try Binary.etjanst(["list", "services", "--format", "json", "--store", store])
    #expect(listed.status == 0, "\(listed.stderr)")
    let services = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    let expected = services.filter {
      $0["department"] as? String == department && $0["status"] as? String == "published"
        && $0["audience"] as? String == "external"
    }
    let others =
      services.filter { $0["department"] as? String == department }.count - expected.count
    #expect(expected.count >= 2 && others >= 1, "the demo has both kinds in \(department)")

    // Wide enough that names are not cut.
    let tmux = try Tmux.console(store, width: 160, height: 40)
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Ansökan om bygglov")
    // f cycles the status filter until it shows Publicerad; / narrows by words.
    for _ in 0..<8 {
      if try tmux.row(containing: "status: Publicerad") != nil { break }
      let before = try tmux.capture()
      try tmux.send(keys: "f")
      try tmux.waitFor { $0 != before }
    }
    try tmux.waitFor(text: "status: Publicerad")
    try tmux.send(keys: "/")
    try tmux.send(text: "samhällsbyggnad extern")
    try tmux.send(keys: "Enter")
    // Enter keeps the filter: the status line shows it without the typing cursor.
    try tmux.waitFor(
      text: "\(expected.count) av \(services.count) · Filter: samhällsbyggnad extern ·")
    let screen = try tmux.waitFor("not one row per service") { screen in
      screen.filter { $0.contains(department) }.count == expected.count
    }
    let rows = screen.filter { $0.contains(department) }
    for service in expected {
      // Long names are cut with "…" even at 160 columns.
      let name = try #require(service["name"] as? String).prefix(30)
      // "Name (login)" in the export; the column shows the name, cut at 14 columns.
      let owner = try #require(service["serviceOwner"] as? String)
        .components(separatedBy: " (")[0].prefix(13)
      #expect(
        rows.contains { $0.contains(name) && $0.contains("Publicerad") && $0.contains(owner) },
        "\(name), \(owner) in:\n\(screen.joined(separator: "\n"))")
    }
    #expect(rows.allSatisfy { $0.contains("Extern") && !$0.contains("Intern") })

    // A known overdue service: its row carries G, and its page says why.
    let overdue = "Ansökan om tillstånd för enskild avlopp"
    let row = try #require(rows.first { $0.contains(overdue) })
    #expect(row.contains("Elin Sirkka"))
    #expect(row.hasSuffix(" G") || row.contains(" G "), "flags of: \(row)")
    try tmux.send(keys: "/")
    try tmux.send(text: " avlopp")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "1 av \(services.count)")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Ansvar")
    try tmux.waitFor(row: "E-tjänsteägare", "Elin Sirkka")
    try tmux.waitFor(row: "Processägare", "Jari Kivijärvi")
    try tmux.waitFor(row: "Flaggor", "G skulle ha granskats senast")
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "Enter Öppna")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
  }

}

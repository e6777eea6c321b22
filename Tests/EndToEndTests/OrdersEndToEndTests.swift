import Foundation
import TestSupport
import Testing

/// Beställningar, the order pipeline, through the built binary in tmux: an order received
/// through "Beställning av e-tjänst" with its case number, an e-mail order refused,
/// the first order taken from step 2 to published, the new e-service found in the
/// catalogue; then the file (plistlib) and the command line (`list`) agree.
@Suite struct OrdersEndToEndTests {
  let title = "Anmälan om eldning"
  let department = "Samhällsbyggnadsförvaltningen"
  let emailTitle = "Ansökan om snöskoterled"
  let emailDepartment = "Teknisk försörjning"

  @Test("6: received, e-mail refused, steps 2–5 to published, in the catalogue, file and list")
  func orderToPublished() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let tmux = try Tmux.console(store)
    try tmux.send(keys: "5")
    try tmux.waitFor(text: "1 Behov")

    // Step 2: through the internal e-service, with the case number.
    try tmux.send(keys: "n")
    try tmux.waitFor(text: "Ny beställning")
    try tmux.send(text: title)
    try tmux.send(keys: "Tab")
    try tmux.choose(department, in: "Förvaltning *")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "Tomas Niska")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "tomas.niska@overtornea.se")
    try tmux.send(keys: "Tab", "Tab", "Tab")
    try tmux.waitFor {
      $0.contains { $0.contains("Kom in via") && $0.contains("Beställning av e-tjänst") }
    }
    try tmux.send(text: "KS 2026/123")
    try tmux.send(keys: "Tab", "Tab", "Tab", "Tab")
    try tmux.send(text: "150")
    try tmux.waitFor { $0.contains { $0.contains("Ärenden per år") && $0.contains("150") } }
    try tmux.send(keys: "Enter")
    try tmux.waitFor("the form did not close") { screen in
      !screen.contains { $0.contains("Ny beställning") } && screen.contains { $0.contains(title) }
    }

    // An order by e-mail is refused, with where to order instead; it is kept.
    try tmux.send(keys: "n")
    try tmux.waitFor(text: "Ny beställning")
    try tmux.send(text: emailTitle)
    try tmux.send(keys: "Tab")
    try tmux.choose(emailDepartment, in: "Förvaltning *")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "Nils Hannu")
    try tmux.send(keys: "Tab", "Tab", "Tab")
    try tmux.choose("E-post", in: "Kom in via")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Beställningen avvisas")
    try tmux.waitFor(text: "Beställningar som kommer via e-post behandlas inte")
    try tmux.waitFor(text: "https://insidanovertornea.enamnd.se/")
    try tmux.send(keys: "Enter")
    try tmux.waitFor { !$0.contains { $0.contains("Beställningen avvisas") } }
    try tmux.send(keys: "R")
    try tmux.waitFor(text: "Avvisade beställningar")
    try tmux.waitFor(row: emailTitle, "(\(emailDepartment))")
    try tmux.send(keys: "Escape")
    try tmux.waitFor { !$0.contains { $0.contains("Avvisade beställningar") } }

    // Our order, alone on the board with the filter, in column 2.
    try tmux.send(keys: "/")
    try tmux.send(text: "eldning")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Filter: eldning ·")
    try tmux.waitFor(text: "2 Beställd (1)")
    try tmux.send(keys: "l")
    try tmux.waitFor(text: "Steg 2 av 5")
    // Step 3: the first version, with a new catalogue entry.
    try tmux.send(keys: "f")
    try tmux.waitFor(text: "Första versionen (steg 3)")
    try tmux.waitFor(row: "Katalogpost", "◂ Ny: \(title) ▸")
    try tmux.send(keys: "Enter")
    try tmux.waitFor { !$0.contains { $0.contains("Första versionen (steg 3)") } }
    // The selection follows the order into the next step's column.
    try tmux.waitFor(text: "Steg 3 av 5")
    // Step 4: to review; the page says a meeting is missing.
    try tmux.send(keys: "f")
    try tmux.waitFor(text: "Steg 4 av 5")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Hinder: Inget granskningsmöte är bokat")
    // The meeting, held yesterday; then the contact person's agreement.
    try tmux.send(keys: "m")
    try tmux.waitFor(text: "Granskningsmöte (steg 4)")
    try tmux.send(text: "\(yesterday()) 10:00")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "Kommunhuset, rum 2")
    try tmux.send(keys: "Enter")
    // Shown with its offset (+01:00 in winter, +02:00 in summer).
    try tmux.waitFor(text: "Möte: \(yesterday()) 10:00 +0")
    try tmux.waitFor(text: "Kommunhuset, rum 2")
    try tmux.waitFor(text: "Hinder: Kontaktpersonen Tomas Niska har inte godkänt")
    try tmux.send(keys: "a")
    try tmux.waitFor(text: "Kontaktpersonens godkännande")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Godkännande: Tomas Niska")
    try tmux.waitFor(text: "Nästa: f – publicera (steg 5)")
    // Step 5: published.
    try tmux.send(keys: "f")
    try tmux.waitFor(text: "Steg 5 av 5: publicerad")
    try tmux.waitFor(text: "E-tjänst: \(title) (publicerad)")
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "▸5 Publicerad (1)")

    // The catalogue has it, published, in the department.
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Enter Öppna")
    try tmux.send(keys: "/")
    try tmux.send(text: "eldning")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Filter: eldning ·")
    try tmux.waitFor(row: title, "Samhällsbyggn", "Publicerad")
    #expect(try tmux.row(containing: "Ansökan om bygglov") == nil)
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)

    // The file, as Python's plistlib reads it.
    let m = "d['municipality']"
    let order = "[o for o in \(m)['orders'] if o['title'] == '\(title)']"
    #expect(try Binary.plistlib(store, "len(\(order))") == "1")
    #expect(try Binary.plistlib(store, "\(order)[0]['step']") == "5")
    #expect(try Binary.plistlib(store, "\(order)[0]['orderCaseNumber']") == "KS 2026/123")
    #expect(
      try Binary.plistlib(store, "[s['step'] for s in \(order)[0]['stepHistory']]")
        == "[2, 3, 4, 5]")
    let serviceID = try Binary.plistlib(store, "\(order)[0].get('service', '')")
    #expect(!serviceID.isEmpty)
    let service = "[s for s in \(m)['services'] if s['id'] == '\(serviceID)']"
    #expect(try Binary.plistlib(store, "len(\(service))") == "1")
    #expect(try Binary.plistlib(store, "\(service)[0]['name']") == title)
    #expect(try Binary.plistlib(store, "\(service)[0]['status']") == "published")
    #expect(
      try Binary.plistlib(store, "\(service)[0]['department'] == \(order)[0]['department']")
        == "True")
    let refused = "[r for r in \(m)['refusedOrders'] if r['title'] == '\(emailTitle)']"
    #expect(try Binary.plistlib(store, "len(\(refused))") == "1")
    #expect(
      try Binary.plistlib(
        store, "[x['name'] for x in \(m)['departments'] if x['id'] == \(refused)[0]['department']]")
        == "['\(emailDepartment)']")
    #expect(
      try Binary.plistlib(
        store, "len([o for o in \(m)['orders'] if o['title'] == '\(emailTitle)'])") == "0")

    // The command line reads the same store.
    let json = try Binary.etjanst([
      "list", "orders", "--step", "5", "--format", "json", "--store", store,
    ])
    #expect(json.status == 0, "\(json.stderr)")
    let orders = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(orders.allSatisfy { $0["step"] as? Int == 5 }, "\(json.stdout)")
    let ours = try #require(orders.first { $0["title"] as? String == title }, "\(json.stdout)")
    #expect(ours["orderCaseNumber"] as? String == "KS 2026/123")
    #expect(ours["department"] as? String == department)
    #expect(ours["service"] as? String == title)
    #expect(ours["serviceStatus"] as? String == "published")
    #expect(ours["agreedBy"] as? String == "Tomas Niska")

    let csv = try Binary.etjanst([
      "list", "services", "--format", "csv", "--filter", "eldning", "--store", store,
    ])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(whereSeparator: \.isNewline)
    #expect(lines.count == 2, "\(csv.stdout)")
    #expect(lines.first?.hasPrefix("id,name,department,") == true, "header: \(lines.first ?? "")")
    #expect(lines.last?.hasPrefix("\(serviceID),\(title),\(department),") == true, "\(csv.stdout)")
    #expect(lines.last?.contains(",published,") == true)
  }

  // MARK: - Helpers

  /// Yesterday in Swedish time, as the console writes a day: a meeting already held.
  func yesterday() -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
    let day = calendar.date(byAdding: .day, value: -1, to: Date())!
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = calendar.timeZone
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: day)
  }
}

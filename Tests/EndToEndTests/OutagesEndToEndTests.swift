import Foundation
import TestSupport
import Testing

/// Avbrott & reservrutiner (guideline 4.3) through the built binary: an outage
/// declared in a hurry, the call to the e-nämnd recorded and the outage resolved,
/// the three times in the saved file; the printable routines and the outage list.
@Suite struct OutagesEndToEndTests {
  @Test(
    "4.3: 4 n Enter declares an outage and shows the system administrator's phone; contact and resolve; times saved"
  )
  func declareContactResolve() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let phone = try Binary.plistlib(
      store, "d['municipality']['contacts']['systemAdministrator']['phone']")
    #expect(!phone.isEmpty)
    let outagesBefore = try Binary.plistlib(store, "len(d['municipality']['outages'])")

    // The form's times are whole minutes of the Swedish clock.
    let started = Date().timeIntervalSince1970.rounded(.down) - 60
    let tmux = try Tmux.console(store)
    // Three keystrokes from any screen to the number to call.
    try tmux.send(keys: "4", "n", "Enter")
    var screen = try tmux.waitFor(text: "AVBROTT PÅGÅR")
    #expect(screen.contains { $0.contains("TEL \(phone)") }, "\(screen.joined(separator: "\n"))")
    #expect(screen.joined().contains("Ej kontaktad"))

    try tmux.send(keys: "c")
    try tmux.waitFor(text: "Kontakt med e-nämnden")
    try tmux.send(keys: "Tab", "Tab", "Tab")
    try tmux.send(text: "ENÄ-4711")
    try tmux.send(keys: "Enter")
    screen = try tmux.waitFor(text: "[x] Kontaktad")
    #expect(screen.joined().contains("Telefon"))

    try tmux.send(keys: "x")
    // No department was told: the resolve asks first, and j goes on to the form.
    try tmux.waitFor(text: "[ Avsluta ändå ]")
    try tmux.send(keys: "j")
    try tmux.waitFor(text: "Sluttid")
    try tmux.send(keys: "Tab")
    try tmux.send(text: "Certifikatet hade gått ut")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Avbrott avslutat")
    try tmux.waitFor { !$0.joined().contains("AVBROTT PÅGÅR") }
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
    let finished = Date().timeIntervalSince1970

    #expect(
      try Binary.plistlib(store, "len(d['municipality']['outages'])")
        == "\(Int(outagesBefore)! + 1)")
    let outage = "max(d['municipality']['outages'], key=lambda o: o['start'])"
    let start = try seconds(store, "\(outage)['start']")
    let contact = try seconds(store, "\(outage)['contact']['at']")
    let end = try seconds(store, "\(outage)['end']")
    #expect(start >= started && start <= finished, "start \(start) not in \(started)...\(finished)")
    #expect(contact >= start, "contact \(contact) before start \(start)")
    #expect(end >= contact, "end \(end) before contact \(contact)")
    #expect(end <= finished)
    #expect(try Binary.plistlib(store, "\(outage)['contact']['reference']") == "ENÄ-4711")
    #expect(try Binary.plistlib(store, "\(outage)['cause']") == "Certifikatet hade gått ut")
    #expect(try Binary.plistlib(store, "\(outage)['isDrill']") == "False")

    // `list outages --format json` has it, with its id and the e-nämnd's reference.
    let id = try Binary.plistlib(store, "\(outage)['id']")
    let json = try Binary.etjanst(["list", "outages", "--format", "json", "--store", store])
    #expect(json.status == 0, "\(json.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let row = try #require(rows.first { $0["id"] as? String == id }, "\(json.stdout)")
    #expect(row["contactReference"] as? String == "ENÄ-4711")
    #expect(row["cause"] as? String == "Certifikatet hade gått ut")
    #expect(row["end"] is String)
  }

  @Test("4.3: times typed into the forms are saved as typed: start, then contact, then end")
  func typedTimesInOrder() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let now = Date()
    let start = now.addingTimeInterval(-20 * 60)
    let contact = now.addingTimeInterval(-12 * 60)
    let end = now.addingTimeInterval(-3 * 60)

    let tmux = try Tmux.console(store)
    try tmux.send(keys: "4", "n")
    try tmux.waitFor(text: "Anmäl avbrott")
    try tmux.send(keys: "C-u")
    try tmux.send(text: swedishMinute(start))
    try tmux.send(keys: "Enter")
    try tmux.waitFor(anyOf: shownTimes(start).map { "Start \($0)" })

    try tmux.send(keys: "c")
    try tmux.waitFor(text: "Kontakt med e-nämnden")
    try tmux.send(keys: "C-u")
    try tmux.send(text: swedishMinute(contact))
    try tmux.send(keys: "Enter")
    try tmux.waitFor(anyOf: shownTimes(contact).map { "Kontaktad \($0) (efter 8 min)" })

    try tmux.send(keys: "x")
    // No department was told: the resolve asks first, and j goes on to the form.
    try tmux.waitFor(text: "[ Avsluta ändå ]")
    try tmux.send(keys: "j")
    try tmux.waitFor(text: "Sluttid")
    try tmux.send(keys: "C-u")
    try tmux.send(text: swedishMinute(end))
    try tmux.send(keys: "Tab")
    try tmux.send(text: "Övning av rutinen")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "Avbrott avslutat")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)

    let outage = "max(d['municipality']['outages'], key=lambda o: o['start'])"
    let saved = (
      start: try seconds(store, "\(outage)['start']"),
      contact: try seconds(store, "\(outage)['contact']['at']"),
      end: try seconds(store, "\(outage)['end']")
    )
    #expect(saved.start == wholeMinute(start))
    #expect(saved.contact == wholeMinute(contact))
    #expect(saved.end == wholeMinute(end))
    #expect(saved.start < saved.contact && saved.contact < saved.end)
  }

  @Test("routines export --format html parses and names every department")
  func routinesExportHTML() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let html = folder.appendingPathComponent("reservrutiner.html").path
    let export = try Binary.etjanst(
      [
        "routines", "export", "--format", "html", "--output", html, "--store", store, "--lang",
        "sv",
      ])
    #expect(export.status == 0, "\(export.stderr)")

    // Both parsers, and every department's name in the text the browser shows.
    let script = """
      import html.parser,plistlib,sys,xml.etree.ElementTree as ET
      d=plistlib.load(open(sys.argv[1],'rb'))
      source=open(sys.argv[2],encoding='utf-8').read()
      class Text(html.parser.HTMLParser):
        def __init__(self):
          super().__init__(); self.parts=[]; self.tags=0
        def handle_starttag(self,tag,attrs): self.tags+=1
        def handle_data(self,data): self.parts.append(data)
      p=Text(); p.feed(source); p.close()
      shown=' '.join(' '.join(p.parts).split())
      tree=' '.join(' '.join(ET.fromstring(source).itertext()).split())
      names=[x['name'] for x in d['municipality']['departments']]
      print(len(names)>0, p.tags>10, [n for n in names if n not in shown or n not in tree])
      """
    let output = try Binary.run("/usr/bin/env", ["python3", "-c", script, store, html])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "True True []",
      "\(output.stdout)")
  }
}

// MARK: - Helpers

/// A time as the forms show and read it: "YYYY-MM-DD HH:MM", Swedish local time.
private func swedishMinute(_ date: Date) -> String {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "sv_SE")
  formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
  formatter.dateFormat = "yyyy-MM-dd HH:mm"
  return formatter.string(from: date)
}

/// How the outage screen may show `date`: the time alone on the day it happened, the
/// date with it on a later day. A test that starts 20 minutes before midnight sees the
/// second form, so both are accepted rather than guessing which day it renders on.
private func shownTimes(_ date: Date) -> [String] {
  let full = swedishMinute(date)
  return [String(full.suffix(5)), full]
}

private func wholeMinute(_ date: Date) -> Double {
  (date.timeIntervalSince1970 / 60).rounded(.down) * 60
}

/// A saved date (plistlib gives it without a zone; plist dates are UTC) in seconds since 1970.
private func seconds(_ store: String, _ expression: String) throws -> Double {
  let text = try Binary.plistlib(
    store, "(\(expression)).replace(tzinfo=__import__('datetime').timezone.utc).timestamp()")
  guard let value = Double(text) else { throw HelperFailed("not a date: \(text)") }
  return value
}

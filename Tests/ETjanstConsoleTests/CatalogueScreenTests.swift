import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// The E-tjänster screen driven as a user would, with golden frames.
@Suite struct CatalogueScreenTests {
  typealias F = CatalogueFixtures
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func driver(
    width: Int = 80, height: Int = 24, readOnly: Bool = false, language: Language = .swedish
  )
    -> ConsoleDriver
  {
    let d = ConsoleDriver(
      F.municipality(), width: width, height: height, language: language, readOnly: readOnly)
    d.press(.character("2"))
    return d
  }

  /// The list's rows as the screen shows them (below the header, above the status line).
  func rows(_ d: ConsoleDriver) -> [String] {
    d.frame.lines[3..<(d.state.height - 2)].map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }

  func text(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  func select(_ d: ConsoleDriver, _ name: String) {
    d.press(.character("/"))
    d.type(name)
    d.press(.enter)
  }

  // MARK: - Golden frames

  @Test("4: the list at 80×24 shows name, department, status, owner and flags")
  func list80() {
    let d = driver()
    Golden.assertFrame(d.frame, named: "catalogue-list-80x24", in: goldenDir)
    #expect(d.frame.line(2).contains("E-tjänsteägare"))
    #expect(text(d).contains("Bo Lind"))
  }

  @Test("4: the list at 160×48 adds audience, last reviewed and category")
  func list160() {
    let d = driver(width: 160, height: 48)
    Golden.assertFrame(d.frame, named: "catalogue-list-160x48", in: goldenDir)
    for title in ["Målgrupp", "Granskad", "Kategori"] { #expect(d.frame.line(2).contains(title)) }
  }

  @Test("4: the detail view shows owners, flags in words, reports and the status history")
  func detail() {
    let d = driver()
    select(d, "avlopp")
    d.press(.enter)
    #expect(d.state.catalogue.detail == F.avlopp)
    Golden.assertFrame(d.frame, named: "catalogue-detail-80x24", in: goldenDir)
    #expect(text(d).contains("Bo Lind (bo.lind) [slutat]"))
    d.press(.end)
    #expect(text(d).contains("ÖPPEN 2026-11-02"))
    #expect(text(d).contains("Statushistorik"))
    d.press(.character("q"))
    #expect(d.state.catalogue.detail == nil)
    #expect(d.state.screen == .catalogue, "q in the detail view returns to the list")
  }

  @Test("4: a form shows the validation message beside the field")
  func formValidation() {
    let d = driver()
    d.press(.character("n"))
    d.type("Ansökan om bygglov")
    d.press(.tab, .right, .right)  // – välj – → Barn och utbildning → Samhällsbyggnad
    d.press(.enter)
    Golden.assertFrame(d.frame, named: "catalogue-form-error-80x24", in: goldenDir)
    #expect(text(d).contains("! Namnet finns redan i Samhällsbyggnad."))
    #expect(d.state.overlays.count == 1, "the form stays open")
    #expect(d.state.data.services.count == F.municipality().services.count)
  }

  @Test("4: the live filter narrows the list as you type")
  func activeFilter() {
    let d = driver()
    d.press(.character("/"))
    d.type("social")
    Golden.assertFrame(d.frame, named: "catalogue-filter-80x24", in: goldenDir)
    #expect(rows(d).count == 3)
    #expect(text(d).contains("Filter: social"))
  }

  // MARK: - Finding

  @Test("4: the filter searches owners and the status filter tells Publicerad from Avpublicerad")
  func findPublishedExternalOfOneDepartment() {
    let d = driver()
    d.press(.character("/"))
    d.type("Åsa")
    #expect(rows(d).count == 1 && rows(d)[0].hasPrefix("Ändring av barnomsor"))
    d.press(.escape)
    for _ in 0..<4 { d.press(.character("f")) }
    #expect(d.state.catalogue.statusFilter == .published)
    d.press(.character("/"))
    d.type("extern barn")
    d.press(.enter)
    #expect(rows(d).map { String($0.prefix(20)) } == ["Ändring av barnomsor"])
    #expect(d.frame.line(d.state.height - 2).contains("status: Publicerad"))
    d.press(.character("F"), .character("F"), .character("F"), .character("F"))
    #expect(d.state.catalogue.statusFilter == nil)
  }

  @Test("4: s sorts by status in the order of a service's life")
  func sortByStatus() {
    let d = driver()
    d.press(.character("s"), .character("s"))
    #expect(rows(d).first?.contains("Beställd") == true)
    #expect(rows(d).last?.contains("Avpublicerad") == true)
  }

  // MARK: - Changing

  @Test("4: a new e-service is created through the form, then found with /")
  func create() throws {
    let d = driver()
    d.press(.character("n"))
    d.type("Anmälan om eldning")
    d.press(.tab, .right, .right, .tab, .tab)
    d.type("Miljö")
    // status, platform, flow family, address, process owner → e-service owner
    for _ in 0..<6 { d.press(.tab) }
    d.type("anna.ek")
    d.press(.enter)
    #expect(d.state.overlays.isEmpty)
    let s = try #require(d.state.data.services.first { $0.name == "Anmälan om eldning" })
    #expect(
      s.department == F.building && s.category == "Miljö" && s.roles.serviceOwner == .staff(F.anna))
    #expect(d.backend.data.service(s.id) != nil, "saved through the backend")
    select(d, "eldning")
    #expect(rows(d).count == 1)
    d.press(.character("u"))
    #expect(d.state.data.service(s.id) == nil, "u undoes the creation")
  }

  @Test("4: an unknown owner is refused beside the owner field")
  func unknownOwner() {
    let d = driver()
    d.press(.character("n"))
    d.type("X")
    d.press(.tab, .right)
    for _ in 0..<8 { d.press(.tab) }
    d.type("Okänd")
    d.press(.enter)
    #expect(text(d).contains("! Ej i personalen – skriv Namn <e-post>"))
  }

  @Test(
    "4: an error reported from the detail view leaves it published and flagged; resolving ends it")
  func reportAndResolve() throws {
    let d = driver()
    select(d, "bygglov")
    d.press(.enter, .character("r"))
    d.press(.tab, .tab, .tab, .enter)  // kind, date, reported by (prefilled) → description
    d.type("Fel länk till taxan")
    d.press(.control("s"))  // closes the editor
    d.press(.control("s"))  // saves the form
    var s = try #require(d.state.data.service(F.bygglov))
    #expect(s.status == .published)
    #expect(s.reports.last?.kind == .error)
    #expect(s.reports.last?.reportedBy == "Anna Ek")
    #expect(s.reports.last?.text == "Fel länk till taxan")
    #expect(text(d).contains("Publicerad sedan 2024-04-02"))
    #expect(text(d).contains("R 1 öppen rapport om fel eller revidering"))
    d.press(.character("l"), .tab, .tab, .enter)
    d.type("Länken rättad")
    d.press(.control("s"), .control("s"))
    s = try #require(d.state.data.service(F.bygglov))
    #expect(s.status == .published)
    #expect(s.openReports.isEmpty)
  }

  @Test("4: the status can be changed from the detail view and the change is dated")
  func changeStatus() throws {
    let d = driver()
    select(d, "Öppen")
    d.press(.enter, .character("t"), .right, .enter)
    let s = try #require(d.state.data.service(F.forskola))
    #expect(s.status == .inDevelopment)
    #expect(s.statusHistory.last?.at == Fixtures.now)
    d.press(.character("u"))
    #expect(d.state.data.service(F.forskola)?.status == .ordered)
  }

  @Test("4: removal asks with Cancel focused, and is refused naming the grant")
  func removal() {
    let d = driver()
    select(d, "bistånd")
    d.press(.character("d"))
    #expect(text(d).contains("[ Avbryt ]"))
    d.press(.enter)
    #expect(d.state.data.service(F.bistand) != nil, "Enter on the focused Cancel removes nothing")
    d.press(.character("d"), .right, .enter)
    #expect(d.state.data.service(F.bistand) != nil)
    #expect(text(d).contains("Cecilia Öberg"))
    #expect(text(d).contains("Det gick inte"))
  }

  @Test("4: removal of a service nobody refers to, and undo")
  func removeAndUndo() {
    let d = driver()
    select(d, "Skolskjuts")
    d.press(.enter, .character("d"), .right, .enter)
    #expect(d.state.data.service(F.skolskjuts) == nil)
    #expect(d.frame.line(2).contains("Namn"), "back to the list once the service is gone")
    d.press(.character("u"))
    #expect(d.state.data.service(F.skolskjuts) != nil)
  }

  @Test("4: read-only hides the editing keys and explains who to ask")
  func readOnly() {
    let d = driver(readOnly: true)
    #expect(!d.frame.line(23).contains("Ny"))
    d.press(.character("n"))
    #expect(d.state.overlays.isEmpty)
    #expect(text(d).contains("läsbehörighet"))
  }

  @Test("4: flags are explained in help, and in English too")
  func flagsInHelp() {
    let d = driver(width: 100, height: 40, language: .english)
    d.press(.character("?"))
    #expect(text(d).contains("Flag: review overdue"))
    #expect(text(d).contains("Flag: not on Open ePlatform (1.1)"))
  }
}

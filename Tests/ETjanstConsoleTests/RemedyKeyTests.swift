import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// A refusal that names the key to press takes it from the keymap of the screen
/// where it is shown; the domain's messages name no keys.
@Suite struct RemedyKeyTests {
  @Test(
    "resolving an outage before the contact names the key bound to recording it, which opens that form"
  )
  func outageContactKey() throws {
    let d = ConsoleDriver(try OutagesScreenTests.withOutage(minutesAgo: 30))
    d.press(.character("4"), .character("x"), .character("j"), .tab)
    d.type("Certifikat")
    d.press(.enter)
    let shown = d.frame.lines.joined(separator: "\n")
    // The message names "(c: Kontakt)" or whichever key the keymap binds.
    let bound = OutagesScreen.bindings(d.state).first { $0.remedy == .recordOutageContact }
    let key = try #require(bound?.keys.first)
    #expect(shown.contains("(\(key.description): "), "\(shown)")
    d.press(.escape, .escape, key)
    #expect(d.frame.lines.joined().contains("Telefon") || d.state.overlays.count == 1)
  }

  @Test("every remedy a domain refusal can name has a key on the screen where it arises")
  func everyRemedyBound() throws {
    let d = ConsoleDriver(try OutagesScreenTests.withOutage(minutesAgo: 30))
    d.press(.character("4"))
    var remedies = Set(OutagesScreen.bindings(d.state).compactMap(\.remedy))
    d.press(.character("3"), .enter)
    remedies.formUnion(StaffScreen.bindings(d.state).compactMap(\.remedy))
    #expect(remedies == [.recordOutageContact, .grantAccess, .removeFromPlatform])
  }

  @Test("the domain's messages name no console keys: no '(g)', '(x)', '(c)'")
  func domainNamesNoKeys() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/ETjanstDomain")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    #expect(files.count > 20)
    let pattern = try Regex(#"\([a-zA-Z]\)[."]"#)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(text.firstMatch(of: pattern) == nil, "\(file.lastPathComponent)")
    }
  }
}

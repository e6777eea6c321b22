import ETjanstDomain
import ETjanstExport
import Foundation
import TestSupport
import Testing

/// GDPR article 15: one person's register extract, in Swedish or English.
@Suite struct RegisterExtractTests {
  typealias F = StaffFixtures

  /// Bertil Öst, the leaver, with a trail of one change about him and one about Eva.
  func extract(_ language: Language, trail: Bool = true) throws -> RegisterExtract {
    var m = F.store()
    let actor = Actor(Fixtures.coordinator)
    var entries: [AuditEntry] = []
    for command in [
      GrantAccess(
        person: F.bertil, service: F.skolskjuts, validFrom: Day("2026-02-01")!, validTo: nil),
      GrantAccess(
        person: F.eva, service: F.skolskjuts, validFrom: Day("2026-02-01")!, validTo: nil),
    ] {
      let change = try m.execute(command, context: Fixtures.context())
      entries.append(
        AuditEntry(change: change, kind: "GrantAccess", actor: actor, savedAt: Fixtures.now))
    }
    let query = RegisterExtract.trailQuery("bertilo", in: m)
    return try #require(
      RegisterExtract.make(
        "bertilo", in: m, trail: trail ? entries.filter(query.matches) : nil, language: language,
        now: Fixtures.now))
  }

  @Test func everythingAboutThePersonInSwedish() throws {
    let text = RegisterExtractFormat.markdown(try extract(.swedish), .swedish)
    for expected in [
      "# Registerutdrag: Bertil Öst", "- Inloggning: bertilo", "- Slutdatum: 2026-12-15",
      "| Färdtjänst | 2025-01-01 | 2026-12-05 |", "| Skolskjuts | 2026-02-01 | tills vidare |",
      "| 2026-0412 | Ansökan om bygglov | Pågående |  |",
      "| 2026-0101 | Ansökan om bygglov | Avslutad/Arkiverad |  |",
      "| Avslut (4.2) | Chefen kontaktade e-samordnaren | Test Samordnare | 2026-11-20 14:00",
      "Bertil Öst (ändrad): Behörigheter – Skolskjuts: – → Skolskjuts (Giltig från: 2026-02-01)",
    ] {
      #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
    }
    #expect(!text.contains("Eva Berg"), "another person's change in the extract:\n\(text)")
  }

  @Test func inEnglishAndAsJSON() throws {
    let text = RegisterExtractFormat.markdown(try extract(.english), .english)
    #expect(text.contains("# Register extract: Bertil Öst"))
    #expect(text.contains("| Skolskjuts | 2026-02-01 | until further notice |"))
    #expect(text.contains("| Offboarding (4.2) | Manager contacted the e-coordinator |"))
    let json = try RegisterExtractFormat.json(try extract(.english))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "municipality", "madeAt", "language", "person", "grants", "cases", "checklists",
        "serviceRoles", "requests", "trail",
      ])
    #expect((object["grants"] as? [Any])?.count == 3)
    #expect((object["trail"] as? [Any])?.count == 1)
  }

  @Test func withoutTheTrailItSaysSo() throws {
    let text = RegisterExtractFormat.markdown(try extract(.swedish, trail: false), .swedish)
    #expect(text.contains("Granskningsloggen ingår inte"))
    #expect(
      RegisterExtract.make(
        "nobody", in: F.store(), trail: nil, language: .swedish, now: Fixtures.now)
        == nil)
  }

  @Test("the requests about the person, and those they filed, are in the extract")
  func requestsAboutAndBy() throws {
    var m = F.store()
    try m.execute(
      FileRequest(RequestDraft(kind: .leaver, login: "bertilo", day: Day("2026-12-15"))),
      context: Fixtures.context(F.manager))
    try m.execute(
      FileRequest(RequestDraft(kind: .error, services: [F.bygglov], text: "Fel")),
      context: Fixtures.context(F.manager))
    let about = try #require(
      RegisterExtract.make("bertilo", in: m, trail: nil, language: .swedish, now: Fixtures.now))
    #expect(about.requests.map(\.kind) == ["Slutar"])
    #expect(about.requests.first?.sender == "Maja Chef")
    let text = RegisterExtractFormat.markdown(about, .swedish)
    #expect(text.contains("| Slutar | Skickad | Maja Chef | Bertil Öst |"), "\(text)")
    let sender = try #require(
      RegisterExtract.make("chef", in: m, trail: nil, language: .swedish, now: Fixtures.now))
    #expect(sender.requests.count == 2)
  }
}

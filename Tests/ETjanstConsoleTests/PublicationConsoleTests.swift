import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 6 in the console: `t` and `n` cannot publish past the order's step 5.
@Suite("Publishing in the catalogue")
struct PublicationConsoleTests {
  func text(_ d: ConsoleDriver) -> String { d.frame.lines.joined(separator: "\n") }

  func select(_ d: ConsoleDriver, _ name: String) {
    d.press(.character("2"), .character("/"))
    d.type(name)
    d.press(.enter)
  }

  @Test(
    "6 step 5: t → Publicerad on a service whose order is at step 4 is refused beside the field")
  func statusRefused() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    select(d, "färdtjänst")
    d.press(.character("t"))
    for _ in 0..<6 where !text(d).contains("Publicerad ") { d.press(.right) }
    d.press(.enter)
    #expect(text(d).contains("steg 5"), "\(text(d))")
    let service = try #require(d.state.data.service(EntityID("svc-fardtjanst")))
    #expect(service.status == .inReview)
    #expect(d.state.data.orders.first { $0.service == service.id }?.step == .review)
  }

  @Test("6: n offers no plain Publicerad, and 'Publicerad – redan i drift' registers the service")
  func newRegisters() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 120, height: 40)
    d.press(.character("2"), .character("n"))
    d.type("Ansökan om lotteritillstånd")
    d.press(.tab, .right, .tab, .tab, .tab)
    var seen: [String] = []
    for _ in 0..<8 {
      d.press(.right)
      seen.append(text(d))
    }
    let all = seen.joined()
    #expect(all.contains("Publicerad – redan i drift"))
    #expect(!all.contains("◂ Publicerad ▸"), "a new service is offered plain Publicerad")
    while !text(d).contains("Publicerad – redan i drift") { d.press(.right) }
    // It asks why before registering.
    d.press(.control("s"))
    #expect(text(d).contains("Skriv varför"), "\(text(d))")
    #expect(!d.state.data.services.contains { $0.name == "Ansökan om lotteritillstånd" })
    d.type("I drift sedan 2021")
    d.press(.control("s"))
    let s = try #require(d.state.data.services.first { $0.name == "Ansökan om lotteritillstånd" })
    #expect(s.status == .published)
    #expect(s.statusHistory.last?.source == .registeredRunning)
    // Flagged until a review is recorded.
    #expect(d.state.data.flags(of: s, today: Fixtures.today).contains(.registeredUnreviewed))
  }

  @Test("6: t on a service added minutes ago offers no 'redan i drift' and cannot publish it")
  func newServiceStatusCannotPublish() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 120, height: 40)
    d.press(.character("2"), .character("n"))
    d.type("Ansökan om lotteritillstånd")
    d.press(.tab, .right, .control("s"))
    let id = try #require(
      d.state.data.services.first { $0.name == "Ansökan om lotteritillstånd" }?.id)
    select(d, "lotteritillstånd")
    d.press(.character("t"))
    var seen: [String] = []
    for _ in 0..<8 {
      d.press(.right)
      seen.append(text(d))
    }
    #expect(!seen.joined().contains("redan i drift"))
    for _ in 0..<8 where !text(d).contains("◂ Publicerad ▸") { d.press(.right) }
    d.press(.enter)
    #expect(d.state.data.service(id)?.status == .ordered)
    #expect(text(d).contains("steg 5"), "\(text(d))")
  }

  @Test("4: v records that a service was reviewed today; its overdue flag goes, help names the key")
  func reviewedToday() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 100, height: 30)
    select(d, "strandskydd")
    let id = try #require(d.state.data.services.first { $0.name.contains("strandskydd") }?.id)
    #expect(d.state.data.service(id)?.isReviewOverdue(today: Fixtures.today) == true)
    d.press(.character("v"))
    #expect(d.state.data.service(id)?.lastReviewed == Fixtures.today)
    #expect(text(d).contains("granskad"))
    d.press(.character("?"))
    #expect(text(d).contains("v            Notera att verksamheten har granskat e-tjänsten idag"))
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Reminders by mail: who hears of what, once per period, and mails whose headers
/// nothing from the store can break.
@Suite struct RemindersTests {
  /// The demo with a mail domain, at noon on its reference day.
  static func demo() throws -> (Municipality, Date) {
    var m = try Fixtures.demo
    m.settings.mailDomain = "kommun.test"
    let noon = Calendar(identifier: .gregorian).date(
      bySettingHour: 12, minute: 0, second: 0, of: Fixtures.today.start)!
    return (m, noon)
  }

  static func plan(_ m: Municipality, _ now: Date, _ ledger: ReminderLedger = ReminderLedger())
    -> ReminderPlan
  {
    Reminders.plan(m, findings: Findings.all(in: m, at: now), at: now, ledger: ledger)
  }

  @Test("a run after a run sends nothing; after the period the items not done come again")
  func oncePerPeriod() throws {
    let (m, now) = try Self.demo()
    let first = Self.plan(m, now)
    #expect(first.mails.contains { $0.address == "chef.vo@kommun.test" })
    #expect(first.mails.filter { $0.subject.contains(" brist") }.count == 1)
    let again = Self.plan(m, now.addingTimeInterval(3_600), first.ledger)
    #expect(again.mails.isEmpty, "\(again.mails.map(\.address))")
    // Six days on: nothing mailed before comes again (only what became due since,
    // and the day's digest).
    let sixDays = Self.plan(m, now.addingTimeInterval(6 * 86_400), first.ledger)
    #expect(sixDays.mails.contains { $0.address == m.mailCoordinator.address })
    #expect(!sixDays.mails.contains { $0.body.contains("Fortfarande inte åtgärdat:") })
    // A week on: what is not done comes again.
    let week = Self.plan(m, now.addingTimeInterval(7 * 86_400 + 60), first.ledger)
    let vo = try #require(week.mails.first { $0.address == "chef.vo@kommun.test" })
    #expect(vo.body.contains("Fortfarande inte åtgärdat:"), "\(vo.body)")
  }

  @Test("each e-service owner is mailed once, naming every service they own")
  func oneMailPerAddress() throws {
    let (m, now) = try Self.demo()
    let addresses = Self.plan(m, now).mails.filter { $0.subject.hasPrefix("Påminnelse") }
      .map(\.address)
    #expect(Set(addresses).count == addresses.count, "\(addresses)")
  }

  @Test("a finding's key leaves its numbers out, so minutes passing do not make it new")
  func itemKeyWithoutNumbers() {
    let a = Finding(
      section: "4.3", severity: .violation, subject: "x",
      message: LocalizedText(sv: "inte kontaktad efter 16 min", en: "16"), target: .contacts)
    var b = a
    b.message = LocalizedText(sv: "inte kontaktad efter 21 min", en: "21")
    #expect(Reminders.itemKey(a) == Reminders.itemKey(b))
    b.severity = .warning
    #expect(Reminders.itemKey(a) != Reminders.itemKey(b))
  }

  @Test("an outage whose contact is late mails the e-coordinator and the deputy, once")
  func lateOutageOnce() throws {
    var (m, now) = try Self.demo()
    m.settings.outageDeputy = "vikarie@kommun.test"
    let quiet = Self.plan(m, now)
    m.outages.append(
      Outage(
        start: now.addingTimeInterval(-20 * 60), scope: .wholePlatform, observed: "nere",
        declaredBy: "x"))
    let late = Self.plan(m, now.addingTimeInterval(60), quiet.ledger)
    let outageMails = late.mails.filter { $0.subject.hasPrefix("FÖRSENAD") }
    #expect(
      outageMails.map(\.address).sorted()
        == [m.mailCoordinator.address!, "vikarie@kommun.test"].sorted())
    let later = Self.plan(m, now.addingTimeInterval(600), late.ledger)
    #expect(!later.mails.contains { $0.subject.hasPrefix("FÖRSENAD") })
  }

  @Test("without a mail domain a manager is unreachable and listed in the digest")
  func unreachableListed() throws {
    var (m, now) = try Self.demo()
    m.settings.mailDomain = ""
    let plan = Self.plan(m, now)
    #expect(!plan.mails.contains { $0.address.hasPrefix("chef.") })
    let digest = try #require(plan.mails.first { $0.subject.contains(" brist") })
    #expect(digest.body.contains("Kan inte nås per e-post"))
    #expect(digest.body.contains("Tommy Pekkari (chef för Vård och omsorg)"), "\(digest.body)")
  }

  @Test("addresses: plain ones only; nothing that could end or add a header")
  func addresses() {
    for good in ["a@b.se", "anna.berg+x@kommun-a.se", "A_B%c@x.y.z"] {
      #expect(MailAddress.normalized(good) == good, "\(good)")
    }
    for bad in [
      "a b@x.se", "a@x", "<a@x.se>", "a@x.se\nBcc: e@x.se", "a@x.se>", "\"a\"@x.se", "a@-x.se",
      "a..b@x.se", "a@x..se", "a@x.se,b@x.se", "åsa@x.se", "",
    ] {
      #expect(MailAddress.normalized(bad) == nil, "\(bad.debugDescription)")
    }
  }

  @Test("a name or subject with line breaks stays in one encoded header; UTF-8 text body")
  func headersCannotBeInjected() throws {
    let message = MailMessage(
      toName: "Eva\r\nBcc: evil@x.se\nX-Evil: 1", toAddress: "eva@x.se",
      subject: "Påminnelse\nBcc: evil@x.se – " + String(repeating: "å", count: 60),
      body: "rad 1\n.\nrad\u{1B}[31m 3\n", date: Date(timeIntervalSince1970: 0),
      messageID: "id>\nBcc: evil@x.se")
    let text = message.rendered()
    let (head, body) = try #require(
      text.range(of: "\n\n").map { (text[..<$0.lowerBound], text[$0.upperBound...]) })
    let names = head.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map {
      $0.split(separator: ":").first.map(String.init) ?? ""
    }
    #expect(
      names == [
        "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
        "Content-Transfer-Encoding", "Auto-Submitted",
      ])
    #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
    #expect(!head.contains("evil"))
    for line in head.split(separator: "\n") {
      #expect(line.utf8.count <= 78, "\(line)")
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
    }
    // The encoded words decode back to the one-line subject.
    let words = head.split(separator: "\n").drop { !$0.hasPrefix("Subject:") }
      .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
      .map {
        $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
      }
    let decoded = words.map { word -> String in
      let base64 = word.dropFirst("=?utf-8?B?".count).dropLast(2)
      return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
    }.joined()
    #expect(decoded == "Påminnelse Bcc: evil@x.se – " + String(repeating: "å", count: 60))
    #expect(body == "rad 1\n.\nrad\u{FFFD}[31m 3\n")
  }
}

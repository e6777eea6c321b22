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
      fromName: "Kommun\nBcc: evil@x.se", fromAddress: "etjanst@x.se",
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
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
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

  /// A request from the demo's manager of Vård och omsorg, answered at `answered`.
  static func request(
    _ m: Municipality, id: String, answered: Date, state: RequestState = .declined
  ) throws -> Request {
    let manager = try #require(m.user(login: "chef.vo"))
    guard case .manager(let department) = manager.role else { throw CancellationError() }
    return Request(
      id: EntityID(id), kind: .access, state: state, sender: manager.login,
      department: department, sent: answered.addingTimeInterval(-86_400), login: "evab",
      answeredBy: "linnea.alatalo", answeredAt: answered, reason: "Hon slutar snart")
  }

  @Test(
    "a manager is told each request answered since the last run, once; the first run tells those of the last period"
  )
  func answeredRequestsOnce() throws {
    var (m, now) = try Self.demo()
    m.requests = [
      try Self.request(m, id: "old", answered: now.addingTimeInterval(-10 * 86_400)),
      try Self.request(m, id: "recent", answered: now.addingTimeInterval(-3_600)),
    ]
    let first = Self.plan(m, now)
    let vo = try #require(first.mails.first { $0.address == "chef.vo@kommun.test" })
    #expect(vo.body.contains("Dina begäranden som e-samordnaren har besvarat:"), "\(vo.body)")
    #expect(vo.body.split(separator: "\n").filter { $0.hasPrefix("- Behörighet: ") }.count == 1)
    #expect(vo.body.contains(" – avböjd \(Day(now).description). Skäl: Hon slutar snart"))
    // An hour on: nothing is told again.
    let again = Self.plan(m, now.addingTimeInterval(3_600), first.ledger)
    #expect(again.mails.isEmpty, "\(again.mails.map(\.body))")
    // Another is answered: a mail of its own, with only that one.
    m.requests.append(
      try Self.request(m, id: "new", answered: now.addingTimeInterval(7_200), state: .accepted))
    let told = Self.plan(m, now.addingTimeInterval(10_800), again.ledger)
    #expect(told.mails.map(\.address) == ["chef.vo@kommun.test"])
    let mail = try #require(told.mails.first)
    #expect(mail.subject.hasPrefix("Svar på 1 begäran – "), "\(mail.subject)")
    #expect(mail.body.contains("- Behörighet: evab, skickad "), "\(mail.body)")
    #expect(mail.body.contains(" – klar "), "an access request is done when accepted: \(mail.body)")
    #expect(!mail.body.contains("Skäl"))
    #expect(Self.plan(m, now.addingTimeInterval(14_400), told.ledger).mails.isEmpty)
    // Through the ledger's file (whole seconds): still told once.
    let data = try Self.encoder.encode(told.ledger)
    let read = try Self.decoder.decode(ReminderLedger.self, from: data)
    #expect(Self.plan(m, now.addingTimeInterval(14_400), read).mails.isEmpty)
  }

  static var encoder: JSONEncoder {
    let e = JSONEncoder()
    e.dateEncodingStrategy = .iso8601
    return e
  }

  static var decoder: JSONDecoder {
    let d = JSONDecoder()
    d.dateDecodingStrategy = .iso8601
    return d
  }

  @Test("a ledger an earlier version wrote, without the requests' keys, is read")
  func earlierLedger() throws {
    let json = #"{"digestDay":"2026-12-06","digestItems":["a"],"lateOutages":["o"],"sent":{}}"#
    let ledger = try Self.decoder.decode(ReminderLedger.self, from: Data(json.utf8))
    #expect(ledger.digestItems == ["a"] && ledger.lateOutages == ["o"])
    #expect(ledger.requestsSince == nil && ledger.requestsTold.isEmpty)
  }

  @Test(
    "when the mailer takes only the first mail, the ledger records that one: the next run plans the others as they were"
  )
  func partlySent() throws {
    var (m, now) = try Self.demo()
    m.settings.outageDeputy = "vikarie@kommun.test"
    m.outages.append(
      Outage(
        start: now.addingTimeInterval(-20 * 60), scope: .wholePlatform, observed: "nere",
        declaredBy: "x"))
    m.requests = [try Self.request(m, id: "r", answered: now.addingTimeInterval(-3_600))]
    let plan = Self.plan(m, now)
    #expect(plan.mails.count > 3)
    for sent in [0, 1, 2, plan.mails.count - 1] {
      let next = Self.plan(m, now, plan.ledger(sent: sent))
      #expect(next.mails.map(\.address) == plan.mails.dropFirst(sent).map(\.address), "\(sent)")
      #expect(next.mails.map(\.body) == plan.mails.dropFirst(sent).map(\.body), "\(sent)")
    }
    #expect(Self.plan(m, now.addingTimeInterval(60), plan.ledger).mails.isEmpty)
    #expect(Self.plan(m, now, plan.ledger(sent: 0)).mails == plan.mails)
  }

  @Test(
    "the mails come from the setting's address, else the e-coordinator's, else etjanst@ the mail domain; the Message-ID is at the mail domain"
  )
  func senderAndMessageID() throws {
    var (m, now) = try Self.demo()
    m.contacts.eCoordinator.email = "linnea@annan.test"
    #expect(m.mailSender?.address == "linnea@annan.test")
    m.settings.mailFrom = "noreply@kommun.test"
    #expect(m.mailSender?.address == "noreply@kommun.test")
    m.settings.mailFrom = ""
    m.contacts.eCoordinator.email = ""
    #expect(m.mailSender?.address == "etjanst@kommun.test")
    #expect(m.mailSender?.name == "etjanst – \(m.name)")
    #expect(m.mailHost == "kommun.test")
    let mail = try #require(Self.plan(m, now).mails.first)
    let text = try #require(
      m.mailSender.map { mail.message(from: $0, host: "kommun.test", date: now) }
    )
    .rendered()
    #expect(text.hasPrefix("From: =?utf-8?B?"), "\(text)")
    #expect(text.contains("?= <etjanst@kommun.test>\nTo: "), "\(text)")
    let id = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("Message-ID: <etjanst.") })
    #expect(id.hasSuffix("@kommun.test>"), "\(id)")
    // Without a mail domain: the sender's domain; without any address, no sender.
    m.settings.mailDomain = ""
    #expect(m.mailSender == nil)
    #expect(m.mailHost == nil)
    m.contacts.eCoordinator.email = "linnea@annan.test"
    #expect(m.mailHost == "annan.test")
    // A Message-ID that is not local@domain is not written as it is.
    for bad in ["a b@x.se", "a@x", "a>@x.se", "a@x.se>\nBcc: e@x.se", "@x.se"] {
      let message = MailMessage(
        fromName: "", fromAddress: "a@x.se", toName: "", toAddress: "b@x.se", subject: "s",
        body: "", date: now, messageID: bad)
      #expect(message.rendered().contains("Message-ID: <invalid@invalid.invalid>\n"), "\(bad)")
    }
  }

  @Test(
    "each person is mailed at their record's e-mail, else at login@ the mail domain, and in their record's language (Swedish unless set); the digest in the e-coordinator's"
  )
  func addressAndLanguageFromTheRecord() throws {
    var (m, now) = try Self.demo()
    for i in m.users.indices {
      m.users[i].language = nil
      m.users[i].email = nil
    }
    for i in m.staff.indices {
      m.staff[i].language = nil
      m.staff[i].email = nil
    }
    let vo = try #require(m.users.firstIndex { $0.login == "chef.vo" })
    m.users[vo].email = "tommy@annan.test"
    m.users[vo].language = .english
    m.requests = [try Self.request(m, id: "r", answered: now.addingTimeInterval(-3_600))]
    // An e-service owner on the staff register, with an address and a language.
    let owned = m.catalogue.compactMap { service -> EntityID<StaffMember>? in
      guard case .staff(let id) = service.roles.serviceOwner else { return nil }
      return id
    }
    let plan0 = Self.plan(m, now)
    let owner = try #require(
      owned.compactMap { m.staffMember($0) }.first { member in
        plan0.mails.contains { $0.address == "\(member.login)@kommun.test" }
      })
    let o = try #require(m.staff.firstIndex { $0.id == owner.id })
    m.staff[o].email = "owner@annan.test"
    m.staff[o].language = .english

    let plan = Self.plan(m, now)
    #expect(!plan.mails.contains { $0.address == "chef.vo@kommun.test" })
    let mail = try #require(plan.mails.first { $0.address == "tommy@annan.test" })
    #expect(mail.subject.hasPrefix("Reminder: 2 items to see to – "), "\(mail.subject)")
    #expect(mail.body.hasPrefix("Hello Tommy Pekkari,\n"), "\(mail.body)")
    #expect(mail.body.contains("as manager of Vård och omsorg"), "\(mail.body)")
    #expect(mail.body.contains("Your requests the e-coordinator has answered:"))
    #expect(mail.body.contains("- Access: evab, sent "), "\(mail.body)")
    #expect(mail.body.contains(" – declined "), "\(mail.body)")
    #expect(mail.body.contains(". Reason: Hon slutar snart"), "\(mail.body)")
    #expect(mail.body.contains("You will be reminded of what is not done again in 7 days."))
    for swedish in ["Hej", "Påminnelse", "Nytt:", "Skäl", "avböjd", "påminns"] {
      #expect(!mail.body.contains(swedish) && !mail.subject.contains(swedish), "\(swedish)")
    }
    let ownerMail = try #require(plan.mails.first { $0.address == "owner@annan.test" })
    #expect(ownerMail.body.hasPrefix("Hello \(owner.name),\n"), "\(ownerMail.body)")
    #expect(ownerMail.body.contains("as e-service owner of "), "\(ownerMail.body)")
    #expect(!plan.mails.contains { $0.address == "\(owner.login)@kommun.test" })
    // Everyone else in Swedish, the digest too.
    let others = plan.mails.filter {
      !["tommy@annan.test", "owner@annan.test"].contains($0.address)
    }
    #expect(!others.isEmpty)
    #expect(others.allSatisfy { $0.body.hasPrefix("Hej") }, "\(others.map(\.subject))")
    #expect(plan.mails.contains { $0.subject.contains(" brister, ") })

    let c = try #require(m.users.firstIndex { $0.role == .eCoordinator })
    m.users[c].language = .english
    m.users[c].email = "linnea@annan.test"
    let english = Self.plan(m, now)
    let digest = try #require(english.mails.first { $0.subject.contains(" warnings – ") })
    #expect(digest.address == "linnea@annan.test")
    #expect(digest.subject.contains(" violations, "), "\(digest.subject)")
    #expect(digest.body.contains("This needs seeing to in \(m.name) today"), "\(digest.body)")
    #expect(digest.body.contains("New since the last digest ("))
  }
}

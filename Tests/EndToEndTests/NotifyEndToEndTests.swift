import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `etjanst notify` against a real mailer: postfix on loopback (`LocalMailer`, which
/// `.ci/mailer` installs), the mails read back from the mailbox it delivers to. Each
/// test has a demo store whose addresses are all in a domain of its own.
@Suite(
  .enabled(
    if: LocalMailer.available,
    "needs root and the local mailer (postfix with the etjanst.test catch-all), which .ci/run installs with .ci/mailer"
  ))
struct NotifyEndToEndTests {
  /// A demo store whose every recorded address, and the mail domain, are in `domain`.
  struct MailStore {
    let folder: URL
    let store: String
    let domain: String

    init() throws {
      folder = try Binary.temporaryFolder()
      store = try Binary.demoStore(in: folder)
      domain = LocalMailer.uniqueDomain()
      // The demo's addresses (the municipality's and the e-nämnd's) into the test's domain.
      try edit(
        """
        def move(v):
            if isinstance(v, dict): return {k: move(x) for k, x in v.items()}
            if isinstance(v, list): return [move(x) for x in v]
            if isinstance(v, str) and '@' in v: return v.split('@')[0] + '@' + DOMAIN
            return v
        d = move(d)
        """)
      let set = try notify(["--set-mail-domain", domain])
      #expect(set.status == 0, "\(set.stderr)")
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// Runs notify as the timer does, after a dry run to know how many mails it
    /// sends; waits for them all (then for the mailer to settle): every mail to the
    /// domain so far.
    @discardableResult
    func send() throws -> [LocalMailer.Mail] {
      let before = try LocalMailer.mails(in: domain).filter {
        !$0.to.hasPrefix(LocalMailer.markerPrefix)
      }
      let planned = NotifyEndToEndTests.planned(try notify(["--dry-run"]).stdout).count
      let run = try notify()
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stdout)\(run.stderr)")
      _ = try LocalMailer.waitFor(before.count + planned, in: domain)
      return try LocalMailer.settled(domain)
    }

    var coordinator: String { "linnea.alatalo@\(domain)" }
    var ledger: String { store + ".reminders" }

    func notify(_ arguments: [String] = []) throws -> Binary.Output {
      try Binary.etjanst(["notify", "--store", store] + arguments)
    }

    /// Runs Python over the store as plistlib reads it (`d`, `DOMAIN`, `NOW` in
    /// UTC) and writes it back, as a script editing the file would.
    func edit(_ code: String, file: String? = nil) throws {
      let path = file ?? store
      let json = path.hasSuffix(".reminders")
      let script = """
        import plistlib, json, sys, datetime
        DOMAIN = sys.argv[2]
        NOW = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        p = sys.argv[1]
        d = json.load(open(p)) if \(json ? "True" : "False") else plistlib.load(open(p, 'rb'))
        \(code)
        if \(json ? "True" : "False"):
            json.dump(d, open(p, 'w'))
        else:
            plistlib.dump(d, open(p, 'wb'))
        """
      let out = try Binary.run("/usr/bin/env", ["python3", "-c", script, path, domain])
      guard out.status == 0 else { throw LocalMailer.PythonFailed(stderr: out.stderr) }
    }
  }

  /// The mails a dry run prints: how many, and to whom.
  static func planned(_ dryRun: String) -> [String] {
    dryRun.split(separator: "\n").filter { $0.hasPrefix("To: ") }.map { line in
      String(line.split(separator: "<").last?.dropLast() ?? line.dropFirst(4))
    }
  }

  @Test(
    "the first run mails the digest to the e-coordinator, each manager and e-service owner their own findings, as UTF-8 text with encoded headers; the dry run before it sent nothing"
  )
  func firstRun() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let dry = try s.notify(["--dry-run"])
    #expect(dry.status == 0, "\(dry.stderr)")
    let planned = Self.planned(dry.stdout)
    #expect(!FileManager.default.fileExists(atPath: s.ledger), "a dry run marked mails sent")

    let run = try s.notify()
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty, "notify printed: \(run.stdout)")
    _ = try LocalMailer.waitFor(planned.count, in: s.domain)
    let mails = try LocalMailer.settled(s.domain)
    #expect(mails.map(\.to).sorted() == planned.sorted())

    // The digest: one, with the counts `check` gives in its subject.
    // (The e-coordinator owns e-services too: those come as a reminder of their own.)
    let digests = mails.filter {
      $0.to == s.coordinator && !$0.subject.hasPrefix("FÖRSENAD")
        && !$0.subject.hasPrefix("Påminnelse")
    }
    #expect(digests.count == 1, "\(mails.map { ($0.to, $0.subject) })")
    let check = try Binary.etjanst(["check", "--store", s.store])
    let lines = check.stdout.split(separator: "\n")
    let violations = lines.filter { $0.split(separator: " ").dropFirst().first == "brist" }.count
    let warnings = lines.filter { $0.split(separator: " ").dropFirst().first == "varning" }.count
    #expect(violations + warnings > 0)
    let today = try Binary.run("/bin/sh", ["-c", "TZ=Europe/Stockholm date +%F"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if let digest = digests.first {
      #expect(
        digest.subject
          == "\(violations) \(violations == 1 ? "brist" : "brister"), \(warnings) \(warnings == 1 ? "varning" : "varningar") – Övertorneå kommun \(today)"
      )
      #expect(digest.body.contains("Nytt sedan förra sammanfattningen"))
    }

    // Managers and e-service owners: a reminder each, at login@domain.
    let reminders = mails.filter { $0.subject.hasPrefix("Påminnelse: ") }
    #expect(reminders.contains { $0.to.hasPrefix("chef.") }, "\(mails.map(\.to))")
    #expect(reminders.contains { !$0.to.hasPrefix("chef.") }, "\(mails.map(\.to))")
    for mail in reminders where mail.to.hasPrefix("chef.") {
      #expect(mail.body.contains("som chef för "), "\(mail.body)")
    }
    // One mail a recipient.
    #expect(Set(reminders.map(\.to)).count == reminders.count)

    for mail in mails {
      #expect(mail.contentType == "text/plain; charset=utf-8", "\(mail.rawHeaders)")
      for header in ["MIME-Version", "Date", "Message-ID", "Subject", "To"] {
        #expect(mail.headerNames.contains(header), "\(header) missing: \(mail.rawHeaders)")
      }
      #expect(mail.rawHeaders.contains("\nSubject: =?utf-8?B?"), "\(mail.rawHeaders)")
      #expect(mail.body.trimmingCharacters(in: .newlines).hasSuffix("\n-- \netjanst"))
    }
  }

  @Test("a second run sends nothing new and prints nothing")
  func secondRun() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let first = try s.send()
    #expect(!first.isEmpty)
    // A dry run with nothing to send leaves the ledger as it was.
    let ledger = try Data(contentsOf: URL(fileURLWithPath: s.ledger))
    sleep(1)
    let dry = try s.notify(["--dry-run"])
    #expect(dry.status == 0 && dry.stdout.isEmpty, "\(dry.stdout)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: s.ledger)) == ledger)
    let again = try s.notify()
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.isEmpty && again.stderr.isEmpty, "\(again.stdout)\(again.stderr)")
    let after = try LocalMailer.settled(s.domain)
    #expect(after.count == first.count, "\(after.dropFirst(first.count).map(\.subject))")
  }

  /// What the finding of an overdue review says.
  static let overdue = "skulle ha granskats senast"

  @Test(
    "after the period, what is not done is mailed again and what was done is not: an e-service reviewed drops out of its owner's reminder and the digest"
  )
  func doneItemStops() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let first = try s.send()
    // An e-service whose review is overdue, named in a reminder to its owner.
    let reminders = first.filter { $0.subject.hasPrefix("Påminnelse: ") }
    guard
      let line = reminders.flatMap({ $0.body.split(separator: "\n") }).first(where: {
        $0.hasPrefix("- [4] ") && $0.contains(Self.overdue)
      })
    else {
      Issue.record("no reminder of an overdue review: \(first.map(\.subject))")
      return
    }
    let service = String(line.dropFirst("- [4] ".count).split(separator: ":").first ?? "")
    // Reviewed today; a week and a day pass for the ledger.
    try s.edit(
      """
      for x in d['municipality']['services']:
          if x['name'] == \(Self.python(service)):
              x['lastReviewed'] = NOW.strftime('%Y-%m-%d')
      """)
    try s.edit(
      """
      import datetime as dt
      def back(t):
          return (dt.datetime.fromisoformat(t.replace('Z', '+00:00')) - dt.timedelta(days=8)).strftime('%Y-%m-%dT%H:%M:%SZ')
      d['sent'] = {k: back(v) for k, v in d['sent'].items()}
      d['digestDay'] = '2000-01-01'
      """, file: s.ledger)
    let second = Array(try s.send().dropFirst(first.count))
    // Mailed again: the digest and the reminders of what is still not done.
    #expect(second.contains { $0.to == s.coordinator })
    #expect(second.contains { $0.body.contains("Fortfarande inte åtgärdat:") })
    for again in second {
      #expect(!again.body.contains("\(service): \(Self.overdue)"), "\(again.to): \(again.body)")
    }
  }

  @Test(
    "an outage whose e-nämnd contact is late mails the e-coordinator and the deputy once, however often the timer runs"
  )
  func lateOutageContact() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    #expect(try s.notify(["--set-deputy", "vikarie@\(s.domain)"]).status == 0)
    // Everything else already mailed, so what follows is the outage's alone.
    let before = try s.send()
    try s.edit(
      """
      import copy, datetime as dt
      o = copy.deepcopy(d['municipality']['outages'][0])
      o['id'] = 'out-late-test'
      o['start'] = NOW - dt.timedelta(minutes=40)
      for k in ['end', 'contact']:
          o.pop(k, None)
      o['cause'] = ''
      o['followUp'] = ''
      o['notified'] = []
      d['municipality']['outages'].append(o)
      """)
    try s.send()
    for _ in 0..<2 { #expect(try s.notify().status == 0) }
    let outage = Array(try LocalMailer.settled(s.domain).dropFirst(before.count))
    let late = outage.filter { $0.subject.hasPrefix("FÖRSENAD: Avbrott sedan ") }
    #expect(late.map(\.to).sorted() == [s.coordinator, "vikarie@\(s.domain)"].sorted())
    #expect(late.allSatisfy { $0.body.contains("Norrbottens e-nämnd") })
  }

  @Test("a name with a line break cannot add a header: it stays in the encoded To name")
  func headerInjection() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let evil = "evil@\(s.domain)"
    try s.edit(
      """
      d['municipality']['users'][0]['name'] = 'Linnea\\r\\nBcc: \(evil)\\nX-Evil: 1'
      for x in d['municipality']['services']:
          x['name'] = x['name'] + '\\nBcc: \(evil)'
      """)
    let mails = try s.send()
    #expect(!mails.isEmpty)
    #expect(!mails.contains { $0.to == evil })
    for mail in mails {
      #expect(!mail.headerNames.contains { $0.lowercased() == "bcc" || $0 == "X-Evil" })
      #expect(!mail.subject.contains("\n"))
    }
    let digest = mails.first { $0.to == s.coordinator && !$0.subject.hasPrefix("Påminnelse") }
    #expect(digest?.toName.hasPrefix("Linnea") == true, "\(digest?.rawHeaders ?? "")")
    #expect(digest?.toName.contains("Bcc: \(evil)") == true, "\(digest?.toName ?? "")")
  }

  @Test("a failing mailer is exit 2 and marks nothing sent: the next run sends it all")
  func failingMailer() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let failed = try s.notify(["--sendmail", "/bin/false"])
    #expect(failed.status == 2)
    #expect(failed.stderr.contains("/bin/false misslyckades"), "\(failed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: s.ledger))
    let missing = try s.notify(["--sendmail", s.folder.path + "/no-such-mailer"])
    #expect(missing.status == 2)
    #expect(!FileManager.default.fileExists(atPath: s.ledger))
    let planned = Self.planned(try s.notify(["--dry-run"]).stdout)
    let mails = try s.send()
    #expect(mails.map(\.to).sorted() == planned.sorted())
  }

  /// `text` as a Python string literal.
  static func python(_ text: String) -> String {
    let data = try! JSONEncoder().encode(text)
    return String(decoding: data, as: UTF8.self)
  }

  /// Puts a request from the manager of Vård och omsorg in the store, sent yesterday,
  /// as a manager's filing would; the e-coordinator answers it with `etjanst request`.
  static func fileRequest(_ s: MailStore, id: String) throws {
    try s.edit(
      """
      import datetime as dt
      d['municipality'].setdefault('requests', []).append({
          'id': '\(id)', 'kind': 'error', 'state': 'sent', 'sender': 'chef.vo',
          'department': 'dep-vo', 'sent': NOW - dt.timedelta(days=1), 'name': '', 'login': '',
          'services': ['svc-lexsarah'], 'signing': False, 'ends': False,
          'text': 'Bilagan försvinner', 'urgent': False, 'reason': ''})
      """)
  }

  @Test(
    "a manager is mailed their request once it is answered, once: the next runs send nothing"
  )
  func answeredRequest() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    try Self.fileRequest(s, id: "req-e2e")
    let first = try s.send()
    // Sent, not answered: nobody hears of it.
    #expect(!first.contains { $0.body.contains("Dina begäranden") })
    let declined = try Binary.etjanst(
      ["request", "decline", "req-e2e", "--reason", "Redan rättat", "--store", s.store])
    #expect(declined.status == 0, "\(declined.stderr)")
    let second = Array(try s.send().dropFirst(first.count))
    #expect(second.map(\.to) == ["chef.vo@\(s.domain)"], "\(second.map(\.subject))")
    if let mail = second.first {
      #expect(mail.subject.hasPrefix("Svar på 1 begäran – Övertorneå kommun "), "\(mail.subject)")
      #expect(
        mail.body.contains(
          "- Fel eller revidering: Rapport om missförhållande (lex Sarah), skickad "),
        "\(mail.body)")
      #expect(mail.body.contains(" – avböjd "), "\(mail.body)")
      #expect(mail.body.contains("Skäl: Redan rättat"), "\(mail.body)")
    }
    for _ in 0..<2 {
      let again = try s.notify()
      #expect(again.status == 0 && again.stdout.isEmpty && again.stderr.isEmpty)
    }
    let after = try LocalMailer.settled(s.domain)
    #expect(after.count == first.count + second.count, "\(after.map(\.subject))")
  }

  @Test(
    "every mail comes from the sender the settings give (else the e-coordinator's address), with a Message-ID at the mail domain"
  )
  func senderAndMessageID() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let refused = try s.notify(["--set-from", "noreply@\(s.domain)\nBcc: evil@\(s.domain)"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("Avsändaren anges med en e-postadress"), "\(refused.stderr)")
    #expect(try s.notify(["--set-from", "noreply@\(s.domain)"]).status == 0)
    let mails = try s.send()
    #expect(!mails.isEmpty)
    for mail in mails {
      #expect(mail.from == "etjanst – Övertorneå kommun <noreply@\(s.domain)>", "\(mail.from)")
      #expect(mail.messageID.hasPrefix("<etjanst."), "\(mail.messageID)")
      #expect(mail.messageID.hasSuffix("@\(s.domain)>"), "\(mail.messageID)")
    }
    #expect(Set(mails.map(\.messageID)).count == mails.count)
    // Without the setting: the e-coordinator's contact address.
    #expect(try s.notify(["--set-from", ""]).status == 0)
    try Self.fileRequest(s, id: "req-from")
    _ = try Binary.etjanst([
      "request", "decline", "req-from", "--reason", "Nej", "--store", s.store,
    ])
    let next = Array(try s.send().dropFirst(mails.count))
    #expect(!next.isEmpty)
    #expect(next.allSatisfy { $0.from.hasSuffix(" <\(s.coordinator)>") }, "\(next.map(\.from))")
  }

  @Test(
    "without a sender (no setting, no e-coordinator's address, no mail domain) nothing is sent: one line, exit 2"
  )
  func noSender() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    #expect(try s.notify(["--set-mail-domain", ""]).status == 0)
    try s.edit("d['municipality']['contacts']['eCoordinator']['email'] = ''")
    let run = try s.notify()
    #expect(run.status == 2)
    #expect(run.stderr.contains("e-brevens avsändare saknas"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: s.ledger))
    #expect(try LocalMailer.settled(s.domain).isEmpty)
  }

  @Test(
    "a mailer that fails on the second mail: exit 2, the first counts as sent and the rest go at the next run, none twice"
  )
  func mailerFailsMidRun() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    // The real mailer for the first mail, a failure (EX_TEMPFAIL) after it.
    let mailer = s.folder.appendingPathComponent("once-sendmail").path
    let count = s.folder.appendingPathComponent("count").path
    try Data(
      """
      #!/bin/sh
      n=$(( $(cat '\(count)' 2>/dev/null || echo 0) + 1 ))
      echo "$n" > '\(count)'
      [ "$n" -le 1 ] || exit 75
      exec /usr/sbin/sendmail "$@"

      """.utf8
    ).write(to: URL(fileURLWithPath: mailer))
    chmod(mailer, 0o755)
    let planned = Self.planned(try s.notify(["--dry-run"]).stdout)
    #expect(planned.count > 2)
    let failed = try s.notify(["--sendmail", mailer])
    #expect(failed.status == 2)
    #expect(
      failed.stderr.contains("misslyckades (exit 75); 1 av \(planned.count) e-brev skickade"),
      "\(failed.stderr)")
    let first = try LocalMailer.settled(s.domain)
    #expect(first.map(\.to) == Array(planned.prefix(1)))
    #expect(FileManager.default.fileExists(atPath: s.ledger))
    // The next run sends the others, and not the first again.
    #expect(Self.planned(try s.notify(["--dry-run"]).stdout) == Array(planned.dropFirst()))
    let all = try s.send()
    #expect(all.map(\.to).sorted() == planned.sorted())
  }

  @Test(
    "a manager whose record gives an address and English is mailed there, in English, their answered request too; the others stay Swedish"
  )
  func englishManager() throws {
    let s = try MailStore()
    defer { s.cleanUp() }
    let tommy = "tommy.pekkari@\(s.domain)"
    try s.edit(
      """
      for u in d['municipality']['staff']:
          u.pop('language', None)
      for u in d['municipality']['users']:
          u.pop('language', None)
          if u['login'] == 'chef.vo':
              u['language'] = 'en'
              u['email'] = \(Self.python(tommy))
      """)
    try Self.fileRequest(s, id: "req-en")
    let first = try s.send()
    #expect(!first.contains { $0.to == "chef.vo@\(s.domain)" }, "\(first.map(\.to))")
    let english = first.filter { $0.to == tommy }
    #expect(english.count == 1, "\(first.map(\.to))")
    if let mail = english.first {
      #expect(mail.subject.hasPrefix("Reminder: "), "\(mail.subject)")
      #expect(mail.body.hasPrefix("Hello Tommy Pekkari,\n"), "\(mail.body)")
      #expect(mail.body.contains("as manager of Vård och omsorg"), "\(mail.body)")
      #expect(!mail.body.contains("Påminn") && !mail.body.contains("Hej"), "\(mail.body)")
    }
    #expect(
      first.filter { $0.to != tommy }.allSatisfy { $0.body.hasPrefix("Hej") },
      "\(first.map(\.subject))")
    let declined = try Binary.etjanst(
      ["request", "decline", "req-en", "--reason", "Already fixed", "--store", s.store])
    #expect(declined.status == 0, "\(declined.stderr)")
    let second = Array(try s.send().dropFirst(first.count))
    #expect(second.map(\.to) == [tommy], "\(second.map(\.to))")
    if let mail = second.first {
      #expect(
        mail.subject.hasPrefix("Answers to 1 request – Övertorneå kommun "), "\(mail.subject)")
      #expect(mail.body.contains("Your requests the e-coordinator has answered:"), "\(mail.body)")
      #expect(mail.body.contains("- Error or revision: "), "\(mail.body)")
      #expect(mail.body.contains(" – declined "), "\(mail.body)")
      #expect(mail.body.contains("Reason: Already fixed"), "\(mail.body)")
    }
  }
}

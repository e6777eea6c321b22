import Foundation

/// What `etjanst notify` has mailed, kept beside the store between runs, so a run
/// mails an item to a person only once per period (`Settings.reminderRepeatDays`),
/// the e-coordinator's digest once a day, a late outage contact once and an answered
/// request once. A mail's own part of it (`PlannedMail.marks`) is added only once the
/// mailer has taken that mail.
public struct ReminderLedger: Codable, Sendable, Equatable {
  /// When each item was last mailed to each address ("address item").
  public var sent: [String: Date] = [:]
  /// The day (in the municipality's zone) of the last digest, and the items it held.
  public var digestDay: String?
  public var digestItems: [String] = []
  /// The late e-nämnd contacts mailed, each as "outage address" (a bare outage id, as
  /// an earlier version wrote it: mailed to everyone).
  public var lateOutages: [String] = []
  /// Requests answered at or after this moment are told to their senders; nil before
  /// the first run (which tells those of the last period).
  public var requestsSince: Date?
  /// The answered requests told since `requestsSince`: "address request" → when the
  /// request was answered.
  public var requestsTold: [String: Date] = [:]

  public init() {}

  /// A ledger an earlier version wrote lacks the newer keys: each missing key is empty.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    sent = try c.decodeIfPresent([String: Date].self, forKey: .sent) ?? [:]
    digestDay = try c.decodeIfPresent(String.self, forKey: .digestDay)
    digestItems = try c.decodeIfPresent([String].self, forKey: .digestItems) ?? []
    lateOutages = try c.decodeIfPresent([String].self, forKey: .lateOutages) ?? []
    requestsSince = try c.decodeIfPresent(Date.self, forKey: .requestsSince)
    requestsTold = try c.decodeIfPresent([String: Date].self, forKey: .requestsTold) ?? [:]
  }

  /// `marks` added: what one mail the mailer took records.
  mutating func add(_ marks: ReminderLedger) {
    sent.merge(marks.sent) { $1 }
    if let day = marks.digestDay {
      digestDay = day
      digestItems = marks.digestItems
    }
    lateOutages += marks.lateOutages.filter { !lateOutages.contains($0) }
    requestsTold.merge(marks.requestsTold) { $1 }
  }
}

/// A person a reminder goes to: a name, and an address when the store gives one.
public struct MailRecipient: Hashable, Sendable {
  public var name: String
  public var address: String?
  /// What they are mailed as ("e-tjänsteägare", "chef för …").
  public var role: LocalizedText
  /// The language their mail is written in (Swedish unless set).
  public var language: Language

  public init(name: String, address: String?, role: LocalizedText, language: Language = .swedish) {
    self.name = name
    self.address = address
    self.role = role
    self.language = language
  }
}

/// One mail `etjanst notify` sends, before its headers are made.
public struct PlannedMail: Sendable, Equatable {
  public var recipient: MailRecipient
  public var address: String
  public var subject: String
  public var body: String
  /// What the ledger records once the mailer has taken this mail.
  public var marks = ReminderLedger()
}

extension PlannedMail {
  /// The mail as the mailer takes it: from `sender`, dated `date`, with a Message-ID
  /// unique to it at `host` (a moment and a random part).
  public func message(from sender: MailRecipient, host: String, date: Date) -> MailMessage {
    let stamp = Int(date.timeIntervalSince1970)
    return MailMessage(
      fromName: sender.name, fromAddress: sender.address ?? "", toName: recipient.name,
      toAddress: address, subject: subject, body: body, date: date,
      messageID: "etjanst.\(stamp).\(UUID().uuidString.lowercased())@\(host)")
  }
}

/// The mails due now, and the ledger to keep after the mailer took some of them.
public struct ReminderPlan: Sendable {
  public var mails: [PlannedMail]
  /// The ledger when no mail is taken: what was mailed before and still counts.
  public var kept: ReminderLedger
  /// The e-coordinator has no address: their digest cannot be sent.
  public var coordinatorUnreachable: Bool
  /// The moment planned for.
  public var now: Date

  /// The ledger once the mailer took the first `count` mails (and not the rest, which
  /// the next run plans again). When it took them all, the answered requests are
  /// told up to now (a run with nothing to send leaves the ledger as it was).
  public func ledger(sent count: Int) -> ReminderLedger {
    var ledger = kept
    for mail in mails.prefix(count) { ledger.add(mail.marks) }
    if count >= mails.count, !mails.isEmpty {
      // In whole seconds, as the ledger's file keeps it: a request answered within
      // this second stays told.
      let since = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
      ledger.requestsSince = since
      ledger.requestsTold = ledger.requestsTold.filter { $0.value >= since }
    }
    return ledger
  }

  /// The ledger once every mail was taken.
  public var ledger: ReminderLedger { ledger(sent: mails.count) }
}

extension Municipality {
  /// The address mailed for a login: login @ the mail domain, when both are valid.
  public func mailAddress(login: String) -> String? {
    guard let login = Login.normalized(login) else { return nil }
    let domain = settings.mailDomain.trimmingCharacters(in: .whitespaces).lowercased()
    return MailAddress.normalized("\(login)@\(domain)")
  }

  /// The address a person is mailed at: the e-mail their record gives, else their
  /// login @ the mail domain.
  func mailAddress(email: String?, login: String) -> String? {
    email.flatMap(MailAddress.normalized) ?? mailAddress(login: login)
  }

  /// Who is mailed as `ref`: a named person at their recorded address (in Swedish: no
  /// record gives their language), a member of staff at their record's address and in
  /// its language.
  public func mailRecipient(_ ref: PersonRef, role: LocalizedText) -> MailRecipient {
    switch ref {
    case .named(let name, let email):
      return MailRecipient(name: name, address: MailAddress.normalized(email), role: role)
    case .staff(let id):
      guard let member = staffMember(id) else {
        return MailRecipient(name: id.rawValue, address: nil, role: role)
      }
      return MailRecipient(
        name: member.name, address: mailAddress(email: member.email, login: member.login),
        role: role, language: member.language ?? .swedish)
    }
  }

  /// The e-coordinator: the first user who is e-coordinator, at the e-mail of their
  /// record, else at the contacts' card's, else at their login @ the mail domain; in
  /// their language.
  public var mailCoordinator: MailRecipient {
    let card = contacts.eCoordinator
    let user = users.first { $0.role == .eCoordinator }
    return MailRecipient(
      name: user?.name ?? card.name,
      address: user?.email.flatMap(MailAddress.normalized) ?? MailAddress.normalized(card.email)
        ?? user.flatMap { mailAddress(login: $0.login) },
      role: MailTexts.coordinatorRole, language: user?.language ?? .swedish)
  }

  /// The deputy the settings name for a late outage contact: an address as it is, a
  /// login as that user (or member of staff) is mailed; nil when none is set.
  public var mailOutageDeputy: MailRecipient? {
    let text = settings.outageDeputy.trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return nil }
    let role = MailTexts.deputyRole
    if text.contains("@") {
      return MailRecipient(name: "", address: MailAddress.normalized(text), role: role)
    }
    if let user = user(login: text) {
      var person = mailRecipient(user)
      person.role = role
      return person
    }
    if let member = staffMember(login: text) {
      return mailRecipient(.staff(member.id), role: role)
    }
    return MailRecipient(
      name: displayName(login: text), address: mailAddress(login: text), role: role)
  }

  /// The managers of a department: its users with the manager role.
  func mailManagers(of department: EntityID<Department>) -> [MailRecipient] {
    users.filter { $0.role == .manager(department: department) }.map(mailRecipient)
  }

  /// A user as mailed: at their record's address, in its language; a manager as the
  /// manager of their department.
  func mailRecipient(_ user: User) -> MailRecipient {
    let role: LocalizedText
    if case .manager(let department) = user.role {
      let name = self.department(department)?.name ?? department.rawValue
      role = MailTexts.managerRole(name)
    } else {
      role = MailTexts.requestSenderRole
    }
    return MailRecipient(
      name: user.name, address: mailAddress(email: user.email, login: user.login), role: role,
      language: user.language ?? .swedish)
  }

  /// The mails' sender, "etjanst – <municipality>": at the address the settings give,
  /// else the e-coordinator's contact address, else etjanst@ the mail domain; nil
  /// when there is none of these.
  public var mailSender: MailRecipient? {
    let address =
      MailAddress.normalized(settings.mailFrom)
      ?? MailAddress.normalized(contacts.eCoordinator.email) ?? mailAddress(login: "etjanst")
    guard let address else { return nil }
    return MailRecipient(
      name: name.isEmpty ? "etjanst" : "etjanst – \(name)", address: address,
      role: MailTexts.senderRole)
  }

  /// The host a Message-ID names: the mail domain, else the sender's domain.
  public var mailHost: String? {
    let domain = settings.mailDomain.trimmingCharacters(in: .whitespaces).lowercased()
    if MailAddress.isDomain(domain) { return domain }
    return mailSender?.address.flatMap { $0.split(separator: "@").last.map(String.init) }
  }
}

/// Who hears of what, by mail. The items are the domain's findings (`Findings.all`),
/// routed by what they are about: an e-service's to its e-service owner, a member of
/// staff's and a fallback routine's to their department's managers, and every one to
/// the e-coordinator's daily digest.
public enum Reminders {
  /// A finding as an item that stays the same while it is not done: what it is about
  /// and what it says, its numbers left out (minutes that pass, a count of cases that
  /// drops by one), so the clock moving does not make it new.
  public static func itemKey(_ f: Finding) -> String {
    let target: String
    switch f.target {
    case .service(let id): target = "service:\(id.rawValue)"
    case .staff(let id): target = "staff:\(id.rawValue)"
    case .department(let id): target = "department:\(id.rawValue)"
    case .order(let id): target = "order:\(id.rawValue)"
    case .outage(let id): target = "outage:\(id.rawValue)"
    case .contacts: target = "contacts"
    case .users: target = "users"
    case nil: target = "subject:\(f.subject)"
    }
    let words = f.message.sv.replacingOccurrences(
      of: "[0-9]+", with: "#", options: .regularExpression)
    return "\(target)|\(f.section)|\(f.severity.rawValue)|\(words)"
  }

  /// Who hears of `f` besides the e-coordinator.
  static func recipients(of f: Finding, in m: Municipality) -> [MailRecipient] {
    switch f.target {
    case .service(let id):
      guard let service = m.service(id), let owner = service.roles.serviceOwner else { return [] }
      return [
        m.mailRecipient(
          owner,
          role: MailTexts.ownerRole(service.name))
      ]
    case .staff(let id):
      guard let member = m.staffMember(id) else { return [] }
      return m.mailManagers(of: member.department)
    case .department(let id):
      return m.mailManagers(of: id)
    default:
      return []
    }
  }

  /// The mails due at `now` after what `ledger` says was sent, each with what the
  /// ledger records once it is taken: per person, the items not mailed within the
  /// period (what is done drops out, and is mailed afresh if it comes back) and the
  /// requests they sent that were answered (accepted, done or declined) since the
  /// last run, each once; the digest on the first run of a day; each outage whose
  /// e-nämnd contact is late, once to each of the e-coordinator and the deputy.
  public static func plan(
    _ m: Municipality, findings: [Finding], at now: Date, ledger old: ReminderLedger
  ) -> ReminderPlan {
    let period = TimeInterval(max(1, m.settings.reminderRepeatDays) * 86_400)
    let today = Day(now).description
    var mails: [PlannedMail] = []
    // What still counts if no mail is taken; each mail adds its own marks.
    var kept = ReminderLedger()
    kept.digestDay = old.digestDay
    kept.digestItems = old.digestItems

    // The outage clock: the e-coordinator and the deputy, once per late outage.
    let coordinator = m.mailCoordinator
    for outage in m.outages where outage.isActive {
      guard case .late(let elapsed, _) = m.contactState(outage, at: now) else { continue }
      let id = outage.id.rawValue
      if old.lateOutages.contains(id) {
        kept.lateOutages.append(id)
        continue
      }
      let people = [coordinator] + (m.mailOutageDeputy.map { [$0] } ?? [])
      for person in people {
        guard let address = person.address else { continue }
        let key = "\(id) \(address)"
        if old.lateOutages.contains(key) {
          kept.lateOutages.append(key)
          continue
        }
        var mail = lateOutageMail(m, outage, minutes: Int(elapsed / 60), to: person, address)
        mail.marks.lateOutages = [key]
        mails.append(mail)
      }
    }

    // Per address: the items routed to whoever has it (one person may own several
    // e-services, and so be mailed as several roles, once), and the requests they
    // sent that were answered since the last run.
    typealias Entry = (
      person: MailRecipient, roles: [LocalizedText], items: [Finding], keys: Set<String>,
      requests: [Request]
    )
    var people: [String: Entry] = [:]
    var unreachable: [MailRecipient] = []
    func route(_ person: MailRecipient, _ add: (inout Entry) -> Void) {
      guard let address = person.address else {
        if !unreachable.contains(person) { unreachable.append(person) }
        return
      }
      var entry = people[address] ?? (person, [], [], [], [])
      if !entry.roles.contains(person.role) { entry.roles.append(person.role) }
      add(&entry)
      people[address] = entry
    }
    for f in findings {
      for person in recipients(of: f, in: m) {
        route(person) { if $0.keys.insert(itemKey(f)).inserted { $0.items.append(f) } }
      }
    }
    let since = old.requestsSince ?? now.addingTimeInterval(-period)
    kept.requestsSince = since
    for r in m.requestsAnswered(since: since) {
      guard let sender = m.user(login: r.sender) else { continue }
      route(m.mailRecipient(sender)) { $0.requests.append(r) }
    }
    for address in people.keys.sorted() {
      guard let entry = people[address] else { continue }
      var person = entry.person
      person.role = LocalizedText(
        sv: entry.roles.map(\.sv).joined(separator: ", "),
        en: entry.roles.map(\.en).joined(separator: ", "))
      var marks = ReminderLedger()
      var new: [Finding] = []
      var again: [Finding] = []
      for f in entry.items {
        let key = "\(address) \(itemKey(f))"
        if let when = old.sent[key] {
          // Mailed before: kept, so that it reads as "again" if this mail fails.
          kept.sent[key] = when
          if now.timeIntervalSince(when) < period { continue }
          again.append(f)
        } else {
          new.append(f)
        }
        marks.sent[key] = now
      }
      var answered: [Request] = []
      for r in entry.requests {
        let key = "\(address) \(r.id.rawValue)"
        if let when = old.requestsTold[key] {
          kept.requestsTold[key] = when
        } else {
          answered.append(r)
          marks.requestsTold[key] = r.answeredAt ?? now
        }
      }
      if new.isEmpty && again.isEmpty && answered.isEmpty { continue }
      var mail = reminderMail(
        m, to: person, address, new: new, again: again, answered: answered, today: today)
      mail.marks = marks
      mails.append(mail)
    }

    // The e-coordinator's digest: once a day, when anything needs attention.
    var coordinatorUnreachable = false
    if old.digestDay != today, !findings.isEmpty {
      if let address = coordinator.address {
        var mail = digestMail(
          m, to: coordinator, address, findings: findings, seen: Set(old.digestItems),
          unreachable: unreachable, today: today)
        mail.marks.digestDay = today
        mail.marks.digestItems = findings.map(itemKey)
        mails.append(mail)
      } else {
        coordinatorUnreachable = true
      }
    }
    return ReminderPlan(
      mails: mails, kept: kept, coordinatorUnreachable: coordinatorUnreachable, now: now)
  }

  /// "[4] Bygglov: granskning försenad …": one item as a line of a mail.
  static func line(_ f: Finding, _ language: Language) -> String {
    "- [\(f.section)] \(f.subject): \(f.message(language))"
  }

  static let signature = "-- \netjanst"

  static func greeting(_ person: MailRecipient, _ language: Language) -> String {
    MailTexts.greeting(MailMessage.oneLine(person.name))(language)
  }

  static func reminderMail(
    _ m: Municipality, to person: MailRecipient, _ address: String, new: [Finding],
    again: [Finding], answered: [Request], today: String
  ) -> PlannedMail {
    let l = person.language
    let findings = !new.isEmpty || !again.isEmpty
    let subject =
      findings
      ? MailTexts.reminderSubject(new.count + again.count, m.name, today)(l)
      : MailTexts.answersSubject(answered.count, m.name, today)(l)
    var body = [greeting(person, l), ""]
    if findings { body += [MailTexts.reminderIntro(person.role)(l), ""] }
    for (heading, list) in [(MailTexts.new, new), (MailTexts.again, again)] where !list.isEmpty {
      body.append(heading(l))
      body += list.map { line($0, l) }
      body.append("")
    }
    if !answered.isEmpty {
      body.append(MailTexts.answered(l))
      body += answered.map { line($0, in: m, l) }
      body.append("")
    }
    if findings {
      body += [MailTexts.repeats(max(1, m.settings.reminderRepeatDays))(l), ""]
    }
    body.append(signature)
    return PlannedMail(
      recipient: person, address: address, subject: subject,
      body: body.joined(separator: "\n") + "\n")
  }

  /// An answered request as a line of a mail, in its state now, with the reason it
  /// was declined.
  static func line(_ r: Request, in m: Municipality, _ language: Language) -> String {
    var text = MailTexts.request(
      r.kind, m.subject(of: r), sent: Day(r.sent).description, m.state(of: r),
      answered: r.answeredAt.map { " " + Day($0).description } ?? "")(language)
    if r.state == .declined, !r.reason.isEmpty {
      text += MailTexts.reason(language) + MailMessage.oneLine(r.reason)
    }
    return text
  }

  static func digestMail(
    _ m: Municipality, to person: MailRecipient, _ address: String, findings: [Finding],
    seen: Set<String>, unreachable: [MailRecipient], today: String
  ) -> PlannedMail {
    let l = person.language
    let violations = findings.filter { $0.severity == .violation }.count
    let warnings = findings.filter { $0.severity == .warning }.count
    let subject =
      "\(Finding.Severity.violation.noun.count(violations)(l)), \(Finding.Severity.warning.noun.count(warnings)(l))"
      + " – \(m.name) \(today)"
    let new = findings.filter { !seen.contains(itemKey($0)) }
    let old = findings.filter { seen.contains(itemKey($0)) }
    var body = [greeting(person, l), "", MailTexts.digestIntro(m.name, today)(l), ""]
    for (heading, list) in [
      (MailTexts.newSinceDigest(new.count), new), (MailTexts.fromBefore(old.count), old),
    ] where !list.isEmpty {
      body.append(heading(l))
      body += list.map { line($0, l) }
      body.append("")
    }
    if !unreachable.isEmpty {
      body.append(MailTexts.unreachable(l))
      body += unreachable.map { "- \($0.name) (\($0.role(l)))" }
      body.append("")
    }
    body.append(signature)
    return PlannedMail(
      recipient: person, address: address, subject: subject,
      body: body.joined(separator: "\n") + "\n")
  }

  static func lateOutageMail(
    _ m: Municipality, _ outage: Outage, minutes: Int, to person: MailRecipient, _ address: String
  ) -> PlannedMail {
    let l = person.language
    let since = LocalTime.text(outage.start)
    let kind = outage.isDrill ? MailTexts.drill : MailTexts.outage
    let administrator = m.contacts.systemAdministrator
    let body = [
      greeting(person, l), "",
      MailTexts.lateBody(
        kind, since: since, minutes: minutes, limit: m.outageContactLimitMinutes)(l),
      "",
      MailTexts.contactAdministrator(l),
      "  \(administrator.name), \(administrator.organisation)",
      "  \(administrator.phone) \(administrator.email)",
      "",
      MailTexts.oncePerOutage(l),
      "", signature,
    ]
    return PlannedMail(
      recipient: person, address: address,
      subject: MailTexts.lateSubject(kind, since: since, m.name)(l),
      body: body.joined(separator: "\n") + "\n")
  }
}

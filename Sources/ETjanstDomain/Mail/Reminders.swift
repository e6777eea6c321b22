import Foundation

/// What `etjanst notify` has mailed, kept beside the store between runs, so a run
/// mails an item to a person only once per period (`Settings.reminderRepeatDays`),
/// the e-coordinator's digest once a day, and a late outage contact once.
public struct ReminderLedger: Codable, Sendable, Equatable {
  /// When each item was last mailed to each address ("address item").
  public var sent: [String: Date] = [:]
  /// The day (in the municipality's zone) of the last digest, and the items it held.
  public var digestDay: String?
  public var digestItems: [String] = []
  /// The outages whose late e-nämnd contact was mailed.
  public var lateOutages: [String] = []

  public init() {}
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
}

/// The mails due now and the ledger to keep once they are sent.
public struct ReminderPlan: Sendable {
  public var mails: [PlannedMail]
  public var ledger: ReminderLedger
  /// The e-coordinator has no address: their digest cannot be sent.
  public var coordinatorUnreachable: Bool
}

extension Municipality {
  /// The address mailed for a login: login @ the mail domain, when both are valid.
  public func mailAddress(login: String) -> String? {
    guard let login = Login.normalized(login) else { return nil }
    let domain = settings.mailDomain.trimmingCharacters(in: .whitespaces).lowercased()
    return MailAddress.normalized("\(login)@\(domain)")
  }

  /// Who is mailed as `ref`: a named person at their recorded address, a member of
  /// staff at their login @ the mail domain.
  public func mailRecipient(_ ref: PersonRef, role: LocalizedText) -> MailRecipient {
    switch ref {
    case .named(let name, let email):
      return MailRecipient(name: name, address: MailAddress.normalized(email), role: role)
    case .staff(let id):
      let member = staffMember(id)
      return MailRecipient(
        name: member?.name ?? id.rawValue, address: member.flatMap { mailAddress(login: $0.login) },
        role: role)
    }
  }

  /// The e-coordinator: the contacts' card, at its address, else the first user who
  /// is e-coordinator at their login @ the mail domain.
  public var mailCoordinator: MailRecipient {
    let card = contacts.eCoordinator
    let user = users.first { $0.role == .eCoordinator }
    let role = LocalizedText(sv: "e-samordnare", en: "e-coordinator")
    return MailRecipient(
      name: user?.name ?? card.name,
      address: MailAddress.normalized(card.email) ?? user.flatMap { mailAddress(login: $0.login) },
      role: role)
  }

  /// The deputy the settings name for a late outage contact: an address as it is, a
  /// login at the mail domain; nil when none is set.
  public var mailOutageDeputy: MailRecipient? {
    let text = settings.outageDeputy.trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return nil }
    let role = LocalizedText(sv: "ersättare vid avbrott", en: "outage deputy")
    if text.contains("@") {
      return MailRecipient(name: "", address: MailAddress.normalized(text), role: role)
    }
    return MailRecipient(
      name: user(login: text)?.name ?? displayName(login: text), address: mailAddress(login: text),
      role: role)
  }

  /// The managers of a department: its users with the manager role.
  func mailManagers(of department: EntityID<Department>) -> [MailRecipient] {
    let name = self.department(department)?.name ?? department.rawValue
    return users.filter { $0.role == .manager(department: department) }.map {
      MailRecipient(
        name: $0.name, address: mailAddress(login: $0.login),
        role: LocalizedText(sv: "chef för \(name)", en: "manager of \(name)"))
    }
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
          role: LocalizedText(
            sv: "e-tjänsteägare för \(service.name)", en: "e-service owner of \(service.name)"))
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

  /// The mails due at `now` after what `ledger` says was sent, and the ledger once
  /// they are: per person, the items not mailed within the period (what is done
  /// drops out, and is mailed afresh if it comes back); the digest on the first run
  /// of a day; each outage whose e-nämnd contact is late, once.
  public static func plan(
    _ m: Municipality, findings: [Finding], at now: Date, ledger old: ReminderLedger
  ) -> ReminderPlan {
    let period = TimeInterval(max(1, m.settings.reminderRepeatDays) * 86_400)
    let today = Day(now).description
    var mails: [PlannedMail] = []
    var ledger = ReminderLedger()
    ledger.digestDay = old.digestDay
    ledger.digestItems = old.digestItems

    // The outage clock: the e-coordinator and the deputy, once per late outage.
    let coordinator = m.mailCoordinator
    for outage in m.outages where outage.isActive {
      guard case .late(let elapsed, _) = m.contactState(outage, at: now) else { continue }
      let id = outage.id.rawValue
      if old.lateOutages.contains(id) {
        ledger.lateOutages.append(id)
        continue
      }
      let people = [coordinator] + (m.mailOutageDeputy.map { [$0] } ?? [])
      var mailed = false
      for person in people {
        guard let address = person.address else { continue }
        mails.append(lateOutageMail(m, outage, minutes: Int(elapsed / 60), to: person, address))
        mailed = true
      }
      if mailed { ledger.lateOutages.append(id) }
    }

    // Per address: the items routed to whoever has it (one person may own several
    // e-services, and so be mailed as several roles, once).
    var people:
      [String: (person: MailRecipient, roles: [LocalizedText], items: [Finding], keys: Set<String>)] =
        [:]
    var unreachable: [MailRecipient] = []
    for f in findings {
      for person in recipients(of: f, in: m) {
        guard let address = person.address else {
          if !unreachable.contains(person) { unreachable.append(person) }
          continue
        }
        var entry = people[address] ?? (person, [], [], [])
        if !entry.roles.contains(person.role) { entry.roles.append(person.role) }
        if entry.keys.insert(itemKey(f)).inserted { entry.items.append(f) }
        people[address] = entry
      }
    }
    for address in people.keys.sorted() {
      guard let (first, roles, list, _) = people[address] else { continue }
      var person = first
      person.role = LocalizedText(
        sv: roles.map(\.sv).joined(separator: ", "), en: roles.map(\.en).joined(separator: ", "))
      var new: [Finding] = []
      var again: [Finding] = []
      for f in list {
        let key = "\(address) \(itemKey(f))"
        if let when = old.sent[key], now.timeIntervalSince(when) < period {
          ledger.sent[key] = when
        } else {
          if old.sent[key] == nil { new.append(f) } else { again.append(f) }
          ledger.sent[key] = now
        }
      }
      if new.isEmpty && again.isEmpty { continue }
      mails.append(reminderMail(m, to: person, address, new: new, again: again, today: today))
    }

    // The e-coordinator's digest: once a day, when anything needs attention.
    var coordinatorUnreachable = false
    if old.digestDay != today, !findings.isEmpty {
      if let address = coordinator.address {
        mails.append(
          digestMail(
            m, to: coordinator, address, findings: findings, seen: Set(old.digestItems),
            unreachable: unreachable, today: today))
        ledger.digestDay = today
        ledger.digestItems = findings.map(itemKey)
      } else {
        coordinatorUnreachable = true
      }
    }
    return ReminderPlan(
      mails: mails, ledger: ledger, coordinatorUnreachable: coordinatorUnreachable)
  }

  /// "[4] Bygglov: granskning försenad …": one item as a line of a mail.
  static func line(_ f: Finding, _ language: Language) -> String {
    "- [\(f.section)] \(f.subject): \(f.message(language))"
  }

  static let signature = "-- \netjanst"

  static func greeting(_ person: MailRecipient, _ language: Language) -> String {
    let name = person.name.isEmpty ? "" : " " + MailMessage.oneLine(person.name)
    return language == .swedish ? "Hej\(name)," : "Hello\(name),"
  }

  static func reminderMail(
    _ m: Municipality, to person: MailRecipient, _ address: String, new: [Finding],
    again: [Finding], today: String
  ) -> PlannedMail {
    let l = person.language
    let count = Noun.item.count(new.count + again.count)(l)
    let subject = LocalizedText(
      sv: "Påminnelse: \(count) att åtgärda – \(m.name) \(today)",
      en: "Reminder: \(count) to see to – \(m.name) \(today)")(l)
    var body = [
      greeting(person, l), "",
      LocalizedText(
        sv: "etjanst påminner dig som \(person.role.sv) om det här, som behöver åtgärdas:",
        en: "etjanst reminds you, as \(person.role.en), of this, which needs seeing to:")(l),
      "",
    ]
    if !new.isEmpty {
      body.append(LocalizedText(sv: "Nytt:", en: "New:")(l))
      body += new.map { line($0, l) }
      body.append("")
    }
    if !again.isEmpty {
      body.append(LocalizedText(sv: "Fortfarande inte åtgärdat:", en: "Still not done:")(l))
      body += again.map { line($0, l) }
      body.append("")
    }
    let days = Noun.day.count(max(1, m.settings.reminderRepeatDays))
    body.append(
      LocalizedText(
        sv: "Det som inte är åtgärdat påminns du om igen om \(days.sv).",
        en: "You will be reminded of what is not done again in \(days.en).")(l))
    body += ["", signature]
    return PlannedMail(
      recipient: person, address: address, subject: subject,
      body: body.joined(separator: "\n") + "\n")
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
    var body = [
      greeting(person, l), "",
      LocalizedText(
        sv: "Det här behöver åtgärdas i \(m.name) i dag, \(today).",
        en: "This needs seeing to in \(m.name) today, \(today).")(l),
      "",
    ]
    if !new.isEmpty {
      body.append(
        LocalizedText(
          sv: "Nytt sedan förra sammanfattningen (\(new.count)):",
          en: "New since the last digest (\(new.count)):")(l))
      body += new.map { line($0, l) }
      body.append("")
    }
    if !old.isEmpty {
      body.append(
        LocalizedText(sv: "Sedan tidigare (\(old.count)):", en: "From before (\(old.count)):")(l))
      body += old.map { line($0, l) }
      body.append("")
    }
    if !unreachable.isEmpty {
      body.append(
        LocalizedText(
          sv: "Kan inte nås per e-post (ingen adress och ingen e-postdomän i inställningarna):",
          en: "Cannot be reached by mail (no address and no mail domain in the settings):")(l))
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
    let kind =
      outage.isDrill
      ? LocalizedText(sv: "Övning", en: "Drill") : LocalizedText(sv: "Avbrott", en: "Outage")
    let subject = LocalizedText(
      sv: "FÖRSENAD: \(kind.sv) sedan \(since), e-nämnden inte kontaktad – \(m.name)",
      en: "LATE: \(kind.en) since \(since), e-nämnd not contacted – \(m.name)")(l)
    let administrator = m.contacts.systemAdministrator
    let body = [
      greeting(person, l), "",
      LocalizedText(
        sv: "\(kind.sv) pågår sedan \(since) (\(Noun.minute.count(minutes).sv)), och Norrbottens "
          + "e-nämnd är inte kontaktad. Gränsen är \(Noun.minute.count(m.outageContactLimitMinutes).sv) "
          + "(riktlinjen 4.3).",
        en: "\(kind.en) under way since \(since) (\(Noun.minute.count(minutes).en)), and "
          + "Norrbottens e-nämnd has not been contacted. The limit is "
          + "\(Noun.minute.count(m.outageContactLimitMinutes).en) (guideline 4.3).")(l),
      "",
      LocalizedText(sv: "Kontakta systemförvaltaren:", en: "Contact the system administrator:")(l),
      "  \(administrator.name), \(administrator.organisation)",
      "  \(administrator.phone) \(administrator.email)",
      "",
      LocalizedText(
        sv: "Det här skickas en gång per avbrott; registrera kontakten i etjanst.",
        en: "This is sent once per outage; record the contact in etjanst.")(l),
      "", signature,
    ]
    return PlannedMail(
      recipient: person, address: address, subject: subject,
      body: body.joined(separator: "\n") + "\n")
  }
}

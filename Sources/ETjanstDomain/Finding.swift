import Foundation

/// Something that needs attention under the guideline: a leaver with open cases, a
/// department without a fallback routine, an e-service overdue for review. The
/// overview, `etjanst check` and `etjanst report` all list these; each area of the
/// guideline contributes its own through `Findings.providers`.
public struct Finding: Sendable, Equatable {
  public enum Severity: Int, Sendable, Comparable, CaseIterable {
    case notice = 0
    case warning = 1
    /// Breaks a rule of the guideline outright (`check` exits 1 on any finding).
    case violation = 2

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    /// The severity as a word in a line of text (`check`): Swedish as the overview
    /// says it, English as scripts have read it.
    public var word: LocalizedText {
      switch self {
      case .violation: return LocalizedText(sv: "brist", en: "violation")
      case .warning: return LocalizedText(sv: "varning", en: "warning")
      case .notice: return LocalizedText(sv: "notis", en: "notice")
      }
    }

    /// The severity as a counted noun ("3 brister, 12 varningar"): `report`'s first
    /// line and the e-coordinator's digest.
    public var noun: Noun {
      switch self {
      case .violation: return .violationFinding
      case .warning: return .warningFinding
      case .notice: return .notice
      }
    }
  }

  /// The guideline section the finding serves ("4.3").
  public var section: String
  public var severity: Severity
  /// What it concerns: a service's, a person's or a department's name.
  public var subject: String
  public var message: LocalizedText
  /// The record the finding is about: where the overview's Enter goes, and what
  /// `Visibility` judges it by.
  public var target: Target?
  /// When what the finding asks for was or is due; nil when it has no date (a rule
  /// broken outright). The most overdue comes first within a severity.
  public var due: Date?

  public enum Target: Sendable, Hashable {
    case service(EntityID<EService>)
    case staff(EntityID<StaffMember>)
    /// A department's fallback routine.
    case department(EntityID<Department>)
    case order(EntityID<ServiceOrder>)
    case outage(EntityID<Outage>)
    /// The municipality's contacts (section 5, 4.3).
    case contacts
    /// The users who may log in.
    case users
  }

  public init(
    section: String, severity: Severity, subject: String, message: LocalizedText,
    target: Target? = nil, due: Date? = nil
  ) {
    self.section = section
    self.severity = severity
    self.subject = subject
    self.message = message
    self.target = target
    self.due = due
  }

  /// Most urgent first: what breaks a rule, then what is late (the longest overdue
  /// first), then what is due soonest, then what has no date; by subject last.
  public static func moreUrgent(_ a: Finding, _ b: Finding) -> Bool {
    if a.severity != b.severity { return a.severity > b.severity }
    switch (a.due, b.due) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: break
    }
    if a.section != b.section { return a.section < b.section }
    return a.subject < b.subject
  }
}

public enum Findings {
  /// One function per area of the guideline; each lists its own findings.
  static let providers: [@Sendable (Municipality, Date) -> [Finding]] = [
    Findings.integrity,
    Findings.staff,
    Findings.catalogue,
    Findings.orders,
    Findings.outages,
    Findings.contacts,
    Findings.gallring,
  ]

  /// Every finding in the store at `now`, most urgent first (`Finding.moreUrgent`).
  public static func all(in m: Municipality, at now: Date) -> [Finding] {
    providers.flatMap { $0(m, now) }.sorted(by: Finding.moreUrgent)
  }

  /// The first moment after `now` at which `all(in: m, at:)` may differ, the data
  /// unchanged: the next day (the rules count days), or sooner while an outage is
  /// under way and the e-nämnd not yet contacted (its finding turns late once the
  /// limit has passed, then counts the minutes). A caller keeps the findings until then.
  public static func nextChange(in m: Municipality, after now: Date) -> Date {
    let tomorrow = Day(now).adding(days: 1).start
    // At the calendar's last day there is no next one to wait for.
    var next = tomorrow > now ? tomorrow : .distantFuture
    let limit = TimeInterval(max(1, m.outageContactLimitMinutes) * 60)
    for outage in m.outages where outage.isActive && outage.contact == nil {
      let elapsed = now.timeIntervalSince(outage.start)
      let change =
        elapsed <= limit
        // Late from just after the limit (`contactState`).
        ? Date(
          timeIntervalSinceReferenceDate: outage.start.addingTimeInterval(limit)
            .timeIntervalSinceReferenceDate.nextUp)
        // The whole minutes late it says grow by one.
        : outage.start.addingTimeInterval(((elapsed / 60).rounded(.down) + 1) * 60)
      next = min(next, change)
    }
    return next
  }

  /// References that point nowhere: a file edited by hand, or a bug.
  @Sendable static func integrity(_ m: Municipality, _ now: Date) -> [Finding] {
    var out: [Finding] = []
    func dangling(_ subject: String, _ target: Finding.Target, _ sv: String, _ en: String) {
      out.append(
        Finding(
          section: "data", severity: .violation, subject: subject,
          message: LocalizedText(
            sv: "pekar på \(sv) som inte finns", en: "refers to \(en) that does not exist"),
          target: target))
    }
    let departments = Set(m.departments.map(\.id))
    let services = Set(m.services.map(\.id))
    let staff = Set(m.staff.map(\.id))
    for s in m.services where !departments.contains(s.department) {
      dangling(s.name, .service(s.id), "en förvaltning", "a department")
    }
    for p in m.staff where !departments.contains(p.department) {
      dangling(p.name, .staff(p.id), "en förvaltning", "a department")
    }
    for p in m.staff {
      for g in p.grants where !services.contains(g.service) {
        dangling(p.name, .staff(p.id), "en e-tjänst", "an e-service")
      }
    }
    for c in m.cases where !services.contains(c.service) || !staff.contains(c.officer) {
      dangling(
        c.number, .staff(c.officer), "en e-tjänst eller handläggare", "an e-service or officer")
    }
    for o in m.orders where !departments.contains(o.department) {
      dangling(o.title, .order(o.id), "en förvaltning", "a department")
    }
    for u in m.users {
      if let d = u.role.department, !departments.contains(d) {
        dangling(u.login, .users, "en förvaltning", "a department")
      }
    }
    if !m.users.contains(where: { $0.role == .eCoordinator }) {
      out.append(
        Finding(
          section: "4", severity: .violation, subject: m.name,
          message: LocalizedText(
            sv: "ingen användare är e-samordnare", en: "no user is the e-coordinator"),
          target: .users))
    }
    return out
  }
}

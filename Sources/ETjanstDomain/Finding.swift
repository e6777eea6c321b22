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
  }

  /// The guideline section the finding serves ("4.3").
  public var section: String
  public var severity: Severity
  /// What it concerns: a service's, a person's or a department's name.
  public var subject: String
  public var message: LocalizedText

  public init(section: String, severity: Severity, subject: String, message: LocalizedText) {
    self.section = section
    self.severity = severity
    self.subject = subject
    self.message = message
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
  ]

  /// Every finding in the store at `now`, most severe first, then by section.
  public static func all(in m: Municipality, at now: Date) -> [Finding] {
    providers.flatMap { $0(m, now) }.sorted {
      ($0.severity, $1.section, $1.subject) > ($1.severity, $0.section, $0.subject)
    }
  }

  /// References that point nowhere: a file edited by hand, or a bug.
  @Sendable static func integrity(_ m: Municipality, _ now: Date) -> [Finding] {
    var out: [Finding] = []
    func dangling(_ subject: String, _ sv: String, _ en: String) {
      out.append(
        Finding(
          section: "data", severity: .violation, subject: subject,
          message: LocalizedText(
            sv: "pekar på \(sv) som inte finns", en: "refers to \(en) that does not exist")))
    }
    let departments = Set(m.departments.map(\.id))
    let services = Set(m.services.map(\.id))
    let staff = Set(m.staff.map(\.id))
    for s in m.services where !departments.contains(s.department) {
      dangling(s.name, "en förvaltning", "a department")
    }
    for p in m.staff where !departments.contains(p.department) {
      dangling(p.name, "en förvaltning", "a department")
    }
    for p in m.staff {
      for g in p.grants where !services.contains(g.service) {
        dangling(p.name, "en e-tjänst", "an e-service")
      }
    }
    for c in m.cases where !services.contains(c.service) || !staff.contains(c.officer) {
      dangling(c.number, "en e-tjänst eller handläggare", "an e-service or officer")
    }
    for o in m.orders where !departments.contains(o.department) {
      dangling(o.title, "en förvaltning", "a department")
    }
    for u in m.users {
      if let d = u.role.department, !departments.contains(d) {
        dangling(u.login, "en förvaltning", "a department")
      }
    }
    if !m.users.contains(where: { $0.role == .eCoordinator }) {
      out.append(
        Finding(
          section: "4", severity: .violation, subject: m.name,
          message: LocalizedText(
            sv: "ingen användare är e-samordnare", en: "no user is the e-coordinator")))
    }
    return out
  }
}

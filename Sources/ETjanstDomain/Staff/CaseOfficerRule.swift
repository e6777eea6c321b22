import Foundation

/// Who may hold an open case (4.1, 4.2): its officer is not removed from the platform
/// and holds case-officer access to the case's e-service on the day. Written once: a
/// new case (the console's form, `AddCase`), every row of `cases import`
/// (`ImportCases`) and the findings of `check` and the overview (an open case whose
/// officer has since left or lost the access: a leaver's open cases must be handed
/// over) all ask it. A closed case is history and is not held to it.
public enum CaseOfficerRule {
  /// Why `officer` may not hold an open case in `service` on `day`; nil when they may.
  public static func violation(
    _ officer: StaffMember, service: EntityID<EService>, serviceName: String, on day: Day
  ) -> RuleViolation? {
    if officer.status == .removed { return RuleViolation.removed(officer.name) }
    guard officer.hasAccess(to: service, on: day) else {
      return RuleViolation(
        section: "4.1", field: "service",
        LocalizedText(
          sv:
            "\(officer.name) saknar behörighet som handläggare till \(serviceName) den \(day). Ge behörigheten först eller välj en annan handläggare.",
          en:
            "\(officer.name) has no case-officer access to \(serviceName) on \(day). Grant it first or choose another officer."
        ))
    }
    return nil
  }

  /// The open cases of `m` whose officer may not hold them on `day`, with why.
  public static func breaches(in m: Municipality, on day: Day) -> [(Case, RuleViolation)] {
    var out: [(Case, RuleViolation)] = []
    for c in m.cases where c.isOpen {
      guard let officer = m.staffMember(c.officer) else { continue }
      let name = m.service(c.service)?.name ?? "?"
      if let violation = violation(officer, service: c.service, serviceName: name, on: day) {
        out.append((c, violation))
      }
    }
    return out
  }
}

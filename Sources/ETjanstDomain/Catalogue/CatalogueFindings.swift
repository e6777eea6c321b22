import Foundation

extension Findings {
  /// The catalogue's findings: one per flag of each e-service (guideline 1.1, 4).
  @Sendable static func catalogue(_ m: Municipality, _ now: Date) -> [Finding] {
    let today = Day(now)
    var out: [Finding] = []
    for service in m.services {
      for flag in m.flags(of: service, today: today) {
        out.append(
          Finding(
            section: flag.section, severity: flag.severity,
            subject: service.name,
            message: m.explain(flag, of: service), target: .service(service.id),
            due: flag == .reviewOverdue ? service.reviewDue?.start : nil))
      }
    }
    return out
  }
}

extension Municipality {
  /// Why `flag` is raised on `s`, in words for the detail view and the findings.
  public func explain(_ flag: ServiceFlag, of s: EService) -> LocalizedText {
    let m = self
    switch flag {
    case .reviewOverdue:
      guard let due = s.reviewDue else {
        return LocalizedText(sv: "har aldrig granskats", en: "has never been reviewed")
      }
      return LocalizedText(
        sv: "skulle ha granskats senast \(due)", en: "was due for review by \(due)")
    case .openReports:
      let reports = Noun.openReport.count(s.openReports.count)
      return LocalizedText(
        sv: "\(reports.sv) om fel eller revidering", en: "\(reports.en) of errors or revision needs"
      )
    case .inactivePerson:
      let who = m.inactivePeople(of: s)
      return LocalizedText(
        sv: who.map { "\($0.role.label.sv.lowercased()) \(m.personName($0.person))" }.joined(
          separator: ", ")
          + " är inte längre aktiv personal",
        en: who.map { "\($0.role.label.en.lowercased()) \(m.personName($0.person))" }.joined(
          separator: ", ")
          + " is no longer active staff")
    case .notOnOpenEPlatform:
      return LocalizedText(
        sv: "ligger på \(s.platform.isEmpty ? "okänd plattform" : s.platform), inte Open ePlatform",
        en: "runs on \(s.platform.isEmpty ? "an unknown platform" : s.platform), not Open ePlatform"
      )
    case .noOwner:
      return LocalizedText(
        sv: "är publicerad men har ingen e-tjänsteägare som svarar för innehållet",
        en: "is published but has no service owner to answer for its content")
    case .registeredUnreviewed:
      let registration = PublicationRule.unreviewedRegistration(of: s)
      let day = registration.map { Day($0.at).description } ?? ""
      let reason = registration?.reason.map { " (\($0))" } ?? ""
      return LocalizedText(
        sv: "registrerades som redan i drift \(day)\(reason) utan beställning och har inte "
          + "granskats sedan; granska den med verksamheten",
        en: "was registered as already running on \(day)\(reason) without an order and has not "
          + "been reviewed since; review it with the department")
    case .notInProcessingRegister:
      return LocalizedText(
        sv: "behandlar personuppgifter men står inte i registerförteckningen (GDPR art. 30); "
          + "för in behandlingen och ange dagen",
        en: "processes personal data but is not in the register of processing activities "
          + "(GDPR art. 30); enter the processing there and record the day")
    }
  }
}

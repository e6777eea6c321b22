import Foundation

extension Findings {
  /// Guideline 4.1 and 4.2: checklists past due, leavers' cases and access, and
  /// access that should not exist.
  @Sendable static func staff(_ m: Municipality, _ now: Date) -> [Finding] {
    let today = Day(now)
    var out: [Finding] = []
    // In list order: `Findings.all` orders them (by subject last, and it keeps the
    // list's order among equal names), so sorting 10,000 names here was wasted.
    for p in m.staff {
      if let list = p.onboarding, list.isOverdue(on: today), p.status != .removed {
        out.append(
          Finding(
            section: "4.1", severity: .warning, subject: p.name,
            message: LocalizedText(
              sv:
                "introduktionens checklista är försenad (\(list.doneCount) av \(list.items.count) klara, skulle vara klar \(list.due))",
              en:
                "the onboarding checklist is overdue (\(list.doneCount) of \(list.items.count) done, due \(list.due))"
            ), target: .staff(p.id), due: list.due.start))
      }
      if let list = p.offboardingChecklist(on: today, m.settings), list.isOverdue(on: today) {
        out.append(
          Finding(
            section: "4.2", severity: .warning, subject: p.name,
            message: LocalizedText(
              sv:
                "avslutets checklista är försenad (\(list.doneCount) av \(list.items.count) klara, slutdatum \(list.due))",
              en:
                "the offboarding checklist is overdue (\(list.doneCount) of \(list.items.count) done, end date \(list.due))"
            ), target: .staff(p.id), due: list.due.start))
      }
      let open = m.openCaseCount(of: p.id) == 0 ? [] : m.openCases(of: p.id)
      if p.status == .removed, !open.isEmpty {
        out.append(
          Finding(
            section: "4.2", severity: .violation, subject: p.name,
            message: LocalizedText(
              sv:
                "borttagen men har \(Noun.case.count(open.count, .open).sv): \(open.map(m.caseLine).joined(separator: ", "))",
              en:
                "removed but has \(Noun.case.count(open.count, .open).en): \(open.map(m.caseLine).joined(separator: ", "))"
            ), target: .staff(p.id)))
      } else if p.isLeaving(on: today, m.settings), !open.isEmpty {
        out.append(
          Finding(
            section: "4.2", severity: .notice, subject: p.name,
            message: LocalizedText(
              sv:
                "slutar \(p.endDate!) och har \(Noun.case.count(open.count, .open).sv) att avsluta eller föra över",
              en:
                "leaves on \(p.endDate!) with \(Noun.case.count(open.count, .open).en) to close or transfer"
            ),
            target: .staff(p.id), due: p.endDate?.start))
      }
      for g in p.grants {
        let service = m.service(g.service)?.name ?? "?"
        switch m.accessFlag(p, g.service, on: today) {
        case .heldByRemoved:
          out.append(
            Finding(
              section: "4.2", severity: .violation, subject: p.name,
              message: LocalizedText(
                sv: "borttagen men har fortfarande behörighet till \(service)",
                en: "removed but still has access to \(service)"), target: .staff(p.id)))
        case .leaverWithoutValidTo:
          out.append(
            Finding(
              section: "4.2", severity: .warning, subject: p.name,
              message: LocalizedText(
                sv: "slutar men behörigheten till \(service) har inget giltig-till-datum",
                en: "is leaving but the access to \(service) has no valid-to date"),
              target: .staff(p.id), due: p.endDate?.start))
        case .expiresWithOpenCases(let end):
          out.append(
            Finding(
              section: "4.2", severity: .warning, subject: p.name,
              message: LocalizedText(
                sv:
                  "behörigheten till \(service) upphör \(end) men ärenden i den är fortfarande öppna",
                en: "the access to \(service) ends on \(end) but cases in it are still open"),
              target: .staff(p.id), due: end.start))
        case nil: break
        }
      }
      if p.status == .removed, let reason = p.removalOverride {
        out.append(
          Finding(
            section: "4.2", severity: .notice, subject: p.name,
            message: LocalizedText(
              sv: "togs bort trots öppna ärenden. Skäl: \(reason)",
              en: "was removed despite open cases. Reason: \(reason)"), target: .staff(p.id)))
      }
    }
    // Open cases whose officer holds no access to their e-service today (a removed
    // officer's are named above, person by person).
    var lacking: [EntityID<StaffMember>: [Case]] = [:]
    for (c, _) in CaseOfficerRule.breaches(in: m, on: today)
    where m.staffMember(c.officer)?.status != .removed {
      lacking[c.officer, default: []].append(c)
    }
    for p in m.staff {
      guard let cases = lacking.removeValue(forKey: p.id) else { continue }
      let list = cases.map(m.caseLine).joined(separator: ", ")
      out.append(
        Finding(
          section: "4.2", severity: .violation, subject: p.name,
          message: LocalizedText(
            sv:
              "har \(cases.count) öppna ärenden i e-tjänster utan behörighet som handläggare: \(list); för över dem eller ge behörigheten",
            en:
              "has \(cases.count) open cases in e-services without case-officer access: \(list); transfer them or grant the access"
          ), target: .staff(p.id)))
    }
    for s in m.services where m.lacksActiveOfficer(s, on: today) {
      out.append(
        Finding(
          section: "4.1", severity: .warning, subject: s.name,
          message: LocalizedText(
            sv: "ingen aktiv handläggare har behörighet", en: "no active case officer has access"),
          target: .service(s.id)))
    }
    return out
  }
}

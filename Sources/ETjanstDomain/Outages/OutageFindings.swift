import Foundation

extension Findings {
  /// Guideline 4.3: departments whose routine is missing, overdue or untested, and
  /// an outage under way, late if the e-nämnd has not been contacted in time.
  @Sendable static func outages(_ m: Municipality, _ now: Date) -> [Finding] {
    let today = Day(now)
    var out: [Finding] = []
    for department in m.departments {
      for flag in department.routineFlags(on: today) {
        out.append(
          Finding(
            section: "4.3", severity: flag.severity, subject: department.name,
            message: flag.message, target: .department(department.id), due: flag.due?.start))
      }
    }
    for outage in m.outages where outage.isActive {
      let kind =
        outage.isDrill
        ? LocalizedText(sv: "Övning", en: "Drill") : LocalizedText(sv: "Avbrott", en: "Outage")
      let subject = "\(kind.sv) \(OutageTime.clock(outage.start))"
      let contactDue = outage.start.addingTimeInterval(
        TimeInterval(max(1, m.outageContactLimitMinutes) * 60))
      switch m.contactState(outage, at: now) {
      case .late(let elapsed, _):
        out.append(
          Finding(
            section: "4.3", severity: .violation, subject: subject,
            message: LocalizedText(
              sv:
                "FÖRSENAD: Norrbottens e-nämnd är inte kontaktad efter \(Int(elapsed / 60)) min (gräns \(m.outageContactLimitMinutes) min)",
              en:
                "LATE: Norrbottens e-nämnd not contacted after \(Int(elapsed / 60)) min (limit \(m.outageContactLimitMinutes) min)"
            ), target: .outage(outage.id), due: contactDue))
      default:
        out.append(
          Finding(
            section: "4.3", severity: outage.isDrill ? .notice : .warning, subject: subject,
            message: LocalizedText(sv: "pågår; inte avslutat", en: "under way; not resolved"),
            target: .outage(outage.id)))
      }
    }
    // History, but the routine's owners never knew to use it.
    for outage in m.outages where !outage.isActive && !outage.neverTold.isEmpty {
      let text = m.neverToldText(outage.neverTold, midSentence: true)
      out.append(
        Finding(
          section: "4.3", severity: .warning, subject: "Avbrott \(OutageTime.clock(outage.start))",
          message: LocalizedText(
            sv: "avslutat; \(text.sv) om det", en: "resolved; \(text.en) of it"),
          target: .outage(outage.id)))
    }
    return out
  }
}

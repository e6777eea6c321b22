import Foundation

extension Findings {
  /// Guideline 6: orders that have waited longer than the set limit in one step,
  /// and orders in review with no meeting booked.
  @Sendable static func orders(_ m: Municipality, _ now: Date) -> [Finding] {
    let limit = m.settings.orderStepLimitDays
    var out: [Finding] = []
    for o in m.orders where o.isOverdue(at: now, limitDays: limit) {
      let days = o.daysInStep(at: now)
      let step = OrderRefusals.stepName(o.step)
      out.append(
        Finding(
          section: "6", severity: .warning, subject: o.title,
          message: LocalizedText(
            sv:
              "\(Noun.day.count(days).sv) i steg \(o.step.rawValue) (\(step.sv)); gränsen är \(Noun.day.count(limit).sv)",
            en:
              "\(Noun.day.count(days).en) in step \(o.step.rawValue) (\(step.en)); the limit is \(Noun.day.count(limit).en)"
          ),
          target: .order(o.id),
          due: Day(o.enteredCurrentStep).adding(days: limit + 1).start))
    }
    for o in m.orders where o.step == .review && o.meeting == nil && o.hold == nil {
      out.append(
        Finding(
          section: "6", severity: .notice, subject: o.title,
          message: LocalizedText(
            sv: "inget granskningsmöte bokat med \(o.contactPerson)",
            en: "no review meeting booked with \(o.contactPerson)"), target: .order(o.id)))
    }
    // A live e-service whose order never reached step 5 skipped the review (6).
    for o in m.orders where o.step != .published && o.hold?.kind != .cancelled {
      guard let id = o.service, let s = m.service(id), s.status == .published else { continue }
      out.append(
        Finding(
          section: "6", severity: .violation, subject: s.name,
          message: LocalizedText(
            sv:
              "är publicerad men beställningen '\(o.title)' står i steg \(o.step.rawValue): en e-tjänst publiceras i steg 5",
            en:
              "is published but the order '\(o.title)' is at step \(o.step.rawValue): an e-service is published by step 5"
          ), target: .service(id)))
    }
    return out
  }
}

extension ServiceOrder {
  /// Guideline 3's order of priority, highest first: citizens' needs (external
  /// services) before internal ones, then the expected effect, then the number of
  /// cases a year. Smaller sorts first.
  public var priorityRank: [Int] {
    [audience == .external ? 0 : 1, -need.effectScore, -(need.yearlyCaseVolume ?? 0)]
  }
}

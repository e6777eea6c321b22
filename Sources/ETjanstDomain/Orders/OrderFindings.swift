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
    for o in m.orders where o.isOpen {
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

  /// Still in the pipeline of guideline 6: not published (step 5 done) and not
  /// cancelled. An order on hold is still open.
  public var isOpen: Bool { step != .published && hold?.kind != .cancelled }
}

extension Municipality {
  /// Guideline 3's ranking of the open orders, 1 first (`priorityRank`); an order
  /// published or cancelled has no rank, as nothing is left to prioritise. Every
  /// list of orders (the console, `list orders`) shows this one ranking.
  public var orderRanks: [EntityID<ServiceOrder>: Int] {
    let ranked = orders.filter(\.isOpen).sorted {
      $0.priorityRank.lexicographicallyPrecedes($1.priorityRank)
    }
    var rank: [EntityID<ServiceOrder>: Int] = [:]
    for (i, o) in ranked.enumerated() { rank[o.id] = i + 1 }
    return rank
  }
}

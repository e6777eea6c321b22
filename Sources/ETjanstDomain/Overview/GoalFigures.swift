import Foundation

/// The goals of guideline 2 as figures: more digital services and fewer paper
/// forms, shorter handling, automation, and how fast orders become services.
public struct GoalFigures: Sendable, Equatable {
  public var publishedExternal: Int
  public var publishedInternal: Int
  /// Paper forms replaced by published e-services.
  public var paperFormsReplaced: Int
  /// Published e-services that run without manual handling.
  public var automated: Int
  /// Mean handling days before and after, over published services that have both.
  public var handlingDaysBefore: Double?
  public var handlingDaysAfter: Double?
  /// Yearly cases that go through published e-services.
  public var yearlyDigitalCases: Int
  /// Median days from an order's creation to publishing, over published orders.
  public var medianOrderLeadDays: Int?
  public var openOrders: Int
  /// E-services outside Open ePlatform (guideline 1.1 wants none).
  public var offPlatform: Int

  /// Over the e-services of `m`'s catalogue: a manager's figures are their own
  /// department's.
  public init(_ m: Municipality) {
    let published = m.catalogue.filter { $0.status == .published }
    publishedExternal = published.filter { $0.audience == .external }.count
    publishedInternal = published.filter { $0.audience == .internal }.count
    paperFormsReplaced = published.reduce(0) { $0 + $1.paperFormsReplaced.count }
    automated = published.filter(\.automated).count
    let timed = published.compactMap { s -> (Int, Int)? in
      guard let before = s.handlingDaysBefore, let after = s.handlingDaysAfter else { return nil }
      return (before, after)
    }
    handlingDaysBefore =
      timed.isEmpty ? nil : Double(timed.map(\.0).reduce(0, +)) / Double(timed.count)
    handlingDaysAfter =
      timed.isEmpty ? nil : Double(timed.map(\.1).reduce(0, +)) / Double(timed.count)
    yearlyDigitalCases = published.compactMap(\.yearlyCaseVolume).reduce(0, +)
    let leads = m.orders.filter { $0.step == .published }.compactMap { o -> Int? in
      guard let done = o.stepHistory.last(where: { $0.step == .published })?.at else { return nil }
      return Day(o.created).days(until: Day(done))
    }.sorted()
    medianOrderLeadDays = leads.isEmpty ? nil : leads[leads.count / 2]
    openOrders = m.orders.filter(\.isOpen).count
    offPlatform =
      m.catalogue.filter { $0.platform != EService.openEPlatform && $0.status != .unpublished }
      .count
  }
}

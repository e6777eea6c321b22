import Foundation

/// The catalogue's changes as mutating functions, so that commands of other areas
/// can compose them inside their own `apply` (the orders pipeline creates the
/// catalogue entry at step 3 and publishes it at step 5). Each checks its rules
/// and throws `RuleViolation`; on a throw, the command's copy is discarded.
extension Municipality {
  /// Adds a catalogue entry built from `draft` with the given first status, which
  /// is recorded as the first entry of its status history.
  ///
  /// Guideline 1.1 and 4: name and owning department required; a name unique
  /// within its department; last reviewed not in the future.
  ///
  /// Guideline 6: a new entry is never published from the start, unless it
  /// is registered as already running on the platform (`source`).
  public mutating func addService(
    _ draft: EServiceDraft, id: EntityID<EService> = .make(), status: ServiceStatus = .ordered,
    source: PublicationSource? = nil, reason: String? = nil, context: CommandContext
  ) throws {
    let d = try draft.validated(
      in: self, service: nil, today: context.today, batch: context.batch)
    guard !(context.batch?.hasService(id, in: self) ?? (service(id) != nil)) else {
      throw RuleViolation(
        LocalizedText(sv: "E-tjänsten finns redan.", en: "The e-service already exists."))
    }
    if status == .published && source != .registeredRunning {
      throw PublicationRule.newServiceNotPublished(d.name)
    }
    var s = EService(id: id, name: d.name, department: d.department!, status: status)
    d.write(to: &s, defaultInterval: settings.serviceReviewIntervalMonths)
    s.statusHistory = [
      StatusChange(
        status: status, at: context.now, by: context.actor.login, source: source, reason: reason)
    ]
    services.append(s)
  }

  /// Replaces the editable fields of a service; its status and reports are kept.
  public mutating func editService(
    _ id: EntityID<EService>, _ draft: EServiceDraft, context: CommandContext
  ) throws {
    let i = try serviceIndex(id)
    let d = try draft.validated(in: self, service: id, today: context.today)
    d.write(to: &services[i], defaultInterval: settings.serviceReviewIntervalMonths)
  }

  /// Sets the status and records the change with who and when. Setting the status
  /// a service already has changes nothing. While revision needs are open (4) only
  /// "Revision needed" and "Unpublished" may be set; an open error report does not
  /// hold the status.
  ///
  /// Guideline 6: publishing is step 5 of the service's order. While an order for
  /// the service is open, only `PublishOrder` publishes it (`source` .orderStep5);
  /// a service never published is published by its order or registered as running.
  ///
  /// `day` is when the change happened (nil: now): not in the future, nor before
  /// the service's previous status change. A past day is recorded as its start (or
  /// as the previous change's moment, when that was the same day).
  public mutating func setServiceStatus(
    _ id: EntityID<EService>, to status: ServiceStatus, on day: Day? = nil,
    source: PublicationSource? = nil, reason: String? = nil, context: CommandContext
  ) throws {
    let i = try serviceIndex(id)
    let s = services[i]
    guard s.status != status else { return }
    let at = try Self.statusChangeMoment(of: s, on: day, context: context)
    if status == .published {
      try PublicationRule.check(s, source: source, in: self)
    }
    let open = s.openRevisionNeeds.count
    if open > 0 && status != .revisionNeeded && status != .unpublished {
      throw RuleViolation(
        section: "4", field: "status",
        LocalizedText(
          sv:
            "Åtgärda först \(open == 1 ? "den öppna rapporten" : "de \(open) öppna rapporterna").",
          en: "Resolve the \(open) open \(open == 1 ? "report" : "reports") first."))
    }
    services[i].status = status
    services[i].statusHistory.append(
      StatusChange(
        status: status, at: at, by: context.actor.login, source: source, reason: reason))
  }

  /// When a status change given `day` happened: now for today (or no day), else the
  /// day's start, never before the previous change. Refuses a day in the future or
  /// before the previous change's day.
  static func statusChangeMoment(of s: EService, on day: Day?, context: CommandContext) throws
    -> Date
  {
    guard let day, day != context.today else { return context.now }
    let field = SetServiceStatus.changedOnField
    if day > context.today {
      throw RuleViolation(
        section: "4", field: field,
        LocalizedText(
          sv: "Dagen kan inte ligga i framtiden.", en: "The day cannot be in the future."))
    }
    guard let previous = s.statusHistory.last?.at else { return day.start }
    if day < Day(previous) {
      throw RuleViolation(
        section: "4", field: field,
        LocalizedText(
          sv: "Dagen kan inte ligga före förra statusändringen, \(Day(previous)).",
          en: "The day cannot be before the previous status change, \(Day(previous))."))
    }
    return max(day.start, previous)
  }

  /// What refers to a service and so stops its removal: open orders, staff access
  /// grants and cases on the platform. Empty when it may be removed.
  public func referencesBlockingRemoval(of id: EntityID<EService>) -> LocalizedText? {
    let orders = self.orders.filter {
      $0.service == id && $0.isOpen
    }
    let granted = staff.filter { $0.grants.contains { $0.service == id } }
    let cases = self.cases.filter { $0.service == id }
    var sv: [String] = []
    var en: [String] = []
    if !orders.isEmpty {
      let titles = orders.map { "'\($0.title)'" }.joined(separator: ", ")
      sv.append("\(orders.count == 1 ? "beställningen" : "beställningarna") \(titles) pågår")
      en.append(
        "the \(orders.count == 1 ? "order" : "orders") \(titles) \(orders.count == 1 ? "is" : "are") open"
      )
    }
    if !granted.isEmpty {
      let names = granted.map(\.name).sortedSwedish { $0 }.joined(separator: ", ")
      sv.append("behörighet finns för \(names)")
      en.append("\(names) \(granted.count == 1 ? "has" : "have") access to it")
    }
    if !cases.isEmpty {
      sv.append("\(Noun.case.count(cases.count).sv) hör till den")
      en.append("\(cases.count) \(cases.count == 1 ? "case belongs" : "cases belong") to it")
    }
    guard !sv.isEmpty else { return nil }
    return LocalizedText(sv: sv.joined(separator: "; "), en: en.joined(separator: "; "))
  }

  func serviceIndex(_ id: EntityID<EService>) throws -> Int {
    guard let i = services.index(of: id) else {
      throw RuleViolation.notFound(LocalizedText(sv: "E-tjänsten", en: "The e-service"))
    }
    return i
  }
}

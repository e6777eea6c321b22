import Foundation

/// Guideline 6: an e-service is published by step 5 of its order, with the
/// department's agreement after the review of step 4. The one other way is to
/// register an e-service that already runs on the platform, which is recorded as
/// such in its status history. Every path that sets a status goes through here.
public enum PublicationRule {
  /// The order for `service` that has not reached step 5 and is not cancelled.
  public static func openOrder(for service: EntityID<EService>, in m: Municipality)
    -> ServiceOrder?
  {
    m.orders.first {
      $0.service == service && $0.isOpen
    }
  }

  /// Whether the service has been published before (by an order, a registration,
  /// or before the console kept its history).
  public static func wasEverPublished(_ s: EService) -> Bool {
    s.statusHistory.contains { $0.status == .published }
  }

  /// Refuses publishing `s` unless `source` is the order's step 5 or a registration
  /// (and then only without an open order), or it has been live before (republishing
  /// after a revision). A service taken down (Unpublished) since it was last live is
  /// published again only after a review recorded since it was taken down: the
  /// department looks at it again as at step 4, or an order publishes it.
  static func check(_ s: EService, source: PublicationSource?, in m: Municipality) throws {
    if source == .orderStep5 { return }
    if let order = openOrder(for: s.id, in: m) {
      throw publishedByOrder(s.name, order)
    }
    if source == .registeredRunning { return }
    guard wasEverPublished(s) else {
      if let first = s.statusHistory.first { throw knownSinceCreated(s, first) }
      throw newServiceNotPublished(s.name)
    }
    if let down = takenDown(s), s.lastReviewed.map({ $0 < Day(down) }) ?? true {
      throw reviewBeforeRepublishing(s.name, since: Day(down))
    }
  }

  /// When `s` was last set Unpublished after it was last live; nil when it has not
  /// been taken down since.
  public static func takenDown(_ s: EService) -> Date? {
    guard let live = s.statusHistory.lastIndex(where: { $0.status == .published }) else {
      return nil
    }
    return s.statusHistory[live...].last { $0.status == .unpublished }?.at
  }

  /// The registration that made `s` live, while no review has been recorded since:
  /// the e-coordinator has the department's word only that it ran before.
  public static func unreviewedRegistration(of s: EService) -> StatusChange? {
    guard s.status.isLive,
      let last = s.statusHistory.last(where: { $0.status == .published }),
      last.source == .registeredRunning
    else { return nil }
    if let reviewed = s.lastReviewed, reviewed >= Day(last.at) { return nil }
    return last
  }

  static func reviewBeforeRepublishing(_ name: String, since day: Day) -> RuleViolation {
    RuleViolation(
      section: "6", field: "status",
      LocalizedText(
        sv: "\(name) avpublicerades \(day). Innan den publiceras igen granskar verksamheten "
          + "den (status Granskas, sedan Granskad) som i steg 4, eller så publicerar en "
          + "beställning den.",
        en: "\(name) was unpublished on \(day). Before it is published again the department "
          + "reviews it (status In review, then Reviewed) as at step 4, or an order publishes it."
      ))
  }

  static func knownSinceCreated(_ s: EService, _ first: StatusChange) -> RuleViolation {
    RuleViolation(
      section: "6", field: "status",
      LocalizedText(
        sv: "\(s.name) lades till här \(Day(first.at)) som \(first.status.label.sv): en "
          + "e-tjänst som etjanst har känt från början publiceras i sin beställnings steg 5. "
          + "Registrering som redan i drift gäller e-tjänster som var i drift innan de fanns här.",
        en: "\(s.name) was added here on \(Day(first.at)) as \(first.status.label.en): an "
          + "e-service etjanst has known from its start is published by its order's step 5. "
          + "Registering as already running is for e-services that ran before they were here."
      ))
  }

  static func publishedByOrder(_ name: String, _ o: ServiceOrder) -> RuleViolation {
    RuleViolation(
      section: "6", field: "status",
      LocalizedText(
        sv: "\(name) publiceras i beställningens steg 5, när kontaktpersonen har godkänt "
          + "granskningen. Beställningen '\(o.title)' står i steg \(o.step.rawValue): "
          + "fortsätt den under Beställningar (5).",
        en: "\(name) is published by its order's step 5, once the contact person has agreed "
          + "after the review. The order '\(o.title)' is at step \(o.step.rawValue): "
          + "continue it under Orders (5)."))
  }

  static func newServiceNotPublished(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "6", field: "status",
      LocalizedText(
        sv: "\(name) har aldrig publicerats: en ny e-tjänst publiceras i sin beställnings "
          + "steg 5. Körs den redan på plattformen, välj 'Publicerad – redan i drift' så "
          + "registreras den som sådan.",
        en: "\(name) has never been published: a new e-service is published by its order's "
          + "step 5. If it already runs on the platform, choose 'Published – already "
          + "running' to register it as such."))
  }
}

/// Registers an e-service that already runs on the platform as published, without
/// an order: when a municipality sets up the console, or takes over a service
/// built elsewhere. Recorded in the status history as a registration, with who and
/// why in the trail, and flagged until a review is recorded
/// (`ServiceFlag.registeredUnreviewed`). A new entry (`draft`), or an existing one
/// that has no open order and that etjanst did not know from its start (one with no
/// status history, kept from before the history was).
public struct RegisterRunningEService: Command {
  public enum Target: Sendable {
    case new(id: EntityID<EService>, EServiceDraft)
    case existing(EntityID<EService>, name: String)
  }

  public var target: Target
  /// The day an existing entry's registration is recorded on; nil: today.
  public var changedOn: Day?
  /// Why it is known to run already (since when, where): said in the trail.
  public var reason: String

  public init(id: EntityID<EService> = .make(), _ draft: EServiceDraft, reason: String) {
    target = .new(id: id, draft)
    self.reason = Self.clean(reason)
  }

  public init(
    existing service: EntityID<EService>, name: String, on changedOn: Day? = nil, reason: String
  ) {
    target = .existing(service, name: name)
    self.changedOn = changedOn
    self.reason = Self.clean(reason)
  }

  static func clean(_ text: String) -> String {
    TextCleaning.line(text).trimmingCharacters(in: .whitespaces)
  }

  /// The field a registration's reason is asked for in.
  public static let reasonField = "registrationReason"

  public var summary: LocalizedText {
    let name: String
    switch target {
    case .new(_, let draft): name = TextCleaning.line(draft.name)
    case .existing(_, let n): name = n
    }
    return LocalizedText(
      sv: "registrerade \(name) som publicerad och redan i drift: \(reason)",
      en: "registered \(name) as published and already running: \(reason)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if reason.isEmpty {
      throw RuleViolation(
        section: "6", field: Self.reasonField,
        LocalizedText(
          sv: "Skriv varför den redan är i drift (sedan när, var), så står det i loggen.",
          en: "Say why it is already running (since when, where), so the trail says it."))
    }
    switch target {
    case .new(let id, let draft):
      try m.addService(
        draft, id: id, status: .published, source: .registeredRunning, reason: reason,
        context: context)
    case .existing(let id, _):
      let s = try m.services[m.serviceIndex(id)]
      if let first = s.statusHistory.first {
        throw PublicationRule.knownSinceCreated(s, first)
      }
      try m.setServiceStatus(
        id, to: .published, on: changedOn, source: .registeredRunning, reason: reason,
        context: context)
    }
  }
}

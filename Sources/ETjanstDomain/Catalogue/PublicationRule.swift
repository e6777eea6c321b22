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
      $0.service == service && $0.step != .published && $0.hold?.kind != .cancelled
    }
  }

  /// Whether the service has been published before (by an order, a registration,
  /// or before the console kept its history).
  public static func wasEverPublished(_ s: EService) -> Bool {
    s.statusHistory.contains { $0.status == .published }
  }

  /// Refuses publishing `s` unless `source` is the order's step 5 or a registration
  /// (and then only without an open order), or it has been live before (republishing
  /// after an unpublication or a revision).
  static func check(_ s: EService, source: PublicationSource?, in m: Municipality) throws {
    if source == .orderStep5 { return }
    if let order = openOrder(for: s.id, in: m) {
      throw publishedByOrder(s.name, order)
    }
    if source == .registeredRunning || wasEverPublished(s) { return }
    throw newServiceNotPublished(s.name)
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
/// built elsewhere. Recorded in the status history as a registration. A new entry
/// (`draft`) or an existing one (`service`) that has no open order.
public struct RegisterRunningEService: Command {
  public enum Target: Sendable {
    case new(id: EntityID<EService>, EServiceDraft)
    case existing(EntityID<EService>, name: String)
  }

  public var target: Target

  public init(id: EntityID<EService> = .make(), _ draft: EServiceDraft) {
    target = .new(id: id, draft)
  }

  public init(existing service: EntityID<EService>, name: String) {
    target = .existing(service, name: name)
  }

  public var summary: LocalizedText {
    let name: String
    switch target {
    case .new(_, let draft): name = TextCleaning.line(draft.name)
    case .existing(_, let n): name = n
    }
    return LocalizedText(
      sv: "registrerade \(name) som publicerad och redan i drift",
      en: "registered \(name) as published and already running")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    switch target {
    case .new(let id, let draft):
      try m.addService(
        draft, id: id, status: .published, source: .registeredRunning, context: context)
    case .existing(let id, _):
      try m.setServiceStatus(id, to: .published, source: .registeredRunning, context: context)
    }
  }
}

import Foundation

/// Which catalogue entry the first version is built as (step 3).
public enum FirstVersionEntry: Sendable, Equatable {
  /// A new entry made from the order's data.
  case new(id: EntityID<EService> = .make())
  case existing(EntityID<EService>)
}

/// Step 3: the e-coordinator starts the first version, linked to a catalogue entry
/// in development (2 → 3).
public struct BuildFirstVersion: Command {
  public var order: EntityID<ServiceOrder>
  public var entry: FirstVersionEntry

  public init(order: EntityID<ServiceOrder>, entry: FirstVersionEntry = .new()) {
    self.order = order
    self.entry = entry
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Första versionen påbörjad (steg 3)", en: "First version started (step 3)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let o = m.orders[id: order] else {
      throw RuleViolation.notFound(LocalizedText(sv: "Beställningen", en: "The order"))
    }
    try OrderPipeline.check(.buildFirstVersion, for: o, in: m, at: context.now)
    let serviceID: EntityID<EService>
    switch entry {
    case .new(let id):
      m.appendServiceInDevelopment(EService.fromOrder(o, id: id), context: context)
      serviceID = id
    case .existing(let id):
      guard let service = m.service(id) else {
        throw RuleViolation.notFound(LocalizedText(sv: "E-tjänsten", en: "The e-service"))
      }
      if let other = m.orders.first(where: {
        $0.id != o.id && $0.service == id && $0.hold?.kind != .cancelled
      }) {
        throw RuleViolation(
          section: "6", field: "service",
          LocalizedText(
            sv: "E-tjänsten \"\(service.name)\" byggs redan för beställningen \"\(other.title)\".",
            en:
              "The e-service \"\(service.name)\" is already being built for the order \"\(other.title)\"."
          ))
      }
      m.setServiceStatus(id, .inDevelopment, context: context)
      serviceID = id
    }
    try m.updateOrder(order) { o, _ in
      o.service = serviceID
      OrderPipeline.move(&o, to: .firstVersion, context: context)
    }
  }
}

/// Step 3 → 4: the first version is ready for the department's review.
public struct StartReview: Command {
  public var order: EntityID<ServiceOrder>

  public init(order: EntityID<ServiceOrder>) { self.order = order }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Första versionen klar för granskning (steg 4)",
      en: "First version ready for review (step 4)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var service: EntityID<EService>?
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.startReview, for: o, in: m, at: context.now)
      OrderPipeline.move(&o, to: .review, context: context)
      service = o.service
    }
    if let service { m.setServiceStatus(service, .inReview, context: context) }
  }
}

/// Step 5: published with the contact person's agreement; the catalogue entry is
/// set to published with the date (4 → 5).
public struct PublishOrder: Command {
  public var order: EntityID<ServiceOrder>

  public init(order: EntityID<ServiceOrder>) { self.order = order }

  public var summary: LocalizedText {
    LocalizedText(sv: "E-tjänsten publicerad (steg 5)", en: "E-service published (step 5)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var service: EntityID<EService>?
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.publish, for: o, in: m, at: context.now)
      OrderPipeline.move(&o, to: .published, context: context)
      service = o.service
    }
    if let service { m.setServiceStatus(service, .published, context: context) }
  }
}

// MARK: - Catalogue helpers

// The catalogue's own commands are written on another branch; until both meet,
// the pipeline changes `services` only through these two helpers, so the lead can
// route them through the catalogue's one function later.
extension Municipality {
  mutating func appendServiceInDevelopment(_ service: EService, context: CommandContext) {
    var service = service
    service.status = .inDevelopment
    service.statusHistory.append(
      StatusChange(status: .inDevelopment, at: context.now, by: context.actor.name))
    services.append(service)
  }

  mutating func setServiceStatus(
    _ id: EntityID<EService>, _ status: ServiceStatus, context: CommandContext
  ) {
    guard let i = services.index(of: id), services[i].status != status else { return }
    services[i].status = status
    services[i].statusHistory.append(
      StatusChange(status: status, at: context.now, by: context.actor.name))
  }
}

extension EService {
  /// A catalogue entry made from an order's data (step 3).
  static func fromOrder(_ o: ServiceOrder, id: EntityID<EService>) -> EService {
    EService(
      id: id, name: o.title, department: o.department, audience: o.audience,
      roles: ServiceRoles(contactPerson: .named(name: o.contactPerson, email: o.contactEmail)),
      paperFormsReplaced: o.need.paperFormsReplaced, yearlyCaseVolume: o.need.yearlyCaseVolume)
  }
}

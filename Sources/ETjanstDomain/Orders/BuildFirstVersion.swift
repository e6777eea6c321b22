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
      try m.addService(EServiceDraft(order: o), id: id, status: .inDevelopment, context: context)
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
      try m.setServiceStatus(id, to: .inDevelopment, context: context)
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
    if let service { try m.setServiceStatus(service, to: .inReview, context: context) }
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
    var reviewed: Day?
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.publish, for: o, in: m, at: context.now)
      OrderPipeline.move(&o, to: .published, context: context)
      service = o.service
      reviewed = o.meeting.map { Day($0.at) }
    }
    guard let service else { return }
    try m.setServiceStatus(service, to: .published, source: .orderStep5, context: context)
    // The review meeting of step 4 was the new service's first review, so it is
    // not flagged as overdue for review on the day it is published.
    if let i = m.services.index(of: service), m.services[i].lastReviewed == nil {
      m.services[i].lastReviewed = reviewed ?? context.today
    }
  }
}

// MARK: - The catalogue entry made from an order

extension EServiceDraft {
  /// A catalogue entry made from an order's data (step 3); the catalogue's own
  /// rules (a name unique within its department, …) apply to it as to any other.
  init(order o: ServiceOrder) {
    self.init(
      name: o.title, department: o.department, audience: o.audience,
      roles: ServiceRoles(contactPerson: .named(name: o.contactPerson, email: o.contactEmail)),
      paperFormsReplaced: o.need.paperFormsReplaced, yearlyCaseVolume: o.need.yearlyCaseVolume)
  }
}

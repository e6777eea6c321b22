import Foundation

/// Adds an e-service to the catalogue (guideline 1.1 and 4). The orders pipeline
/// may send it at step 3 with its own `id`, to link the order to the entry.
public struct AddEService: Command {
  public var id: EntityID<EService>
  public var draft: EServiceDraft
  public var status: ServiceStatus

  public init(
    id: EntityID<EService> = .make(), _ draft: EServiceDraft, status: ServiceStatus = .ordered
  ) {
    self.id = id
    self.draft = draft
    self.status = status
  }

  public var summary: LocalizedText {
    let name = TextCleaning.line(draft.name)
    return LocalizedText(sv: "la till e-tjänsten \(name)", en: "added the e-service \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try m.addService(draft, id: id, status: status, context: context)
  }
}

/// Changes what is known about an e-service: name, owners, platform, figures.
public struct EditEService: Command {
  public var service: EntityID<EService>
  public var draft: EServiceDraft

  public init(_ service: EntityID<EService>, _ draft: EServiceDraft) {
    self.service = service
    self.draft = draft
  }

  public var summary: LocalizedText {
    let name = TextCleaning.line(draft.name)
    return LocalizedText(sv: "ändrade e-tjänsten \(name)", en: "changed the e-service \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try m.editService(service, draft, context: context)
  }
}

/// Removes an e-service from the catalogue; refused while an open order, a staff
/// access grant or a case refers to it, naming which (guideline 4, 4.2).
public struct RemoveEService: Command {
  public var service: EntityID<EService>
  public var name: String

  public init(_ service: EntityID<EService>, name: String = "") {
    self.service = service
    self.name = name
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "tog bort e-tjänsten \(name)", en: "removed the e-service \(name)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try m.serviceIndex(service)
    if let blocking = m.referencesBlockingRemoval(of: service) {
      let name = m.services[i].name
      throw RuleViolation(
        section: "4",
        LocalizedText(
          sv: "\(name) kan inte tas bort: \(blocking.sv). Avpublicera den i stället, "
            + "eller ta bort behörigheterna och avsluta beställningen först.",
          en: "\(name) cannot be removed: \(blocking.en). Unpublish it instead, "
            + "or remove the access and close the order first."))
    }
    m.services.remove(at: i)
  }
}

/// Sets an e-service's status and records the date of the change. The orders
/// pipeline sends it at step 5 to publish.
public struct SetServiceStatus: Command {
  public var service: EntityID<EService>
  public var status: ServiceStatus
  /// The day the change happened; nil: today. Not in the future, nor before the
  /// service's previous status change.
  public var changedOn: Day?
  public var name: String

  public init(
    _ service: EntityID<EService>, to status: ServiceStatus, on changedOn: Day? = nil,
    name: String = ""
  ) {
    self.service = service
    self.status = status
    self.changedOn = changedOn
    self.name = name
  }

  /// The field the day is asked for in.
  public static let changedOnField = "changedOn"

  public var summary: LocalizedText {
    LocalizedText(
      sv: "satte status \(status.label.sv) på \(name)",
      en: "set the status of \(name) to \(status.label.en)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try m.setServiceStatus(service, to: status, on: changedOn, context: context)
  }
}

/// Records that the department has reviewed an e-service today (guideline 4: each
/// department answers for its services' content being correct). Sets the last
/// review, so the next falls due after the service's interval.
public struct MarkServiceReviewed: Command {
  public var service: EntityID<EService>
  public var name: String

  public init(_ service: EntityID<EService>, name: String = "") {
    self.service = service
    self.name = name
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "\(name) granskad", en: "\(name) reviewed")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    let i = try m.serviceIndex(service)
    guard m.services[i].status != .unpublished else {
      throw RuleViolation(
        section: "4", field: "lastReviewed",
        LocalizedText(
          sv: "\(m.services[i].name) är avpublicerad och granskas inte.",
          en: "\(m.services[i].name) is unpublished and is not reviewed."))
    }
    m.services[i].lastReviewed = context.today
  }
}

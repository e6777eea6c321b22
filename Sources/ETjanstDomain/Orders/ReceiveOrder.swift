import Foundation

/// How an order reached the e-coordinator. Only the internal e-service is
/// accepted (guideline 6, step 2); a need still being mapped has not come in yet.
public enum OrderChannel: String, Sendable, CaseIterable, Codable {
  /// Through the internal e-service "Beställning av e-tjänst", with its case number.
  case orderService
  case email
  /// Telephone, paper, in the corridor.
  case otherWay
  /// Not ordered yet: the department is mapping its need (step 1).
  case needOnly

  public var label: LocalizedText {
    switch self {
    case .orderService:
      return LocalizedText(
        sv: "Beställning av e-tjänst", en: "Beställning av e-tjänst (order service)")
    case .email: return LocalizedText(sv: "E-post", en: "E-mail")
    case .otherWay:
      return LocalizedText(sv: "Annat sätt (telefon, papper)", en: "Another way (phone, paper)")
    case .needOnly:
      return LocalizedText(sv: "Inte beställd än (steg 1)", en: "Not ordered yet (step 1)")
    }
  }
}

/// What the department tells about a new order: the fields of step 1 and 2.
public struct OrderDraft: Sendable, Equatable {
  public var title: String
  public var department: EntityID<Department>
  public var contactPerson: String
  public var contactEmail: String
  public var audience: Audience
  public var need: Need

  public init(
    title: String, department: EntityID<Department>, contactPerson: String,
    contactEmail: String = "",
    audience: Audience, need: Need = Need()
  ) {
    self.title = TextCleaning.line(title).trimmingCharacters(in: .whitespaces)
    self.department = department
    self.contactPerson = TextCleaning.line(contactPerson).trimmingCharacters(in: .whitespaces)
    self.contactEmail = TextCleaning.line(contactEmail).trimmingCharacters(in: .whitespaces)
    self.audience = audience
    var need = need
    need.beneficiaries = TextCleaning.multiline(need.beneficiaries)
    need.expectedEffect = TextCleaning.multiline(need.expectedEffect)
    need.paperFormsReplaced = need.paperFormsReplaced.map(TextCleaning.line).filter { !$0.isEmpty }
    self.need = need
  }

  /// The data rules every order meets, whatever its step.
  func validate(in m: Municipality) throws {
    if title.trimmingCharacters(in: .whitespaces).isEmpty {
      throw RuleViolation.required("title", LocalizedText(sv: "Titel", en: "Title"))
    }
    if m.department(department) == nil {
      throw RuleViolation(
        field: "department", LocalizedText(sv: "Välj en förvaltning.", en: "Choose a department."))
    }
    if contactPerson.trimmingCharacters(in: .whitespaces).isEmpty {
      throw RuleViolation.required(
        "contactPerson", LocalizedText(sv: "Kontaktperson", en: "Contact person"))
    }
    if !(1...3).contains(need.effectScore) {
      throw RuleViolation(
        field: "effectScore",
        LocalizedText(sv: "Förväntad effekt anges 1–3.", en: "Expected effect is 1–3."))
    }
    if let volume = need.yearlyCaseVolume, !StoredRange.volume.contains(volume) {
      throw RuleViolation(
        field: "yearlyCaseVolume",
        LocalizedText(
          sv: "Antal ärenden per år anges 0–\(StoredRange.volume.upperBound).",
          en: "Cases a year are 0–\(StoredRange.volume.upperBound)."))
    }
  }
}

/// A new order comes in (steps 1–2). Through "Beställning av e-tjänst" it is
/// registered in step 2 with its case number; a need still being mapped enters
/// step 1; one that came by e-mail or another way is refused by step 2's rule and
/// the refusal is kept (who, when, which department), so the department can be
/// told where to order.
public struct ReceiveOrder: Command {
  public var id: EntityID<ServiceOrder>
  public var draft: OrderDraft
  public var channel: OrderChannel
  public var caseNumber: String

  public init(
    id: EntityID<ServiceOrder> = .make(), draft: OrderDraft, channel: OrderChannel,
    caseNumber: String = ""
  ) {
    self.id = id
    self.draft = draft
    self.channel = channel
    self.caseNumber = TextCleaning.line(caseNumber).trimmingCharacters(in: .whitespaces)
  }

  /// Whether step 2's rule refuses the order for the way it came in.
  public var isRefused: Bool { channel == .email || channel == .otherWay }

  /// The message to give the department when the order is refused.
  public func refusal(_ contacts: Contacts) -> RuleViolation? {
    isRefused ? OrderRefusals.wrongChannel(channel, contacts: contacts) : nil
  }

  public var summary: LocalizedText {
    if isRefused {
      return LocalizedText(
        sv: "Avvisad beställning (\(channel.label.sv.lowercased())): \(draft.title)",
        en: "Refused order (\(channel.label.en.lowercased())): \(draft.title)")
    }
    return channel == .needOnly
      ? LocalizedText(
        sv: "Ny beställning i steg 1: \(draft.title)", en: "New order in step 1: \(draft.title)")
      : LocalizedText(
        sv: "Registrerad beställning \(caseNumber): \(draft.title)",
        en: "Registered order \(caseNumber): \(draft.title)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try draft.validate(in: m)
    if isRefused {
      m.refusedOrders.append(
        RefusedOrder(
          title: draft.title, department: draft.department, channel: channel.label.sv,
          refusedAt: context.now,
          refusedBy: context.actor.login))
      return
    }
    var order = ServiceOrder(
      id: id, title: draft.title, department: draft.department, contactPerson: draft.contactPerson,
      contactEmail: draft.contactEmail, audience: draft.audience, need: draft.need,
      stepHistory: [StepChange(step: .needsMapped, at: context.now, by: context.actor.login)],
      created: context.now)
    if channel == .orderService {
      try OrderPipeline.check(.register(caseNumber: caseNumber), for: order, in: m, at: context.now)
      order.orderCaseNumber = caseNumber
      order.stepHistory = []
      OrderPipeline.move(&order, to: .ordered, context: context)
    }
    m.orders.append(order)
  }
}

/// A need mapped in step 1 arrives through "Beställning av e-tjänst" (1 → 2).
public struct RegisterOrder: Command {
  public var order: EntityID<ServiceOrder>
  public var caseNumber: String

  public init(order: EntityID<ServiceOrder>, caseNumber: String) {
    self.order = order
    self.caseNumber = TextCleaning.line(caseNumber).trimmingCharacters(in: .whitespaces)
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Registrerad beställning \(caseNumber)", en: "Registered order \(caseNumber)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.register(caseNumber: caseNumber), for: o, in: m, at: context.now)
      o.orderCaseNumber = caseNumber
      OrderPipeline.move(&o, to: .ordered, context: context)
    }
  }
}

extension Municipality {
  /// Changes one order in place; throws when it no longer exists. `body` gets the
  /// municipality as it was before the change.
  mutating func updateOrder(
    _ id: EntityID<ServiceOrder>, _ body: (inout ServiceOrder, Municipality) throws -> Void
  ) throws {
    guard let i = orders.index(of: id) else {
      throw RuleViolation.notFound(LocalizedText(sv: "Beställningen", en: "The order"))
    }
    var order = orders[i]
    try body(&order, self)
    orders[i] = order
  }
}

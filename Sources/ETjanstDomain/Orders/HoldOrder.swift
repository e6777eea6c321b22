import Foundation

/// An order put on hold or cancelled, with a reason; it keeps its step, and its
/// days in the step are not flagged while it waits.
public struct HoldOrder: Command {
  public var order: EntityID<ServiceOrder>
  public var kind: HoldKind
  public var reason: String

  public init(order: EntityID<ServiceOrder>, kind: HoldKind, reason: String) {
    self.order = order
    self.kind = kind
    self.reason = TextCleaning.line(reason).trimmingCharacters(in: .whitespaces)
  }

  public var summary: LocalizedText {
    kind == .onHold
      ? LocalizedText(sv: "Beställning pausad: \(reason)", en: "Order put on hold: \(reason)")
      : LocalizedText(sv: "Beställning avbruten: \(reason)", en: "Order cancelled: \(reason)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if reason.isEmpty {
      throw RuleViolation.required("reason", LocalizedText(sv: "Skäl", en: "Reason"))
    }
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(kind == .onHold ? .hold : .cancel, for: o, in: m, at: context.now)
      o.hold = OrderHold(kind: kind, reason: reason, since: context.now, by: context.actor.login)
    }
  }
}

/// An order on hold or cancelled is taken up again, in the step it was in.
public struct ResumeOrder: Command {
  public var order: EntityID<ServiceOrder>

  public init(order: EntityID<ServiceOrder>) { self.order = order }

  public var summary: LocalizedText {
    LocalizedText(sv: "Beställning återupptagen", en: "Order resumed")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    try m.updateOrder(order) { o, m in
      try OrderPipeline.check(.resume, for: o, in: m, at: context.now)
      o.hold = nil
    }
  }
}

import ETjanstDomain

extension ExportTable {
  /// `list orders`: one row per order for a new e-service, with where it stands in
  /// the five steps of guideline 6, how long it has waited, and what guideline 3
  /// ranks by (audience, expected effect, case volume; `rank` 1 is first, none for an
  /// order published or cancelled).
  public static func orders(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    var step: OrderStep?
    if let n = options.step {
      guard let s = OrderStep(rawValue: n) else { throw ExportError.invalidStep(n) }
      step = s
    }
    let now = options.today.start
    let limit = m.settings.orderStepLimitDays
    let rank = m.orderRanks
    let orders = m.orders
      .filter { department == nil || $0.department == department }
      .filter { step == nil || $0.step == step }
      .sortedSwedish { $0.title }
    return ExportTable(
      columns: [
        "id", "title", "department", "departmentId", "step", "stepName", "state", "holdReason",
        "daysInStep",
        "leadTimeDays",
        "overdue", "rank", "audience", "effectScore", "yearlyCaseVolume", "orderCaseNumber",
        "contactPerson",
        "contactEmail", "service", "serviceId", "serviceStatus", "meetingAt", "meetingPlace",
        "comments",
        "openComments",
        "agreedBy", "created",
      ],
      rows: orders.map { o in
        let service = o.service.flatMap(m.service)
        return [
          .text(o.id.rawValue), .text(o.title), .text(m.departmentName(o.department)),
          .text(o.department.rawValue), .number(o.step.rawValue),
          .label(stepName(o.step), o.step.label), state(o.hold?.kind),
          .text(o.hold?.reason ?? ""),
          .number(o.daysInStep(at: now)), .number(o.leadTimeDays(at: now)),
          .bool(o.isOverdue(at: now, limitDays: limit)), .optional(rank[o.id]),
          .label(o.audience, o.audience.label),
          .number(o.need.effectScore), .optional(o.need.yearlyCaseVolume), .text(o.orderCaseNumber),
          .text(o.contactPerson), .text(o.contactEmail), .text(service?.name ?? ""),
          .optional(o.service?.rawValue),
          service.map { .label($0.status, $0.status.label) } ?? .none,
          .optional(o.meeting?.at),
          .text(o.meeting?.place ?? ""),
          .number(o.comments.count), .number(o.openComments.count), .text(o.agreement?.by ?? ""),
          .time(o.created),
        ]
      },
      narrow: ["title", "department", "step", "state", "daysInStep", "overdue"])
  }

  /// "active", "onHold" or "cancelled", with its label.
  static func state(_ hold: HoldKind?) -> ExportValue {
    switch hold {
    case nil: return .label("active", LocalizedText(sv: "pågår", en: "active"))
    case .onHold?: return .label(HoldKind.onHold, LocalizedText(sv: "pausad", en: "on hold"))
    case .cancelled?:
      return .label(HoldKind.cancelled, LocalizedText(sv: "avbruten", en: "cancelled"))
    }
  }

  /// Stable English names of the steps, for scripts.
  static func stepName(_ step: OrderStep) -> String {
    switch step {
    case .needsMapped: return "needsMapped"
    case .ordered: return "ordered"
    case .firstVersion: return "firstVersion"
    case .review: return "review"
    case .published: return "published"
    }
  }
}

import ETjanstDomain

extension ExportTable {
  /// `list requests`: the departments' requests to the e-coordinator, oldest first:
  /// what each asks, who sent it, its state as the data shows it now and the days it
  /// has waited (to done, or to today). `ref` is the id's first characters, which
  /// `request accept` and `request decline` take. What an accepted request became:
  /// `became` says it in the list's language; `personId`, the checklist
  /// (`onboarding` or `offboarding`, its steps done and all), `serviceId` and
  /// `reportId` lead to it.
  public static func requests(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let names = m.displayNames()
    let requests = m.requests
      .filter { department == nil || $0.department == department }
      .sorted { $0.sent < $1.sent }
    return ExportTable(
      columns: [
        "ref", "id", "kind", "state", "sender", "senderName", "department", "departmentId",
        "subject", "sent", "daysWaiting", "day", "services", "signing", "ends", "urgent",
        "revision", "text", "answeredBy", "answeredAt", "reason", "became", "personId", "checklist",
        "checklistDone", "checklistSteps", "serviceId", "reportId",
      ],
      rows: requests.map { r in
        let state = m.state(of: r)
        let outcome = m.outcome(of: r)
        return [
          .text(reference(r.id)), .text(r.id.rawValue), .label(r.kind, r.kind.label),
          .label(state, state.label), .text(r.sender), .text(names(r.sender)),
          .text(m.departmentName(r.department)), .text(r.department.rawValue),
          .text(m.subject(of: r)), .time(r.sent), .number(m.daysWaiting(r, today: options.today)),
          .optional(r.day), .list(r.services.map { m.service($0)?.name ?? "?" }), .bool(r.signing),
          .bool(r.ends), .bool(r.urgent), .bool(r.revision), .text(r.text),
          .optional(r.answeredBy), .optional(r.answeredAt), .text(r.reason),
          .text(outcome.map { $0.text(options.language) } ?? ""),
          .optional(outcome?.person?.id.rawValue), .optional(outcome?.step?.rawValue),
          .optional(outcome?.checklist?.doneCount), .optional(outcome?.checklist?.items.count),
          .optional(outcome?.service?.id.rawValue), .optional(outcome?.report?.id.rawValue),
        ]
      },
      narrow: ["ref", "kind", "state", "senderName", "subject", "daysWaiting"])
  }

  /// The first characters of a request's id, as the table shows it.
  public static func reference(_ id: EntityID<Request>) -> String {
    String(id.rawValue.prefix(8))
  }
}

import ETjanstDomain

extension ExportTable {
  /// `list routines`: each department's fallback routine, or its absence.
  public static func routines(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let departments = m.departments.filter { department == nil || $0.id == department }.sortedSwedish { $0.name }
    return ExportTable(
      columns: ["department", "hasRoutine", "location", "responsible", "lastReviewed", "lastTested"],
      rows: departments.map { d in
        let r = d.fallbackRoutine
        return [
          .text(d.name), .bool(r != nil), .text(r?.location ?? ""), .text(r?.responsible ?? ""),
          .optional(r?.lastReviewed), .optional(r?.lastTested),
        ]
      })
  }

  /// `list outages`: outages and drills, newest first.
  public static func outages(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let outages = m.outages.sorted { $0.start > $1.start }
    return ExportTable(
      columns: ["id", "start", "drill", "contactAt", "end", "observed"],
      rows: outages.map { o in
        [
          .text(o.id.rawValue), .time(o.start), .bool(o.isDrill), .optional(o.contact?.at), .optional(o.end),
          .text(o.observed),
        ]
      })
  }
}

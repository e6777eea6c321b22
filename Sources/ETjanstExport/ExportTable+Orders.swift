import ETjanstDomain

extension ExportTable {
  /// `list orders`: one row per order for a new e-service.
  public static func orders(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let orders = m.orders.filter { department == nil || $0.department == department }.sortedSwedish { $0.title }
    return ExportTable(
      columns: ["id", "title", "department", "step", "orderCaseNumber", "contactPerson"],
      rows: orders.map { o in
        [
          .text(o.id.rawValue), .text(o.title), .text(m.departmentName(o.department)),
          .number(o.step.rawValue), .text(o.orderCaseNumber), .text(o.contactPerson),
        ]
      })
  }
}

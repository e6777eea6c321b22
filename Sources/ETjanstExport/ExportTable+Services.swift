import ETjanstDomain

extension ExportTable {
  /// `list services`: the catalogue, one row per e-service.
  public static func services(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let services = m.services.filter { department == nil || $0.department == department }
      .sortedSwedish { $0.name }
    return ExportTable(
      columns: ["id", "name", "department", "audience", "status", "platform", "flowFamilyId", "address"],
      rows: services.map { s in
        [
          .text(s.id.rawValue), .text(s.name), .text(m.departmentName(s.department)),
          .text(s.audience.rawValue), .text(s.status.rawValue), .text(s.platform),
          .text(s.flowFamilyID), .text(s.address),
        ]
      })
  }
}

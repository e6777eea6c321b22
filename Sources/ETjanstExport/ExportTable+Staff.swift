import ETjanstDomain

extension ExportTable {
  /// `list staff`: one row per staff member.
  public static func staff(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let staff = m.staff.filter { department == nil || $0.department == department }.sortedSwedish { $0.name }
    return ExportTable(
      columns: ["id", "name", "login", "department", "status", "startDate", "endDate"],
      rows: staff.map { p in
        [
          .text(p.id.rawValue), .text(p.name), .text(p.login), .text(m.departmentName(p.department)),
          .text(p.status.rawValue), .day(p.startDate), .optional(p.endDate),
        ]
      })
  }

  /// `list access`: one row per access grant.
  public static func access(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let staff = m.staff.filter { department == nil || $0.department == department }.sortedSwedish { $0.name }
    return ExportTable(
      columns: ["staff", "login", "department", "service", "validFrom", "validTo"],
      rows: staff.flatMap { p in
        p.grants.map { g in
          [
            .text(p.name), .text(p.login), .text(m.departmentName(p.department)),
            .text(m.service(g.service)?.name ?? g.service.rawValue), .day(g.validFrom), .optional(g.validTo),
          ]
        }
      })
  }

  /// `list cases`: one row per case.
  public static func cases(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let cases = m.cases.filter { c in
      department == nil || m.staffMember(c.officer)?.department == department
    }.sortedSwedish { $0.number }
    return ExportTable(
      columns: ["number", "service", "officer", "status"],
      rows: cases.map { c in
        [
          .text(c.number), .text(m.service(c.service)?.name ?? c.service.rawValue),
          .text(m.staffMember(c.officer)?.login ?? c.officer.rawValue), .text(c.status.rawValue),
        ]
      })
  }
}

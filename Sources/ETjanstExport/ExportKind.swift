import ETjanstDomain

/// The kinds `etjanst list` knows. Each kind's table is built in its own file.
public enum ExportKind: String, CaseIterable, Sendable {
  case services, staff, access, cases, orders, routines, outages, requests

  public func table(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let table: ExportTable
    switch self {
    case .services: table = try .services(m, options)
    case .staff: table = try .staff(m, options)
    case .access: table = try .access(m, options)
    case .cases: table = try .cases(m, options)
    case .orders: table = try .orders(m, options)
    case .routines: table = try .routines(m, options)
    case .outages: table = try .outages(m, options)
    case .requests: table = try .requests(m, options)
    }
    return table.filtered(options.filter)
  }
}

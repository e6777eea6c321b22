import ETjanstDomain

extension ExportTable {
  /// `list services`: the catalogue, one row per e-service, with its owners, its
  /// review dates, its open reports and its flags (stable keys, e.g.
  /// "reviewOverdue openReports"), so a script can find what needs attention.
  public static func services(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let services = m.catalogue.filter { department == nil || $0.department == department }
      .sortedSwedish { $0.name }
    return fielded(
      services, EService.storedFields, m,
      derived: [
        DerivedColumn(key: "statusLabel", after: "status", inTable: true) {
          .text($0.status.label(options.language))
        },
        DerivedColumn(key: "statusSince", after: "status") { .optional($0.statusSince) },
        DerivedColumn(key: "onOpenEPlatform", after: "platform") { .bool($0.isOnOpenEPlatform) },
        DerivedColumn(key: "serviceOwnerName", after: "contactPersonId", inTable: true) {
          .text(m.personShortName($0.roles.serviceOwner))
        },
        DerivedColumn(key: "reviewDue", after: "reviewIntervalMonths") { .optional($0.reviewDue) },
        DerivedColumn(key: "openReports", after: nil) { .number($0.openReports.count) },
        DerivedColumn(key: "reports", after: nil) { .number($0.reports.count) },
        DerivedColumn(key: "flags", after: nil, inTable: true) {
          flags(m.flags(of: $0, today: options.today))
        },
      ])
  }

  /// The flags' stable keys, read as their labels.
  static func flags(_ flags: [ServiceFlag]) -> ExportValue {
    .labels(flags.map(\.rawValue), flags.map(\.label))
  }
}

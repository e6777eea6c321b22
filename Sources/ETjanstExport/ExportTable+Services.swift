import ETjanstDomain

extension ExportTable {
  /// `list services`: the catalogue, one row per e-service, with its owners, its
  /// review dates, its open reports and its flags (stable keys, e.g.
  /// "reviewOverdue openReports"), so a script can find what needs attention.
  public static func services(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let services = m.catalogue.filter { department == nil || $0.department == department }
      .sortedSwedish { $0.name }
    func person(_ ref: PersonRef?) -> ExportValue { ref.map { .text(m.personName($0)) } ?? .none }
    /// The staff member's id beside the name; nil for an outside person.
    func personID(_ ref: PersonRef?) -> ExportValue {
      if case .staff(let id)? = ref { return .text(id.rawValue) }
      return .none
    }
    let owners: [(String, KeyPath<ServiceRoles, PersonRef?>)] = [
      ("processOwner", \.processOwner), ("serviceOwner", \.serviceOwner),
      ("informationOwner", \.informationOwner), ("dataController", \.dataController),
      ("contactPerson", \.contactPerson),
    ]
    return ExportTable(
      columns: [
        "id", "name", "department", "departmentId", "audience", "category", "status",
        "statusLabel", "statusSince", "platform", "onOpenEPlatform", "flowFamilyId", "address",
      ] + owners.flatMap { [$0.0, $0.0 + "Id"] } + [
        "serviceOwnerName", "needsELegitimation", "needsSigning", "automated",
        "paperFormsReplaced", "yearlyCaseVolume", "handlingDaysBefore", "handlingDaysAfter",
        "lastReviewed", "reviewIntervalMonths", "reviewDue", "openReports", "reports", "flags",
        "legalNote",
      ],
      rows: services.map { s in
        [
          .text(s.id.rawValue), .text(s.name), .text(m.departmentName(s.department)),
          .text(s.department.rawValue), .label(s.audience, s.audience.label), .text(s.category),
          .label(s.status, s.status.label), .text(s.status.label(options.language)),
          .optional(s.statusSince), .text(s.platform), .bool(s.isOnOpenEPlatform),
          .text(s.flowFamilyID), .text(s.address),
        ] + owners.flatMap { [person(s.roles[keyPath: $0.1]), personID(s.roles[keyPath: $0.1])] }
          + [
            .text(m.personShortName(s.roles.serviceOwner)), .bool(s.needsELegitimation),
            .bool(s.needsSigning), .bool(s.automated), .list(s.paperFormsReplaced),
            .optional(s.yearlyCaseVolume), .optional(s.handlingDaysBefore),
            .optional(s.handlingDaysAfter), .optional(s.lastReviewed),
            .number(s.reviewIntervalMonths), .optional(s.reviewDue),
            .number(s.openReports.count), .number(s.reports.count),
            flags(m.flags(of: s, today: options.today)), .text(s.legalNote),
          ]
      },
      narrow: ["name", "department", "statusLabel", "serviceOwnerName", "flags"])
  }

  /// The flags' stable keys, read as their labels.
  static func flags(_ flags: [ServiceFlag]) -> ExportValue {
    .labels(flags.map(\.rawValue), flags.map(\.label))
  }
}

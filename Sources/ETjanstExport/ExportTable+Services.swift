import ETjanstDomain

extension ExportTable {
  /// `list services`: the catalogue, one row per e-service, with its owners, its
  /// review dates, its open reports and its flags (stable keys, e.g.
  /// "reviewOverdue openReports"), so a script can find what needs attention.
  public static func services(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let services = m.services.filter { department == nil || $0.department == department }
      .sortedSwedish { $0.name }
    func person(_ ref: PersonRef?) -> ExportValue { ref.map { .text(m.personName($0)) } ?? .none }
    return ExportTable(
      columns: [
        "id", "name", "department", "audience", "category", "status", "statusLabel", "statusSince",
        "platform",
        "onOpenEPlatform", "flowFamilyId", "address", "processOwner", "serviceOwner",
        "informationOwner",
        "dataController", "contactPerson", "needsELegitimation", "needsSigning", "automated",
        "paperFormsReplaced",
        "yearlyCaseVolume", "handlingDaysBefore", "handlingDaysAfter", "lastReviewed",
        "reviewIntervalMonths",
        "reviewDue", "openReports", "reports", "flags", "legalNote",
      ],
      rows: services.map { s in
        [
          .text(s.id.rawValue), .text(s.name), .text(m.departmentName(s.department)),
          .text(s.audience.rawValue),
          .text(s.category), .text(s.status.rawValue), .text(s.status.label.sv),
          .optional(s.statusSince),
          .text(s.platform), .bool(s.isOnOpenEPlatform), .text(s.flowFamilyID), .text(s.address),
          person(s.roles.processOwner), person(s.roles.serviceOwner),
          person(s.roles.informationOwner),
          person(s.roles.dataController), person(s.roles.contactPerson),
          .bool(s.needsELegitimation),
          .bool(s.needsSigning), .bool(s.automated),
          .text(s.paperFormsReplaced.joined(separator: "; ")),
          .optional(s.yearlyCaseVolume), .optional(s.handlingDaysBefore),
          .optional(s.handlingDaysAfter),
          .optional(s.lastReviewed), .number(s.reviewIntervalMonths), .optional(s.reviewDue),
          .number(s.openReports.count), .number(s.reports.count),
          .text(m.flags(of: s, today: options.today).map(\.rawValue).joined(separator: " ")),
          .text(s.legalNote),
        ]
      })
  }
}

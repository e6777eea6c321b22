import ETjanstDomain

extension ExportTable {
  /// `list staff`: one row per staff member, with their checklists' progress and
  /// open cases (guideline 4.1, 4.2).
  public static func staff(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let today = options.today
    let names = m.displayNames()
    let people = m.staff(in: department)
    return ExportTable(
      columns: [
        "id", "name", "login", "department", "departmentId", "manager", "status", "startDate",
        "endDate", "canSign", "services", "serviceIds",
        "onboardingDone", "onboardingOverdue", "offboardingDone", "offboardingOverdue", "openCases",
        "removalOverride",
      ],
      rows: people.map { p in
        [
          .text(p.id.rawValue), .text(p.name), .text(p.login),
          .text(m.departmentName(p.department)), .text(p.department.rawValue),
          .text(names(p.manager)), .label(p.status(on: today), p.status(on: today).label),
          .day(p.startDate),
          .optional(p.endDate),
          .bool(p.canSign),
          .list(
            p.grants.filter { $0.isValid(on: today) }.map { m.service($0.service)?.name ?? "" }),
          .list(p.grants.filter { $0.isValid(on: today) }.map(\.service.rawValue)),
          progress(p.onboarding), p.onboarding.map { .bool($0.isOverdue(on: today)) } ?? .none,
          progress(p.offboardingChecklist(on: today)),
          p.offboardingChecklist(on: today).map { .bool($0.isOverdue(on: today)) } ?? .none,
          .number(m.openCaseCount(of: p.id)), p.removalOverride.map(ExportValue.text) ?? .none,
        ]
      },
      narrow: ["name", "login", "department", "status", "endDate", "openCases"]
    ).appending(StaffMember.details, of: people, m)
  }

  /// "2/3", or nothing when there is no such checklist.
  static func progress(_ list: Checklist?) -> ExportValue {
    list.map { .text("\($0.doneCount)/\($0.items.count)") } ?? .none
  }

  /// `list access`: one row per access grant, plus one per person who can sign,
  /// each with what the access view flags about it.
  public static func access(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let today = options.today
    return ExportTable(
      columns: [
        "staff", "staffId", "login", "department", "departmentId", "status", "service", "serviceId",
        "validFrom", "validTo", "validToday", "flag",
      ],
      rows: m.staff(in: department).flatMap { p in
        let grants: [[ExportValue]] = p.grants.sortedSwedish { m.service($0.service)?.name ?? "" }
          .map { g in
            [
              .text(p.name), .text(p.id.rawValue), .text(p.login),
              .text(m.departmentName(p.department)), .text(p.department.rawValue),
              .label(p.status(on: today), p.status(on: today).label),
              .text(m.service(g.service)?.name ?? g.service.rawValue), .text(g.service.rawValue),
              .day(g.validFrom),
              .optional(g.validTo),
              .bool(g.isValid(on: today)), flag(m.accessFlag(p, g.service, on: today)),
            ]
          }
        let signing: [[ExportValue]] =
          p.canSign
          ? [
            [
              .text(p.name), .text(p.id.rawValue), .text(p.login),
              .text(m.departmentName(p.department)), .text(p.department.rawValue),
              .label(p.status(on: today), p.status(on: today).label),
              .label(
                "document signing", LocalizedText(sv: "Dokumentsignering", en: "Document signing")),
              .none, .none, .none, .bool(true),
              p.status == .removed ? .text("heldByRemoved") : .none,
            ]
          ] : []
        return grants + signing
      },
      narrow: ["staff", "department", "service", "validTo", "flag"])
  }

  static func flag(_ flag: AccessFlag?) -> ExportValue {
    switch flag {
    case .heldByRemoved:
      return .label(
        "heldByRemoved", LocalizedText(sv: "innehas av en som slutat", en: "held by a leaver"))
    case .leaverWithoutValidTo:
      return .label(
        "leaverWithoutValidTo",
        LocalizedText(sv: "slutar, utan slutdatum", en: "leaving, no end date"))
    case .expiresWithOpenCases(let day):
      return .label(
        "expiresWithOpenCases \(day)",
        LocalizedText(
          sv: "upphör \(day) med öppna ärenden", en: "ends \(day) with open cases"))
    case nil: return .none
    }
  }

  /// `list cases`: one row per case, open first.
  public static func cases(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let cases = m.cases.filter { c in
      department == nil || m.staffMember(c.officer)?.department == department
    }.sortedSwedish { $0.number }
    let ordered = cases.filter(\.isOpen) + cases.filter { !$0.isOpen }
    return ExportTable(
      columns: [
        "number", "service", "serviceId", "officer", "officerId", "officerName", "status",
        "transferredFrom", "transferredFromId",
      ],
      rows: ordered.map { c in
        [
          .text(c.number), .text(m.service(c.service)?.name ?? c.service.rawValue),
          .text(c.service.rawValue),
          .text(m.staffMember(c.officer)?.login ?? c.officer.rawValue), .text(c.officer.rawValue),
          .text(m.staffMember(c.officer)?.name ?? ""),
          .label(c.status, c.status.label),
          c.transferredFrom.map { .text(m.staffMember($0)?.login ?? $0.rawValue) } ?? .none,
          .optional(c.transferredFrom?.rawValue),
        ]
      },
      narrow: ["number", "service", "officerName", "status"])
  }
}

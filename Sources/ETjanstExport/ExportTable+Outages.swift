import ETjanstDomain
import Foundation

extension ExportTable {
  /// `list routines`: each department's fallback routine, or its absence, with the
  /// flags of guideline 4.3 as of `options.today`.
  public static func routines(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let departments = m.departments.filter { department == nil || $0.id == department }
      .sortedSwedish { $0.name }
    return ExportTable(
      columns: [
        "department", "departmentId", "hasRoutine", "flags", "location", "responsible",
        "lastReviewed", "reviewDue",
        "reviewIntervalMonths", "lastTested",
      ],
      rows: departments.map { d in
        let r = d.fallbackRoutine
        return [
          .text(d.name), .text(d.id.rawValue), .bool(r != nil),
          routineFlags(d.routineFlags(on: options.today)),
          .text(r?.location ?? ""),
          .text(r?.responsible ?? ""), .optional(r?.lastReviewed), .optional(r?.reviewDue),
          .optional(r?.reviewIntervalMonths), .optional(r?.lastTested),
        ]
      },
      narrow: ["department", "flags", "lastReviewed", "lastTested"])
  }

  /// The routine's flags as keys, read as their labels.
  static func routineFlags(_ flags: [RoutineFlag]) -> ExportValue {
    .labels(flagKeys(flags), flags.map(\.label))
  }

  /// Stable English keys of routine flags; none when all is well.
  static func flagKeys(_ flags: [RoutineFlag]) -> [String] {
    flags.map { flag in
      switch flag {
      case .missing: return "missing"
      case .neverReviewed: return "neverReviewed"
      case .reviewOverdue: return "reviewOverdue"
      case .neverTested: return "neverTested"
      }
    }
  }

  /// `list outages`: outages and drills, newest first, with the minutes from the
  /// start to the contact with the e-nämnd and to the end. `--department` keeps
  /// the outages that affected that department.
  public static func outages(_ m: Municipality, _ options: ListOptions) throws -> ExportTable {
    let department = try options.departmentID(in: m)
    let limit = m.outageContactLimitMinutes
    let outages = m.outages.sorted { $0.start > $1.start }.filter { o in
      department == nil || m.affectedDepartments(o).contains { $0.id == department }
    }
    // The departments never told, declared with the field (a name column and an id column).
    let neverTold = FieldColumns.export([Outage.Fields.neverTold.erased])
    return ExportTable(
      columns: [
        "id", "drill", "start", "scope", "scopeServiceIds", "observed", "declaredBy", "contactAt",
        "contactChannel",
        "contactBy",
        "contactReference", "minutesToContact", "contactLate", "end", "minutesToEnd",
        "departmentsAffected",
        "departmentsNotified",
      ] + neverTold.map(\.key) + ["cause", "followUp"],
      rows: outages.map { o in
        let contactLate: ExportValue =
          o.timeToContact.map { .bool($0 > TimeInterval(limit * 60)) } ?? .none
        return [
          .text(o.id.rawValue), .bool(o.isDrill), .time(o.start), scopeValue(o.scope, m),
          scopeIDs(o.scope),
          .text(o.observed),
          .text(o.declaredBy), .optional(o.contact?.at), .text(o.contact?.channel ?? ""),
          .text(o.contact?.by ?? ""),
          .text(o.contact?.reference ?? ""), .optional(o.timeToContact.map(minutes)), contactLate,
          .optional(o.end),
          .optional(o.timeToEnd.map(minutes)), .number(m.affectedDepartments(o).count),
          .number(o.notified.count),
        ] + neverTold.map { $0.value(o, m) } + [.text(o.cause), .text(o.followUp)]
      },
      narrow: ["start", "drill", "scope", "minutesToContact", "end"]
        + neverTold.filter(\.inTable).map(\.key),
      labels: Dictionary(uniqueKeysWithValues: neverTold.map { ($0.key, $0.label) }))
  }

  /// "wholePlatform", or the listed e-services' names.
  static func scopeValue(_ scope: OutageScope, _ m: Municipality) -> ExportValue {
    switch scope {
    case .wholePlatform:
      return .label("wholePlatform", LocalizedText(sv: "hela plattformen", en: "whole platform"))
    case .services(let ids): return .list(ids.map { m.service($0)?.name ?? $0.rawValue })
    }
  }

  /// The listed e-services' ids; none for the whole platform.
  static func scopeIDs(_ scope: OutageScope) -> ExportValue {
    switch scope {
    case .wholePlatform: return .none
    case .services(let ids): return .list(ids.map(\.rawValue))
    }
  }

  /// Whole minutes, rounded to the nearest.
  static func minutes(_ seconds: TimeInterval) -> Int { Int((seconds / 60).rounded()) }
}

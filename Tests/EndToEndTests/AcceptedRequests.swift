import Foundation
import TestSupport
import Testing

/// What the end-to-end tests of requests check once a manager's new-employee request
/// (Nina Ny, nina.ny) and leaver request (elin.sirkka, of the demo's
/// Samhällsbyggnadsförvaltningen) are accepted: the staff record, the checklists and
/// the trail say who asked and who acted.
enum AcceptedRequests {
  /// `asked`: the manager's login; `acted`: the e-coordinator's; `lastDay`: the
  /// leaver's last day as filed.
  static func expect(
    in store: String, asked: String, acted: String, lastDay: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let nina = try Binary.plistlib(
      store,
      "[(p['manager'], p['department'], [(i['step'], i.get('doneBy')) for i in p['onboarding']['items']]) for p in d['municipality']['staff'] if p['name'] == 'Nina Ny']"
    )
    #expect(nina.contains("('\(asked)', 'dep-sbf'"), "\(nina)", sourceLocation: sourceLocation)
    #expect(
      nina.contains("('managerContactedDuringIntroduction', '\(asked)')"), "\(nina)",
      sourceLocation: sourceLocation)
    let elin = try Binary.plistlib(
      store,
      "[(p.get('endDate'), [(i['step'], i.get('doneBy')) for i in p['offboarding']['items']]) for p in d['municipality']['staff'] if p['login'] == 'elin.sirkka']"
    )
    #expect(elin.contains(lastDay), "\(elin)", sourceLocation: sourceLocation)
    #expect(
      elin.contains("('managerContactedOnLeaving', '\(asked)')"), "\(elin)",
      sourceLocation: sourceLocation)
    let trail = try String(contentsOfFile: store + ".audit", encoding: .utf8)
      .split(separator: "\n")
    #expect(
      trail.filter { $0.contains("\"FileRequest\"") && $0.contains("\"\(asked)\"") }.count == 2,
      "\(trail)", sourceLocation: sourceLocation)
    #expect(
      trail.filter { $0.contains("\"AcceptRequest\"") && $0.contains("\"\(acted)\"") }.count == 2,
      "\(trail)", sourceLocation: sourceLocation)
  }
}

import Foundation

/// One case as an import file states it, already matched to the store's e-service
/// and officer; `line` is where it stood in the file, for messages.
public struct ImportedCase: Sendable, Equatable {
  public var line: Int
  public var number: String
  public var service: EntityID<EService>
  public var officer: EntityID<StaffMember>
  public var status: CaseStatus

  public init(
    line: Int, number: String, service: EntityID<EService>, officer: EntityID<StaffMember>,
    status: CaseStatus
  ) {
    self.line = line
    self.number = TextCleaning.line(number)
    self.service = service
    self.officer = officer
    self.status = status
  }
}

/// Brings cases from an Open ePlatform export into the store: all rows or none. A
/// case number already known is updated to what the platform says (its officer
/// and status), so importing the same export again changes nothing.
public struct ImportCases: Command {
  public var rows: [ImportedCase]
  public var source: String

  public init(_ rows: [ImportedCase], source: String) {
    self.rows = rows
    self.source = TextCleaning.line(source)
  }

  /// Every text a row stores, its case number, is held to `StoreLimits` as the row
  /// is applied (the rest are ids from the store and a status), so the walk over
  /// every changed case's fields that `Municipality.execute` does for other commands
  /// would only check them again: a sixth of a 200,000-row import.
  public var checksStoreLimits: Bool { false }

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Importerade \(Noun.case.count(rows.count).sv) från \(source)",
      en: "Imported \(Noun.case.count(rows.count).en) from \(source)")
  }

  /// Linear in rows plus cases: every lookup is a dictionary built once, so an export
  /// of 200,000 rows applies in a moment under the store's lock.
  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var services: [EntityID<EService>: String] = [:]
    for s in m.services where services[s.id] == nil { services[s.id] = s.name }
    var staffIndex: [EntityID<StaffMember>: Int] = [:]
    for (i, person) in m.staff.enumerated() where staffIndex[person.id] == nil {
      staffIndex[person.id] = i
    }
    var caseIndex: [String: Int] = [:]
    for (i, existing) in m.cases.enumerated() where caseIndex[existing.number] == nil {
      caseIndex[existing.number] = i
    }
    var seen: [String: Int] = [:]
    var touched = Set<EntityID<StaffMember>>()
    m.cases.reserveCapacity(m.cases.count + rows.count)
    for row in rows {
      func refuse(_ sv: String, _ en: String) -> RuleViolation {
        RuleViolation(LocalizedText(sv: "Rad \(row.line): \(sv)", en: "Line \(row.line): \(en)"))
      }
      if row.number.isEmpty { throw refuse("ärendenummer saknas", "the case number is missing") }
      if let violation = StoreLimits.violation(in: [("number", row.number)]) {
        throw refuse(violation.message.sv, violation.message.en)
      }
      if let first = seen[row.number] {
        throw refuse(
          "ärende \(row.number) finns redan på rad \(first)",
          "case \(row.number) is already on line \(first)")
      }
      seen[row.number] = row.line
      guard let serviceName = services[row.service] else {
        throw refuse("e-tjänsten finns inte", "the e-service does not exist")
      }
      guard let officer = staffIndex[row.officer] else {
        throw refuse("handläggaren finns inte", "the officer does not exist")
      }
      if row.status == .ongoing,
        let violation = CaseOfficerRule.violation(
          m.staff[officer], service: row.service, serviceName: serviceName, on: context.today)
      {
        throw refuse(violation.message.sv, violation.message.en)
      }
      if let i = caseIndex[row.number] {
        let old = m.cases[i]
        touched.insert(old.officer)
        if old.officer != row.officer {
          m.cases[i].transferredFrom = old.officer
          m.cases[i].officer = row.officer
        }
        m.cases[i].service = row.service
        m.cases[i].set(row.status, today: context.today)
      } else {
        caseIndex[row.number] = m.cases.count
        var added = Case(number: row.number, service: row.service, officer: row.officer)
        added.set(row.status, today: context.today)
        m.cases.append(added)
      }
      touched.insert(row.officer)
    }
    let leaving = touched.filter { person in
      staffIndex[person].map { m.staff[$0].isLeaving(on: context.today, m.settings) } ?? false
    }
    guard !leaving.isEmpty else { return }
    // One pass over the cases for every leaver at once, rather than one per leaver.
    var stillOpen = Set<EntityID<StaffMember>>()
    for c in m.cases where c.isOpen && leaving.contains(c.officer) { stillOpen.insert(c.officer) }
    for person in leaving where !stillOpen.contains(person) {
      m.tickCasesStepIfDone(person, context)
    }
  }
}

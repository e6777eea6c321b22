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

  public var summary: LocalizedText {
    LocalizedText(
      sv: "Importerade \(rows.count) ärenden från \(source)",
      en: "Imported \(rows.count) cases from \(source)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var seen: [String: Int] = [:]
    var touched = Set<EntityID<StaffMember>>()
    for row in rows {
      func refuse(_ sv: String, _ en: String) -> RuleViolation {
        RuleViolation(LocalizedText(sv: "Rad \(row.line): \(sv)", en: "Line \(row.line): \(en)"))
      }
      if row.number.isEmpty { throw refuse("ärendenummer saknas", "the case number is missing") }
      if let first = seen[row.number] {
        throw refuse(
          "ärende \(row.number) finns redan på rad \(first)",
          "case \(row.number) is already on line \(first)")
      }
      seen[row.number] = row.line
      guard m.service(row.service) != nil else {
        throw refuse("e-tjänsten finns inte", "the e-service does not exist")
      }
      guard m.staffMember(row.officer) != nil else {
        throw refuse("handläggaren finns inte", "the officer does not exist")
      }
      if let i = m.cases.firstIndex(where: { $0.number == row.number }) {
        let old = m.cases[i]
        touched.insert(old.officer)
        if old.officer != row.officer {
          m.cases[i].transferredFrom = old.officer
          m.cases[i].officer = row.officer
        }
        m.cases[i].service = row.service
        m.cases[i].set(row.status, today: context.today)
      } else {
        var added = Case(number: row.number, service: row.service, officer: row.officer)
        added.set(row.status, today: context.today)
        m.cases.append(added)
      }
      touched.insert(row.officer)
    }
    for person in touched where m.staffMember(person)?.isLeaving ?? false {
      m.tickCasesStepIfDone(person, context)
    }
  }
}

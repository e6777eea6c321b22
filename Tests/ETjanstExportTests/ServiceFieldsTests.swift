import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstExport

/// `list services` and `services import` built from the e-service's field
/// declarations: each declared column is written under its key and read back
/// under each of its names.
@Suite struct ServiceFieldsTests {
  /// The declared columns, nested ones (the roles) included.
  var declared: [(key: String, field: String)] {
    func columns<E: FieldedEntity>(_ fields: [AnyField<E>], _ prefix: String) -> [(String, String)]
    {
      fields.flatMap { f -> [(String, String)] in
        if let c = f.column { return [(c.key, prefix + f.name)] }
        if f.name == "roles" {
          return columns(ServiceRoles.storedFields, "roles.")
        }
        return []
      }
    }
    return columns(EService.storedFields, "")
  }

  @Test("every declared column is in list services, under its key and its label")
  func everyColumnExported() throws {
    let table = try ExportKind.services.table(Fixtures.demo, ListOptions(today: Fixtures.today))
    #expect(declared.count >= 26)
    for (key, field) in declared {
      #expect(table.columns.contains(key), "\(field) is not exported as \(key)")
      #expect(table.label(key) != nil)
    }
    #expect(table.columns.contains("flowFamilyId"))
    #expect(!table.columns.contains("flowFamilyID"))
    #expect(Set(table.columns).count == table.columns.count, "a column twice")
  }

  @Test("each import name of each declared column is read as that column, and by no other")
  func everyImportName() throws {
    var owner: [String: String] = [:]
    for column in ServiceImport.columns {
      #expect(column.names.contains(column.key.lowercased()))
      for name in column.names {
        #expect(owner[name] == nil, "'\(name)' names both \(owner[name] ?? "") and \(column.key)")
        owner[name] = column.key
        for header in [name, name.uppercased()] {
          let file = try ImportFile(
            "\(header)\nx\n", known: ServiceImport.known, required: [column.key])
          #expect(file.columns[column.key] == 0, "\(header)")
        }
      }
    }
    let imported = Set(ServiceImport.columns.map(\.key))
    for (key, _) in declared where key != "id" {
      #expect(imported.contains(key), "\(key) is exported but not imported")
    }
  }

  @Test("a CSV with the old flowFamilyId header, or the store's flowFamilyID, still imports")
  func oldFlowFamilyHeader() throws {
    var m = try Fixtures.demo
    m.services = []
    for header in ["flowFamilyId", "flowFamilyID", "Flödesfamilj", "flow family id"] {
      let csv = "name,department,\(header)\nNy tjänst,Socialförvaltningen,2077\n"
      let plan = try ServiceImport.parse(csv, m)
      #expect(plan.rows.count == 1, "\(header)")
      var after = m
      try plan.command(source: "x.csv", noun: (.init(verbatim: ""), .init(verbatim: "")))
        .apply(to: &after, context: CommandContext(actor: Actor(m.users[0]), now: Fixtures.now))
      #expect(after.services.first?.flowFamilyID == "2077", "\(header)")
    }
  }

  @Test("every declared column's value goes out in CSV and comes back in through the import")
  func csvRoundTripPerField() throws {
    let demo = try Fixtures.demo
    let csv = try ExportFormat.csv.render(
      try ExportKind.services.table(demo, ListOptions(today: Fixtures.today)))
    var m = demo
    m.services = []
    m.orders = []
    m.cases = []
    m.outages = []
    for i in m.staff.indices { m.staff[i].grants = [] }
    var after = m
    try ServiceImport.parse(csv, m).command(
      source: "x.csv", noun: (.init(verbatim: ""), .init(verbatim: ""))
    ).apply(to: &after, context: CommandContext(actor: Actor(m.users[0]), now: Fixtures.now))
    for field in EService.draftFields {
      for s in demo.services {
        let back = try #require(after.services.first { $0.name == s.name })
        #expect(
          field.text(of: back, in: after).sv == field.text(of: s, in: demo).sv,
          "\(s.name).\(field.name)")
      }
    }
  }
}

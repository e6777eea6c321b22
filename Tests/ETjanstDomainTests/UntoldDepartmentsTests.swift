import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.3: the departments an outage affects are told, so they switch to their
/// routine; closing an outage some were never told of does not pass without a word.
@Suite struct UntoldDepartmentsTests {
  typealias O = OutagesRulesTests

  /// A real outage of the whole platform (both departments), the e-nämnd contacted,
  /// Socialförvaltningen told and Barn- och utbildningsförvaltningen not.
  static func halfTold() throws -> (Municipality, EntityID<Outage>) {
    var m = O.store()
    let id = try O.declared(&m)
    let ctx = Fixtures.context(at: O.minutes(60))
    try m.execute(
      RecordOutageContact(
        outage: id, at: O.minutes(4), channel: "Telefon", by: "T", reference: ""), context: ctx)
    try m.execute(
      NotifyDepartment(outage: id, department: O.soc, at: O.minutes(5)), context: ctx)
    return (m, id)
  }

  @Test("4.3: closing an outage some departments were never told of is refused, naming them")
  func refusedNamingUntold() throws {
    var (m, id) = try Self.halfTold()
    do {
      try m.execute(
        ResolveOutage(outage: id, end: O.minutes(50), cause: "Certifikat", followUp: ""),
        context: Fixtures.context(at: O.minutes(60)))
      Issue.record("closed without a word about the department never told")
    } catch let v as RuleViolation {
      #expect(v.message.sv.contains("Barn- och utbildningsförvaltningen"))
      #expect(v.message.en.contains("Barn- och utbildningsförvaltningen"))
      #expect(!v.message.sv.contains("Socialförvaltningen"))
    }
    #expect(m.activeOutage != nil)
  }
}

extension UntoldDepartmentsTests {
  @Test("4.3: a resolve confirmed without them records who was never told, and check warns")
  func confirmedRecordsAndWarns() throws {
    var (m, id) = try Self.halfTold()
    let ctx = Fixtures.context(at: O.minutes(60))
    let change = try m.execute(
      ResolveOutage(
        outage: id, end: O.minutes(50), cause: "Certifikat", followUp: "", neverTold: [O.bou]),
      context: ctx)
    #expect(m.outages[id: id]?.neverTold == [O.bou])
    // The trail's account of the change names the department never told.
    let field = change.entityChanges.flatMap(\.fields).first { $0.name == "neverTold" }
    #expect(field?.newText.sv == "Barn- och utbildningsförvaltningen")
    let findings = Findings.all(in: m, at: O.minutes(60)).filter { $0.target == .outage(id) }
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.severity == .warning)
    #expect(finding.message.sv.contains("Barn- och utbildningsförvaltningen fick aldrig besked"))
    #expect(finding.message.en.contains("Barn- och utbildningsförvaltningen was never told"))
  }

  @Test("4.3: told of it, or confirmed for another department only, decides the resolve")
  func confirmationCoversOnlyTheNamed() throws {
    var (m, id) = try Self.halfTold()
    let ctx = Fixtures.context(at: O.minutes(60))
    // Confirming a department that was told does not cover one that was not.
    #expect(throws: RuleViolation.self) {
      try m.execute(
        ResolveOutage(
          outage: id, end: O.minutes(50), cause: "X", followUp: "", neverTold: [O.soc]),
        context: ctx)
    }
    try m.execute(
      NotifyDepartment(outage: id, department: O.bou, at: O.minutes(6)), context: ctx)
    #expect(m.untoldDepartments(try #require(m.outages[id: id])).isEmpty)
    try m.execute(
      ResolveOutage(outage: id, end: O.minutes(50), cause: "X", followUp: ""), context: ctx)
    #expect(m.outages[id: id]?.neverTold == [])
    #expect(Findings.all(in: m, at: O.minutes(60)).allSatisfy { $0.target != .outage(id) })
  }

  @Test("4.3: a drill's untold departments did not take part; finishing it asks nothing")
  func drillHasNoUntold() throws {
    var m = O.store()
    let id = try O.declared(&m, drill: true)
    let ctx = Fixtures.context(at: O.minutes(60))
    try m.execute(
      RecordOutageContact(
        outage: id, at: O.minutes(4), channel: "Telefon", by: "T", reference: ""), context: ctx)
    #expect(m.untoldDepartments(try #require(m.outages[id: id])).isEmpty)
    try m.execute(
      ResolveOutage(outage: id, end: O.minutes(50), cause: "Övning", followUp: ""), context: ctx)
    #expect(m.outages[id: id]?.neverTold == [])
  }

  @Test("4.3: the sentence for several departments starts small after other words")
  func severalMidSentence() {
    let m = O.store()
    let both = m.departments.map(\.id)
    #expect(both.count >= 2)
    #expect(m.neverToldText(both).sv.hasPrefix("Förvaltningarna "))
    #expect(m.neverToldText(both, midSentence: true).sv.hasPrefix("förvaltningarna "))
    #expect(m.neverToldText(both, midSentence: true).en.hasPrefix("the departments "))
    // One department's own name keeps its capital.
    #expect(m.neverToldText([both[0]], midSentence: true).sv.first?.isUppercase == true)
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// The typed field model: every entity's fields, the field-by-field account of a
/// change, the patch that applies only what a user changed, and field-by-field undo.
@Suite struct FieldModelTests {
  typealias F = CatalogueFixtures
  let context = Fixtures.context()

  /// A change made by "someone": any edit of the state, as a command.
  struct Mutate: Command {
    let body: @Sendable (inout Municipality) -> Void
    var summary: LocalizedText { LocalizedText(verbatim: "mutate") }
    func apply(to m: inout Municipality, context: CommandContext) throws { body(&m) }
  }

  func change(_ m: inout Municipality, _ body: @escaping @Sendable (inout Municipality) -> Void)
    throws -> Change
  {
    try m.execute(Mutate(body: body), context: context)
  }

  func index(_ m: Municipality, _ id: EntityID<EService>) -> Int { m.services.index(of: id)! }

  // MARK: - Every stored part is a field

  func storedParts(_ value: Any) -> Int { Mirror(reflecting: value).children.count }

  @Test("every stored part of every entity but its key is a field, named once")
  func fieldsCoverEverything() {
    let day = Fixtures.today
    let now = Fixtures.now
    func check<E: FieldedEntity>(_ e: E, key: Int) {
      #expect(E.fields.count == storedParts(e) - key, "\(E.entityType)")
      #expect(Set(E.fields.map(\.name)).count == E.fields.count, "\(E.entityType)")
    }
    check(EService(name: "x", department: F.social), key: 1)
    check(ServiceRoles(), key: 0)
    check(ServiceReport(kind: .error, reportedOn: day, reportedBy: "", text: ""), key: 1)
    check(StaffMember(name: "", login: "", department: F.social, startDate: day), key: 1)
    check(AccessGrant(service: F.bygglov, validFrom: day), key: 1)
    check(Checklist(steps: ChecklistStep.onboarding, due: day), key: 0)
    check(ChecklistItem(step: .accessGranted), key: 1)
    check(Case(number: "1", service: F.bygglov, officer: F.anna), key: 1)
    check(
      ServiceOrder(
        title: "", department: F.social, contactPerson: "", audience: .external, created: now),
      key: 1)
    check(Need(), key: 0)
    check(ReviewMeeting(at: now, place: ""), key: 0)
    check(ReviewComment(text: ""), key: 1)
    check(
      RefusedOrder(title: "", department: F.social, channel: "", refusedAt: now, refusedBy: ""),
      key: 1)
    check(Outage(start: now, scope: .wholePlatform, observed: "", declaredBy: ""), key: 1)
    check(ContactRecord(at: now, channel: "", by: "", reference: ""), key: 0)
    check(DepartmentNotice(department: F.social, at: now), key: 1)
    check(Department(name: ""), key: 1)
    check(FallbackRoutine(steps: "", location: "", responsible: ""), key: 0)
    check(Fixtures.coordinator, key: 1)
    check(Contacts.guideline, key: 0)
    check(Contacts.guideline.eCoordinator, key: 0)
    check(Settings(), key: 0)
    check(Request(kind: .leaver, sender: "", department: F.social, sent: now), key: 1)
    // The municipality's own name, plus one collection per list it keeps.
    let m = F.municipality()
    #expect(storedParts(m) == Municipality.fields.count + Municipality.collectionCount - 1)
  }

  // MARK: - What a change did, field by field

  @Test("a changed field is told with its name, label, old and new value, typed and readable")
  func changedField() throws {
    var m = F.municipality()
    let i = index(m, F.bygglov)
    let c = try change(&m) { $0.services[i].category = "Miljö" }
    let changes = c.entityChanges
    #expect(changes.count == 1)
    let e = try #require(changes.first)
    #expect(e.kind == .changed)
    #expect(e.entityType == "eService")
    #expect(e.id == F.bygglov.rawValue)
    #expect(e.name == "Ansökan om bygglov")
    #expect(e.fields.map(\.name) == ["category"])
    #expect(e.fields[0].label.sv == "Kategori")
    #expect(e.fields[0].old?.isEqual(to: "Bygga och bo") == true)
    #expect(e.fields[0].new?.isEqual(to: "Miljö") == true)
    #expect(e.fields[0].newText.sv == "Miljö")
  }

  @Test("ids read as names: a role, a department, an access grant")
  func idsReadAsNames() throws {
    var m = F.municipality()
    let i = index(m, F.bygglov)
    let c = try change(&m) {
      $0.services[i].roles.serviceOwner = .staff(F.cecilia)
      $0.services[i].department = F.social
    }
    let fields = try #require(c.entityChanges.first).fields
    let owner = try #require(fields.first { $0.name == "roles.serviceOwner" })
    #expect(owner.oldText.sv == "Anna Ek (anna.ek)")
    #expect(owner.newText.sv == "Cecilia Öberg (cecilia.oberg)")
    #expect(owner.label.sv == "Roller – E-tjänsteägare")
    let department = try #require(fields.first { $0.name == "department" })
    #expect(department.oldText.sv == "Samhällsbyggnad")
    #expect(department.newText.sv == "Socialförvaltningen")

    let s = m.staff.index(of: F.cecilia)!
    let grant = AccessGrant(service: F.bygglov, validFrom: Fixtures.today)
    let c2 = try change(&m) { $0.staff[s].grants.append(grant) }
    let g = try #require(c2.entityChanges.first?.fields.first)
    #expect(g.name == "grants[\(F.bygglov.rawValue)]")
    #expect(g.old == nil)
    #expect(g.newText.sv.contains("Ansökan om bygglov"))
    #expect(g.newText.sv.contains(Fixtures.today.description))
  }

  @Test("added and removed entities are told with the values they had")
  func addedAndRemoved() throws {
    var m = F.municipality()
    let d = Department(id: EntityID("dep-new"), name: "Kultur")
    let added = try change(&m) { $0.departments.append(d) }
    let a = try #require(added.entityChanges.first)
    #expect(a.kind == .added)
    #expect(a.name == "Kultur")
    #expect(a.fields.map(\.name) == ["name"])
    let removed = try change(&m) { $0.departments.removeAll { $0.id == d.id } }
    let r = try #require(removed.entityChanges.first)
    #expect(r.kind == .removed)
    #expect(r.fields.first?.oldText.sv == "Kultur")
  }

  @Test("a change that leaves an entity alone is not listed; nor are untouched lists")
  func onlyWhatChanged() throws {
    var m = F.municipality()
    let c = try change(&m) { $0.settings.orderStepLimitDays = 45 }
    #expect(c.entityChanges.map(\.entityType) == ["settings"])
    #expect(c.entityChanges.first?.fields.first?.oldText.sv == "30")
  }

  // MARK: - The patch

  func edit<V>(_ field: Field<EService, V>, _ m: Municipality, _ value: V) -> FieldEdit<EService> {
    field.edit(from: m.services[index(m, F.bygglov)][keyPath: field.keyPath], to: value)
  }

  @Test("two people change different fields of one record: both kept")
  func differentFieldsBothKept() throws {
    let base = F.municipality()
    var newest = base
    newest.services[index(base, F.bygglov)].category = "Theirs"
    let patch = EntityPatch([edit(EService.Fields.address, base, "Storgatan 1")])
    let result = try patch.applied(to: newest.services[index(base, F.bygglov)], in: newest)
    #expect(result.category == "Theirs")
    #expect(result.address == "Storgatan 1")
  }

  @Test("two people change the same field differently: a conflict with base, theirs and yours")
  func sameFieldConflict() throws {
    let base = F.municipality()
    var newest = base
    newest.services[index(base, F.bygglov)].category = "Theirs"
    let patch = EntityPatch([edit(EService.Fields.category, base, "Mine")])
    let entity = newest.services[index(base, F.bygglov)]
    #expect {
      try patch.applied(to: entity, in: newest)
    } throws: { error in
      guard let conflict = (error as? EditConflict)?.conflicts.first else { return false }
      return conflict.name == "category" && conflict.base.isEqual(to: "Bygga och bo")
        && conflict.theirs.isEqual(to: "Theirs") && conflict.yours.isEqual(to: "Mine")
        && conflict.theirsText.sv == "Theirs" && conflict.yoursText.sv == "Mine"
    }
    // Choosing resolves it: your value over theirs, or theirs kept.
    let conflict = try #require(conflicts(patch, entity, newest).first)
    let mine = try #require(patch.edits[0].resolving(conflict, keepYours: true))
    #expect(try EntityPatch([mine]).applied(to: entity, in: newest).category == "Mine")
    let theirs = try #require(patch.edits[0].resolving(conflict, keepYours: false))
    #expect(EntityPatch([theirs]).isEmpty)
  }

  func conflicts<E>(_ patch: EntityPatch<E>, _ entity: E, _ m: Municipality) -> [FieldConflict] {
    do {
      _ = try patch.applied(to: entity, in: m)
      return []
    } catch {
      return (error as? EditConflict)?.conflicts ?? []
    }
  }

  @Test("both set a field to the same value: no conflict")
  func sameValueNoConflict() throws {
    let base = F.municipality()
    var newest = base
    newest.services[index(base, F.bygglov)].category = "Same"
    let patch = EntityPatch([edit(EService.Fields.category, base, "Same")])
    #expect(
      try patch.applied(to: newest.services[index(base, F.bygglov)], in: newest).category == "Same")
  }

  @Test("a field made of parts merges part by part: two roles, two routine fields")
  func nestedMergesByPart() throws {
    let base = F.municipality()
    var newest = base
    let i = index(base, F.bygglov)
    newest.services[i].roles.processOwner = .staff(F.cecilia)
    var roles = base.services[i].roles
    roles.contactPerson = .named(name: "Åsa", email: "asa@example.se")
    let patch = EntityPatch([edit(EService.Fields.roles, base, roles)])
    let result = try patch.applied(to: newest.services[i], in: newest)
    #expect(result.roles.processOwner == .staff(F.cecilia))
    #expect(result.roles.contactPerson == .named(name: "Åsa", email: "asa@example.se"))

    let routine = FallbackRoutine(steps: "Papper", location: "Pärm", responsible: "Anna")
    var d = Department(name: "X", fallbackRoutine: routine)
    var theirs = d
    theirs.fallbackRoutine?.steps = "Papper och telefon"
    var mine = routine
    mine.location = "Intranätet"
    let f = Department.Fields.fallbackRoutine
    d = try EntityPatch([f.edit(from: routine, to: mine)]).applied(to: theirs, in: base)
    #expect(d.fallbackRoutine?.steps == "Papper och telefon")
    #expect(d.fallbackRoutine?.location == "Intranätet")
  }

  @Test("a keyed list merges element by element: two grants added by two people")
  func keyedListMerges() throws {
    let base = F.municipality()
    let s = base.staff.index(of: F.anna)!
    var newest = base
    let theirs = AccessGrant(service: F.avlopp, validFrom: Fixtures.today)
    newest.staff[s].grants.append(theirs)
    let mine = AccessGrant(service: F.bygglov, validFrom: Fixtures.today)
    let field = StaffMember.Fields.grants
    let patch = EntityPatch([field.edit(from: base.staff[s].grants, to: [mine])])
    let result = try patch.applied(to: newest.staff[s], in: newest)
    #expect(Set(result.grants.map(\.service)) == [F.avlopp, F.bygglov])
    // The same grant changed differently by both: a conflict.
    var later = newest
    later.staff[s].grants[0].validTo = Fixtures.today.adding(days: 10)
    let mine2 = EntityPatch([
      field.edit(
        from: newest.staff[s].grants,
        to: [AccessGrant(service: F.avlopp, validFrom: Fixtures.today, validTo: Fixtures.today)])
    ])
    #expect(throws: EditConflict.self) { try mine2.applied(to: later.staff[s], in: later) }
  }

  // MARK: - Undo, field by field

  @Test("undo puts back only the fields the change altered and keeps others' fields")
  func undoFieldByField() throws {
    var m = F.municipality()
    let i = index(m, F.bygglov)
    let mine = try change(&m) { $0.services[i].category = "Mine" }
    _ = try change(&m) { $0.services[i].address = "Theirs 1" }
    try m.execute(mine.undo, context: context)
    #expect(m.services[i].category == "Bygga och bo")
    #expect(m.services[i].address == "Theirs 1")
  }

  @Test("undo is refused, naming the field, where someone changed the same field since")
  func undoRefusedOnSameField() throws {
    var m = F.municipality()
    let i = index(m, F.bygglov)
    let mine = try change(&m) {
      $0.services[i].category = "Mine"
      $0.services[i].automated = true
    }
    _ = try change(&m) { $0.services[i].category = "Theirs" }
    let before = m
    #expect {
      try m.execute(mine.undo, context: context)
    } throws: { error in
      (error as? RuleViolation)?.message.sv.contains("Kategori") == true
    }
    #expect(m == before)
  }
}

import ETjanstDomain

/// The access matrix's chosen cell from the keyboard: the person on the selected row
/// and the e-service of the chosen column. On a cell without access (or whose access
/// has ended) it asks the dates and grants through `GrantAccess`, the person page's
/// rule; on a cell with access it asks the last day and sets only that, over the
/// newest grant (`EditFields`), so its "valid from" stays as the store has it.
enum AccessMatrixCell {
  static func act(_ state: inout AppState) -> [Effect] {
    let services = AccessMatrixView.services(state)
    let column = state.staffScreen.matrixColumn
    guard let p = state.staffScreen.matrix.pick(AccessMatrixView.rows(state)),
      services.indices.contains(column)
    else { return [] }
    let service = services[column]
    let person = p.id
    let picked = service.id
    let today = state.today
    if let existing = p.grant(for: picked), SetAccessOfMany.holds(existing, on: today) {
      var form = EntityForm(existing)
      // The day it ends is proposed as today, or the day already set.
      form.add(AccessGrant.Fields.validTo, shown: existing.validTo ?? today) {
        .day($0, StaffTexts.validTo)
      }
      state.overlays.append(
        FormOverlay(
          title: StaffTexts.endCellTitle(p.name, service.name), fields: form.fields
        ) { values, _ in
          StaffForms.editGrant(try form.patch(values), base: existing, person: person)
        })
      return []
    }
    let start = max(today, p.startDate)
    var form = EntityForm(AccessGrant(service: picked, validFrom: start, validTo: p.endDate))
    form.add(AccessGrant.Fields.validFrom) { .day($0, StaffTexts.validFrom) }
    form.add(AccessGrant.Fields.validTo) { .day($0, StaffTexts.validTo) }
    state.overlays.append(
      FormOverlay(
        title: StaffTexts.grantCellTitle(p.name, service.name), fields: form.fields
      ) { values, _ in
        let grant = try form.entity(values)
        return GrantAccess(
          person: person, service: picked, validFrom: grant.validFrom, validTo: grant.validTo)
      })
    return []
  }
}

/// The access matrix's marked people and its chosen column: `m` marks the person on
/// the selected row; the column key grants or ends the chosen e-service for the
/// marked people shown, or with none marked for everyone shown who is still on the
/// platform. As space does on one cell: when someone among them lacks the access it
/// is granted to those who lack it, else it is ended for them all. The dates are
/// asked once, and one `SetAccessOfMany` applies them all or none (one change, one
/// undo); those who already have the access keep their grant's dates.
enum AccessMatrixColumn {
  static func mark(_ state: inout AppState) -> [Effect] {
    let rows = AccessMatrixView.rows(state)
    guard let p = state.staffScreen.matrix.pick(rows) else { return [] }
    if state.staffScreen.marked.remove(p.id) == nil { state.staffScreen.marked.insert(p.id) }
    // On to the next row, so a run of people is marked key after key.
    state.staffScreen.matrix.selected = min(state.staffScreen.matrix.selected + 1, rows.count - 1)
    return []
  }

  /// The marked people among those shown.
  static func marked(_ state: AppState) -> [StaffMember] {
    AccessMatrixView.rows(state).filter { state.staffScreen.marked.contains($0.id) }
  }

  static func act(_ state: inout AppState) -> [Effect] {
    let services = AccessMatrixView.services(state)
    let column = state.staffScreen.matrixColumn
    guard services.indices.contains(column) else { return [] }
    let service = services[column]
    let picked = marked(state)
    let people =
      picked.isEmpty ? AccessMatrixView.rows(state).filter { $0.status != .removed } : picked
    let today = state.today
    let lacking = people.filter { !SetAccessOfMany.holds($0.grant(for: service.id), on: today) }
    let ids = people.map(\.id)
    if people.isEmpty {
      state.show(StaffTexts.nobodyToGrant, .error)
      return []
    }
    if lacking.isEmpty {
      let last = FormInput<Day>.day(AccessGrant.Fields.validTo.name, StaffTexts.validTo)
      state.overlays.append(
        FormOverlay(
          title: StaffTexts.endColumnTitle(service.name, people.count), fields: [last.field(today)]
        ) { values, _ in
          SetAccessOfMany(people: ids, service: service.id, action: .end(lastDay: try values[last]))
        })
      return []
    }
    var form = EntityForm(AccessGrant(service: service.id, validFrom: today, validTo: nil))
    form.add(AccessGrant.Fields.validFrom) { .day($0, StaffTexts.validFrom) }
    form.add(AccessGrant.Fields.validTo) { .day($0, StaffTexts.validTo) }
    let title = StaffTexts.grantColumnTitle(
      service.name, lacking.count, having: people.count - lacking.count)
    state.overlays.append(
      FormOverlay(title: title, fields: form.fields) { values, _ in
        let grant = try form.entity(values)
        return SetAccessOfMany(
          people: lacking.map(\.id), service: service.id,
          action: .grant(validFrom: grant.validFrom, validTo: grant.validTo))
      })
    return []
  }
}

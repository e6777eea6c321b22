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
    if let existing = p.grant(for: picked), existing.validTo.map({ $0 >= today }) ?? true {
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

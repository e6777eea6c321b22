import ETjanstDomain
import Foundation

/// The forms of the outages screen. Each is filled in so that Enter alone is
/// enough in a hurry: the time is now, the person is the user.
enum OutageForms {
  typealias X = OutagesTexts

  /// Declares an outage (start now, the whole platform), or a drill of a
  /// department's routine (its e-services picked).
  static func declare(_ state: AppState, drillOf department: Department?) -> FormOverlay {
    let drill = department != nil
    let picked = department.map { d in state.data.services.filter { $0.department == d.id } } ?? []
    let start = FormInput<Date>.dateTime("start", X.fieldStart)
    // Picked from a list (none: the whole platform); names may contain commas.
    let services = FormInput<[EntityID<EService>]>.choices(
      "services", X.fieldServices,
      state.data.services.sortedSwedish { $0.name }.map { ($0.id, T(verbatim: $0.name)) })
    let observed = FormInput.text("observed", X.fieldObserved)
    let declaredBy = FormInput.text("declaredBy", X.fieldDeclaredBy, required: true)
    let isDrill = FormInput.flag("drill", X.fieldDrill)
    return FormOverlay(
      title: drill ? X.drillTitle : X.declareTitle,
      fields: [
        start.field(state.now), services.field(picked.map(\.id)), observed.field(""),
        declaredBy.field(state.user.name), isDrill.field(drill),
      ]
    ) { values, _ in
      let ids = try values[services]
      return DeclareOutage(
        start: try values[start], scope: ids.isEmpty ? .wholePlatform : .services(ids),
        observed: try values[observed], declaredBy: try values[declaredBy],
        isDrill: try values[isDrill])
    }
  }

  /// Records the call to the e-nämnd; stops the clock.
  static func contact(_ outage: Outage, _ state: AppState) -> FormOverlay {
    let at = FormInput<Date>.dateTime("at", X.fieldAt)
    let channel = FormInput.text("channel", X.fieldChannel, required: true)
    let by = FormInput.text("by", X.fieldBy, required: true)
    let reference = FormInput.text("reference", X.fieldReference)
    return FormOverlay(
      title: X.contactTitle,
      fields: [
        at.field(state.now), channel.field(state.t(X.defaultChannel)), by.field(state.user.name),
        reference.field(""),
      ]
    ) { values, _ in
      RecordOutageContact(
        outage: outage.id, at: try values[at], channel: try values[channel], by: try values[by],
        reference: try values[reference])
    }
  }

  /// `neverTold`: the untold departments the user chose to resolve the outage without.
  static func resolve(
    _ outage: Outage, _ state: AppState, neverTold: [EntityID<Department>] = []
  ) -> FormOverlay {
    let end = FormInput<Date>.dateTime("end", X.fieldEnd)
    let cause = FormInput.text("cause", X.fieldCause, required: true)
    let followUp = FormInput.multiline("followUp", X.fieldFollowUp)
    var fields = [end.field(state.now), cause.field(""), followUp.field("")]
    // A drill: the routines it tested, of the departments that took part (told).
    let took = state.data.drillParticipants(outage)
    let tested = FormInput.choices(
      "tested", X.fieldDrillTested,
      took.map { ($0.id, T(verbatim: $0.name)) })
    if outage.isDrill { fields.append(tested.field(took.map(\.id))) }
    return FormOverlay(title: X.resolveTitle, fields: fields) { values, _ in
      ResolveOutage(
        outage: outage.id, end: try values[end], cause: try values[cause],
        followUp: try values[followUp], tested: outage.isDrill ? try values[tested] : nil,
        neverTold: neverTold)
    }
  }

  /// Writes or edits a routine; the steps open in $EDITOR or the console's editor.
  /// An edit sends only the fields the user changed, set on the newest routine.
  static func routine(_ d: Department, _ state: AppState) -> FormOverlay {
    typealias R = FallbackRoutine.Fields
    let blank = FallbackRoutine(
      steps: "", location: "", responsible: "", lastReviewed: state.today,
      reviewIntervalMonths: state.data.settings.routineReviewIntervalMonths)
    let base = d.fallbackRoutine ?? blank
    var form = EntityForm(base)
    form.add(R.steps) { .multiline($0, X.fieldSteps, required: true) }
    form.add(R.location) { .text($0, X.fieldLocation, required: true) }
    form.add(R.responsible) { .text($0, X.fieldResponsible, required: true) }
    form.add(R.lastReviewed) { .day($0, X.fieldReviewed) }
    form.add(R.lastTested) { .day($0, X.fieldTested) }
    form.add(R.reviewIntervalMonths) { .number($0, X.fieldInterval) }
    let id = d.id
    let isNew = d.fallbackRoutine == nil
    return FormOverlay(title: X.routineFormTitle(d.name), fields: form.fields) { values, _ in
      let patch = try form.patch(values)
      if patch.isEmpty && !isNew { return nil }
      return EditFields(
        patch, base: base,
        newest: { m in
          guard let department = m.department(id) else { return nil }
          return department.fallbackRoutine ?? (isNew ? blank : nil)
        }
      ) { SaveFallbackRoutine(department: id, routine: $0) }
    }
  }
}

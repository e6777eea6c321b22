import ETjanstDomain
import Foundation

/// The forms of the outages screen. Each is filled in so that Enter alone is
/// enough in a hurry: the time is now, the person is the user.
enum OutageForms {
  typealias X = OutagesTexts

  /// Declares an outage (start now, the whole platform), or a drill of a
  /// department's routine (its e-services filled in).
  static func declare(_ state: AppState, drillOf department: Department?) -> FormOverlay {
    let drill = department != nil
    let services =
      department.map { d in state.data.services.filter { $0.department == d.id }.map(\.name) } ?? []
    return FormOverlay(
      title: drill ? X.drillTitle : X.declareTitle,
      fields: [
        FormField(
          "start", X.fieldStart, .dateTime, value: Format.dateTime(state.now), required: true),
        FormField("services", X.fieldServices, value: services.joined(separator: ", ")),
        FormField("observed", X.fieldObserved),
        FormField("declaredBy", X.fieldDeclaredBy, value: state.user.name, required: true),
        .toggle("drill", X.fieldDrill, drill),
      ]
    ) { values, state in
      let names = values.text("services")
      let scope =
        names.isEmpty
        ? OutageScope.wholePlatform : try OutageScope.services(named: names, in: state.data)
      return DeclareOutage(
        start: try required(values.dateTime("start"), "start", X.fieldStart), scope: scope,
        observed: values.text("observed"), declaredBy: values.text("declaredBy"),
        isDrill: values.bool("drill"))
    }
  }

  /// Records the call to the e-nämnd; stops the clock.
  static func contact(_ outage: Outage, _ state: AppState) -> FormOverlay {
    FormOverlay(
      title: X.contactTitle,
      fields: [
        FormField("at", X.fieldAt, .dateTime, value: Format.dateTime(state.now), required: true),
        FormField("channel", X.fieldChannel, value: state.t(X.defaultChannel), required: true),
        FormField("by", X.fieldBy, value: state.user.name, required: true),
        FormField("reference", X.fieldReference),
      ]
    ) { values, _ in
      RecordOutageContact(
        outage: outage.id, at: try required(values.dateTime("at"), "at", X.fieldAt),
        channel: values.text("channel"),
        by: values.text("by"), reference: values.text("reference"))
    }
  }

  static func resolve(_ outage: Outage, _ state: AppState) -> FormOverlay {
    FormOverlay(
      title: X.resolveTitle,
      fields: [
        FormField("end", X.fieldEnd, .dateTime, value: Format.dateTime(state.now), required: true),
        FormField("cause", X.fieldCause, required: true),
        FormField("followUp", X.fieldFollowUp, .multiline),
      ]
    ) { values, _ in
      ResolveOutage(
        outage: outage.id, end: try required(values.dateTime("end"), "end", X.fieldEnd),
        cause: values.text("cause"),
        followUp: values.text("followUp"))
    }
  }

  /// Writes or edits a routine; the steps open in $EDITOR or the console's editor.
  static func routine(_ d: Department, _ state: AppState) -> FormOverlay {
    let r = d.fallbackRoutine
    return FormOverlay(
      title: X.routineFormTitle(d.name),
      fields: [
        FormField("steps", X.fieldSteps, .multiline, value: r?.steps ?? "", required: true),
        FormField("location", X.fieldLocation, value: r?.location ?? "", required: true),
        FormField("responsible", X.fieldResponsible, value: r?.responsible ?? "", required: true),
        .day("lastReviewed", X.fieldReviewed, r == nil ? state.today : r?.lastReviewed),
        .day("lastTested", X.fieldTested, r?.lastTested),
        .number(
          "interval", X.fieldInterval,
          r?.reviewIntervalMonths ?? state.data.settings.routineReviewIntervalMonths),
      ]
    ) { values, _ in
      SaveFallbackRoutine(
        department: d.id,
        routine: FallbackRoutine(
          steps: values.text("steps"), location: values.text("location"),
          responsible: values.text("responsible"),
          lastReviewed: try values.day("lastReviewed"), lastTested: try values.day("lastTested"),
          reviewIntervalMonths: try required(values.int("interval"), "interval", X.fieldInterval)))
    }
  }

  static func required<V>(_ value: V?, _ field: String, _ label: LocalizedText) throws -> V {
    guard let value else { throw RuleViolation.required(field, label) }
    return value
  }
}

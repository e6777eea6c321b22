import Foundation

/// Writes or rewrites a department's fallback routine (reservrutin, guideline 4.3).
public struct SaveFallbackRoutine: Command {
  public var department: EntityID<Department>
  public var routine: FallbackRoutine

  public init(department: EntityID<Department>, routine: FallbackRoutine) {
    self.department = department
    var clean = routine
    clean.steps = TextCleaning.multiline(routine.steps)
    clean.location = TextCleaning.line(routine.location)
    clean.responsible = TextCleaning.line(routine.responsible)
    self.routine = clean
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Reservrutin sparad", en: "Fallback routine saved")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let i = m.departments.index(of: department) else {
      throw RuleViolation.notFound(LocalizedText(sv: "Förvaltningen", en: "The department"))
    }
    if routine.steps.isEmpty {
      throw RuleViolation.required(
        "steps", LocalizedText(sv: "Vad personalen gör", en: "What staff do"))
    }
    if routine.location.isEmpty {
      throw RuleViolation(
        section: "4.3", field: "location",
        LocalizedText(
          sv:
            "Ange var rutinen finns när plattformen ligger nere (pärm, G:-katalog, anslagstavla), så att all personal når den.",
          en:
            "Say where the routine is kept when the platform is down (binder, shared drive, notice board), so all staff can reach it."
        ))
    }
    if routine.responsible.isEmpty {
      throw RuleViolation.required("responsible", LocalizedText(sv: "Ansvarig", en: "Responsible"))
    }
    if !(1...60).contains(routine.reviewIntervalMonths) {
      throw RuleViolation(
        section: "4.3", field: FallbackRoutine.Fields.reviewIntervalMonths.name,
        LocalizedText(
          sv: "Granska rutinen minst vart femte år (1–60 månader).",
          en: "Review the routine at least every five years (1–60 months)."))
    }
    for (day, field) in [
      (routine.lastReviewed, "lastReviewed"), (routine.lastTested, "lastTested"),
    ] {
      if let day, day > context.today {
        throw RuleViolation(
          field: field,
          LocalizedText(sv: "Datumet ligger i framtiden.", en: "The date is in the future."))
      }
    }
    m.departments[i].fallbackRoutine = routine
  }
}

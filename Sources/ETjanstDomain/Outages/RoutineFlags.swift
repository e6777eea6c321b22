/// What is wrong with a department's fallback routine (guideline 4.3): derived from
/// the routine and the day, never stored, so it cannot go stale.
public enum RoutineFlag: Equatable, Sendable {
  /// The department has no routine at all: it breaks 4.3 outright.
  case missing
  /// Written but never reviewed: treated as overdue.
  case neverReviewed
  /// The last review plus the review interval lies before today.
  case reviewOverdue(due: Day)
  /// Never exercised in a drill or a real outage.
  case neverTested

  /// A word or two for a list, in capitals so it reads without colour.
  public var label: LocalizedText {
    switch self {
    case .missing: return LocalizedText(sv: "! SAKNAS", en: "! MISSING")
    case .neverReviewed: return LocalizedText(sv: "! EJ GRANSKAD", en: "! NOT REVIEWED")
    case .reviewOverdue: return LocalizedText(sv: "! GRANSKA", en: "! REVIEW DUE")
    case .neverTested: return LocalizedText(sv: "! ALDRIG TESTAD", en: "! NEVER TESTED")
    }
  }

  /// A sentence for the overview, `check` and `report`.
  public var message: LocalizedText {
    switch self {
    case .missing:
      return LocalizedText(
        sv: "har ingen reservrutin för när e-tjänsterna inte fungerar",
        en: "has no fallback routine for when the e-services are down")
    case .neverReviewed:
      return LocalizedText(
        sv: "reservrutinen har aldrig granskats", en: "the fallback routine has never been reviewed"
      )
    case .reviewOverdue(let due):
      return LocalizedText(
        sv: "reservrutinen skulle ha granskats senast \(due)",
        en: "the fallback routine was due for review on \(due)")
    case .neverTested:
      return LocalizedText(
        sv: "reservrutinen har aldrig testats (gör en övning)",
        en: "the fallback routine has never been tested (run a drill)")
    }
  }

  /// The day the routine was due for review, when the flag is about that.
  public var due: Day? {
    if case .reviewOverdue(let due) = self { return due }
    return nil
  }

  /// A missing routine breaks the guideline; the others are warnings.
  public var severity: Finding.Severity { self == .missing ? .violation : .warning }
}

extension FallbackRoutine {
  /// The day by which the routine must be reviewed again; nil when never reviewed.
  public var reviewDue: Day? { lastReviewed?.adding(months: max(1, reviewIntervalMonths)) }

  /// Flags of a written routine on `today`, most serious first.
  public func flags(on today: Day) -> [RoutineFlag] {
    var flags: [RoutineFlag] = []
    if let due = reviewDue {
      if due < today { flags.append(.reviewOverdue(due: due)) }
    } else {
      flags.append(.neverReviewed)
    }
    if lastTested == nil { flags.append(.neverTested) }
    return flags
  }
}

extension Department {
  /// Everything that needs attention about this department's routine on `today`;
  /// empty when the routine is in order.
  public func routineFlags(on today: Day) -> [RoutineFlag] {
    guard let routine = fallbackRoutine else { return [.missing] }
    return routine.flags(on: today)
  }
}

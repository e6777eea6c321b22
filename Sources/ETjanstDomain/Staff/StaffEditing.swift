import Foundation

// Shared steps of the staff commands: finding a person, ticking a step, keeping
// the status in line with the checklists.

extension Municipality {
  /// The person with `id`, or a refusal saying they are gone.
  func requireStaff(_ id: EntityID<StaffMember>) throws -> StaffMember {
    guard let person = staffMember(id) else {
      throw RuleViolation.notFound(RuleViolation.staffMember)
    }
    return person
  }

  /// Changes one person in place; throws when they no longer exist.
  mutating func updateStaff(_ id: EntityID<StaffMember>, _ body: (inout StaffMember) throws -> Void)
    throws
  {
    guard let i = staff.index(of: id) else {
      throw RuleViolation.notFound(RuleViolation.staffMember)
    }
    try body(&staff[i])
  }

  func requireCase(_ id: EntityID<Case>) throws -> Case {
    guard let found = cases[id: id] else { throw RuleViolation.notFound(RuleViolation.theCase) }
    return found
  }

  /// "2026-0412 (Bygglov, pågående)": a case as refusals list it.
  func caseLine(_ c: Case) -> String {
    "\(c.number) (\(service(c.service)?.name ?? "?"))"
  }

  /// Ticks "cases closed or transferred" on a leaver's checklist once their last
  /// open case is gone, recording who did it.
  mutating func tickCasesStepIfDone(_ person: EntityID<StaffMember>, _ context: CommandContext) {
    guard openCases(of: person).isEmpty, let i = staff.index(of: person) else { return }
    staff[i].offboarding?.tick(.casesClosedOrTransferred, context)
  }
}

extension Checklist {
  /// Records who ticked `step` and when; a step already ticked keeps its first tick.
  mutating func tick(_ step: ChecklistStep, _ context: CommandContext) {
    guard let i = items.firstIndex(where: { $0.step == step }), !items[i].isDone else { return }
    items[i].doneBy = context.actor.login
    items[i].doneAt = context.now
  }

  func contains(_ step: ChecklistStep) -> Bool { item(step) != nil }
}

extension StaffMember {
  /// Onboarding done: the person becomes an active case officer (4.1).
  mutating func settleStatus() {
    if status == .onboarding, onboarding?.isComplete ?? true { status = .active }
  }

  /// Sets or clears the end date; setting one makes the offboarding checklist (4.2),
  /// which counts from `Settings.leavingLeadDays` before that day (`isLeaving(on:_:)`).
  mutating func setEndDate(_ day: Day?) {
    guard status != .removed else {
      endDate = day
      return
    }
    endDate = day
    if let day {
      if offboarding == nil { offboarding = Checklist(steps: ChecklistStep.offboarding, due: day) }
      offboarding?.due = day
      // Leaving is decided by the day (`status(on:_:)`), never stored ahead of time.
      if status == .offboarding {
        status = (onboarding?.isComplete ?? true) ? .active : .onboarding
      }
    } else {
      offboarding = nil
      status = (onboarding?.isComplete ?? true) ? .active : .onboarding
    }
  }
}

import Foundation

/// A change an order can go through in the pipeline of guideline 6: the four moves
/// to the next step, the work done inside step 4, and pausing or cancelling.
public enum OrderTransition: Equatable, Sendable {
  /// 1 → 2: registered with the case number of "Beställning av e-tjänst".
  case register(caseNumber: String)
  /// 2 → 3: the e-coordinator starts the first version, linked to a catalogue entry.
  case buildFirstVersion
  /// 3 → 4: the first version is ready for the department to review.
  case startReview
  /// 4 → 5: published, with the contact person's agreement.
  case publish
  case bookMeeting
  case addComment
  case resolveComment
  case recordAgreement
  case hold
  case cancel
  case resume

  /// The step the order is in after the transition, when it moves one.
  public var target: OrderStep? {
    switch self {
    case .register: return .ordered
    case .buildFirstVersion: return .firstVersion
    case .startReview: return .review
    case .publish: return .published
    default: return nil
    }
  }
}

/// The state machine of guideline 6, steps 1–5: the one place that decides which
/// transitions an order may take, and why the others are refused. Every order
/// command asks it first, so neither the console nor the command line can skip a step.
public enum OrderPipeline {
  /// The transition that takes an order in `step` to the next one ("advance").
  public static func advance(from step: OrderStep) -> OrderTransition? {
    switch step {
    case .needsMapped: return .register(caseNumber: "")
    case .ordered: return .buildFirstVersion
    case .firstVersion: return .startReview
    case .review: return .publish
    case .published: return nil
    }
  }

  /// Why `transition` is refused for `order`, or nil when it is allowed.
  public static func refusal(
    _ transition: OrderTransition, for order: ServiceOrder, in m: Municipality, at now: Date
  ) -> RuleViolation? {
    typealias R = OrderRefusals
    if order.step == .published {
      return transition == .publish || transition.target != nil
        ? R.alreadyPublished(order) : R.publishedIsDone(order)
    }
    switch transition {
    case .resume:
      return order.hold == nil ? R.notPaused(order) : nil
    case .cancel:
      return order.hold?.kind == .cancelled ? R.cancelled(order) : nil
    case .hold:
      if let hold = order.hold {
        return hold.kind == .cancelled ? R.cancelled(order) : R.alreadyOnHold(hold)
      }
      return nil
    default:
      break
    }
    if let hold = order.hold {
      return hold.kind == .cancelled ? R.cancelled(order) : R.onHold(hold)
    }
    switch transition {
    case .register(let caseNumber):
      guard order.step == .needsMapped else { return R.alreadyRegistered(order) }
      return intakeRefusal(caseNumber: caseNumber, excluding: order.id, in: m)
    case .buildFirstVersion:
      guard order.step == .ordered else { return R.wrongStep(order, for: .firstVersion) }
      return nil
    case .startReview:
      guard order.step == .firstVersion else { return R.wrongStep(order, for: .review) }
      guard let id = order.service, m.service(id) != nil else { return R.noCatalogueEntry(order) }
      return nil
    case .bookMeeting:
      guard order.step == .firstVersion || order.step == .review else {
        return R.meetingTooEarly(order)
      }
      return nil
    case .addComment, .resolveComment:
      guard order.step == .review, order.meeting != nil else { return R.commentsNeedMeeting(order) }
      return nil
    case .recordAgreement:
      guard order.step == .review, let meeting = order.meeting else { return R.noMeeting(order) }
      if meeting.at > now { return R.meetingNotHeld(meeting) }
      let open = order.comments.filter { $0.resolution == .open }.count
      return open > 0 ? R.openComments(open) : nil
    case .publish:
      guard order.step == .review else { return R.wrongStep(order, for: .published) }
      guard let meeting = order.meeting else { return R.noMeeting(order) }
      if meeting.at > now { return R.meetingNotHeld(meeting) }
      let open = order.comments.filter { $0.resolution == .open }.count
      if open > 0 { return R.openComments(open) }
      if order.agreement == nil { return R.noAgreement(order) }
      guard let id = order.service, m.service(id) != nil else { return R.noCatalogueEntry(order) }
      return nil
    case .hold, .cancel, .resume:
      return nil
    }
  }

  /// Throws the refusal, if any.
  public static func check(
    _ transition: OrderTransition, for order: ServiceOrder, in m: Municipality, at now: Date
  ) throws {
    if let violation = refusal(transition, for: order, in: m, at: now) { throw violation }
  }

  /// Step 2's rule for a case number: given, and not already another order's.
  public static func intakeRefusal(
    caseNumber: String, excluding id: EntityID<ServiceOrder>?, in m: Municipality
  ) -> RuleViolation? {
    let number = TextCleaning.line(caseNumber).trimmingCharacters(in: .whitespaces)
    if number.isEmpty { return OrderRefusals.noCaseNumber(m.contacts) }
    if let other = m.orders.first(where: {
      $0.id != id && $0.orderCaseNumber.compare(number, options: .caseInsensitive) == .orderedSame
    }) {
      return OrderRefusals.duplicateCaseNumber(number, other)
    }
    return nil
  }

  /// Applies an allowed step move: the new step and its entry in the history.
  static func move(_ order: inout ServiceOrder, to step: OrderStep, context: CommandContext) {
    order.step = step
    order.stepHistory.append(StepChange(step: step, at: context.now, by: context.actor.login))
  }
}

extension ServiceOrder {
  /// Whole days since the order entered its current step (until publication).
  public func daysInStep(at now: Date) -> Int {
    Day(enteredCurrentStep).days(until: Day(step == .published ? enteredCurrentStep : now))
  }

  /// Whole days from the first record of the order to now, or to publication.
  public func leadTimeDays(at now: Date) -> Int {
    let start = stepHistory.first?.at ?? created
    return Day(start).days(until: Day(step == .published ? enteredCurrentStep : now))
  }

  /// Waiting too long in one step: an active, unpublished order over the limit.
  public func isOverdue(at now: Date, limitDays: Int) -> Bool {
    step != .published && hold == nil && daysInStep(at: now) > limitDays
  }

  /// Review comments not yet adjusted or declined.
  public var openComments: [ReviewComment] { comments.filter { $0.resolution == .open } }
}

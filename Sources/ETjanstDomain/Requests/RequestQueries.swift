import Foundation

// What the requests say when read: their subject, their state as the data shows it
// now, how long they waited. Derived, never stored.

extension Municipality {
  /// The request with `id`.
  public func request(_ id: EntityID<Request>) -> Request? { requests[id: id] }

  /// Whom or what a request is about, in a line: the new employee's name, the
  /// leaver's or the person's name (and the e-service), the e-service of an error.
  public func subject(of r: Request) -> String {
    let person = r.person.flatMap { staffMember($0)?.name }
    let serviceName = r.services.first.map { self.service($0)?.name ?? "?" }
    switch r.kind {
    case .newEmployee: return r.name
    case .leaver: return person ?? r.login
    case .access:
      return [person ?? r.login, serviceName ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
    case .error: return serviceName ?? ""
    }
  }

  /// The request's state as the data shows it: an accepted request whose work is
  /// complete reads as done.
  public func state(of r: Request) -> RequestState {
    guard r.state == .accepted else { return r.state }
    return doneDay(of: r) == nil ? .accepted : .done
  }

  /// The day what a request asked for was done: the new employee's onboarding
  /// checklist completed, the leaver removed from the platform, the error report
  /// resolved; an access change is done when accepted. Nil while it is not.
  public func doneDay(of r: Request) -> Day? {
    switch r.state {
    case .sent, .declined: return nil
    case .done: return r.answeredAt.map(Day.init)
    case .accepted: break
    }
    switch r.kind {
    case .newEmployee:
      guard let p = r.person.flatMap(staffMember) else { return nil }
      // Already employed (`StaffMember.isNewEmployee`): nothing to onboard.
      guard let list = p.onboarding else { return r.answeredAt.map(Day.init) }
      guard list.isComplete else { return nil }
      return list.items.compactMap(\.doneAt).max().map(Day.init)
    case .leaver:
      guard let p = r.person.flatMap(staffMember), p.status == .removed else { return nil }
      return p.offboarding?.item(.removedFromPlatform)?.doneAt.map(Day.init)
        ?? r.answeredAt.map(Day.init)
    case .access:
      return r.answeredAt.map(Day.init)
    case .error:
      guard let id = r.report, let s = r.services.first.flatMap(service),
        let report = s.reports.first(where: { $0.id == id })
      else { return nil }
      return report.resolvedOn
    }
  }

  /// Days a request has waited: from the day it was sent to the day it was done
  /// (or declined), or to `today` while it is not.
  public func daysWaiting(_ r: Request, today: Day) -> Int {
    let end: Day =
      r.state == .declined ? (r.answeredAt.map(Day.init) ?? today) : (doneDay(of: r) ?? today)
    return max(0, Day(r.sent).days(until: end))
  }

  /// The requests waiting for an answer, oldest first: the e-coordinator's queue.
  public var openRequests: [Request] {
    requests.filter { $0.state.isOpen }.sorted { $0.sent < $1.sent }
  }

  /// The requests answered (accepted, done or declined) at or after `since`, oldest
  /// answer first: what a reminder tells each sender.
  public func requestsAnswered(since: Date) -> [Request] {
    requests.filter { r in r.answeredAt.map { $0 >= since } ?? false }
      .sorted { ($0.answeredAt ?? $0.sent) < ($1.answeredAt ?? $1.sent) }
  }

  /// The median days from sent to done of each department's done requests.
  public func medianDaysToDone() -> [EntityID<Department>: Double] {
    var days: [EntityID<Department>: [Int]] = [:]
    for r in requests {
      guard let done = doneDay(of: r) else { continue }
      days[r.department, default: []].append(max(0, Day(r.sent).days(until: done)))
    }
    return days.mapValues { values in
      let sorted = values.sorted()
      let mid = sorted.count / 2
      return sorted.count % 2 == 1
        ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }
  }
}

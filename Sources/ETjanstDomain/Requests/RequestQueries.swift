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
      return report(of: r)?.report.resolvedOn
    }
  }

  /// The error report an accepted error request made, with its e-service.
  func report(of r: Request) -> (service: EService, report: ServiceReport)? {
    guard let id = r.report, let s = r.services.first.flatMap(service),
      let report = s.reports.first(where: { $0.id == id })
    else { return nil }
    return (s, report)
  }

  /// What a request became: the staff record it made or is about, the checklist its
  /// acceptance started (a new employee's onboarding, a leaver's offboarding), the
  /// error report it made. Nil while it is waiting, declined, or what it made is gone.
  public func outcome(of r: Request) -> RequestOutcome? {
    guard r.state != .sent, r.state != .declined else { return nil }
    if r.kind == .error {
      guard let (s, report) = report(of: r) else { return nil }
      return RequestOutcome(target: .report(s.id, report.id), service: s, report: report)
    }
    guard let p = r.person.flatMap(staffMember) else { return nil }
    let step: RequestOutcome.Step? =
      switch r.kind {
      case .newEmployee: p.onboarding == nil ? nil : .onboarding
      case .leaver: p.offboarding == nil ? nil : .offboarding
      case .access, .error: nil
      }
    return RequestOutcome(
      target: .person(p.id), person: p, step: step,
      checklist: step == .onboarding ? p.onboarding : step == .offboarding ? p.offboarding : nil)
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

  /// `medianDaysToDone` by department name, slowest first (then in Swedish order): the
  /// figure beside the goals, in the console's overview and in the report alike.
  public func requestMedians() -> [(department: String, days: Double)] {
    medianDaysToDone().map { (department: departmentName($0.key), days: $0.value) }
      .sorted {
        $0.days != $1.days
          ? $0.days > $1.days : SwedishCollation.precedes($0.department, $1.department)
      }
  }

  /// The medians in a line, "Samhällsbyggnadsförvaltningen 5, Vård och omsorg 1,5"
  /// (whole days as such, a median between two counts with its half); "–" when no
  /// request is done yet.
  public func requestMediansText(_ language: Language) -> String {
    let medians = requestMedians()
    guard !medians.isEmpty else { return "–" }
    func days(_ d: Double) -> String {
      d == d.rounded() ? String(Int(d)) : NumberText.decimal(d, language)
    }
    return medians.map { "\($0.department) \(days($0.days))" }.joined(separator: ", ")
  }
}

/// What an accepted request became (`Municipality.outcome(of:)`): where it leads,
/// and a line saying it.
public struct RequestOutcome: Sendable, Equatable {
  public enum Target: Sendable, Equatable {
    case person(EntityID<StaffMember>)
    case report(EntityID<EService>, EntityID<ServiceReport>)
  }

  public enum Step: String, Sendable, Equatable {
    case onboarding, offboarding

    public var label: LocalizedText {
      switch self {
      case .onboarding: LocalizedText(sv: "introduktion (4.1)", en: "onboarding (4.1)")
      case .offboarding: LocalizedText(sv: "avslut (4.2)", en: "offboarding (4.2)")
      }
    }
  }

  public var target: Target
  public var person: StaffMember?
  /// Which checklist the acceptance started, and the list.
  public var step: Step?
  public var checklist: Checklist?
  public var service: EService?
  public var report: ServiceReport?

  /// "Nina Ny · introduktion (4.1) 1 av 3 klara", "Strandskydd · fel 2026-11-27,
  /// åtgärdat 2026-12-01".
  public var text: LocalizedText {
    var sv: [String] = []
    var en: [String] = []
    if let person {
      sv.append(person.name)
      en.append(person.name)
    }
    if let step, let list = checklist {
      sv.append("\(step.label.sv) \(list.doneCount) av \(list.items.count) klara")
      en.append("\(step.label.en) \(list.doneCount) of \(list.items.count) done")
    }
    if let service, let report {
      sv.append(service.name)
      en.append(service.name)
      let kind = report.kind.label
      if let resolved = report.resolvedOn {
        sv.append("\(kind.sv.lowercased()) \(report.reportedOn), åtgärdat \(resolved)")
        en.append("\(kind.en.lowercased()) \(report.reportedOn), resolved \(resolved)")
      } else {
        sv.append("\(kind.sv.lowercased()) \(report.reportedOn), öppet")
        en.append("\(kind.en.lowercased()) \(report.reportedOn), open")
      }
    }
    return LocalizedText(sv: sv.joined(separator: " · "), en: en.joined(separator: " · "))
  }
}

import Foundation

/// Gallring (retention): what the information management plan's periods in
/// `Settings` say must leave the store by `today`. Removed staff go once their end
/// date is older than the period; one a kept case still names is anonymised instead,
/// so every reference stays valid. Closed cases go once their closing day is older
/// than theirs.
public struct GallringPlan: Sendable, Equatable {
  public var removedStaff: [EntityID<StaffMember>]
  /// Staff whose record must stay, nameless, because a kept case names them.
  public var anonymisedStaff: [EntityID<StaffMember>]
  public var closedCases: [EntityID<Case>]
  /// Trail entries saved before this moment go.
  public var trailCutoff: Date

  public var isEmpty: Bool {
    removedStaff.isEmpty && anonymisedStaff.isEmpty && closedCases.isEmpty
  }

  /// Why gallring by `settings` must not run: a period outside its range
  /// (`StoreLimits`), say zero, which would remove every closed case, the whole trail
  /// and every backup. Nil when the periods are sound.
  public static func refusal(_ settings: Settings) -> RuleViolation? {
    for limit in Settings.limits {
      let stored = limit.stored
      guard limit.name.hasPrefix("retention"), !stored.contains(settings[keyPath: limit.path])
      else { continue }
      let value = limit.unit.count(settings[keyPath: limit.path])
      return RuleViolation(
        field: limit.name,
        LocalizedText(
          sv: "Gallring görs inte: \(limit.label.sv) är \(value.sv), "
            + "ska vara \(stored.lowerBound)–\(stored.upperBound).",
          en: "No gallring: \(limit.label.en) is \(value.en), "
            + "must be \(stored.lowerBound)–\(stored.upperBound)."))
    }
    return nil
  }

  /// What goes by `today`; nothing when the periods are refused (`refusal`), so no
  /// reader of the plan computes with a period outside its range.
  public static func make(_ m: Municipality, today: Day) -> GallringPlan {
    let s = m.settings
    guard refusal(s) == nil else {
      return GallringPlan(
        removedStaff: [], anonymisedStaff: [], closedCases: [], trailCutoff: .distantPast)
    }
    let cases = m.cases.filter { c in
      guard c.status == .closedArchived, let closed = c.closedOn else { return false }
      return closed.adding(months: s.retentionClosedCasesMonths) <= today
    }
    let goingCases = Set(cases.map(\.id))
    // Officers named by a case that stays: looked up per person, not scanned per person.
    let keptOfficers = Set(m.cases.lazy.filter { !goingCases.contains($0.id) }.map(\.officer))
    var removed: [EntityID<StaffMember>] = []
    var anonymised: [EntityID<StaffMember>] = []
    for person in m.staff where person.status == .removed && !person.isGallrad {
      guard let end = person.endDate, end.adding(months: s.retentionRemovedStaffMonths) <= today
      else { continue }
      if keptOfficers.contains(person.id) {
        anonymised.append(person.id)
      } else {
        removed.append(person.id)
      }
    }
    return GallringPlan(
      removedStaff: removed, anonymisedStaff: anonymised, closedCases: cases.map(\.id),
      trailCutoff: today.adding(months: -12 * s.retentionTrailYears).start)
  }

  /// What would go, one line each, for `etjanst gallra --dry-run`.
  public func lines(in m: Municipality) -> [LocalizedText] {
    var out: [LocalizedText] = []
    for id in removedStaff {
      guard let p = m.staffMember(id) else { continue }
      let end = p.endDate?.description ?? "?"
      out.append(
        LocalizedText(
          sv: "tas bort: personal \(p.name) (\(p.login)), slutade \(end)",
          en: "removed: staff \(p.name) (\(p.login)), left \(end)"))
    }
    for id in anonymisedStaff {
      guard let p = m.staffMember(id) else { continue }
      let end = p.endDate?.description ?? "?"
      out.append(
        LocalizedText(
          sv:
            "anonymiseras: personal \(p.name) (\(p.login)), slutade \(end); ett sparat ärende nämner personen",
          en: "anonymised: staff \(p.name) (\(p.login)), left \(end); a kept case names them"))
    }
    for id in closedCases {
      guard let c = m.cases[id: id] else { continue }
      let closed = c.closedOn?.description ?? "?"
      out.append(
        LocalizedText(
          sv: "tas bort: ärende \(c.number), avslutat \(closed)",
          en: "removed: case \(c.number), closed \(closed)"))
    }
    return out
  }
}

extension Municipality {
  /// Cases closed before the store kept the closing day have none, and gallring
  /// counts from it. What is known of such a case is that it was closed by the day the
  /// store holding it was saved (`savedOn`): that day is taken as its closing day.
  /// It is never earlier than the true one, so gallring never takes a case before its
  /// period has passed; the next save keeps the day, so it does not move on.
  public mutating func dateUnknownClosings(savedOn: Day) {
    guard cases.contains(where: { $0.status == .closedArchived && $0.closedOn == nil }) else {
      return
    }
    for i in cases.indices where cases[i].status == .closedArchived && cases[i].closedOn == nil {
      cases[i].closedOn = savedOn
    }
  }
}

extension StaffMember {
  /// The name an anonymised record keeps.
  public static let gallradName = "(gallrad)"

  /// Anonymised by gallring: kept only because a case names them.
  public var isGallrad: Bool { name == Self.gallradName && login.isEmpty }
}

/// Carries out a `GallringPlan` made on the same state: removes or anonymises what it
/// names and clears every reference to what is gone (a case's "transferred from", an
/// e-service role), so nothing points nowhere.
public struct Gallra: Command, RemovesPersonalData {
  public var today: Day

  public init(today: Day) { self.today = today }

  public var summary: LocalizedText {
    LocalizedText(sv: "Gallrade registret", en: "Gallring of the store")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    if let refusal = GallringPlan.refusal(m.settings) { throw refusal }
    let plan = GallringPlan.make(m, today: today)
    let cases = Set(plan.closedCases)
    m.cases.removeAll { cases.contains($0.id) }
    let removed = Set(plan.removedStaff)
    let anonymised = Set(plan.anonymisedStaff)
    m.staff.removeAll { removed.contains($0.id) }
    for i in m.staff.indices where anonymised.contains(m.staff[i].id) {
      var p = m.staff[i]
      p.name = StaffMember.gallradName
      p.login = ""
      p.manager = ""
      p.grants = []
      p.canSign = false
      p.onboarding = nil
      p.offboarding = nil
      p.removalOverride = nil
      m.staff[i] = p
    }
    let gone = removed.union(anonymised)
    // A request goes with its subject: it names the person and what was asked for them.
    m.requests.removeAll { r in r.person.map(gone.contains) ?? false }
    for i in m.cases.indices {
      if let from = m.cases[i].transferredFrom, gone.contains(from) {
        m.cases[i].transferredFrom = nil
      }
    }
    for i in m.services.indices {
      for role in ServiceRole.allCases {
        if case .staff(let id)? = m.services[i].roles[keyPath: role.keyPath], removed.contains(id) {
          m.services[i].roles[keyPath: role.keyPath] = nil
        }
      }
    }
  }
}

/// A command whose whole purpose is to remove personal data: its trail entry names
/// what went by kind and id only, never the removed values, or the trail would keep
/// what gallring removed.
public protocol RemovesPersonalData {}

extension Findings {
  /// Gallring is due when the plan has anything to remove (what the trail holds past
  /// its period is checked by `etjanst check`, which reads the trail).
  @Sendable static func gallring(_ m: Municipality, _ now: Date) -> [Finding] {
    let plan = GallringPlan.make(m, today: Day(now))
    guard !plan.isEmpty else { return [] }
    let count = plan.removedStaff.count + plan.anonymisedStaff.count + plan.closedCases.count
    return [
      Finding(
        section: "gallring", severity: .warning, subject: "gallring",
        message: LocalizedText(
          sv:
            "gallring behövs: \(Noun.record.count(count).sv) har passerat sin gallringsfrist (etjanst gallra --dry-run)",
          en:
            "gallring is due: \(Noun.record.count(count).en) past their retention period (etjanst gallra --dry-run)"
        ),
        target: .users)
    ]
  }
}

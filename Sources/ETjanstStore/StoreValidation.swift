import ETjanstDomain
import Foundation

/// What a decoded store must satisfy before any code computes with it. The decoder
/// only knows types; this knows what the program assumes of the values:
///
/// - every stored number lies in a range where no arithmetic on it can trap (review
///   intervals are added to dates, limits multiplied into seconds, yearly volumes
///   summed over the catalogue, scores negated for sorting);
/// - every stored moment lies between the years 1 and 9999, where the calendar can
///   name its day, and every day within `StoreLimits.years`;
/// - every setting lies in its range (`Settings.limits`: a gallring period of
///   zero would remove everything);
/// - ids are unique within their kind, and logins among the users (who is who must
///   never be ambiguous: the role follows the login).
///
/// A store that breaks one of these is refused, left as it is, with the key path of
/// the first value at fault. Softer problems — a reference that points nowhere, text
/// with control characters, a limit outside what the forms allow — do not stop the
/// program; `etjanst check` reports them (`Findings.integrity`, `TextAudit`).
public enum StoreValidation {
  /// The first problem that makes the store unusable, or nil.
  ///
  /// `knownValid`: a state that passed this validation (whole, or itself against an
  /// earlier one). A list of `m` that shares its storage with that state's list is the
  /// very list that passed, so it is not walked again: a save after an edit walks the
  /// settings and the lists the command changed, not the 63,000 entities of a region.
  /// A list changed in any way since (an edit, a value filled in after the load) has
  /// storage of its own and is walked whole; so is every list when nil.
  public static func refusal(_ m: Municipality, knownValid: Municipality? = nil) -> (
    keyPath: String, detail: String
  )? {
    var walk = Walk()
    walk.municipality(m, knownValid: knownValid)
    return walk.first
  }

  /// Whether `a` and `b` are one array's storage: then they hold the same elements, as
  /// neither can change what the other holds (copy on write). Arrays equal in value
  /// but stored apart are not the same here; comparing their elements would cost what
  /// walking them does. The standard library offers no identity of an array's
  /// storage, so the base addresses of the two buffers are compared.
  static func sameStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
    guard a.count == b.count else { return false }
    guard !a.isEmpty else { return true }
    return a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress }
    }
  }

  private typealias Range = StoreLimits

  /// The checks, in order, keeping the first problem found.
  struct Walk {
    var first: (keyPath: String, detail: String)?

    mutating func fail(_ keyPath: @autoclosure () -> String, _ detail: String) {
      if first == nil { first = (keyPath(), detail) }
    }

    mutating func number(
      _ value: Int?, _ range: ClosedRange<Int>, _ keyPath: @autoclosure () -> String
    ) {
      guard first == nil, let value, !range.contains(value) else { return }
      fail(keyPath(), "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
    }

    /// Every number of `entity` inside the range its field declares.
    mutating func ranges<E: FieldedEntity>(_ entity: E, _ path: @autoclosure () -> String) {
      for field in E.storedFields where first == nil {
        guard let value = field.outOfRange(in: entity), let range = field.range else { continue }
        fail(path() + field.key, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
      }
    }

    mutating func moment(_ value: Date?, _ keyPath: @autoclosure () -> String) {
      guard first == nil, let value, !Range.seconds.contains(value.timeIntervalSince1970) else {
        return
      }
      fail(keyPath(), "a date outside the years 1–9999")
    }

    mutating func day(_ value: Day?, _ keyPath: @autoclosure () -> String) {
      guard first == nil, let value, !StoreLimits.years.contains(value.year) else { return }
      let years = StoreLimits.years
      fail(keyPath(), "a day outside the years \(years.lowerBound)–\(years.upperBound)")
    }

    mutating func unique<ID: Hashable>(_ ids: [ID], _ keyPath: (Int) -> String, what: String) {
      guard first == nil else { return }
      var seen = Set<ID>()
      seen.reserveCapacity(ids.count)
      for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
        fail(keyPath(index), "\(what) \(TextCleaning.printable("\(id)")) appears more than once")
        return
      }
    }

    mutating func municipality(_ m: Municipality, knownValid: Municipality?) {
      let s = m.settings
      let settings = "municipality.settings."
      for limit in Settings.limits {
        number(s[keyPath: limit.path], limit.stored, settings + limit.field.key)
      }
      guard first == nil else { return }
      // Each list's ids first, then each entity's own checks (`StoredList.validate`):
      // every list is walked on its own and the first fault in that order kept, so a
      // large store's list marked `readAhead` (staff) is walked on the other core.
      let ahead = StoreLists.all.first { $0.readsAhead }
      let apart = Beside((ahead?.count(in: m) ?? 0) > 1_000) { () -> Faults in
        var faults = Faults(m: m, knownValid: knownValid)
        if let ahead { ahead.accept(&faults) }
        return faults
      }
      var faults = Faults(m: m, knownValid: knownValid)
      for list in StoreLists.all where !list.readsAhead { list.accept(&faults) }
      let byList = faults.byList.merging(apart.value().byList) { mine, _ in mine }
      let found = StoreLists.all.compactMap { byList[$0.key] }
      self.first = found.lazy.compactMap(\.ids).first ?? found.lazy.compactMap(\.entities).first
    }
  }

  typealias Fault = (keyPath: String, detail: String)

  /// Each list's first fault in its ids and in its entities' own checks.
  private struct Faults: StoreListVisitor {
    let m: Municipality
    /// A state whose lists passed (`refusal`'s `knownValid`).
    let knownValid: Municipality?
    var byList: [String: (ids: Fault?, entities: Fault?)] = [:]

    init(m: Municipality, knownValid: Municipality?) {
      self.m = m
      self.knownValid = knownValid
    }

    mutating func visit<Element>(_ list: StoredList<Element>) {
      let values = m[keyPath: list.path]
      if let knownValid, StoreValidation.sameStorage(values, knownValid[keyPath: list.path]) {
        return
      }
      var ids = Walk()
      ids.unique(
        values.map(list.id), { "municipality.\(list.key)[\($0)].\(list.idKey)" },
        what: "the \(list.idKey)")
      var entities = Walk()
      if let validate = list.validate {
        // The key path is made only for a message: an entity that passes costs none.
        for (i, value) in values.enumerated() where entities.first == nil {
          validate(&entities, value) { "municipality.\(list.key)[\(i)]." }
        }
      }
      byList[list.key] = (ids.first, entities.first)
    }
  }

  // MARK: each list's entities (`StoreLists`)

  static func user(_ w: inout Walk, _ user: User, _ path: () -> String) {
    if !Login.isValid(user.login) { w.fail(path() + "login", "not a login (a–z, 0–9, . - _)") }
  }

  static func department(_ w: inout Walk, _ d: Department, _ path: () -> String) {
    guard let r = d.fallbackRoutine else { return }
    w.number(r.reviewIntervalMonths, Range.months, path() + "fallbackRoutine.reviewIntervalMonths")
    w.day(r.lastReviewed, path() + "fallbackRoutine.lastReviewed")
    w.day(r.lastTested, path() + "fallbackRoutine.lastTested")
  }

  static func service(_ w: inout Walk, _ e: EService, _ path: () -> String) {
    w.ranges(e, path())
    w.day(e.lastReviewed, path() + "lastReviewed")
    for (j, h) in e.statusHistory.enumerated() { w.moment(h.at, path() + "statusHistory[\(j)].at") }
    w.unique(e.reports.map(\.id), { path() + "reports[\($0)].id" }, what: "the id")
    for (j, r) in e.reports.enumerated() {
      w.day(r.reportedOn, path() + "reports[\(j)].reportedOn")
      w.day(r.resolvedOn, path() + "reports[\(j)].resolvedOn")
    }
  }

  static func staffMember(_ w: inout Walk, _ p: StaffMember, _ path: () -> String) {
    if !p.login.isEmpty && !Login.isValid(p.login) {
      w.fail(path() + "login", "not a login (a–z, 0–9, . - _)")
    }
    w.day(p.startDate, path() + "startDate")
    w.day(p.endDate, path() + "endDate")
    for (j, g) in p.grants.enumerated() {
      w.day(g.validFrom, path() + "grants[\(j)].validFrom")
      w.day(g.validTo, path() + "grants[\(j)].validTo")
    }
    func checklist(_ list: Checklist?, _ name: String) {
      guard let list else { return }
      w.day(list.due, path() + name + ".due")
      for (j, item) in list.items.enumerated() {
        w.moment(item.doneAt, path() + name + ".items[\(j)].doneAt")
      }
    }
    checklist(p.onboarding, "onboarding")
    checklist(p.offboarding, "offboarding")
  }

  static func order(_ w: inout Walk, _ o: ServiceOrder, _ path: () -> String) {
    w.number(o.need.effectScore, Range.score, path() + "need.effectScore")
    w.number(o.need.yearlyCaseVolume, Range.volume, path() + "need.yearlyCaseVolume")
    w.moment(o.created, path() + "created")
    for (j, h) in o.stepHistory.enumerated() { w.moment(h.at, path() + "stepHistory[\(j)].at") }
    w.moment(o.meeting?.at, path() + "meeting.at")
    w.moment(o.agreement?.at, path() + "agreement.at")
    w.moment(o.hold?.since, path() + "hold.since")
    w.unique(o.comments.map(\.id), { path() + "comments[\($0)].id" }, what: "the id")
  }

  static func refusedOrder(_ w: inout Walk, _ r: RefusedOrder, _ path: () -> String) {
    w.moment(r.refusedAt, path() + "refusedAt")
  }

  static func request(_ w: inout Walk, _ r: Request, _ path: () -> String) {
    w.moment(r.sent, path() + "sent")
    w.moment(r.answeredAt, path() + "answeredAt")
    w.day(r.day, path() + "day")
  }

  static func outage(_ w: inout Walk, _ o: Outage, _ path: () -> String) {
    w.moment(o.start, path() + "start")
    w.moment(o.end, path() + "end")
    w.moment(o.contact?.at, path() + "contact.at")
    for (j, n) in o.notified.enumerated() { w.moment(n.at, path() + "notified[\(j)].at") }
  }
}

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
  public static func refusal(_ m: Municipality) -> (keyPath: String, detail: String)? {
    var walk = Walk()
    walk.municipality(m)
    return walk.first
  }

  private typealias Range = StoreLimits

  private struct Walk {
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

    mutating func municipality(_ m: Municipality) {
      let s = m.settings
      let settings = "municipality.settings."
      for limit in Settings.limits {
        number(s[keyPath: limit.path], limit.stored, settings + limit.field.key)
      }

      for (i, user) in m.users.enumerated() where !Login.isValid(user.login) {
        fail("municipality.users[\(i)].login", "not a login (a–z, 0–9, . - _)")
      }
      for (i, person) in m.staff.enumerated()
      where !person.login.isEmpty && !Login.isValid(person.login) {
        fail("municipality.staff[\(i)].login", "not a login (a–z, 0–9, . - _)")
      }
      unique(m.users.map(\.login), { "municipality.users[\($0)].login" }, what: "the login")
      unique(m.departments.map(\.id), { "municipality.departments[\($0)].id" }, what: "the id")
      unique(m.services.map(\.id), { "municipality.services[\($0)].id" }, what: "the id")
      unique(m.staff.map(\.id), { "municipality.staff[\($0)].id" }, what: "the id")
      unique(m.cases.map(\.id), { "municipality.cases[\($0)].id" }, what: "the id")
      unique(m.orders.map(\.id), { "municipality.orders[\($0)].id" }, what: "the id")
      unique(m.refusedOrders.map(\.id), { "municipality.refusedOrders[\($0)].id" }, what: "the id")
      unique(m.outages.map(\.id), { "municipality.outages[\($0)].id" }, what: "the id")

      for (i, d) in m.departments.enumerated() where first == nil {
        guard let r = d.fallbackRoutine else { continue }
        let path = "municipality.departments[\(i)].fallbackRoutine."
        number(r.reviewIntervalMonths, Range.months, path + "reviewIntervalMonths")
        day(r.lastReviewed, path + "lastReviewed")
        day(r.lastTested, path + "lastTested")
      }
      for (i, e) in m.services.enumerated() where first == nil {
        let path = "municipality.services[\(i)]."
        ranges(e, path)
        day(e.lastReviewed, path + "lastReviewed")
        for (j, h) in e.statusHistory.enumerated() { moment(h.at, path + "statusHistory[\(j)].at") }
        unique(e.reports.map(\.id), { path + "reports[\($0)].id" }, what: "the id")
        for (j, r) in e.reports.enumerated() {
          day(r.reportedOn, path + "reports[\(j)].reportedOn")
          day(r.resolvedOn, path + "reports[\(j)].resolvedOn")
        }
      }
      for (i, p) in m.staff.enumerated() where first == nil {
        let path = "municipality.staff[\(i)]."
        day(p.startDate, path + "startDate")
        day(p.endDate, path + "endDate")
        for (j, g) in p.grants.enumerated() {
          day(g.validFrom, path + "grants[\(j)].validFrom")
          day(g.validTo, path + "grants[\(j)].validTo")
        }
        for (name, list) in [("onboarding", p.onboarding), ("offboarding", p.offboarding)] {
          guard let list else { continue }
          day(list.due, path + name + ".due")
          for (j, item) in list.items.enumerated() {
            moment(item.doneAt, path + name + ".items[\(j)].doneAt")
          }
        }
      }
      for (i, o) in m.orders.enumerated() where first == nil {
        let path = "municipality.orders[\(i)]."
        number(o.need.effectScore, Range.score, path + "need.effectScore")
        number(o.need.yearlyCaseVolume, Range.volume, path + "need.yearlyCaseVolume")
        moment(o.created, path + "created")
        for (j, h) in o.stepHistory.enumerated() { moment(h.at, path + "stepHistory[\(j)].at") }
        moment(o.meeting?.at, path + "meeting.at")
        moment(o.agreement?.at, path + "agreement.at")
        moment(o.hold?.since, path + "hold.since")
        unique(o.comments.map(\.id), { path + "comments[\($0)].id" }, what: "the id")
      }
      for (i, r) in m.refusedOrders.enumerated() {
        moment(r.refusedAt, "municipality.refusedOrders[\(i)].refusedAt")
      }
      for (i, o) in m.outages.enumerated() where first == nil {
        let path = "municipality.outages[\(i)]."
        moment(o.start, path + "start")
        moment(o.end, path + "end")
        moment(o.contact?.at, path + "contact.at")
        for (j, n) in o.notified.enumerated() { moment(n.at, path + "notified[\(j)].at") }
      }
    }
  }
}

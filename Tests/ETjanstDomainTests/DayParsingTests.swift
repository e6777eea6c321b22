import Foundation
import Testing

@testable import ETjanstDomain

/// Days are read and written without the calendar in the common form; these check that
/// the shortcut gives the calendar's answer, so it changes no day a store holds.
@Suite struct DayParsingTests {
  /// Every month and day number 0–32 of years around the leap rules' edges and the
  /// Julian/Gregorian change, and strings that are not plain days.
  static func texts() -> [String] {
    var texts: [String] = []
    let years = [1, 1500, 1582, 1583, 1600, 1700, 1899, 1900, 2000, 2024, 2026, 2100, 2400, 9999]
    for year in years {
      for month in 0...13 {
        for day in 0...32 {
          let y = String(year)
          let text =
            String(repeating: "0", count: 4 - y.count) + y + "-"
            + (month < 10 ? "0\(month)" : "\(month)") + "-" + (day < 10 ? "0\(day)" : "\(day)")
          texts.append(text)
        }
      }
    }
    texts += [
      " 2026-02-28", "2026-02-28 ", "2026-2-28", "2026-02-2", "+026-02-28", "2026/02/28",
      "２０２６-02-28", "2026-02-28T", "", "----------", "2026-0a-28", "-2026-02-2",
    ]
    return texts
  }

  /// What the calendar says of `text`: a day when it is exactly "YYYY-MM-DD" (spaces
  /// around it aside), the calendar has that day, and its year is in the store's range.
  static func byCalendar(_ text: String) -> Day? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
    else { return nil }
    let parts = t.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, StoreLimits.years.contains(parts[0]) else { return nil }
    let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
    guard let date = DayArithmeticTests.utc.date(from: components) else { return nil }
    let back = DayArithmeticTests.utc.dateComponents([.year, .month, .day], from: date)
    guard back.year == parts[0], back.month == parts[1], back.day == parts[2] else { return nil }
    return Day(year: parts[0], month: parts[1], day: parts[2])
  }

  @Test("a day is exactly YYYY-MM-DD, a day the calendar has, in the store's years")
  func parserAgreesWithTheCalendar() {
    var days = 0
    for text in Self.texts() {
      #expect(Day(text) == Self.byCalendar(text), "\(text)")
      if Day(text) != nil { days += 1 }
    }
    // Every real day of the five years in range among them (1,827), and the two
    // with a space around them.
    #expect(days == 1_829)
    for text in [
      "-2026-01-01", "0000-01-01", "1899-12-31", "2200-01-01", "+2026-01-01", "2026-01-01-",
      "2026-02-29", "２０２６-01-01", "2026-01-01\n", "20260-01-01",
    ] {
      #expect(Day(text) == nil, "\(text)")
    }
    #expect(Day("1900-01-01") == Day(year: 1900, month: 1, day: 1))
    #expect(Day("2199-12-31") == Day(year: 2199, month: 12, day: 31))
    #expect(Day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
  }

  @Test("no day arithmetic traps, whatever the step")
  func arithmeticNeverTraps() {
    let day = Day(year: 2026, month: 1, day: 1)
    for step in [Int.max, Int.min, 1 << 62, -(1 << 62), 12_000, -12_000, 3_650_000, -3_650_000] {
      _ = day.adding(days: step)
      _ = day.adding(months: step)
      _ = Day(year: 9999, month: 12, day: 31).adding(months: step)
      _ = Day(year: 1, month: 1, day: 1).adding(days: step)
    }
    #expect(day.adding(months: Int.max) == Day(year: 9999, month: 12, day: 31))
    #expect(day.adding(days: Int.min) == Day(year: 1, month: 1, day: 1))
    #expect(day.adding(months: -12) == Day(year: 2025, month: 1, day: 1))
  }

  @Test("a day is written as String(format:) wrote it")
  func description() {
    for (y, m, d) in [
      (2026, 11, 27), (1, 1, 1), (999, 12, 31), (9999, 9, 9), (-5, 1, 2), (12345, 1, 1),
    ] {
      let day = Day(year: y, month: m, day: d)
      #expect(day.description == String(format: "%04d-%02d-%02d", y, m, d))
    }
  }
}

/// Adding days and months and counting days between two are done by hand from 1600 on;
/// these check the hand-made answers against a Gregorian calendar in UTC. For months the
/// reference is the rule itself (the same day of the target month, clamped to its
/// length, which the calendar gives): this Foundation's `date(byAdding: .month)` counts
/// some long steps back wrongly in any time zone (2000-03-31 minus 25 months gave
/// 1998-03-01, 2024-02-29 minus 1,200 months gave 1924-02-28), and `Day` used to inherit
/// that.
@Suite struct DayArithmeticTests {
  static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()
  static func date(_ day: Day) -> Date {
    utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
  }
  static func day(_ date: Date) -> Day {
    let c = utc.dateComponents([.year, .month, .day], from: date)
    return Day(year: c.year!, month: c.month!, day: c.day!)
  }
  static func byCalendar(_ day: Day, months: Int) -> Day {
    let first = utc.date(
      byAdding: .month, value: months,
      to: date(Day(year: day.year, month: day.month, day: 1)))!
    let length = utc.range(of: .day, in: .month, for: first)!.count
    let target = Self.day(first)
    return Day(year: target.year, month: target.month, day: min(day.day, length))
  }
  static func byCalendar(_ day: Day, days: Int) -> Day {
    Self.day(utc.date(byAdding: .day, value: days, to: date(day))!)
  }
  static func byCalendar(_ day: Day, until other: Day) -> Int {
    utc.dateComponents([.day], from: date(day), to: date(other)).day!
  }

  /// Every day of leap and common years around the rules' edges.
  static func days() -> [Day] {
    var out: [Day] = []
    for year in [1600, 1700, 1900, 1999, 2000, 2024, 2025, 2026, 2100] {
      for month in 1...12 {
        for day in 1...Day.daysIn(month: month, year: year) {
          out.append(Day(year: year, month: month, day: day))
        }
      }
    }
    return out
  }

  @Test("adding months, by hand, agrees with the calendar")
  func months() {
    for day in Self.days() where day.day >= 27 || day.day == 1 || day.day == 15 {
      for months in [-1200, -120, -25, -12, -6, -1, 0, 1, 3, 6, 11, 12, 13, 24, 36, 84]
      where day.year * 12 + day.month - 1 + months >= 1600 * 12 {
        #expect(
          day.adding(months: months) == Self.byCalendar(day, months: months),
          "from \(day) by \(months)")
      }
    }
  }

  @Test("adding days and counting days, by hand, agree with the calendar")
  func days() {
    let all = Self.days()
    for day in all where day.day % 3 == 0 || day.day == 1 {
      for days in [-800, -366, -365, -31, -1, 0, 1, 28, 29, 30, 31, 59, 365, 366, 1000] {
        #expect(day.adding(days: days) == Self.byCalendar(day, days: days), "\(day) \(days)")
      }
    }
    for (a, b) in zip(all, all.reversed()) {
      #expect(a.days(until: b) == Self.byCalendar(a, until: b), "\(a) \(b)")
    }
  }

  @Test("a month's end is clamped on long steps back too")
  func clampedOnLongStepsBack() {
    #expect(Day(year: 2000, month: 3, day: 31).adding(months: -25) == Day("1998-02-28"))
    #expect(Day(year: 2024, month: 2, day: 29).adding(months: -1200) == Day("1924-02-29"))
    #expect(Day(year: 2026, month: 3, day: 31).adding(months: -1) == Day("2026-02-28"))
  }

  @Test("the day an instant falls on in Stockholm, by the offset, agrees with the calendar")
  func dayOfAnInstant() {
    func byCalendar(_ date: Date) -> Day {
      let c = Day.calendar.dateComponents([.year, .month, .day], from: date)
      return Day(year: c.year!, month: c.month!, day: c.day!)
    }
    // Every 37 minutes over three years (the summer-time changes and midnights among
    // them), each second around two changes, and far years.
    var instants: [Date] = []
    let start = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00Z
    for k in 0..<(3 * 365 * 24 * 60 / 37) {
      instants.append(start.addingTimeInterval(Double(k * 37 * 60)))
    }
    for change in [1_774_746_000.0, 1_792_890_000.0] {  // 2026-03-29T01:00Z, 2026-10-25T01:00Z
      for second in -3_700...3_700 {
        instants.append(Date(timeIntervalSince1970: change + Double(second)))
      }
    }
    for year in [1601, 1900, 1969, 1970, 1980, 2100, 2400, 9000] {
      let date = Self.utc.date(
        from: DateComponents(year: year, month: 7, day: 1, hour: 22, minute: 30))!
      instants.append(date)
      instants.append(date.addingTimeInterval(-0.5))
    }
    var wrong = 0
    for date in instants where Day(date) != byCalendar(date) {
      wrong += 1
      if wrong < 5 {
        Issue.record("\(date): \(Day(date)) but the calendar says \(byCalendar(date))")
      }
    }
    #expect(wrong == 0)
  }

  @Test("days before 1600 and impossible days still go through Stockholm's calendar")
  func outsideTheHandMadeYears() {
    func stockholm(_ day: Day, _ component: Calendar.Component, _ n: Int) -> Day {
      Day(Day.calendar.date(byAdding: component, value: n, to: day.start)!)
    }
    let early = Day(year: 1582, month: 10, day: 1)
    #expect(early.adding(days: 10) == stockholm(early, .day, 10))
    #expect(early.adding(months: 1) == stockholm(early, .month, 1))
    let odd = Day(year: 2026, month: 4, day: 31)
    #expect(odd.adding(days: 1) == stockholm(odd, .day, 1))
    #expect(odd.adding(months: 1) == stockholm(odd, .month, 1))
  }
}

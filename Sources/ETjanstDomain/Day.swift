import Foundation

/// A calendar day (start date, due date, last reviewed), free of time zones.
/// Stored as "YYYY-MM-DD" so the file reads the same in plutil and plistlib.
public struct Day: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The one reader of a day, for the store, the forms, the imports and the options:
  /// exactly "YYYY-MM-DD" (spaces around it aside), a day the calendar has, in a year
  /// of `StoreLimits.years`; nil for anything else ("-2026-01-01", "2026-1-1",
  /// "0000-01-01", "2026-02-30"). A plain byte loop: a region's store holds some
  /// 100,000 days, and the calendar took a fifth of its load.
  public init?(_ text: String) {
    guard let day = Day.parse(text) else { return nil }
    self = day
  }

  static func parse(_ text: String) -> Day? {
    var bytes = Array(text.utf8)[...]
    while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
    guard bytes.count == 10 else { return nil }
    let b = Array(bytes)
    guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var n = 0
      for k in range {
        let digit = Int(b[k]) - 48
        guard digit >= 0 && digit <= 9 else { return nil }
        n = n * 10 + digit
      }
      return n
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
      StoreLimits.years.contains(y), (1...12).contains(m), d >= 1,
      d <= Day.daysIn(month: m, year: y)
    else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// What a day must look like, for messages: "YYYY-MM-DD, the years 1900–2199".
  public static var expected: LocalizedText {
    let years = "\(StoreLimits.years.lowerBound)–\(StoreLimits.years.upperBound)"
    return LocalizedText(
      sv: "ett datum ÅÅÅÅ-MM-DD under åren \(years)",
      en: "a date YYYY-MM-DD in the years \(years)")
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The day on which `date` falls in Swedish local time. By the zone's offset and
  /// day arithmetic rather than the calendar's components (several times faster;
  /// the console dates every order and case of a region this way), from 1600 on;
  /// DayArithmeticTests checks it against the calendar across summer-time changes.
  public init(_ date: Date) {
    let seconds = date.timeIntervalSince1970
    if seconds.isFinite, seconds > -11_000_000_000, seconds < 250_000_000_000 {
      let local = seconds + Double(LocalTime.zone.secondsFromGMT(for: date))
      if let day = Day(dayNumber: Int((local / 86_400).rounded(.down))) {
        self = day
        return
      }
    }
    let c = Day.calendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: c.year!, month: c.month!, day: c.day!)
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not \(Day.expected.en)")
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public var description: String {
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
      return String(format: "%04d-%02d-%02d", year, month, day)
    }
    // By hand: String(format:) goes through Foundation's formatting, once for each of
    // the 100,000 days a region's store writes.
    func digits(_ n: Int, _ count: Int) -> String {
      let text = String(n)
      return String(repeating: "0", count: count - text.count) + text
    }
    return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))"
  }

  /// Midnight at the start of the day, Swedish local time.
  public var start: Date {
    Day.calendar.date(from: DateComponents(year: year, month: month, day: day))!
  }

  // Day arithmetic is done by hand for the years where the Gregorian rules hold (from
  // 1600 on; before 1583 Foundation's calendar counts Julian days): through the
  // calendar, each took three calendar calls, and the overview's findings do it for
  // every case and grant of a region's store (a fifth of their time). DayArithmeticTests
  // checks these agree with the calendar, which still answers outside those years.

  // A step may come from a file (a period, a limit): the sums are checked, and a day
  // past the calendar's years 1–9999 is that range's first or last day, never a trap.

  public func adding(days: Int) -> Day {
    let (n, overflow) = dayNumber.addingReportingOverflow(days)
    if overflow || n > Day.latest.dayNumber { return days < 0 ? Day.earliest : Day.latest }
    if n < Day.earliest.dayNumber { return Day.earliest }
    if isPlain, n >= Day.firstPlainDayNumber, let day = Day(dayNumber: n) { return day }
    guard let date = Day.calendar.date(byAdding: .day, value: days, to: start) else {
      return days < 0 ? Day.earliest : Day.latest
    }
    return Day(date)
  }

  public func adding(months: Int) -> Day {
    let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
    if overflow { return months < 0 ? Day.earliest : Day.latest }
    let (y, m) = (sum >= 0 ? sum / 12 : (sum - 11) / 12, (sum % 12 + 12) % 12 + 1)
    if y > 9999 { return Day.latest }
    if y < 1 { return Day.earliest }
    if isPlain, y >= 1600 {
      return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))
    }
    guard let date = Day.calendar.date(byAdding: .month, value: months, to: start) else {
      return months < 0 ? Day.earliest : Day.latest
    }
    return Day(date)
  }

  /// The first and last day the calendar arithmetic above names.
  static let earliest = Day(year: 1, month: 1, day: 1)
  static let latest = Day(year: 9999, month: 12, day: 31)

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(until other: Day) -> Int {
    if isPlain, other.isPlain { return other.dayNumber - dayNumber }
    return Day.calendar.dateComponents([.day], from: start, to: other.start).day!
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
  /// days-from-civil).
  var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// A real day from 1600 to 9999: the days the arithmetic above does by hand.
  var isPlain: Bool {
    (1600...9999).contains(year) && (1...12).contains(month)
      && (1...Day.daysIn(month: month, year: year)).contains(day)
  }

  static let firstPlainDayNumber = Day(year: 1600, month: 1, day: 1).dayNumber

  /// The day `dayNumber` counts (civil-from-days); nil past the year 9999.
  init?(dayNumber n: Int) {
    let z = n + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    guard y <= 9999 else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func < (a: Day, b: Day) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Gregorian calendar in Europe/Stockholm: the municipality's days, whatever
  /// the server's TZ says.
  public static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = LocalTime.zone
    calendar.locale = Locale(identifier: "sv_SE")
    return calendar
  }()
}

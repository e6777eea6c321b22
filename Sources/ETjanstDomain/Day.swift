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

  /// Parses "YYYY-MM-DD"; nil for anything else, including impossible dates.
  public init?(_ text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    var components = DateComponents()
    components.year = y
    components.month = m
    components.day = d
    guard let date = Day.calendar.date(from: components),
      Day.calendar.component(.day, from: date) == d,
      Day.calendar.component(.month, from: date) == m
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The day on which `date` falls in Swedish local time.
  public init(_ date: Date) {
    let c = Day.calendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: c.year!, month: c.month!, day: c.day!)
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a date of the form YYYY-MM-DD")
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Midnight at the start of the day, Swedish local time.
  public var start: Date {
    Day.calendar.date(from: DateComponents(year: year, month: month, day: day))!
  }

  public func adding(days: Int) -> Day {
    Day(Day.calendar.date(byAdding: .day, value: days, to: start)!)
  }

  public func adding(months: Int) -> Day {
    Day(Day.calendar.date(byAdding: .month, value: months, to: start)!)
  }

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(until other: Day) -> Int {
    Day.calendar.dateComponents([.day], from: start, to: other.start).day!
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

import ETjanstDomain
import Foundation

/// Dates and times as the console writes them: ISO order, Swedish local time, and
/// the offset wherever a time of day is read ("2026-12-01 14:05 +01:00"), so an
/// hour is never ambiguous around the change to and from summer time.
public enum Format {
  private static let formatter: DateFormatter = {
    let f = DateFormatter()
    f.calendar = Day.calendar
    f.timeZone = Day.calendar.timeZone
    f.locale = Locale(identifier: "sv_SE")
    f.dateFormat = "yyyy-MM-dd HH:mm"
    return f
  }()

  /// "2026-12-01 14:05 +01:00": every time shown to a person.
  public static func dateTime(_ date: Date) -> String { LocalTime.text(date) }

  /// "14:05": a time of today, in a line that cannot take more; the header line
  /// beside it shows today's offset.
  public static func clock(_ date: Date) -> String {
    String(LocalTime.text(date).dropFirst(11).prefix(5))
  }

  /// "2026-12-01 14:05": what a form's time field shows and takes (local time; the
  /// field's label says so).
  public static func editable(_ date: Date) -> String { formatter.string(from: date) }

  /// The width of `dateTime`, for a table column that must not cut it.
  public static let dateTimeWidth = 23
  public static func day(_ day: Day?) -> String { day?.description ?? "–" }

  /// Parses "YYYY-MM-DD HH:MM" in Swedish local time.
  public static func parseDateTime(_ text: String) -> Date? {
    formatter.date(from: text.trimmingCharacters(in: .whitespaces))
  }

  /// "1 h 05 min", "12 min", "3 d 4 h": a duration for a clock on screen.
  public static func duration(_ seconds: TimeInterval) -> String {
    let s = max(0, Int(seconds))
    let days = s / 86_400
    let hours = (s % 86_400) / 3600
    let minutes = (s % 3600) / 60
    if days > 0 { return "\(days) d \(hours) h" }
    if hours > 0 { return "\(hours) h \(String(format: "%02d", minutes)) min" }
    return "\(minutes) min \(String(format: "%02d", s % 60)) s"
  }
}

import ETjanstDomain
import Foundation

/// Which backups beside the store are kept, by age rather than by count (restic's and
/// borg's `--keep-within`, `--keep-hourly`, `--keep-daily`, `--keep-monthly`); the
/// limits are the municipality's settings (`Settings.backupKeep…`), by default every
/// version of the last hour, then the newest of each hour for two days, of each day
/// for a month, of each month for a year. Ten kept by count covered a few minutes of
/// an afternoon's editing; the defaults cover a year in about 1 + 48 + 31 + 12 files
/// at most beyond the last hour's. The newest backup is always kept.
///
/// Hours, days and months are the municipality's (Europe/Stockholm, as every time
/// people read), so "one a day" is one per Swedish day.
public struct BackupKeeping: Sendable, Equatable {
  /// Every backup younger than this many minutes is kept.
  public var everyWithinMinutes: Int
  /// The newest backup of each hour, for this many hours.
  public var hourly: Int
  /// The newest of each day, for this many days.
  public var daily: Int
  /// The newest of each month, for this many months.
  public var monthly: Int

  public init(everyWithinMinutes: Int, hourly: Int, daily: Int, monthly: Int) {
    self.everyWithinMinutes = everyWithinMinutes
    self.hourly = hourly
    self.daily = daily
    self.monthly = monthly
  }

  /// The municipality's choice (`Settings.backupKeep…`, set in the settings form).
  public init(_ settings: Settings) {
    self.init(
      everyWithinMinutes: settings.backupKeepAllMinutes, hourly: settings.backupKeepHours,
      daily: settings.backupKeepDays, monthly: settings.backupKeepMonths)
  }

  /// The defaults of `Settings`.
  public static let standard = BackupKeeping(Settings())

  /// The backups to keep among those replaced at `moments` (any order), as indices
  /// into `moments`. Pure: the tests give it made-up times.
  ///
  /// A backup is kept when it is younger than `everyWithinMinutes`, or when it is the
  /// newest of its hour within the last `hourly` hours, of its day within the last
  /// `daily` days, or of its month within the last `monthly` months. A backup dated
  /// after `now` (a clock set back) is kept: it is not known to be old.
  public func kept(_ moments: [Date], now: Date, calendar: Calendar = BackupKeeping.calendar)
    -> Set<Int>
  {
    let order = moments.indices.sorted { moments[$0] > moments[$1] }
    // The newest is kept whatever the limits: it is the state just before the last save.
    var keep = Set(order.prefix(1))
    for i in order where moments[i] > now.addingTimeInterval(-Double(everyWithinMinutes) * 60) {
      keep.insert(i)
    }
    func newestOfEach(
      _ unit: Calendar.Component, within count: Int, _ bucket: Set<Calendar.Component>
    ) {
      guard count > 0, let limit = calendar.date(byAdding: unit, value: -count, to: now) else {
        return
      }
      var seen = Set<DateComponents>()
      for i in order where moments[i] > limit {
        if seen.insert(calendar.dateComponents(bucket, from: moments[i])).inserted {
          keep.insert(i)
        }
      }
    }
    newestOfEach(.hour, within: hourly, [.year, .month, .day, .hour])
    newestOfEach(.day, within: daily, [.year, .month, .day])
    newestOfEach(.month, within: monthly, [.year, .month])
    return keep
  }

  /// Gregorian in Europe/Stockholm (UTC where the time-zone data is missing).
  public static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(identifier: "UTC")!
    return calendar
  }()
}

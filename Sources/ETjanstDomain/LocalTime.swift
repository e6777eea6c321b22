import Foundation

/// The municipality's clock: Europe/Stockholm, whatever the server's TZ says. Every
/// time shown to a person is local time with its offset ("2026-11-27 12:29 +01:00"),
/// so a reader in another zone, or a log in UTC, can still place it.
public enum LocalTime {
  public static let zoneName = "Europe/Stockholm"

  /// The zone, or GMT when the system has no data for it (then `missingZone`
  /// says so, once, where the program starts).
  public static let zone: TimeZone = resolve(zoneName).zone

  /// The one line to say when the time-zone data is missing, or nil.
  public static let missingZone: LocalizedText? = resolve(zoneName).missing

  /// A zone by name, or GMT and the sentence that says times are now in UTC.
  public static func resolve(_ name: String) -> (zone: TimeZone, missing: LocalizedText?) {
    if let zone = TimeZone(identifier: name) { return (zone, nil) }
    return (
      TimeZone(secondsFromGMT: 0)!,
      LocalizedText(
        sv: "tidszonsdata för \(name) saknas (installera tzdata); tider visas i UTC",
        en: "time-zone data for \(name) is missing (install tzdata); times are shown in UTC")
    )
  }

  // Formatters are costly to make and safe to share: one each, made once.
  private static let personFormatter = formatter("yyyy-MM-dd HH:mm xxx")
  private static let isoFormatter = formatter("yyyy-MM-dd'T'HH:mm:ssxxx")

  private static func formatter(_ format: String) -> DateFormatter {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.calendar = Calendar(identifier: .gregorian)
    f.timeZone = zone
    f.dateFormat = format
    return f
  }

  /// "2026-11-27 12:29 +01:00": for people.
  public static func text(_ date: Date) -> String { personFormatter.string(from: date) }

  /// "2026-11-27T12:29:00+01:00": ISO 8601 with the local offset, for CSV and JSON.
  public static func iso(_ date: Date) -> String { isoFormatter.string(from: date) }
}

/// Numbers in running text: a decimal comma in Swedish ("14,5"), a point in English,
/// through Foundation's number format style, one per language, made once (Foundation
/// caches the formatter behind a style; NumberFormatter on Linux ignores the number
/// of fraction digits it is given).
public enum NumberText {
  private static let swedish = style("sv_SE")
  private static let english = style("en_GB")

  private static func style(_ locale: String) -> FloatingPointFormatStyle<Double> {
    FloatingPointFormatStyle<Double>(locale: Locale(identifier: locale))
      .precision(.fractionLength(1)).grouping(.never)
  }

  /// One decimal: 14.5 → "14,5" in Swedish, "14.5" in English.
  public static func decimal(_ value: Double, _ language: Language) -> String {
    value.formatted(language == .swedish ? swedish : english)
  }
}

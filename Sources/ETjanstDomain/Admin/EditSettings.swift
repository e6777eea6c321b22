import Foundation

/// Changes the limits the guideline leaves to the municipality (`Settings`),
/// each within bounds that keep the flags it drives meaningful.
public struct EditSettings: Command {
  public var settings: Settings

  public init(_ settings: Settings) { self.settings = settings }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ändrade gränserna", en: "Changed the limits")
  }

  /// Each limit: its form field, guideline section (none for the gallring periods, which
  /// the information management plan sets), label, bounds and unit (a noun, so a
  /// value of 1 reads "1 månad").
  public static var limits:
    [(
      field: String, path: WritableKeyPath<Settings, Int>, section: String?, label: LocalizedText,
      range: ClosedRange<Int>, unit: Noun
    )]
  {
    [
      (
        Settings.Fields.outageContactLimitMinutes.name, \.outageContactLimitMinutes, "4.3",
        LocalizedText(sv: "Kontakt med e-nämnden", en: "Contacting the e-nämnd"),
        1...240, Noun.minute
      ),
      (
        Settings.Fields.orderStepLimitDays.name, \.orderStepLimitDays, "6",
        LocalizedText(sv: "Beställning i samma steg", en: "Order in one step"), 1...365,
        Noun.day
      ),
      (
        Settings.Fields.serviceReviewIntervalMonths.name, \.serviceReviewIntervalMonths, "4",
        LocalizedText(sv: "Granskning av e-tjänst", en: "E-service review"), 1...120,
        Noun.month
      ),
      (
        Settings.Fields.routineReviewIntervalMonths.name, \.routineReviewIntervalMonths, "4.3",
        LocalizedText(sv: "Granskning av reservrutin", en: "Fallback routine review"), 1...120,
        Noun.month
      ),
      (
        Settings.Fields.accessExpiryWarningDays.name, \.accessExpiryWarningDays, "4.2",
        LocalizedText(sv: "Varning före behörighetens slut", en: "Warning before access ends"),
        0...90, Noun.day
      ),
      (
        Settings.Fields.retentionRemovedStaffMonths.name, \.retentionRemovedStaffMonths, nil,
        LocalizedText(sv: "Gallring av borttagen personal", en: "Gallring of removed staff"),
        1...240, Noun.month
      ),
      (
        Settings.Fields.retentionClosedCasesMonths.name, \.retentionClosedCasesMonths, nil,
        LocalizedText(sv: "Gallring av avslutade ärenden", en: "Gallring of closed cases"),
        1...240, Noun.month
      ),
      (
        Settings.Fields.retentionTrailYears.name, \.retentionTrailYears, nil,
        LocalizedText(sv: "Gallring av loggposter", en: "Gallring of trail entries"), 1...50,
        Noun.year
      ),
    ]
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    for limit in Self.limits where !limit.range.contains(settings[keyPath: limit.path]) {
      throw RuleViolation.outOfRange(
        limit.field, section: limit.section, limit.label, limit.range, limit.unit.many)
    }
    m.settings = settings
  }
}

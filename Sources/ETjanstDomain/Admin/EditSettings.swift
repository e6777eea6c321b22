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
  /// the information management plan sets), label, bounds and unit.
  public static var limits:
    [(
      field: String, path: WritableKeyPath<Settings, Int>, section: String?, label: LocalizedText,
      range: ClosedRange<Int>, unit: LocalizedText
    )]
  {
    [
      (
        Settings.Fields.outageContactLimitMinutes.name, \.outageContactLimitMinutes, "4.3",
        LocalizedText(sv: "Kontakt med e-nämnden", en: "Contacting the e-nämnd"),
        1...240, LocalizedText(sv: "minuter", en: "minutes")
      ),
      (
        Settings.Fields.orderStepLimitDays.name, \.orderStepLimitDays, "6",
        LocalizedText(sv: "Beställning i samma steg", en: "Order in one step"), 1...365,
        LocalizedText(sv: "dagar", en: "days")
      ),
      (
        Settings.Fields.serviceReviewIntervalMonths.name, \.serviceReviewIntervalMonths, "4",
        LocalizedText(sv: "Granskning av e-tjänst", en: "E-service review"), 1...120,
        LocalizedText(sv: "månader", en: "months")
      ),
      (
        Settings.Fields.routineReviewIntervalMonths.name, \.routineReviewIntervalMonths, "4.3",
        LocalizedText(sv: "Granskning av reservrutin", en: "Fallback routine review"), 1...120,
        LocalizedText(sv: "månader", en: "months")
      ),
      (
        Settings.Fields.accessExpiryWarningDays.name, \.accessExpiryWarningDays, "4.2",
        LocalizedText(sv: "Varning före behörighetens slut", en: "Warning before access ends"),
        0...90, LocalizedText(sv: "dagar", en: "days")
      ),
      (
        Settings.Fields.retentionRemovedStaffMonths.name, \.retentionRemovedStaffMonths, nil,
        LocalizedText(sv: "Gallring av borttagen personal", en: "Gallring of removed staff"),
        1...240, LocalizedText(sv: "månader", en: "months")
      ),
      (
        Settings.Fields.retentionClosedCasesMonths.name, \.retentionClosedCasesMonths, nil,
        LocalizedText(sv: "Gallring av avslutade ärenden", en: "Gallring of closed cases"),
        1...240, LocalizedText(sv: "månader", en: "months")
      ),
      (
        Settings.Fields.retentionTrailYears.name, \.retentionTrailYears, nil,
        LocalizedText(sv: "Gallring av loggposter", en: "Gallring of trail entries"), 1...50,
        LocalizedText(sv: "år", en: "years")
      ),
    ]
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    for limit in Self.limits where !limit.range.contains(settings[keyPath: limit.path]) {
      throw RuleViolation.outOfRange(
        limit.field, section: limit.section, limit.label, limit.range, limit.unit)
    }
    m.settings = settings
  }
}

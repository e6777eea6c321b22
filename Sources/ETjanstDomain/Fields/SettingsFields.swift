import Foundation

// The limits the guideline (and the information management plan) leave to the
// municipality, declared once: each setting's store key, label, the range the store
// holds it in, what a file written before it existed means, and how the settings
// form offers it. The store's coding and validation, the settings form and its list,
// `EditSettings` and gallring's refusal all read `Settings.limits`; a new setting is
// one entry here and a stored property with its default on `Settings`.

extension Settings: FieldedEntity {
  public static let entityType = "settings"
  public var entityKey: String { "settings" }
  public func readableName(in m: Municipality) -> String { "Inställningar" }

  /// One setting: its field and how the settings form offers it.
  public struct Limit: Sendable {
    /// The store key, label, stored range (`FieldPlaces.range`) and, for a setting
    /// added after the store's schema first shipped, its value in a file without it.
    public let field: Field<Settings, Int>
    /// The guideline's section the limit serves; nil for periods the information
    /// management plan or the operator sets.
    public let section: String?
    /// What the settings form and `EditSettings` accept: inside the stored range, and
    /// narrower where a value outside would make the flags it drives meaningless.
    public let allowed: ClosedRange<Int>
    /// The unit, a noun, so a value of 1 reads "1 månad".
    public let unit: Noun
    /// The form's label, short enough for the form's label column, with its unit.
    public let formLabel: LocalizedText

    public var name: String { field.name }
    public var label: LocalizedText { field.label }
    public var path: WritableKeyPath<Settings, Int> { field.keyPath }
    /// The range the store holds the setting in (a file outside it is refused).
    public var stored: ClosedRange<Int> { field.places.range ?? allowed }
  }

  private typealias T = LocalizedText
  private static let minutes = Noun.minute
  private static let hours = Noun.hour
  private static let days = Noun.day
  private static let months = Noun.month
  private static let years = Noun.year

  public enum Fields {
    public static let outageContactLimitMinutes = Field.number(
      "outageContactLimitMinutes", T(sv: "Kontakt med e-nämnden", en: "Contacting the e-nämnd"),
      \Settings.outageContactLimitMinutes
    ).ranged(1...StoreLimits.minutes.upperBound)
    public static let orderStepLimitDays = Field.number(
      "orderStepLimitDays", T(sv: "Beställning i samma steg", en: "Order in one step"),
      \Settings.orderStepLimitDays
    ).ranged(1...StoreLimits.days.upperBound)
    public static let serviceReviewIntervalMonths = Field.number(
      "serviceReviewIntervalMonths", T(sv: "Granskning av e-tjänst", en: "E-service review"),
      \Settings.serviceReviewIntervalMonths
    ).ranged(1...StoreLimits.months.upperBound)
    public static let routineReviewIntervalMonths = Field.number(
      "routineReviewIntervalMonths",
      T(sv: "Granskning av reservrutin", en: "Fallback routine review"),
      \Settings.routineReviewIntervalMonths
    ).ranged(1...StoreLimits.months.upperBound)
    public static let accessExpiryWarningDays = Field.number(
      "accessExpiryWarningDays",
      T(sv: "Varning före behörighetens slut", en: "Warning before access ends"),
      \Settings.accessExpiryWarningDays
    ).ranged(StoreLimits.days)
    public static let retentionRemovedStaffMonths = Field.number(
      "retentionRemovedStaffMonths",
      T(sv: "Gallring av borttagen personal", en: "Gallring of removed staff"),
      \Settings.retentionRemovedStaffMonths
    ).ranged(StoreLimits.retentionMonths).absent(means: Settings().retentionRemovedStaffMonths)
    public static let retentionClosedCasesMonths = Field.number(
      "retentionClosedCasesMonths",
      T(sv: "Gallring av avslutade ärenden", en: "Gallring of closed cases"),
      \Settings.retentionClosedCasesMonths
    ).ranged(StoreLimits.retentionMonths).absent(means: Settings().retentionClosedCasesMonths)
    public static let retentionTrailYears = Field.number(
      "retentionTrailYears", T(sv: "Gallring av loggposter", en: "Gallring of trail entries"),
      \Settings.retentionTrailYears
    ).ranged(StoreLimits.retentionTrailYears).absent(means: Settings().retentionTrailYears)
    public static let backupKeepAllMinutes = Field.number(
      "backupKeepAllMinutes",
      T(sv: "Säkerhetskopior: varje sparning", en: "Backups: every save"),
      \Settings.backupKeepAllMinutes
    ).ranged(StoreLimits.minutes).absent(means: Settings().backupKeepAllMinutes)
    public static let backupKeepHours = Field.number(
      "backupKeepHours", T(sv: "Säkerhetskopior: en per timme", en: "Backups: one an hour"),
      \Settings.backupKeepHours
    ).ranged(StoreLimits.days).absent(means: Settings().backupKeepHours)
    public static let backupKeepDays = Field.number(
      "backupKeepDays", T(sv: "Säkerhetskopior: en per dag", en: "Backups: one a day"),
      \Settings.backupKeepDays
    ).ranged(StoreLimits.days).absent(means: Settings().backupKeepDays)
    public static let backupKeepMonths = Field.number(
      "backupKeepMonths", T(sv: "Säkerhetskopior: en per månad", en: "Backups: one a month"),
      \Settings.backupKeepMonths
    ).ranged(StoreLimits.months).absent(means: Settings().backupKeepMonths)
    public static let reminderRepeatDays = Field.number(
      "reminderRepeatDays",
      T(sv: "Påminnelse per e-post igen", en: "Mail reminder again"),
      \Settings.reminderRepeatDays
    ).ranged(1...StoreLimits.days.upperBound).absent(means: Settings().reminderRepeatDays)
    public static let leavingLeadDays = Field.number(
      "leavingLeadDays",
      T(sv: "Räknas som slutande före slutdatum", en: "Counted as leaving before the end day"),
      \Settings.leavingLeadDays
    ).ranged(StoreLimits.days).absent(means: Settings().leavingLeadDays)
    public static let mailDomain = Field.text(
      "mailDomain", T(sv: "E-postdomän", en: "Mail domain"), \Settings.mailDomain
    ).absent(means: "")
    public static let outageDeputy = Field.text(
      "outageDeputy", T(sv: "Ersättare vid avbrott", en: "Outage deputy"),
      \Settings.outageDeputy
    ).absent(means: "")
    public static let sendmailPath = Field.text(
      "sendmailPath", T(sv: "E-postprogram", en: "Mailer"), \Settings.sendmailPath
    ).absent(means: "")
    public static let mailFrom = Field.text(
      "mailFrom", T(sv: "Avsändare av e-post", en: "Mail sender"), \Settings.mailFrom
    ).absent(means: "")
  }

  /// Every setting, in the file's and the form's order.
  public static let limits: [Limit] = [
    Limit(
      field: Fields.outageContactLimitMinutes, section: "4.3", allowed: 1...240, unit: minutes,
      formLabel: T(sv: "Kontakt e-nämnden, minuter", en: "Contact e-nämnd, minutes")),
    Limit(
      field: Fields.orderStepLimitDays, section: "6", allowed: 1...365, unit: days,
      formLabel: T(sv: "Beställning i ett steg, dagar", en: "Order in one step, days")),
    Limit(
      field: Fields.serviceReviewIntervalMonths, section: "4", allowed: 1...120, unit: months,
      formLabel: T(sv: "Granska e-tjänst, månader", en: "E-service review, months")),
    Limit(
      field: Fields.routineReviewIntervalMonths, section: "4.3", allowed: 1...120, unit: months,
      formLabel: T(sv: "Granska reservrutin, månader", en: "Routine review, months")),
    Limit(
      field: Fields.accessExpiryWarningDays, section: "4.2", allowed: 0...90, unit: days,
      formLabel: T(sv: "Varna före slutdatum, dagar", en: "Warn before access ends, days")),
    // A person with an end day counts as leaving from this many days before it.
    Limit(
      field: Fields.leavingLeadDays, section: "4.2", allowed: 0...365, unit: days,
      formLabel: T(sv: "Slutar, dagar före slutdatum", en: "Leaving, days before end")),
    Limit(
      field: Fields.retentionRemovedStaffMonths, section: nil, allowed: 1...240, unit: months,
      formLabel: T(sv: "Gallra personal, månader", en: "Gallring of staff, months")),
    Limit(
      field: Fields.retentionClosedCasesMonths, section: nil, allowed: 1...240, unit: months,
      formLabel: T(sv: "Gallra ärenden, månader", en: "Gallring of cases, months")),
    Limit(
      field: Fields.retentionTrailYears, section: nil, allowed: 1...50, unit: years,
      formLabel: T(sv: "Gallra loggposter, år", en: "Gallring of trail, years")),
    // Backups beside the store, kept by age (restic's and borg's --keep-* model).
    // Zero turns a level off; the newest backup is always kept.
    Limit(
      field: Fields.backupKeepAllMinutes, section: nil, allowed: 1...1_440, unit: minutes,
      formLabel: T(sv: "Alla kopior senaste, minuter", en: "All backups within, minutes")),
    Limit(
      field: Fields.backupKeepHours, section: nil, allowed: 0...720, unit: hours,
      formLabel: T(sv: "Kopior en per timme, timmar", en: "Backups one an hour, hours")),
    Limit(
      field: Fields.backupKeepDays, section: nil, allowed: 0...731, unit: days,
      formLabel: T(sv: "Kopior en per dag, dagar", en: "Backups one a day, days")),
    Limit(
      field: Fields.backupKeepMonths, section: nil, allowed: 0...120, unit: months,
      formLabel: T(sv: "Kopior en per månad, månader", en: "Backups one a month, months")),
    // Reminders by mail (`etjanst notify`): the same item to the same person again
    // after this many days.
    Limit(
      field: Fields.reminderRepeatDays, section: nil, allowed: 1...365, unit: days,
      formLabel: T(sv: "Påminn igen efter, dagar", en: "Remind again after, days")),
  ]

  /// The settings that are text: where `etjanst notify` mails (set with `etjanst
  /// notify --set`), stored after the limits.
  public static let textSettings: [Field<Settings, String>] = [
    Fields.mailDomain, Fields.outageDeputy, Fields.sendmailPath, Fields.mailFrom,
  ]

  public static let fields: [AnyField<Settings>] =
    limits.map { $0.field.erased } + textSettings.map(\.erased)
}

import Foundation

/// What the store may hold, declared once: the sizes of texts by kind, the ranges of
/// numbers, days and settings, the shape of a login. The reader refuses a file that
/// breaks one (`PropertyListPreScan`, `StoreValidation`), and every write path goes
/// through the domain's check of them (`StoreLimits.violation(in:)`, run by
/// `Municipality.execute` for every command and by the imports per row), so nothing
/// the program writes is refused when it is read again.
///
/// The write limits sit inside the reader's with room to spare: a text the forms may
/// save (at most `longText` characters, each at most 4 bytes of UTF-8 or, for `&`, 5
/// bytes once the file escapes it) is at most 250,000 bytes in the file, and the
/// reader takes 1 MiB (`fileTextBytes`).
public enum StoreLimits {
  // MARK: Texts

  /// Characters (Unicode scalars) in a one-line text: a name, an address, a case
  /// number. A long web address is some 2,000 characters; no name comes near.
  public static let oneLineText = 2_000
  /// Characters in a long text: a fallback routine's steps, a need, a report (about
  /// 25 printed pages).
  public static let longText = 50_000
  /// Lines in a list of lines (paper forms replaced), each a one-line text.
  public static let listLines = 1_000
  /// Bytes of one text as the file holds it (escaped): the reader's limit, above
  /// every write path's (a long text escapes to at most 5 × `longText` bytes).
  public static let fileTextBytes = 1 << 20

  /// The kind of text a stored property holds, by its name (the name it has in the
  /// file; list elements take their list's).
  public enum TextKind: Sendable, Equatable {
    case oneLine
    case long
  }

  /// Stored properties whose text may hold line breaks, and so may be long.
  public static let longTextFields: Set<String> = [
    "steps", "legalNote", "text", "resolution", "observed", "cause", "followUp", "expectedEffect",
    "beneficiaries", "note", "reason", "overrideReason",
  ]

  public static func textKind(ofField name: String) -> TextKind {
    longTextFields.contains(name) ? .long : .oneLine
  }

  public static func characters(_ kind: TextKind) -> Int {
    kind == .long ? longText : oneLineText
  }

  // MARK: Numbers

  public static let months = 0...12_000
  public static let days = 0...3_650_000
  public static let minutes = 0...5_256_000
  public static let volume = 0...1_000_000_000_000
  public static let score = -1_000...1_000
  /// 0001-01-01 to 9999-12-31 UTC, in seconds since 1970: the calendar names every
  /// day in between.
  public static let seconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

  // MARK: Days

  /// The years a day (a start date, a due date, a closing day) may fall in: every day
  /// a municipality's records name, with a century to spare each way; a typo such as
  /// 0026 or 20260 is refused rather than counted from.
  public static let years = 1900...2199

  // MARK: Logins

  /// Characters in a login (Linux allows 32; a directory's user names more).
  public static let loginLength = 64

  // MARK: Settings

  /// Gallring periods: a month at least (zero would remove everything closed), a
  /// century at most.
  public static let retentionMonths = 1...1_200
  public static let retentionTrailYears = 1...100
}

extension StoreLimits {
  /// The first text of `strings` over its kind's limit, as a refusal naming the field
  /// and the limit; nil when all fit.
  public static func violation(
    in strings: [(field: String, text: String)], label: (String) -> LocalizedText? = { _ in nil },
    formField: (String) -> String? = { $0 }
  ) -> RuleViolation? {
    for (field, text) in strings {
      let limit = characters(textKind(ofField: field))
      // utf8.count is O(1) for native strings, and no text has more characters
      // than bytes: only a text of more bytes than the limit is counted.
      guard text.utf8.count > limit else { continue }
      let count = text.unicodeScalars.count
      guard count > limit else { continue }
      return tooLong(field: formField(field), label: label(field), limit: limit, count: count)
    }
    return nil
  }

  /// "Name: at most 2 000 characters (the text has 2 345)."
  public static func tooLong(field: String?, label: LocalizedText?, limit: Int, count: Int)
    -> RuleViolation
  {
    overLimit(
      field: field, label: label,
      LocalizedText(
        sv: "högst \(grouped(limit)) tecken (texten har \(grouped(count)))",
        en: "at most \(grouped(limit)) characters (the text has \(grouped(count)))"),
      unlabelled: LocalizedText(sv: "Texten är för lång", en: "The text is too long"))
  }

  /// "Paper forms: at most 1 000 lines (the list has 1 200)."
  static func tooManyLines(field: String?, label: LocalizedText?, count: Int) -> RuleViolation {
    overLimit(
      field: field, label: label,
      LocalizedText(
        sv: "högst \(grouped(listLines)) rader (listan har \(grouped(count)))",
        en: "at most \(grouped(listLines)) lines (the list has \(grouped(count)))"),
      unlabelled: LocalizedText(sv: "För många rader", en: "Too many lines"))
  }

  /// "<label>: <limit>.", or "<unlabelled>: <limit>." where the field has no label.
  private static func overLimit(
    field: String?, label: LocalizedText?, _ limit: LocalizedText, unlabelled: LocalizedText
  ) -> RuleViolation {
    let head = label ?? unlabelled
    return RuleViolation(
      field: field, LocalizedText(sv: "\(head.sv): \(limit.sv).", en: "\(head.en): \(limit.en)."))
  }

  /// 50000 as "50 000": Swedish groups digits with a space, and English readers read
  /// it too.
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
      out.append(c)
    }
    return out
  }

  /// The first value a change stores over its limit: every text field it added or
  /// altered (a list of lines also by its count), as the domain's rule for every
  /// command; the field's name is the change's, so a form shows it beside the field.
  public static func violation(in change: Change) -> RuleViolation? {
    for entity in change.entityChanges where entity.kind != .removed {
      for field in entity.fields {
        guard let value = field.new else { continue }
        let name = storedName(field.name)
        if let lines = value as? [String], lines.count > listLines {
          return tooManyLines(field: formName(field.name), label: field.label, count: lines.count)
        }
        let strings =
          value is String ? [(name, value as! String)] : TextAudit.strings(in: value, field: name)
        let whole = formName(field.name)
        if let refusal = violation(
          in: strings, label: { $0 == name ? field.label : nil },
          formField: { $0 == name ? whole : whole + "." + $0 })
        {
          return refusal
        }
      }
    }
    return nil
  }

  /// "grants[abc].overrideReason" → "overrideReason"; "[abc]" → "".
  static func storedName(_ name: String) -> String {
    var last = Substring(name.split(separator: ".").last ?? "")
    if let bracket = last.firstIndex(of: "[") { last = last[..<bracket] }
    return String(last)
  }

  /// A change's field name as the refusal names it ("fallbackRoutine.steps"; a form
  /// whose field is "steps" finds it by its last part; "[id].name" is "name").
  static func formName(_ name: String) -> String {
    guard name.hasPrefix("[") else { return name }
    guard let dot = name.firstIndex(of: ".") else { return "" }
    return String(name[name.index(after: dot)...])
  }
}

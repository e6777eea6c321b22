import ETjanstDomain
import Foundation

/// The demo municipality that `etjanst --demo` opens and `etjanst demo` writes:
/// Övertorneå kommun, hand-authored in `demo/municipality.json` as it looked on a
/// reference day.
///
/// Loading moves every date in the file by the days between that reference day and
/// `today`, so the demo always looks current: what was overdue stays overdue, the
/// onboarding that is due next week is still due next week. The shift is generic:
/// every string in the JSON that is a calendar day ("YYYY-MM-DD") or an ISO 8601
/// date-time is moved, so a new date field needs no code here.
public enum DemoData {
  /// The demo municipality, dated as if `today` were the file's reference day.
  public static func load(today: Day) throws -> Municipality {
    try decode(ETjanstResources.demoJSON, today: today)
  }

  /// The demo data in the file at `url` (the shape of `demo/municipality.json`).
  public static func load(from url: URL, today: Day) throws -> Municipality {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw DemoDataError.unreadable(path: url.path, reason: error.localizedDescription)
    }
    return try decode(data, today: today)
  }

  /// Decodes `{"referenceDay": "YYYY-MM-DD", "municipality": {...}}`, shifting every
  /// date by the days from the reference day to `today`.
  public static func decode(_ data: Data, today: Day) throws -> Municipality {
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw DemoDataError.malformed("not JSON: \(error.localizedDescription)")
    }
    guard let object = root as? [String: Any] else {
      throw DemoDataError.malformed("the top level is not an object")
    }
    guard let text = object["referenceDay"] as? String, let referenceDay = Day(text) else {
      throw DemoDataError.malformed(
        "'referenceDay' is missing or not a date of the form YYYY-MM-DD")
    }
    guard let municipality = object["municipality"] as? [String: Any] else {
      throw DemoDataError.malformed("'municipality' is missing or not an object")
    }
    let shifter = DateShifter(days: referenceDay.days(until: today))
    let shifted = try JSONSerialization.data(withJSONObject: shifter.shift(municipality))
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode(Municipality.self, from: shifted)
    } catch let error as DecodingError {
      throw DemoDataError.malformed(DemoDataError.describe(error))
    }
  }

  /// Moves every date in a JSON tree (as `JSONSerialization` makes it) by `days`.
  /// Exposed for tests and for other hand-authored data files.
  public static func shiftDates(in json: Any, byDays days: Int) -> Any {
    DateShifter(days: days).shift(json)
  }

  /// Stable names in the demo data, for tests and for the help text that walks a
  /// new user through the demo.
  public enum Reference {
    /// The day the demo file is written as of; `load(today: Reference.day)` shifts nothing.
    public static let day = Day(year: 2026, month: 11, day: 27)
    /// The e-coordinator's login (edits everything).
    public static let coordinatorLogin = "esamordnare"
    /// A manager's login, for the read-only view (Socialförvaltningen).
    public static let managerLogin = "chef.soc"
    public static let managerDepartment = EntityID<Department>("dep-soc")
    /// A department that has not written its fallback routine (4.3).
    public static let departmentWithoutRoutine = EntityID<Department>("dep-kof")
    /// A routine not reviewed for more than twelve months.
    public static let departmentWithOverdueRoutine = EntityID<Department>("dep-vo")
    /// A routine never tested.
    public static let departmentWithUntestedRoutine = EntityID<Department>("dep-bou")
    /// The internal e-service "Beställning av e-tjänst" (step 2).
    public static let orderService = EntityID<EService>("svc-bestallning")
    /// The one e-service that is not on Open ePlatform (1.1).
    public static let serviceOnOtherPlatform = EntityID<EService>("svc-forskola")
    /// A published e-service whose e-service owner has been removed from the platform.
    public static let serviceWithRemovedOwner = EntityID<EService>("svc-ekbistand")
    /// A leaver with three open cases and an access grant that ends before their last day.
    public static let leaverWithExpiringGrant = EntityID<StaffMember>("staff-erik-makitalo")
    /// A leaver who has already handed one case over.
    public static let leaverWithTransferredCase = EntityID<StaffMember>("staff-kent-tornberg")
    /// A removed member of staff, with no access left.
    public static let removedStaff = EntityID<StaffMember>("staff-marko-lahti")
    /// A newcomer whose onboarding checklist is past its due day.
    public static let overdueOnboarding = EntityID<StaffMember>("staff-henrik-wasara")
    /// The order waiting for a decision (on hold).
    public static let orderOnHold = EntityID<ServiceOrder>("ord-parkering")
    /// The order in review, with a meeting held and comments to settle.
    public static let orderInReview = EntityID<ServiceOrder>("ord-fardtjanst")
    /// The outage that really happened (contact after nine minutes).
    public static let pastOutage = EntityID<Outage>("out-2026-02-inloggning")
    /// The drill.
    public static let drill = EntityID<Outage>("out-2026-04-ovning")
  }
}

/// Why the demo data could not be loaded.
public enum DemoDataError: Error, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  /// The file is there but is not the demo data's shape.
  case malformed(String)

  public var message: LocalizedText {
    switch self {
    case .unreadable(let path, let reason):
      LocalizedText(
        sv: "Demodata i \(path) går inte att läsa: \(reason)",
        en: "The demo data in \(path) cannot be read: \(reason)")
    case .malformed(let detail):
      LocalizedText(
        sv: "Demodata är felaktiga: \(detail)",
        en: "The demo data is malformed: \(detail)")
    }
  }

  public var description: String { message.en }

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
      }
      return "municipality" + keys.joined()
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context)): '\(key.stringValue)' is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return String(describing: error)
    }
  }
}

/// Moves calendar days ("YYYY-MM-DD") and ISO 8601 date-times by whole days in the
/// municipality's calendar, so a 09:00 meeting stays at 09:00 across daylight saving.
private struct DateShifter {
  let days: Int
  private let parser = ISO8601DateFormatter()
  private let formatter: ISO8601DateFormatter = {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = Day.calendar.timeZone
    return formatter
  }()

  init(days: Int) { self.days = days }

  func shift(_ value: Any) -> Any {
    guard days != 0 else { return value }
    switch value {
    case let object as [String: Any]:
      return object.mapValues(shift)
    case let array as [Any]:
      return array.map(shift)
    case let text as String:
      return shifted(text) ?? text
    default:
      return value
    }
  }

  /// The text moved by `days` when it is a date or a date-time; nil otherwise.
  func shifted(_ text: String) -> String? {
    guard Self.startsWithDay(text) else { return nil }
    if text.utf8.count == 10 {
      return Day(text)?.adding(days: days).description
    }
    guard text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 10)] == UInt8(ascii: "T"),
      let date = parser.date(from: text),
      let moved = Day.calendar.date(byAdding: .day, value: days, to: date)
    else { return nil }
    return formatter.string(from: moved)
  }

  /// Whether `text` begins with four digits, '-', two digits, '-', two digits.
  private static func startsWithDay(_ text: String) -> Bool {
    let bytes = Array(text.utf8.prefix(10))
    guard bytes.count == 10 else { return false }
    for (index, byte) in bytes.enumerated() {
      if index == 4 || index == 7 {
        guard byte == UInt8(ascii: "-") else { return false }
      } else {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
      }
    }
    return true
  }
}

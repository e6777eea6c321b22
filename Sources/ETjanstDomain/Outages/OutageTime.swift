import Foundation

/// Shared checks and wording of the outage commands: times in the municipality's
/// local time, and the outage a command names.
enum OutageTime {
  /// A little slack for clocks that differ between the SSH sessions.
  static let futureSlack: TimeInterval = 5 * 60

  /// "10:07", Swedish local time.
  static func clock(_ date: Date) -> String {
    let c = Day.calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
  }

  static func notInFuture(_ date: Date, field: String, now: Date) throws {
    if date > now.addingTimeInterval(futureSlack) {
      throw RuleViolation(
        section: "4.3", field: field,
        LocalizedText(sv: "Tiden ligger i framtiden.", en: "The time is in the future."))
    }
  }

  static func notBefore(_ start: Date, _ date: Date, field: String) throws {
    if date < start {
      throw RuleViolation(
        section: "4.3", field: field,
        LocalizedText(
          sv: "Tiden ligger före avbrottets start (\(clock(start))).",
          en: "The time is before the outage started (\(clock(start)))."))
    }
  }

  static func index(of id: EntityID<Outage>, in m: Municipality) throws -> Int {
    guard let i = m.outages.index(of: id) else {
      throw RuleViolation.notFound(LocalizedText(sv: "Avbrottet", en: "The outage"))
    }
    return i
  }

  static func alreadyResolved(_ outage: Outage) -> RuleViolation {
    RuleViolation(
      section: "4.3",
      LocalizedText(
        sv: "Avbrottet är redan avslutat \(outage.end.map(clock) ?? "").",
        en: "The outage was already resolved \(outage.end.map(clock) ?? "")."))
  }
}

extension OutageScope {
  /// A scope of listed e-services from names separated by commas or lines,
  /// matched without regard to case; an unknown name is refused by name.
  public static func services(named text: String, in m: Municipality) throws -> OutageScope {
    let names = text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
      .map { TextCleaning.line(String($0)) }.filter { !$0.isEmpty }
    var ids: [EntityID<EService>] = []
    for name in names {
      let exact = m.services.filter {
        $0.name.compare(name, options: .caseInsensitive) == .orderedSame
      }
      let partial = m.services.filter { SwedishCollation.contains($0.name, name) }
      guard let found = exact.first ?? (partial.count == 1 ? partial.first : nil) else {
        throw RuleViolation(
          section: "4.3", field: "services",
          LocalizedText(
            sv: partial.isEmpty
              ? "Ingen e-tjänst heter '\(name)'."
              : "'\(name)' passar flera e-tjänster; skriv mer av namnet.",
            en: partial.isEmpty
              ? "No e-service is called '\(name)'."
              : "'\(name)' matches several e-services; type more of the name."))
      }
      if !ids.contains(found.id) { ids.append(found.id) }
    }
    return .services(ids)
  }
}

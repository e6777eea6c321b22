import ETjanstDomain
import Foundation

/// Every text of the outages screen (Avbrott & reservrutiner), both languages side by side.
enum OutagesTexts {
  typealias T = LocalizedText

  // MARK: - Columns
  static let department = T(sv: "Förvaltning", en: "Department")
  static let status = T(sv: "Reservrutin", en: "Fallback routine")
  static let responsible = T(sv: "Ansvarig", en: "Responsible")
  static let reviewed = T(sv: "Granskad", en: "Reviewed")
  static let tested = T(sv: "Testad", en: "Tested")
  static let told = T(sv: "Informerad", en: "Told")
  static let start = T(sv: "Start", en: "Start")
  static let kind = T(sv: "Typ", en: "Kind")
  static let scope = T(sv: "Omfattning", en: "Scope")
  static let toContact = T(sv: "Till kontakt", en: "To contact")
  static let toEnd = T(sv: "Till slut", en: "To end")
  static let cause = T(sv: "Orsak", en: "Cause")
  static let outage = T(sv: "Avbrott", en: "Outage")
  static let drill = T(sv: "Övning", en: "Drill")
  static let ok = T(sv: "ok", en: "ok")
  static let underWay = T(sv: "pågår", en: "under way")
  static let wholePlatform = T(sv: "Hela plattformen", en: "Whole platform")
  static func services(_ names: [String]) -> T { T(verbatim: names.joined(separator: ", ")) }

  // MARK: - Keys
  static let keyOpen = T(sv: "Rutin", en: "Routine")
  static let helpOpenRoutine = T(
    sv: "Visa förvaltningens reservrutin", en: "Show the department's fallback routine")
  static let keyEdit = T(sv: "Redigera", en: "Edit")
  static let helpEdit = T(
    sv: "Skriv eller ändra reservrutinen", en: "Write or change the fallback routine")
  static let keyEditSteps = T(sv: "Redigera steg", en: "Edit steps")
  static let helpEditSteps = T(
    sv: "Redigera stegen i $EDITOR (eller konsolens redigerare)",
    en: "Edit the steps in $EDITOR (or the console's editor)")
  static let keyReviewed = T(sv: "Granskad idag", en: "Reviewed today")
  static let helpReviewed = T(
    sv: "Markera rutinen som granskad idag", en: "Mark the routine as reviewed today")
  static let keyDeclare = T(sv: "Nytt avbrott", en: "New outage")
  static let helpDeclare = T(
    sv: "Anmäl ett avbrott: start nu och hela plattformen är redan ifyllda",
    en: "Declare an outage: start now and the whole platform are already filled in")
  static let keyDrill = T(sv: "Övning", en: "Drill")
  static let helpDrill = T(
    sv: "Starta en övning av den valda förvaltningens reservrutin",
    en: "Start a drill of the selected department's fallback routine")
  static let keyHistory = T(sv: "Historik", en: "History")
  static let helpHistory = T(sv: "Tidigare avbrott och övningar", en: "Earlier outages and drills")
  static let keyRoutines = T(sv: "Rutiner", en: "Routines")
  static let helpRoutines = T(
    sv: "Förvaltningarnas reservrutiner", en: "The departments' fallback routines")
  static let keyActive = T(sv: "Pågående", en: "Current")
  static let helpActive = T(
    sv: "Tillbaka till det pågående avbrottet", en: "Back to the outage under way")
  static let keyContact = T(sv: "Kontakt", en: "Contact")
  static let helpContact = T(
    sv: "Registrera kontakten med e-nämndens systemförvaltare (stoppar klockan)",
    en: "Record the contact with the e-nämnd's system administrator (stops the clock)")
  static let keyTold = T(sv: "Informerad", en: "Told")
  static let helpTold = T(
    sv: "Markera att förvaltningen är informerad", en: "Mark the department as told")
  static let keyResolve = T(sv: "Avsluta avbrottet", en: "Resolve")
  static let helpResolve = T(
    sv: "Avsluta avbrottet: sluttid, orsak och uppföljning",
    en: "Resolve the outage: end time, cause and follow-up")
  static let keyDetails = T(sv: "Detaljer", en: "Details")
  static let helpDetails = T(sv: "Visa hela posten", en: "Show the whole record")
  static let keyBack = T(sv: "Tillbaka", en: "Back")
  static let keyScroll = T(sv: "Rulla", en: "Scroll")

  // MARK: - Active outage
  static func activeTitle(drill: Bool) -> T {
    drill
      ? T(sv: "ÖVNING PÅGÅR", en: "DRILL UNDER WAY")
      : T(sv: "! AVBROTT PÅGÅR", en: "! OUTAGE UNDER WAY")
  }
  static func declared(_ start: String, by: String) -> T {
    T(sv: "Start \(start) · anmält av \(by)", en: "Start \(start) · declared by \(by)")
  }
  static func observed(_ text: String) -> T { T(sv: "Sett: \(text)", en: "Seen: \(text)") }
  static let stepContact = T(
    sv: "1. Kontakta Norrbottens e-nämnds systemförvaltare omedelbart",
    en: "1. Contact Norrbottens e-nämnd's system administrator at once")
  static let phone = T(sv: "TEL", en: "PHONE")
  static let noPhone = T(
    sv: "! Telefonnummer saknas i kontakterna", en: "! No phone number in the contacts")
  /// " · c registrerar", or nothing where no key records the contact (read-only).
  static func recordsIt(_ key: String?) -> T {
    key.map { T(sv: " · \($0) registrerar", en: " · \($0) records it") } ?? T(verbatim: "")
  }
  static func waiting(_ remaining: String, limit: Int, key: String?) -> T {
    T(
      sv: "[ ] Ej kontaktad · \(remaining) kvar (gräns \(limit) min)\(recordsIt(key).sv)",
      en: "[ ] Not contacted · \(remaining) left (limit \(limit) min)\(recordsIt(key).en)")
  }
  static func late(_ elapsed: String, limit: Int, key: String?) -> T {
    T(
      sv: "! FÖRSENAD: ingen kontakt efter \(elapsed) (gräns \(limit) min)\(recordsIt(key).sv)",
      en: "! LATE: no contact after \(elapsed) (limit \(limit) min)\(recordsIt(key).en)")
  }
  static func contacted(_ c: ContactRecord, at: String, after: String, late: Bool) -> T {
    let rest = ([c.channel, c.by] + (c.reference.isEmpty ? [] : [c.reference])).joined(
      separator: ", ")
    return T(
      sv: "[x] Kontaktad \(at) (efter \(after))\(late ? " – FÖRSENAD" : ""): \(rest)",
      en: "[x] Contacted \(at) (after \(after))\(late ? " – LATE" : ""): \(rest)")
  }
  static func stepTell(_ told: Int, _ total: Int, mark: String?, open: String?) -> T {
    let marks = mark.map { T(sv: "\($0) markerar", en: "\($0) marks") }
    let opens = open.map { T(sv: "\($0) visar rutinen", en: "\($0) shows the routine") }
    let keys = [marks, opens].compactMap { $0 }
    let sv = keys.isEmpty ? "" : " · " + keys.map(\.sv).joined(separator: ", ")
    let en = keys.isEmpty ? "" : " · " + keys.map(\.en).joined(separator: ", ")
    return T(
      sv: "2. Informera förvaltningarna: \(told) av \(total)\(sv)",
      en: "2. Tell the departments: \(told) of \(total)\(en)")
  }
  static func stepResolve(_ key: String?) -> T {
    guard let key else {
      return T(
        sv: "3. När det fungerar igen: avsluta (sluttid, orsak, uppföljning)",
        en: "3. When it works again: resolve (end time, cause, follow-up)")
    }
    return T(
      sv: "3. När det fungerar igen: \(key) avslutar (sluttid, orsak, uppföljning)",
      en: "3. When it works again: \(key) resolves (end time, cause, follow-up)")
  }
  static func activeStatus(_ start: String, _ told: Int, _ total: Int, drill: Bool) -> T {
    drill
      ? T(
        sv: "Övning sedan \(start) · \(told) av \(total) informerade",
        en: "Drill since \(start) · \(told) of \(total) told")
      : T(
        sv: "Avbrott sedan \(start) · \(told) av \(total) informerade",
        en: "Outage since \(start) · \(told) of \(total) told")
  }

  // MARK: - Routine detail
  static func routineTitle(_ name: String) -> T {
    T(sv: "Reservrutin: \(name)", en: "Fallback routine: \(name)")
  }
  static let keptAt = T(sv: "Förvaras", en: "Kept at")
  static let lastReviewed = T(sv: "Granskad", en: "Reviewed")
  static let lastTested = T(sv: "Testad", en: "Tested")
  static let never = T(sv: "aldrig", en: "never")
  static func nextReview(_ day: Day, months: Int) -> T {
    T(
      sv: "nästa senast \(day), var \(months):e månad", en: "next by \(day), every \(months) months"
    )
  }
  static let steps = T(
    sv: "Gör så här när e-tjänsterna inte fungerar:", en: "What to do when the e-services are down:"
  )
  static func noRoutine(write key: String?) -> T {
    let write = key.map { T(sv: " \($0) skriver en.", en: " \($0) writes one.") }
    return T(
      sv: "! SAKNAS: förvaltningen har ingen reservrutin (riktlinjen 4.3).\(write?.sv ?? "")",
      en: "! MISSING: the department has no fallback routine (guideline 4.3).\(write?.en ?? "")")
  }
  static func flagged(_ n: Int) -> T { T(sv: "\(n) behöver åtgärd", en: "\(n) need attention") }

  // MARK: - Forms
  static let declareTitle = T(sv: "Anmäl avbrott", en: "Declare an outage")
  static let drillTitle = T(sv: "Starta övning", en: "Start a drill")
  static let fieldStart = T(sv: "Start", en: "Start")
  static let fieldServices = T(sv: "E-tjänster (tomt = alla)", en: "E-services (empty = all)")
  static let fieldObserved = T(sv: "Vad syns", en: "What is seen")
  static let fieldDeclaredBy = T(sv: "Anmält av", en: "Declared by")
  static let fieldDrill = T(sv: "Övning", en: "Drill")
  static let contactTitle = T(sv: "Kontakt med e-nämnden", en: "Contact with the e-nämnd")
  static let fieldAt = T(sv: "Tid", en: "Time")
  static let fieldChannel = T(sv: "Kanal", en: "Channel")
  static let defaultChannel = T(sv: "Telefon", en: "Phone")
  static let fieldBy = T(sv: "Kontakt tagen av", en: "Contacted by")
  static let fieldReference = T(sv: "Deras referens", en: "Their reference")
  static let resolveTitle = T(sv: "Avsluta avbrott", en: "Resolve the outage")
  static let resolveAnyway = T(sv: "Avsluta ändå", en: "Resolve anyway")
  static func untoldQuestion(_ untold: T) -> T {
    T(sv: "\(untold.sv). Avsluta ändå? j/n", en: "\(untold.en). Resolve anyway? y/n")
  }
  static let fieldEnd = T(sv: "Sluttid", en: "End time")
  static let fieldCause = T(sv: "Orsak", en: "Cause")
  static let fieldFollowUp = T(sv: "Uppföljning", en: "Follow-up")
  /// A drill's resolve form: the departments that took part, whose routines it tested.
  static let fieldDrillTested = T(sv: "Deltog, rutin testad", en: "Took part, routine tested")
  static func routineFormTitle(_ name: String) -> T {
    T(sv: "Reservrutin: \(name)", en: "Fallback routine: \(name)")
  }
  static let fieldSteps = T(sv: "Vad personalen gör", en: "What staff do")
  static let fieldLocation = T(sv: "Förvaras (pärm, G:)", en: "Kept at (binder, drive)")
  static let fieldResponsible = T(sv: "Ansvarig", en: "Responsible")
  static let fieldReviewed = T(sv: "Senast granskad", en: "Last reviewed")
  static let fieldTested = T(sv: "Senast testad", en: "Last tested")
  static let fieldInterval = T(sv: "Granskas var (mån)", en: "Review every (months)")
  static let stepsEditorTitle = T(sv: "Reservrutinens steg", en: "The routine's steps")
  static let noRoutineYet = T(
    sv: "Förvaltningen har ingen reservrutin än; skriv den först.",
    en: "The department has no routine yet; write it first.")
  static let noDepartments = T(sv: "Inga förvaltningar berörs.", en: "No departments are affected.")
  static let noOutages = T(sv: "Inga avbrott registrerade.", en: "No outages recorded.")

  // MARK: - History details
  static func details(_ o: Outage, _ m: Municipality) -> T {
    func lines(_ l: Language) -> String {
      let sv = l == .swedish
      var out = [
        "\(sv ? "Start" : "Start"): \(Format.dateTime(o.start)) · \(o.declaredBy)",
        "\(sv ? "Omfattning" : "Scope"): \(scopeText(o.scope, m)(l))",
        "\(sv ? "Sett" : "Seen"): \(o.observed.isEmpty ? "–" : o.observed)",
      ]
      if let c = o.contact {
        out.append(
          "\(sv ? "Kontakt" : "Contact"): \(Format.dateTime(c.at)) · \(c.channel) · \(c.by)\(c.reference.isEmpty ? "" : " · \(c.reference)")"
        )
      }
      if let end = o.end { out.append("\(sv ? "Slut" : "End"): \(Format.dateTime(end))") }
      if !o.cause.isEmpty { out.append("\(sv ? "Orsak" : "Cause"): \(o.cause)") }
      if !o.followUp.isEmpty { out.append("\(sv ? "Uppföljning" : "Follow-up"): \(o.followUp)") }
      if !o.neverTold.isEmpty { out.append(m.neverToldText(o.neverTold)(l)) }
      return out.joined(separator: "\n")
    }
    return T(sv: lines(.swedish), en: lines(.english))
  }

  static func scopeText(_ scope: OutageScope, _ m: Municipality) -> T {
    switch scope {
    case .wholePlatform: return wholePlatform
    case .services(let ids): return services(ids.map { m.service($0)?.name ?? "?" })
    }
  }

  /// Whole minutes for the history: "9 min", "2 h 45 min", "3 d 4 h".
  static func minutes(_ seconds: TimeInterval) -> String {
    let m = Int((max(0, seconds) / 60).rounded())
    if m >= 1440 { return "\(m / 1440) d \(m % 1440 / 60) h" }
    if m >= 60 { return "\(m / 60) h \(String(format: "%02d", m % 60)) min" }
    return "\(m) min"
  }

  /// "10:07" for a time today (the header shows the offset), else the date and
  /// the offset too.
  static func clock(_ date: Date, today: Day) -> String {
    Day(date) == today ? Format.clock(date) : Format.dateTime(date)
  }
}

import ETjanstDomain
import Foundation

/// How `etjanst routines export` writes the routines: Markdown, HTML or plain text.
public enum RoutineExportFormat: String, CaseIterable, Sendable {
  case md, html, txt
}

/// Every department's fallback routine (guideline 4.3) as a document to print or
/// put on a shared drive: the point is that it can be read when the platform cannot.
/// Each department's part carries whom to call, so one page can hang on its own.
/// Pure: the same store and day give the same text.
public enum RoutineExport {
  public static func render(
    _ m: Municipality, format: RoutineExportFormat, department: String? = nil, today: Day,
    language: Language = .swedish
  ) throws -> String {
    let only = try ListOptions(department: department, today: today).departmentID(in: m)
    let departments = m.departments.filter { only == nil || $0.id == only }.sortedSwedish {
      $0.name
    }
    let doc = Document(m: m, departments: departments, today: today, language: language)
    switch format {
    case .md: return doc.markdown()
    case .html: return doc.html()
    case .txt: return doc.text()
    }
  }
}

/// The document's content once, written out three ways.
struct Document {
  let m: Municipality
  let departments: [Department]
  let today: Day
  let language: Language

  typealias T = LocalizedText
  func t(_ text: T) -> String { text(language) }

  var title: String {
    t(
      T(
        sv: "Reservrutiner vid avbrott i e-tjänsterna",
        en: "Fallback routines for e-service outages"))
  }
  var subtitle: String {
    t(
      T(
        sv: "\(m.name) · utskrivet \(today) · Riktlinjer för e-tjänster, avsnitt 4.3",
        en: "\(m.name) · printed \(today) · Guideline for e-services, section 4.3"))
  }

  /// Whom to call, as label and text lines.
  var contacts: [(label: String, text: String)] {
    let admin = m.contacts.systemAdministrator
    let coordinator = m.contacts.eCoordinator
    return [
      (
        t(
          T(
            sv: "Vid avbrott ringer e-samordnaren omedelbart",
            en: "On an outage the e-coordinator calls at once")),
        card(admin)
      ),
      (t(T(sv: "E-samordnaren", en: "The e-coordinator")), card(coordinator)),
    ]
  }

  func card(_ c: ContactCard) -> String {
    var parts = [c.name, c.organisation].filter { !$0.isEmpty }
    parts.append(
      c.phone.isEmpty
        ? t(T(sv: "telefon saknas", en: "no phone")) : t(T(sv: "tel. ", en: "phone ")) + c.phone)
    if !c.email.isEmpty { parts.append(c.email) }
    return parts.joined(separator: ", ")
  }

  /// The facts about one routine, as label and value; the flags last.
  func facts(_ d: Department) -> [(label: String, value: String)] {
    guard let r = d.fallbackRoutine else { return [] }
    var due = ""
    if let next = r.reviewDue {
      due = t(T(sv: " (nästa granskning senast \(next))", en: " (next review by \(next))"))
    }
    var rows = [
      (t(T(sv: "Förvaras", en: "Kept at")), r.location),
      (t(T(sv: "Ansvarig", en: "Responsible")), r.responsible),
      (
        t(T(sv: "Senast granskad", en: "Last reviewed")),
        (r.lastReviewed?.description ?? t(T(sv: "aldrig", en: "never"))) + due
      ),
      (
        t(T(sv: "Senast testad", en: "Last tested")),
        r.lastTested?.description ?? t(T(sv: "aldrig", en: "never"))
      ),
    ]
    let flags = d.routineFlags(on: today)
    if !flags.isEmpty {
      rows.append(
        (t(T(sv: "Att åtgärda", en: "To do")), flags.map { t($0.label) }.joined(separator: " ")))
    }
    return rows
  }

  var missing: String {
    t(
      T(
        sv: "! SAKNAS: förvaltningen har ingen reservrutin. Kontakta e-samordnaren.",
        en: "! MISSING: the department has no fallback routine. Contact the e-coordinator."))
  }
  var stepsHeading: String {
    t(
      T(
        sv: "Gör så här när e-tjänsterna inte fungerar",
        en: "What to do when the e-services are down"))
  }
  var contactsHeading: String { t(T(sv: "Kontakt", en: "Contacts")) }

  func steps(_ d: Department) -> [String] {
    (d.fallbackRoutine?.steps ?? "").split(separator: "\n", omittingEmptySubsequences: true).map(
      String.init)
  }
}

import ETjanstDomain
import Foundation

/// A register extract as the person reads it (Markdown) or a program does (JSON).
public enum RegisterExtractFormat {
  /// Pretty JSON with stable English keys; invisible characters JSON would leave raw
  /// are written as \u escapes.
  public static func json(_ extract: RegisterExtract) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let text = String(decoding: try encoder.encode(extract), as: UTF8.self)
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.value != 0x0A && TextCleaning.isUnsafe(scalar.value) {
        out += String(format: "\\u%04x", scalar.value)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\n"
  }

  /// Markdown in the extract's language: headings, lists and tables.
  public static func markdown(_ extract: RegisterExtract, _ language: Language) -> String {
    let t = { (text: LocalizedText) in text(language) }
    let p = extract.person
    var lines = [
      "# " + t(LocalizedText(sv: "Registerutdrag", en: "Register extract")) + ": " + p.name, "",
      "\(extract.municipality) · etjanst · \(LocalTime.text(extract.madeAt))", "",
      t(
        LocalizedText(
          sv:
            "Utdrag enligt dataskyddsförordningen (artikel 15): allt som registret över e-tjänsternas behörigheter och dess granskningslogg innehåller om dig.",
          en:
            "Extract under the GDPR (article 15): everything the register of e-service access and its audit trail hold about you."
        )), "",
      "## " + t(LocalizedText(sv: "Uppgifter om dig", en: "About you")), "",
    ]
    let fields: [(LocalizedText, String?)] = [
      (LocalizedText(sv: "Namn", en: "Name"), p.name),
      (LocalizedText(sv: "Inloggning", en: "Login"), p.login),
      (LocalizedText(sv: "Förvaltning", en: "Department"), p.department),
      (LocalizedText(sv: "Närmaste chef", en: "Manager"), p.manager),
      (LocalizedText(sv: "Startdatum", en: "Start date"), p.startDate),
      (LocalizedText(sv: "Slutdatum", en: "End date"), p.endDate),
      (LocalizedText(sv: "Status", en: "Status"), p.status),
      (
        LocalizedText(sv: "Dokumentsignering", en: "Document signing"),
        p.documentSigning.map { t($0 ? .init(sv: "ja", en: "yes") : .init(sv: "nej", en: "no")) }
      ),
      (LocalizedText(sv: "Skäl för borttagning", en: "Reason for removal"), p.removalReason),
      (LocalizedText(sv: "Roll i etjanst", en: "Role in etjanst"), p.userRole),
      (LocalizedText(sv: "Id", en: "Id"), p.staffID),
    ]
    for (label, value) in fields {
      if let value, !value.isEmpty { lines.append("- \(t(label)): \(value)") }
    }
    lines.append("")
    func table(_ title: LocalizedText, _ head: [LocalizedText], _ rows: [[String]]) {
      lines.append("## \(t(title))")
      lines.append("")
      if rows.isEmpty {
        lines.append(t(LocalizedText(sv: "Inga.", en: "None.")))
      } else {
        lines.append("| " + head.map(t).joined(separator: " | ") + " |")
        lines.append("|" + head.map { _ in " --- |" }.joined())
        for row in rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
      }
      lines.append("")
    }
    let service = LocalizedText(sv: "E-tjänst", en: "E-service")
    table(
      LocalizedText(sv: "Behörigheter som handläggare", en: "Case-officer access"),
      [service, .init(sv: "Från", en: "From"), .init(sv: "Till", en: "To")],
      extract.grants.map {
        [
          $0.service, $0.validFrom,
          $0.validTo ?? t(.init(sv: "tills vidare", en: "until further notice")),
        ]
      })
    table(
      LocalizedText(sv: "Ärenden", en: "Cases"),
      [
        .init(sv: "Ärendenummer", en: "Case number"), service, .init(sv: "Status", en: "Status"),
        .init(sv: "Överfört från", en: "Transferred from"),
      ],
      extract.cases.map { [$0.number, $0.service, $0.status, $0.transferredFrom ?? ""] })
    table(
      LocalizedText(sv: "Checklistor", en: "Checklists"),
      [
        .init(sv: "Checklista", en: "Checklist"), .init(sv: "Steg", en: "Step"),
        .init(sv: "Utfört av", en: "Done by"), .init(sv: "Utfört", en: "Done"),
        .init(sv: "Anteckning", en: "Note"),
      ],
      extract.checklists.map {
        [
          $0.checklist, $0.step, $0.doneBy ?? "", $0.doneAt.map(LocalTime.text) ?? "",
          $0.note ?? "",
        ]
      })
    table(
      LocalizedText(sv: "Roller för e-tjänster", en: "Roles for e-services"),
      [service, .init(sv: "Roll", en: "Role")],
      extract.serviceRoles.map { [$0.service, $0.role] })
    table(
      LocalizedText(
        sv: "Begäranden till e-samordnaren: om dig eller skickade av dig",
        en: "Requests to the e-coordinator: about you or sent by you"),
      [
        .init(sv: "Skickad", en: "Sent"), .init(sv: "Typ", en: "Kind"),
        .init(sv: "Läge", en: "State"), .init(sv: "Avsändare", en: "Sender"),
        .init(sv: "Gäller", en: "Subject"), .init(sv: "Besvarad av", en: "Answered by"),
        .init(sv: "Skäl", en: "Reason"),
      ],
      extract.requests.map {
        [
          LocalTime.text($0.sent), $0.kind, $0.state, $0.sender, $0.subject, $0.answeredBy ?? "",
          $0.reason ?? "",
        ]
      })
    if let trail = extract.trail {
      table(
        LocalizedText(
          sv: "Granskningsloggen: ändringar som rör dig eller som du gjort",
          en: "The audit trail: changes about you or made by you"),
        [
          .init(sv: "Sparad", en: "Saved"), .init(sv: "Av", en: "By"),
          .init(sv: "Vad", en: "What"), .init(sv: "Ändring", en: "Change"),
        ],
        trail.map { [LocalTime.text($0.at), $0.by, $0.what, $0.changes] })
    } else {
      lines.append(
        t(
          LocalizedText(
            sv: "Granskningsloggen ingår inte: den läses av e-samordnaren.",
            en: "The audit trail is not included: the e-coordinator reads it.")))
      lines.append("")
    }
    return lines.map { TextCleaning.printable($0) }.joined(separator: "\n")
  }

  /// A table cell: one line, with the table's own bar escaped.
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
  }
}

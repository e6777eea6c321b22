import Foundation

// The trail in words, the same for the console, `etjanst list audit` and register
// extracts.

extension AuditField {
  /// "Behörighet – Orosanmälan: – → 2026-01-05–tills vidare".
  public func text(_ language: Language) -> String {
    "\(label(language)): \(old(language) ?? "–") → \(new(language) ?? "–")"
  }
}

extension AuditSubject {
  /// "Aino Keränen (ändrad): Behörighet Orosanmälan: – → 2026-01-05 –; …".
  public func text(_ language: Language) -> String {
    let changes = fields.map { $0.text(language) }.joined(separator: "; ")
    let head = "\(name) (\(action.label(language)))"
    return changes.isEmpty ? head : "\(head): \(changes)"
  }
}

extension AuditSubject.Action {
  public func label(_ language: Language) -> String {
    switch self {
    case .added: return language == .swedish ? "ny" : "added"
    case .changed: return language == .swedish ? "ändrad" : "changed"
    case .removed: return language == .swedish ? "borttagen" : "removed"
    }
  }
}

extension AuditEntry {
  /// What was changed, entity by entity, on one line (empty for entries written
  /// before the trail named its subjects).
  public func details(_ language: Language) -> String {
    (subjects ?? []).map { $0.text(language) }.joined(separator: " · ")
  }
}

extension Visibility {
  /// Whether this user may read an entry of the audit trail: the trail names everyone
  /// who changed anything, so only those who see the whole trail read its entries.
  public func sees(_ entry: AuditEntry) -> Bool { seesAuditTrail }

  /// Why the trail is closed to this user, in words.
  public static let auditTrailClosed = LocalizedText(
    sv: "granskningsloggen namnger alla som ändrat något; fråga e-samordnaren",
    en: "the audit trail names everyone who changed anything; ask the e-coordinator")
}

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

  /// Whether a user in `role` may read this entry. A manager reads the entries whose
  /// personal data (staff, their cases, users) belongs to their own department; an
  /// entry written before subjects were recorded cannot show whose data it touched,
  /// so it is not shown to a manager.
  public func isVisible(to role: Role) -> Bool {
    guard let own = role.department?.rawValue else { return true }
    guard let subjects, !subjects.isEmpty else { return false }
    return subjects.allSatisfy { subject in
      !AuditSubject.personalTypes.contains(subject.type) || subject.department == own
    }
  }
}

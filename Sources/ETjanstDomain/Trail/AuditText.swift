import Foundation

// The trail in words, the same for the console, `etjanst list audit` and register
// extracts.

extension FieldChange {
  /// "Behörighet Orosanmälan: – → 2026-01-05 –".
  public func text(_ language: Language) -> String {
    let name = [label(language), refName].compactMap { $0 }.joined(separator: " ")
    return "\(name): \(Self.value(old, language)) → \(Self.value(new, language))"
  }

  /// A stored value for reading: no value as "–", booleans as words.
  public static func value(_ value: String?, _ language: Language) -> String {
    switch value {
    case nil, ""?: return "–"
    case "true"?: return language == .swedish ? "ja" : "yes"
    case "false"?: return language == .swedish ? "nej" : "no"
    case let text?: return text
    }
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
      switch subject.type {
      case .staff, .case, .user: return subject.department == own
      default: return true
      }
    }
  }
}

/// Undo of one change: puts back, field by field, only what that change altered.
/// Applied to the newest state, it leaves alone whatever others changed since; where
/// someone else changed one of the same fields since, the undo is refused as a
/// whole, naming the fields, rather than overwrite their work.
public struct Revert: Command {
  public let summary: LocalizedText
  private let steps: [RevertStep]

  init(_ change: Change) {
    summary = LocalizedText(sv: "Ångra: \(change.summary.sv)", en: "Undo: \(change.summary.en)")
    steps = Municipality.collections.flatMap { $0.revert(change.before, change.after) }
  }

  /// True when the change altered nothing, so there is nothing to undo.
  public var isEmpty: Bool { steps.isEmpty }

  public func apply(to municipality: inout Municipality, context: CommandContext) throws {
    var refused: [LocalizedText] = []
    for step in steps {
      if let refusal = step.apply(&municipality) { refused.append(refusal) }
    }
    if !refused.isEmpty { throw RuleViolation.undoRefused(refused) }
  }
}

/// One entity's part of an undo; returns what it could not put back, if anything.
struct RevertStep: Sendable {
  let apply: @Sendable (inout Municipality) -> LocalizedText?
}

extension RuleViolation {
  static func undoRefused(_ what: [LocalizedText]) -> RuleViolation {
    RuleViolation(
      LocalizedText(
        sv: "Kan inte ångra: någon annan har ändrat \(what.map(\.sv).joined(separator: ", ")) "
          + "sedan dess. Inget ändrades.",
        en: "Cannot undo: someone else has changed \(what.map(\.en).joined(separator: ", ")) "
          + "since. Nothing was changed."))
  }
}

extension FieldedEntity {
  /// The edits that put back `before`'s value of every field `after` changed.
  static func revertPatch(before: Self, after: Self) -> EntityPatch<Self> {
    EntityPatch(fields.filter { $0.differs(before, after) }.map { $0.revertEdit(before, after) })
  }

  /// "Kategori (Bygglov)": the fields of a refused undo, as people read them.
  static func refusal(_ conflict: EditConflict) -> LocalizedText {
    let sv = conflict.conflicts.map(\.label.sv).joined(separator: ", ")
    let en = conflict.conflicts.map(\.label.en).joined(separator: ", ")
    return LocalizedText(
      sv: "\(sv) i \(conflict.entityName)", en: "\(en) in \(conflict.entityName)")
  }
}

extension EntityCollection {
  static func revertList<E: FieldedEntity>(
    _ path: WritableKeyPath<Municipality, [E]> & Sendable, before: Municipality,
    after: Municipality
  ) -> [RevertStep] {
    let old = before[keyPath: path]
    let new = after[keyPath: path]
    if old == new { return [] }
    return KeyedDiff.pairs(old, new).map { pair in
      switch (pair.old, pair.new) {
      case (let was?, let now?):
        let patch = E.revertPatch(before: was, after: now)
        return RevertStep { m in
          guard let i = m[keyPath: path].firstIndex(where: { $0.entityKey == was.entityKey }) else {
            return LocalizedText(verbatim: now.readableName(in: m))
          }
          do {
            m[keyPath: path][i] = try patch.applied(to: m[keyPath: path][i], in: m)
            return nil
          } catch let conflict as EditConflict {
            return E.refusal(conflict)
          } catch {
            return LocalizedText(verbatim: now.readableName(in: m))
          }
        }
      case (nil, let added?):
        // Added by the change: removed again, unless someone has changed it since.
        return RevertStep { m in
          guard let i = m[keyPath: path].firstIndex(where: { $0.entityKey == added.entityKey })
          else { return nil }
          if m[keyPath: path][i] != added {
            return LocalizedText(verbatim: added.readableName(in: m))
          }
          m[keyPath: path].remove(at: i)
          return nil
        }
      case (let removed?, nil):
        let position = old.firstIndex { $0.entityKey == removed.entityKey } ?? 0
        return RevertStep { m in
          guard !m[keyPath: path].contains(where: { $0.entityKey == removed.entityKey }) else {
            return nil
          }
          m[keyPath: path].insert(removed, at: min(position, m[keyPath: path].count))
          return nil
        }
      case (nil, nil):
        return RevertStep { _ in nil }
      }
    }
  }

  static func revertSingle<E: FieldedEntity>(
    _ path: WritableKeyPath<Municipality, E> & Sendable, before: Municipality,
    after: Municipality
  ) -> [RevertStep] {
    let was = before[keyPath: path]
    let now = after[keyPath: path]
    let patch = E.revertPatch(before: was, after: now)
    if patch.isEmpty { return [] }
    return [
      RevertStep { m in
        do {
          m[keyPath: path] = try patch.applied(to: m[keyPath: path], in: m)
          return nil
        } catch let conflict as EditConflict {
          return E.refusal(conflict)
        } catch {
          return LocalizedText(verbatim: now.readableName(in: m))
        }
      }
    ]
  }
}

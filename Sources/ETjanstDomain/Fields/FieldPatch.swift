import Foundation

/// A user's change of one field: the value they saw (`base`) and the value they set.
/// Applied to the newest entity, it sets the field where nobody else changed it
/// since, combines part by part where the field is made of parts, and otherwise
/// reports a conflict instead of overwriting.
public struct FieldEdit<Entity>: Sendable {
  public let name: String
  public let label: LocalizedText
  public let base: any Equatable & Sendable
  public let value: any Equatable & Sendable
  let applyTo: @Sendable (inout Entity, Municipality?) -> FieldConflict?
  let rebase: @Sendable (any Equatable & Sendable, Bool) -> FieldEdit<Entity>?

  init<Value>(field: Field<Entity, Value>, base: Value, value: Value) {
    name = field.name
    label = field.label
    self.base = base
    self.value = value
    applyTo = { entity, m in
      let theirs = entity[keyPath: field.keyPath]
      if let merged = field.merge(base, theirs, value) {
        entity[keyPath: field.keyPath] = merged
        return nil
      }
      guard let m else { return nil }
      return FieldConflict(
        name: field.name, label: field.label, base: base, theirs: theirs, yours: value,
        baseText: field.describe(base, m), theirsText: field.describe(theirs, m),
        yoursText: field.describe(value, m))
    }
    rebase = { theirs, keepYours in
      guard let theirs = theirs as? Value else { return nil }
      return field.edit(from: theirs, to: keepYours ? value : theirs)
    }
  }

  /// True when the edit sets the value the user saw (nothing to do).
  public var isEmpty: Bool { base.isEqual(to: value) }

  /// Applies the edit to `entity`; nil, or the conflict that kept it from applying.
  public func apply(to entity: inout Entity, in m: Municipality) -> FieldConflict? {
    applyTo(&entity, m)
  }

  /// After a conflict: the edit that sets the user's choice over the value found
  /// (`conflict.theirs`), so it applies unless the field changes yet again.
  public func resolving(_ conflict: FieldConflict, keepYours: Bool) -> FieldEdit<Entity>? {
    rebase(conflict.theirs, keepYours)
  }
}

/// Someone else changed a field since the user saw it, to another value than theirs.
public struct FieldConflict: Sendable, Equatable, CustomStringConvertible {
  public let name: String
  public let label: LocalizedText
  public let base: any Equatable & Sendable
  public let theirs: any Equatable & Sendable
  public let yours: any Equatable & Sendable
  public let baseText: LocalizedText
  public let theirsText: LocalizedText
  public let yoursText: LocalizedText

  public static func == (a: FieldConflict, b: FieldConflict) -> Bool {
    a.name == b.name && a.base.isEqual(to: b.base) && a.theirs.isEqual(to: b.theirs)
      && a.yours.isEqual(to: b.yours)
  }

  public var description: String { "\(name): \(theirsText.en) / \(yoursText.en)" }
}

/// Thrown when an edit would overwrite what someone else changed in the meantime.
/// Nothing is applied; the form shows each field's two values and lets the user pick.
public struct EditConflict: Error, Sendable, Equatable, CustomStringConvertible {
  public let conflicts: [FieldConflict]
  /// Who is named in the message (the entity as people name it).
  public let entityName: String
  /// The person who saved the change the edit met, when the store knows (its name,
  /// else its login); the conflict's choice names their value by them.
  public var savedBy: String?

  public init(conflicts: [FieldConflict], entityName: String, savedBy: String? = nil) {
    self.conflicts = conflicts
    self.entityName = entityName
    self.savedBy = savedBy
  }

  public var message: LocalizedText {
    let sv = conflicts.map(\.label.sv).joined(separator: ", ")
    let en = conflicts.map(\.label.en).joined(separator: ", ")
    let who =
      savedBy.map { LocalizedText(verbatim: $0) }
      ?? LocalizedText(sv: "Någon annan", en: "Someone else")
    return LocalizedText(
      sv:
        "\(who.sv) har ändrat \(sv) i \(entityName) sedan du öppnade formuläret. Välj vilket värde som ska gälla.",
      en:
        "\(who.en) has changed \(en) in \(entityName) since you opened the form. Choose which value to keep."
    )
  }

  public var description: String { message.en }
}

/// The fields a user changed on one entity, to be applied to its newest version.
public struct EntityPatch<Entity: FieldedEntity>: Sendable {
  public var edits: [FieldEdit<Entity>]

  public init(_ edits: [FieldEdit<Entity>]) {
    self.edits = edits.filter { !$0.isEmpty }
  }

  public var isEmpty: Bool { edits.isEmpty }
  public var fieldNames: [String] { edits.map(\.name) }

  /// `entity` with every edit applied, or `EditConflict` naming the fields someone
  /// else changed to other values since the user saw them (nothing is applied then).
  public func applied(to entity: Entity, in m: Municipality) throws -> Entity {
    var result = entity
    var conflicts: [FieldConflict] = []
    for edit in edits {
      if let conflict = edit.apply(to: &result, in: m) { conflicts.append(conflict) }
    }
    if !conflicts.isEmpty {
      throw EditConflict(conflicts: conflicts, entityName: entity.readableName(in: m))
    }
    return result
  }

  /// `entity` with every edit applied where it does not conflict: for a new entity,
  /// where the edits were made on this very value and so cannot conflict.
  public func applied(toBase entity: Entity) -> Entity {
    var result = entity
    for edit in edits { _ = edit.applyTo(&result, nil) }
    return result
  }
}

extension Equatable {
  /// Equality with a value of unknown type: false when the types differ.
  public func isEqual(to other: any Equatable) -> Bool {
    (other as? Self) == self
  }
}

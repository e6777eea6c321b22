import Foundation

/// An entity whose editable parts are listed as typed fields, so that a change can
/// be told field by field (the audit trail, undo) and an edit can be applied to a
/// newer version of the entity without putting back what others changed since.
public protocol FieldedEntity: Equatable, Sendable {
  associatedtype Key: Hashable & Sendable & CustomStringConvertible
  /// A stable English name of the kind of entity: "eService", "staffMember" …
  static var entityType: String { get }
  /// The fields people edit. A part of the entity not listed here is still
  /// compared and put back whole (see `Field.whole`), never lost.
  static var fields: [AnyField<Self>] { get }
  /// What tells this entity from its siblings: its id, a login, a step.
  var entityKey: Key { get }
  /// The entity as people name it (a service's name, a case's number).
  func readableName(in m: Municipality) -> String
}

/// One editable part of an entity: a stable English name, a label for people, where
/// the value lives, how it reads, and how three versions of it combine.
///
/// A value that is itself made of fields (an e-service's roles, a department's
/// routine) or a list of such values keyed by id (a member's access grants, a
/// checklist's items) is merged part by part: two people who change different
/// parts of it both keep their change.
public struct Field<Entity, Value: Equatable & Sendable>: @unchecked Sendable {
  // @unchecked: key paths are immutable values; they are not yet marked Sendable.
  public let name: String
  public let label: LocalizedText
  public let keyPath: WritableKeyPath<Entity, Value>
  let describe: @Sendable (Value, Municipality) -> LocalizedText
  /// Combines your change with theirs: nil when both changed the same part
  /// differently (a conflict). Arguments: base, theirs, yours.
  let merge: @Sendable (Value, Value, Value) -> Value?
  /// The changed parts from old to new, or nil to report the field as one change.
  let parts: (@Sendable (Value, Value, Municipality, Municipality) -> [FieldChange])?

  public init(
    _ name: String, _ label: LocalizedText, _ keyPath: WritableKeyPath<Entity, Value>,
    describe: @escaping @Sendable (Value, Municipality) -> LocalizedText
  ) {
    self.init(name, label, keyPath, describe: describe, merge: Self.threeWay, parts: nil)
  }

  init(
    _ name: String, _ label: LocalizedText, _ keyPath: WritableKeyPath<Entity, Value>,
    describe: @escaping @Sendable (Value, Municipality) -> LocalizedText,
    merge: @escaping @Sendable (Value, Value, Value) -> Value?,
    parts: (@Sendable (Value, Value, Municipality, Municipality) -> [FieldChange])?
  ) {
    self.name = name
    self.label = label
    self.keyPath = keyPath
    self.describe = describe
    self.merge = merge
    self.parts = parts
  }

  /// The value as people read it; names instead of ids.
  public func text(_ value: Value, in m: Municipality) -> LocalizedText { describe(value, m) }

  /// The edit that sets this field from `base` (the value the user saw) to `value`.
  public func edit(from base: Value, to value: Value) -> FieldEdit<Entity> {
    FieldEdit(field: self, base: base, value: value)
  }

  /// The plain three-way rule: keep theirs where you changed nothing, take yours
  /// where they changed nothing, and a conflict where both changed it differently.
  @Sendable static func threeWay(_ base: Value, _ theirs: Value, _ yours: Value) -> Value? {
    if yours == base || yours == theirs { return theirs }
    if theirs == base { return yours }
    return nil
  }

  public var erased: AnyField<Entity> { AnyField(self) }
}

/// A field of some value type, for lists of an entity's fields.
public struct AnyField<Entity>: Sendable {
  public let name: String
  public let label: LocalizedText
  let differs: @Sendable (Entity, Entity) -> Bool
  let changes: @Sendable (Entity, Entity, Municipality, Municipality) -> [FieldChange]
  let mergeInto: @Sendable (Entity, inout Entity, Entity) -> Bool
  let revertEdit: @Sendable (Entity, Entity) -> FieldEdit<Entity>
  let valueOf: @Sendable (Entity) -> any Equatable & Sendable
  let textOf: @Sendable (Entity, Municipality) -> LocalizedText

  public init<Value>(_ field: Field<Entity, Value>) {
    name = field.name
    label = field.label
    differs = { a, b in a[keyPath: field.keyPath] != b[keyPath: field.keyPath] }
    changes = { a, b, ma, mb in
      let old = a[keyPath: field.keyPath]
      let new = b[keyPath: field.keyPath]
      guard old != new else { return [] }
      if let parts = field.parts {
        let list = parts(old, new, ma, mb)
        return list.map { $0.prefixed(field.name, field.label) }
      }
      return [
        FieldChange(
          name: field.name, label: field.label, old: old, new: new,
          oldText: field.describe(old, ma), newText: field.describe(new, mb))
      ]
    }
    mergeInto = { base, theirs, yours in
      let b = base[keyPath: field.keyPath]
      let t = theirs[keyPath: field.keyPath]
      let y = yours[keyPath: field.keyPath]
      guard let merged = field.merge(b, t, y) else { return false }
      theirs[keyPath: field.keyPath] = merged
      return true
    }
    revertEdit = { before, after in
      field.edit(from: after[keyPath: field.keyPath], to: before[keyPath: field.keyPath])
    }
    valueOf = { $0[keyPath: field.keyPath] }
    textOf = { e, m in field.describe(e[keyPath: field.keyPath], m) }
  }

  /// The field's value in `entity`, as people read it.
  public func text(of entity: Entity, in m: Municipality) -> LocalizedText { textOf(entity, m) }

  /// The value of this field in `entity`.
  public func value(of entity: Entity) -> any Equatable & Sendable { valueOf(entity) }
}

extension FieldedEntity {
  /// Every field that differs between `a` and `b`, part by part.
  public static func fieldChanges(
    from a: Self, to b: Self, before ma: Municipality, after mb: Municipality
  ) -> [FieldChange] {
    fields.flatMap { $0.changes(a, b, ma, mb) }
  }

  /// Your version merged onto theirs: every field you changed since `base` is set on
  /// `theirs`; nil when someone else changed one of the same fields differently.
  public static func merge(base: Self, theirs: Self, yours: Self) -> Self? {
    var result = theirs
    for field in fields where !field.mergeInto(base, &result, yours) { return nil }
    return result
  }
}

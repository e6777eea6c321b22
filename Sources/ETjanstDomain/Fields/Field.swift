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
  /// Every field the store keeps, in the file's order: the key (an id) first where
  /// the key is stored as a field of its own, then `fields`.
  static var storedFields: [AnyField<Self>] { get }
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
  /// Where the field lives outside the program: the store's key, the value a file
  /// written before the field existed stands for, the range a number keeps, how
  /// text is cleaned, and its column in exports and imports (`FieldPlaces`).
  public internal(set) var places = FieldPlaces<Value>()

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

  /// The store's key for the field: its name unless said here.
  public var key: String { places.key ?? name }

  /// The field stored under `key` rather than its name.
  public func stored(as key: String) -> Field {
    var f = self
    f.places.key = key
    return f
  }

  /// The value a file without the field holds (one written before it existed);
  /// `leftOut`: the store writes no key while the field holds that value, so a
  /// file whose entities never set it stays as it was.
  public func absent(means value: Value, leftOut: Bool = false) -> Field {
    var f = self
    f.places.absent = value
    f.places.absentLeftOut = leftOut
    return f
  }

  /// The field as a column of `list` (CSV, JSON and `--wide`; in the default table
  /// too with `table`), under `column` (its name unless said), and read back by
  /// an import under that column's name, its labels and the other `names` a
  /// platform's or HR's export uses (compared case-insensitively).
  public func column(
    _ column: String? = nil, table: Bool = false, importNames names: [String] = [],
    imported: Bool = true
  ) -> Field {
    var f = self
    f.places.column = FieldColumn(
      key: column ?? name, inTable: table, importNames: names, imported: imported)
    return f
  }
}

/// The places outside the program a field appears in (see `Field.places`).
public struct FieldPlaces<Value: Sendable>: Sendable {
  public var key: String?
  public var absent: Value?
  /// Whether the store leaves the key out while the value is `absent`'s.
  public var absentLeftOut = false
  /// The stored range of a number (`StoredRange`): the store refuses a file with a
  /// value outside it, and the rules refuse input outside it.
  public var range: ClosedRange<Int>?
  public var cleaning: TextCleaning.Kind?
  public var column: FieldColumn?
  /// What the rules refuse in a value of the field beyond its type (an e-mail that
  /// is no address), said after the field's label; nil when the value is right.
  public var check: (@Sendable (Value) -> LocalizedText?)?
}

/// A field's column in `list`'s output and in an import's header row.
public struct FieldColumn: Sendable, Equatable {
  /// The stable English camelCase key: the CSV header and the JSON key.
  public var key: String
  /// In the default text table (else only in `--wide`, CSV and JSON).
  public var inTable: Bool
  /// Other header names an import takes for it (lowercase).
  public var importNames: [String]
  /// Whether an import reads it at all.
  public var imported: Bool
}

/// A field with its value type, for code that works per type of value (the store's
/// coding, an export's cells, an import's parsing): open `AnyField.typed` and cast
/// `Value.self` to the protocol that layer gives the types it knows.
public protocol TypedField<Entity>: Sendable {
  associatedtype Entity
  associatedtype Value: Equatable & Sendable
  var field: Field<Entity, Value> { get }
}

extension Field: TypedField {
  public var field: Field<Entity, Value> { self }
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

  /// The field with its value type (see `TypedField`).
  public let typed: any TypedField<Entity>
  /// The store's key.
  public let key: String
  /// Its column in exports and imports, if any.
  public let column: FieldColumn?
  /// Its stored range, if a number.
  public let range: ClosedRange<Int>?
  let cleanValue: (@Sendable (inout Entity) -> Void)?
  let copyValue: @Sendable (Entity, inout Entity) -> Void
  let refusalOf: @Sendable (Entity) -> RuleViolation?
  let outOfRange: @Sendable (Entity) -> Int?

  public init<Value>(_ field: Field<Entity, Value>) {
    name = field.name
    label = field.label
    typed = field
    key = field.key
    column = field.places.column
    range = field.places.range
    // Key paths are immutable values; they are not yet marked Sendable.
    nonisolated(unsafe) let path = field.keyPath as AnyKeyPath
    if let kind = field.places.cleaning, path is WritableKeyPath<Entity, String> {
      cleanValue = {
        let text = path as! WritableKeyPath<Entity, String>
        $0[keyPath: text] = TextCleaning.clean($0[keyPath: text], kind)
      }
    } else if let kind = field.places.cleaning, path is WritableKeyPath<Entity, String?> {
      // An optional text: cleaned, trimmed, and none when nothing is left.
      cleanValue = {
        let text = path as! WritableKeyPath<Entity, String?>
        let cleaned = $0[keyPath: text].map {
          TextCleaning.clean($0, kind).trimmingCharacters(in: .whitespaces)
        }
        $0[keyPath: text] = cleaned?.isEmpty == false ? cleaned : nil
      }
    } else if let kind = field.places.cleaning, path is WritableKeyPath<Entity, [String]> {
      cleanValue = {
        let lines = path as! WritableKeyPath<Entity, [String]>
        $0[keyPath: lines] = $0[keyPath: lines].map { TextCleaning.clean($0, kind) }
          .filter { !$0.isEmpty }
      }
    } else {
      cleanValue = nil
    }
    if let range = field.places.range, path is KeyPath<Entity, Int> {
      outOfRange = { e in
        let n = e[keyPath: path as! KeyPath<Entity, Int>]
        return range.contains(n) ? nil : n
      }
    } else if let range = field.places.range, path is KeyPath<Entity, Int?> {
      outOfRange = { e in
        (e[keyPath: path as! KeyPath<Entity, Int?>]).flatMap { range.contains($0) ? nil : $0 }
      }
    } else {
      outOfRange = { _ in nil }
    }
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
    if let check = field.places.check {
      let (name, label) = (field.name, field.label)
      refusalOf = { e in
        check(e[keyPath: field.keyPath]).map { why in
          RuleViolation(
            field: name, LocalizedText(sv: "\(label.sv): \(why.sv)", en: "\(label.en): \(why.en)"))
        }
      }
    } else {
      refusalOf = { _ in nil }
    }
    copyValue = { from, to in to[keyPath: field.keyPath] = from[keyPath: field.keyPath] }
    textOf = { e, m in field.describe(e[keyPath: field.keyPath], m) }
  }

  /// The field's value in `entity`, as people read it.
  public func text(of entity: Entity, in m: Municipality) -> LocalizedText { textOf(entity, m) }

  /// The value of this field in `entity`.
  public func value(of entity: Entity) -> any Equatable & Sendable { valueOf(entity) }

  /// The field's value outside its stored range, if it is (`StoredRange`).
  public func outOfRange(in entity: Entity) -> Int? { outOfRange(entity) }

  /// Sets the field in `target` to its value in `source`.
  public func copy(from source: Entity, to target: inout Entity) { copyValue(source, &target) }

  /// The field's text cleaned as its kind says (`TextCleaning`), if it is text.
  public func clean(_ entity: inout Entity) { cleanValue?(&entity) }

  /// What the field's declaration refuses in its value in `entity` (`FieldPlaces.check`).
  public func refusal(in entity: Entity) -> RuleViolation? { refusalOf(entity) }
}

extension FieldedEntity {
  public static var storedFields: [AnyField<Self>] { fields }

  /// `target` with each of `fields` set to its value in `source`, cleaned as its kind
  /// says: how a command takes the fields it carries whole (a person's `details`).
  public static func copy(_ fields: [AnyField<Self>], from source: Self, to target: inout Self) {
    for field in fields {
      field.copy(from: source, to: &target)
      field.clean(&target)
    }
  }

  /// The first field whose declaration refuses its value in `e`, naming the field.
  public static func fieldRefusal(in e: Self) -> RuleViolation? {
    for field in fields { if let refusal = field.refusal(in: e) { return refusal } }
    return nil
  }

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

import Foundation

/// One field that a change altered: its stable name ("category", "roles.serviceOwner",
/// "grants[<service id>].validTo"), its label, and the old and new value, typed and as
/// people read them. An element added to or removed from a keyed list has nil on the
/// side where it is absent.
public struct FieldChange: Sendable, CustomStringConvertible {
  public let name: String
  public let label: LocalizedText
  public let old: (any Equatable & Sendable)?
  public let new: (any Equatable & Sendable)?
  public let oldText: LocalizedText
  public let newText: LocalizedText

  public init(
    name: String, label: LocalizedText, old: (any Equatable & Sendable)?,
    new: (any Equatable & Sendable)?, oldText: LocalizedText, newText: LocalizedText
  ) {
    self.name = name
    self.label = label
    self.old = old
    self.new = new
    self.oldText = oldText
    self.newText = newText
  }

  /// The change as a part of the field `name`: "roles" + "serviceOwner" →
  /// "roles.serviceOwner"; "grants" + "[id]" → "grants[id]".
  func prefixed(_ parent: String, _ parentLabel: LocalizedText) -> FieldChange {
    let joinedName =
      name.isEmpty ? parent : name.hasPrefix("[") ? parent + name : parent + "." + name
    let joinedLabel =
      label.sv.isEmpty
      ? parentLabel
      : LocalizedText(sv: "\(parentLabel.sv) – \(label.sv)", en: "\(parentLabel.en) – \(label.en)")
    return FieldChange(
      name: joinedName, label: joinedLabel, old: old, new: new, oldText: oldText, newText: newText)
  }

  public var description: String { "\(name): \(oldText.en) → \(newText.en)" }
}

/// What one change did to one entity.
public struct EntityChange: Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case added
    case changed
    case removed
  }

  public let kind: Kind
  /// `FieldedEntity.entityType`: "eService", "staffMember" …
  public let entityType: String
  /// The entity's key as text (its id, or a login).
  public let id: String
  /// The entity as people name it, after the change (before it, when removed).
  public let name: String
  /// For `changed`, every altered field; for `added` and `removed`, every field
  /// that has a value, from or to nothing.
  public let fields: [FieldChange]

  public var description: String {
    "\(kind.rawValue) \(entityType) \(id) \(name): "
      + fields.map(\.description).joined(separator: ", ")
  }
}

extension Change {
  /// The entities this change added, changed or removed, field by field. Cheap on
  /// a large store: lists the command left alone share their storage with the
  /// state before and are skipped at once, and a changed list is compared in place.
  public var entityChanges: [EntityChange] { entityChanges(naming: .max).named }

  /// The first `limit` entities this change touched, field by field, and the rest
  /// only counted by type and kind, in the order met: an import of 200,000 cases
  /// whose trail line names 1,000 does not work out every field of the others.
  public func entityChanges(naming limit: Int) -> (
    named: [EntityChange], more: [EntityChangeCount]
  ) {
    var named: [EntityChange] = []
    var more: [EntityChangeCount] = []
    for collection in Municipality.collections {
      collection.changes(before, after, limit, &named, &more)
    }
    return (named, more)
  }
}

/// How many entities of one type a change added, changed or removed beyond those
/// it names (`Change.entityChanges(naming:)`).
public struct EntityChangeCount: Sendable, Equatable {
  public let entityType: String
  public let kind: EntityChange.Kind
  public var count: Int
}

extension FieldedEntity {
  static func entityChange(
    _ kind: EntityChange.Kind, from old: Self?, to new: Self?, before: Municipality,
    after: Municipality
  ) -> EntityChange? {
    let subject = (new ?? old)!
    let fields: [FieldChange]
    switch (old, new) {
    case (let old?, let new?):
      fields = fieldChanges(from: old, to: new, before: before, after: after)
      if fields.isEmpty { return nil }
    case (nil, let new?):
      fields = Self.fields.compactMap { f in
        let text = f.text(of: new, in: after)
        return text.sv.isEmpty
          ? nil
          : FieldChange(
            name: f.name, label: f.label, old: nil, new: f.value(of: new),
            oldText: LocalizedText(verbatim: ""), newText: text)
      }
    case (let old?, nil):
      fields = Self.fields.compactMap { f in
        let text = f.text(of: old, in: before)
        return text.sv.isEmpty
          ? nil
          : FieldChange(
            name: f.name, label: f.label, old: f.value(of: old), new: nil,
            oldText: text, newText: LocalizedText(verbatim: ""))
      }
    case (nil, nil): return nil
    }
    let name = kind == .removed ? subject.readableName(in: before) : subject.readableName(in: after)
    return EntityChange(
      kind: kind, entityType: entityType, id: subject.entityKey.description, name: name,
      fields: fields)
  }
}

/// Where in the municipality a kind of entity is kept: a list of them, or one.
public struct EntityCollection: Sendable {
  /// Appends what changed to the first list while it holds fewer than the limit,
  /// then counts the rest in the second.
  let changes:
    @Sendable (
      Municipality, Municipality, Int, inout [EntityChange], inout [EntityChangeCount]
    ) -> Void
  let revert: @Sendable (Municipality, Municipality) -> [RevertStep]

  /// A list of entities with keys.
  static func list<E: FieldedEntity>(_ path: WritableKeyPath<Municipality, [E]> & Sendable)
    -> EntityCollection
  {
    EntityCollection(
      changes: { before, after, limit, named, more in
        let old = before[keyPath: path]
        let new = after[keyPath: path]
        if old == new { return }  // the same storage when the command left it alone: O(1)
        for pair in KeyedDiff.pairs(old, new) {
          let kind: EntityChange.Kind =
            pair.old == nil ? .added : pair.new == nil ? .removed : .changed
          if named.count < limit {
            if let change = E.entityChange(
              kind, from: pair.old, to: pair.new, before: before, after: after)
            {
              named.append(change)
            }
          } else if let i = more.firstIndex(where: {
            $0.entityType == E.entityType && $0.kind == kind
          }) {
            more[i].count += 1
          } else {
            more.append(EntityChangeCount(entityType: E.entityType, kind: kind, count: 1))
          }
        }
      },
      revert: { before, after in revertList(path, before: before, after: after) })
  }

  /// One entity (the contacts, the settings).
  static func single<E: FieldedEntity>(_ path: WritableKeyPath<Municipality, E> & Sendable)
    -> EntityCollection
  {
    EntityCollection(
      changes: { before, after, limit, named, more in
        let old = before[keyPath: path]
        let new = after[keyPath: path]
        if E.fields.allSatisfy({ !$0.differs(old, new) }) { return }
        guard named.count < limit else {
          more.append(EntityChangeCount(entityType: E.entityType, kind: .changed, count: 1))
          return
        }
        if let change = E.entityChange(.changed, from: old, to: new, before: before, after: after) {
          named.append(change)
        }
      },
      revert: { before, after in revertSingle(path, before: before, after: after) })
  }
}

/// Pairs the elements of two keyed lists: equal elements at the same place are
/// skipped without a lookup; the rest are matched by key.
enum KeyedDiff {
  static func pairs<E: FieldedEntity>(_ old: [E], _ new: [E]) -> [(old: E?, new: E?)] {
    var result: [(old: E?, new: E?)] = []
    let common = min(old.count, new.count)
    var i = 0
    while i < common && old[i].entityKey == new[i].entityKey {
      if old[i] != new[i] { result.append((old[i], new[i])) }
      i += 1
    }
    if i == old.count && i == new.count { return result }
    let restOld = old[i...]
    let restNew = new[i...]
    var byKey: [E.Key: E] = [:]
    for e in restOld { byKey[e.entityKey] = e }
    for e in restNew {
      if let o = byKey.removeValue(forKey: e.entityKey) {
        if o != e { result.append((o, e)) }
      } else {
        result.append((nil, e))
      }
    }
    for e in restOld where byKey[e.entityKey] != nil { result.append((e, nil)) }
    return result
  }
}

/// The three-way merge and the field changes of a keyed list.
enum KeyedMerge {
  static func merge<E: FieldedEntity>(base: [E], theirs: [E], yours: [E]) -> [E]? {
    let b = Dictionary(base.map { ($0.entityKey, $0) }, uniquingKeysWith: { a, _ in a })
    let y = Dictionary(yours.map { ($0.entityKey, $0) }, uniquingKeysWith: { a, _ in a })
    var result: [E] = []
    var seen = Set<E.Key>()
    for t in theirs {
      let key = t.entityKey
      seen.insert(key)
      let bv = b[key]
      let yv = y[key]
      if yv == bv {  // you left it alone
        result.append(t)
      } else if bv == t {  // they left it alone: yours (nil: you removed it)
        if let yv { result.append(yv) }
      } else if yv == t {
        result.append(t)
      } else if let bv, let yv, let merged = E.merge(base: bv, theirs: t, yours: yv) {
        result.append(merged)
      } else {
        return nil
      }
    }
    for yv in yours where !seen.contains(yv.entityKey) {
      let key = yv.entityKey
      if let bv = b[key] {
        // They removed it; you changed it: a conflict. Left alone by you: stays removed.
        if bv != yv { return nil }
      } else {
        result.append(yv)  // you added it
      }
    }
    return result
  }

  static func changes<E: FieldedEntity>(
    from old: [E], to new: [E], before ma: Municipality, after mb: Municipality
  ) -> [FieldChange] {
    KeyedDiff.pairs(old, new).flatMap { pair -> [FieldChange] in
      let subject = (pair.new ?? pair.old)!
      let key = "[\(subject.entityKey)]"
      let label = LocalizedText(
        verbatim: pair.new == nil ? subject.readableName(in: ma) : subject.readableName(in: mb))
      switch (pair.old, pair.new) {
      case (let o?, let n?):
        return E.fieldChanges(from: o, to: n, before: ma, after: mb).map {
          $0.prefixed(key, label)
        }
      default:
        return [
          FieldChange(
            name: key, label: label, old: pair.old, new: pair.new,
            oldText: pair.old.map { E.describe($0, in: ma) } ?? LocalizedText(verbatim: ""),
            newText: pair.new.map { E.describe($0, in: mb) } ?? LocalizedText(verbatim: ""))
        ]
      }
    }
  }
}

/// An edit of some fields of one entity, as a form sends it: under the store's lock
/// the fields the user changed are set on the entity's NEWEST version (`EntityPatch`),
/// and the result goes through the area's own command, so every rule still applies.
/// Where someone else changed one of the same fields since the form opened, nothing
/// is written and `EditConflict` is thrown for the form to let the user choose.
public struct EditFields<Entity: FieldedEntity>: Command {
  public let patch: EntityPatch<Entity>
  public let summary: LocalizedText
  let newest: @Sendable (Municipality) -> Entity?
  let command: @Sendable (Entity) -> any Command

  /// - Parameters:
  ///   - base: the entity as the user saw it (for the summary).
  ///   - newest: finds the entity's newest version; nil when it is gone.
  ///   - command: the area's command that writes the merged entity, with its rules.
  public init(
    _ patch: EntityPatch<Entity>, base: Entity,
    newest: @escaping @Sendable (Municipality) -> Entity?,
    command: @escaping @Sendable (Entity) -> any Command
  ) {
    self.patch = patch
    self.newest = newest
    self.command = command
    summary = command(patch.applied(toBase: base)).summary
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    guard let current = newest(m) else {
      throw RuleViolation.notFound(LocalizedText(verbatim: summary.sv))
    }
    let merged = try patch.applied(to: current, in: m)
    try command(merged).apply(to: &m, context: context)
  }
}

extension Field {
  /// A part of this field's value as a field of the entity: the e-service's
  /// `roles` + the role `contactPerson` is `roles.contactPerson`.
  public func appending<Inner>(_ inner: Field<Value, Inner>) -> Field<Entity, Inner> {
    var f = Field<Entity, Inner>(
      "\(name).\(inner.name)", inner.label, keyPath.appending(path: inner.keyPath),
      describe: inner.describe, merge: inner.merge, parts: inner.parts)
    f.places = inner.places
    return f
  }
}

extension AnyField {
  /// This field of a nested value as a field of the entity holding it
  /// ("roles.serviceOwner"), with its key, range and column.
  public func within<Outer>(_ outer: Field<Outer, Entity>) -> AnyField<Outer> {
    func open<F: TypedField<Entity>>(_ inner: F) -> AnyField<Outer> {
      outer.appending(inner.field).erased
    }
    return open(typed)
  }
}

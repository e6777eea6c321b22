/// Undo of one change: puts back, entity by entity, what that change altered.
/// Applied to the newest state, it leaves alone whatever others changed since.
public struct Revert: Command, @unchecked Sendable {
  public let summary: LocalizedText
  private let steps: [(inout Municipality) -> Void]

  init(_ change: Change) {
    summary = LocalizedText(sv: "Ångra: \(change.summary.sv)", en: "Undo: \(change.summary.en)")
    let b = change.before
    let a = change.after
    var steps: [(inout Municipality) -> Void] = []
    steps += Revert.entities(\.users, b, a)
    steps += Revert.entities(\.departments, b, a)
    steps += Revert.entities(\.services, b, a)
    steps += Revert.entities(\.staff, b, a)
    steps += Revert.entities(\.cases, b, a)
    steps += Revert.entities(\.orders, b, a)
    steps += Revert.entities(\.refusedOrders, b, a)
    steps += Revert.entities(\.outages, b, a)
    if b.name != a.name { steps.append { $0.name = b.name } }
    if b.contacts != a.contacts { steps.append { $0.contacts = b.contacts } }
    if b.settings != a.settings { steps.append { $0.settings = b.settings } }
    self.steps = steps
  }

  /// True when the change altered nothing, so there is nothing to undo.
  public var isEmpty: Bool { steps.isEmpty }

  public func apply(to municipality: inout Municipality, context: CommandContext) throws {
    for step in steps { step(&municipality) }
  }

  private static func entities<E: Identifiable & Equatable>(
    _ path: WritableKeyPath<Municipality, [E]>, _ before: Municipality, _ after: Municipality
  ) -> [(inout Municipality) -> Void] {
    let old = Dictionary(before[keyPath: path].map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let new = Dictionary(after[keyPath: path].map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var steps: [(inout Municipality) -> Void] = []
    for (id, value) in new where old[id] != value {
      if let previous = old[id] {
        steps.append { m in
          if let i = m[keyPath: path].index(of: id) { m[keyPath: path][i] = previous }
        }
      } else {
        steps.append { m in m[keyPath: path].removeAll { $0.id == id } }
      }
    }
    for (id, value) in old where new[id] == nil {
      let position = before[keyPath: path].index(of: id) ?? 0
      steps.append { m in
        guard m[keyPath: path].index(of: id) == nil else { return }
        m[keyPath: path].insert(value, at: min(position, m[keyPath: path].count))
      }
    }
    return steps
  }
}

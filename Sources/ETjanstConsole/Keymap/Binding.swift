import ETjanstDomain

/// One key binding as data: dispatch, the hint bar and the help overlay all read the
/// same table, so they cannot drift apart (k9s' key actions).
public struct Binding {
  public var keys: [Key]
  /// How the keys are written, when not simply the first key ("1–5", "↑↓").
  public var keysLabel: String?
  /// A word or two for the hint bar.
  public var label: LocalizedText
  /// A sentence for the help overlay.
  public var help: LocalizedText
  public var showInBar: Bool
  /// Changes data: hidden, and refused with a message, when the console is read-only.
  public var edits: Bool
  /// Opens the audit trail: hidden, and refused with a message, for a user who may not
  /// read it (a manager).
  public var readsTrail = false
  public var action: (inout AppState) -> [Effect]

  public init(
    _ keys: [Key], keysLabel: String? = nil, label: LocalizedText, help: LocalizedText? = nil,
    bar: Bool = true, edits: Bool = false, action: @escaping (inout AppState) -> [Effect]
  ) {
    self.keys = keys
    self.keysLabel = keysLabel
    self.label = label
    self.help = help ?? label
    self.showInBar = bar
    self.edits = edits
    self.action = action
  }

  public var keyText: String { keysLabel ?? keys.first.map(\.description) ?? "" }

  /// A screen's bindings made by `make` once for each value of `inputs` (what they are
  /// made from besides the data, the day and the language) and kept (`AppState.derived`),
  /// rather than at every key and every frame; the hint bar kept with them. A debug
  /// build checks the kept ones against new ones.
  static func kept<Inputs: Hashable>(
    _ name: String, _ state: AppState, inputs: Inputs, _ make: () -> [Binding]
  ) -> [Binding] {
    // While the texts' key mentions are logged (a test of the key names), each text is
    // made, so it is logged.
    guard KeyMentionLog.current == nil else { return make() }
    let kept = state.derived(name, inputs: inputs, make)
    assert(
      kept.map(\.shape) == make().map(\.shape),
      "a screen's bindings read something their inputs do not name")
    return kept
  }

  /// What the binding shows and which keys it takes, without its action: two made
  /// from the same state are alike.
  var shape: [String] {
    [keys.map(\.description).joined(separator: " "), keyText, label.sv, label.en, help.sv]
      + [showInBar, edits, readsTrail].map { $0 ? "1" : "0" }
  }

  /// The refusals this key sets right (`RuleViolation.remedy`): a message naming
  /// the remedy names this key, from this table.
  public var remedy: RuleViolation.Remedy?

  /// What the binding does, for texts that name its key (`KeyNames`).
  public var does: KeyAction?

  /// This binding, as the key texts name for `action`.
  public func doing(_ action: KeyAction?) -> Binding {
    var b = self
    b.does = action
    return b
  }

  /// This binding, as the key that carries out `remedy`.
  public func remedying(_ remedy: RuleViolation.Remedy) -> Binding {
    var b = self
    b.remedy = remedy
    return b
  }

  /// Bindings for `state`: the editing ones drop out when the console is read-only, the
  /// trail's when the user may not read it, and keys this terminal cannot send (no F10
  /// under vt100) are not named.
  public static func visible(_ bindings: [Binding], in state: AppState) -> [Binding] {
    let editable = bindings.filter {
      !($0.edits && state.readOnly) && !($0.readsTrail && !state.visibility.seesAuditTrail)
    }
    guard !state.missingKeys.isEmpty else { return editable }
    return editable.compactMap { b in
      var b = b
      b.keys.removeAll { state.missingKeys.contains($0) }
      return b.keys.isEmpty && !b.keysLabelOnly ? nil : b
    }
  }

  /// A binding with no keys of its own that only explains (the flag letters in help).
  var keysLabelOnly: Bool { keys.isEmpty && keysLabel != nil }

  /// Runs the binding for `key`, if any. An editing key in a read-only console
  /// explains why nothing happens instead of silently doing nothing.
  public static func dispatch(_ key: Key, _ bindings: [Binding], _ state: inout AppState)
    -> [Effect]?
  {
    guard let binding = bindings.first(where: { $0.keys.contains(key) }) else { return nil }
    if binding.edits && state.readOnly {
      state.show(
        RuleViolation.readOnly(coordinator: state.data.contacts.eCoordinator).message, .error)
      return []
    }
    if binding.readsTrail && !state.visibility.seesAuditTrail {
      state.show(Visibility.auditTrailClosed, .error)
      return []
    }
    return binding.action(&state)
  }
}

import ETjanstDomain
import Synchronization

/// What a key does, for the texts that name it ("t marks, Enter shows the routine").
/// A binding says which of these it carries out (`Binding.doing`); a text asks
/// `KeyNames` for the key bound to the action where the text is shown, so it never
/// names a key the keymap does not bind there.
public enum KeyAction: String, Sendable, CaseIterable {
  case open, edit, new, remove, undo, move, filter, keepFilter, clearFilter, settings
  case advance, markTold, resolveOutage, recordContact, back, quit, save, cancel
  case nextField, editField, choose, scroll, stopWaiting, switchPart
  case screenCatalogue, screenStaff, screenOutages
}

/// The keys of the keymap where a text is shown, by what they do.
public struct KeyNames {
  /// The screen's bindings (before the global ones), in dispatch order.
  var bindings: [Binding]
  /// A dialog's keys, when the text is the dialog's.
  var overlayKeys: [OverlayKey]
  /// The state the screen's keys are for: a key the screen takes as typing there
  /// (into a live filter) is not named.
  var state: AppState?

  public init(bindings: [Binding] = [], overlayKeys: [OverlayKey] = [], state: AppState? = nil) {
    self.bindings = bindings
    self.overlayKeys = overlayKeys
    self.state = state
  }

  /// The key written for `action`, or nil where nothing here does it (a read-only
  /// console has no editing keys): the text then leaves the key out.
  public subscript(_ action: KeyAction) -> String? {
    if let k = overlayKeys.first(where: { $0.does == action }) {
      return Self.note(k.key, action, key: nil)
    }
    guard let b = bindings.first(where: { $0.does == action }), let key = b.keys.first else {
      return nil
    }
    if var typing = state, typing.screen.view.handleInput(key, &typing) != nil { return nil }
    // A label written for several keys ("←→") stands for them when it includes
    // this one; "1–5" does not stand for 2.
    let label = b.keysLabel.flatMap { $0.contains(key.description) ? $0 : nil }
    return Self.note(label ?? key.description, action, key: key)
  }

  /// A key of a fixed table (the filter's keys in `ListState`), named for `action`.
  public static func named(_ key: String, _ action: KeyAction) -> String {
    note(key, action, key: nil)
  }

  /// A key written straight from the keymap (the hint bar, help's key column):
  /// marked for a test walking the console like a key a text names, nothing else.
  public static func shown(_ keyText: String) -> String {
    KeyMentionLog.current == nil ? keyText : KeyMentionLog.open + keyText + KeyMentionLog.close
  }

  /// Reports a key named in a text to a test walking the console; the text is
  /// unchanged outside such a test.
  static func note(_ text: String, _ action: KeyAction, key: Key?) -> String {
    guard let log = KeyMentionLog.current else { return text }
    log.mentions.append(KeyMention(text: text, key: key, action: action))
    return KeyMentionLog.open + text + KeyMentionLog.close
  }
}

extension AppState {
  /// The screen's keys (editing keys left out when read-only) followed by the
  /// global ones, for the screen's texts, also while a dialog lies over them; a
  /// dialog's own texts take `KeyNames(overlayKeys: bindings(state))`.
  public var keyNames: KeyNames {
    KeyNames(
      bindings: Binding.visible(screen.view.bindings(self) + GlobalKeys.bindings, in: self),
      state: self)
  }
}

/// A key a text named, as a test walking the console records it.
public struct KeyMention: Sendable {
  /// As written in the text.
  public var text: String
  /// The screen key, when it came from the screen's bindings (nil: a dialog's key).
  public var key: Key?
  public var action: KeyAction
}

/// Collects the keys texts name while a test draws frames. Texts then wrap each
/// such key in `open`/`close`, so the test can tell a key named from the keymap
/// from one written into the text by hand.
public final class KeyMentionLog: @unchecked Sendable {
  public static let open = "⟦"
  public static let close = "⟧"
  @TaskLocal private static var listening: KeyMentionLog?
  /// How many logs listen anywhere: the hint bar and the kept bindings ask for the
  /// log at every frame, and a task-local lookup each time was a cost on every key
  /// of a console that never has one.
  private static let listeners = Atomic<Int>(0)
  public var mentions: [KeyMention] = []
  public init() {}

  /// The log listening where this runs, if any.
  public static var current: KeyMentionLog? {
    listeners.load(ordering: .relaxed) == 0 ? nil : listening
  }

  /// Runs `body` with `log` listening.
  public static func listen<T>(_ log: KeyMentionLog, _ body: () throws -> T) rethrows -> T {
    listeners.add(1, ordering: .relaxed)
    defer { listeners.subtract(1, ordering: .relaxed) }
    return try $listening.withValue(log, operation: body)
  }
}

import ETjanstDomain
import Foundation

/// What happened, named after what the user (or the world) did. The run loop turns
/// keys, the clock and the results of effects into messages for `update`.
public enum Message {
  case keyPressed(Key)
  case resized(width: Int, height: Int)
  /// Once a second, and after every key: the clock moved.
  case clockTicked(Date)
  /// Another process saved the store.
  case storeChangedElsewhere(Municipality)
  /// A save waits for another process that holds the store's lock ("login pid",
  /// or "" when the lock file does not say).
  case saveWaiting(holder: String)
  /// A command sent with `.perform` was applied (or refused).
  case commandFinished(Result<Change, any Error>)
  /// The external editor closed; nil when it failed or the text was unchanged.
  case externalEditFinished(String?, EditRequest)
  /// A page of the audit trail asked for with `.readTrail` was read (off the key path).
  case trailRead(TrailRead, Result<AuditPage, any Error>)
}

/// What `update` asks the run loop to do; `update` itself never does I/O.
public enum Effect {
  /// Apply a domain command to the newest state under the store's lock.
  case perform(any Command)
  case quit
  /// Repaint everything (Ctrl-L).
  case redraw
  /// Open the text in $EDITOR; the result comes back as `.externalEditFinished`.
  case editExternally(EditRequest)
  /// Ctrl-Z: give the terminal to the shell until `fg`, or say why that cannot be.
  case suspendToShell
  /// Read a page of the audit trail in the background; it comes back as `.trailRead`.
  case readTrail(TrailRead)
}

/// A request for a page of the audit trail. The trail screen keeps the request it
/// waits for, so a page a newer filter has made stale is dropped.
public struct TrailRead: Sendable, Equatable {
  public var query: AuditQuery
  public var cursor: AuditCursor?
  public var limit: Int

  public init(query: AuditQuery, cursor: AuditCursor?, limit: Int) {
    self.query = query
    self.cursor = cursor
    self.limit = limit
  }
}

/// A long text to edit and what to make of the result.
public struct EditRequest {
  public var text: String
  public var title: LocalizedText
  /// What to do with the edited (already cleaned) text: usually a command that
  /// stores it, or putting it back into the form it came from.
  public var apply: (String, inout AppState) -> [Effect]

  public init(
    text: String, title: LocalizedText, apply: @escaping (String, inout AppState) -> [Effect]
  ) {
    self.text = text
    self.title = title
    self.apply = apply
  }

  /// An edit whose result is stored by a command.
  public init(text: String, title: LocalizedText, save: @escaping (String) -> any Command) {
    self.init(text: text, title: title) { text, _ in [.perform(save(text))] }
  }

  /// Opens the text in $EDITOR when there is one, else in the console's own editor.
  public static func open(_ request: EditRequest, _ state: inout AppState) -> [Effect] {
    if state.hasExternalEditor { return [.editExternally(request)] }
    state.overlays.append(TextAreaOverlay(request))
    return []
  }
}

import Foundation

/// A change to the municipality, as data. The console and the command line both send
/// commands; the store applies each one to the newest state under its lock, so two
/// people editing at once lose nothing. The rules of the guideline live in `apply`.
public protocol Command: Sendable {
  /// One line for the audit trail and the undo message: what was done, to what.
  var summary: LocalizedText { get }
  /// Whether only an e-coordinator may send it (all edits, so far).
  var requiresEditor: Bool { get }
  /// Whether what it stores is held to the write limits (`StoreLimits`) after it
  /// applied: every command but one that puts back a state the reader has already
  /// taken, or one that holds each text it stores to them itself (`ImportCases`).
  var checksStoreLimits: Bool { get }
  /// Applies the command; throws `RuleViolation` when a rule refuses it, leaving
  /// `municipality` as it was.
  func apply(to municipality: inout Municipality, context: CommandContext) throws
}

extension Command {
  public var requiresEditor: Bool { true }
  public var checksStoreLimits: Bool { true }
}

/// Who sends a command, and when.
public struct CommandContext: Sendable {
  public var actor: Actor
  public var now: Date
  /// The lookups of an import applying many commands in a row (`ImportRows`); nil
  /// for one command, which scans the lists.
  public var batch: ImportBatch?

  public init(actor: Actor, now: Date, batch: ImportBatch? = nil) {
    self.actor = actor
    self.now = now
    self.batch = batch
  }

  public var today: Day { Day(now) }
}

extension Municipality {
  /// Applies `command` after checking who may send it; on success returns the
  /// change, from which undo is made. On failure the state is untouched.
  @discardableResult
  public mutating func execute(_ command: any Command, context: CommandContext) throws -> Change {
    guard let user = user(login: context.actor.login) else {
      throw RuleViolation.unknownUser(context.actor.login, coordinator: contacts.eCoordinator)
    }
    if command.requiresEditor && !user.role.canEdit {
      throw RuleViolation.readOnly(coordinator: contacts.eCoordinator)
    }
    var next = self
    try command.apply(to: &next, context: context)
    let change = Change(before: self, after: next, summary: command.summary)
    if command.checksStoreLimits, let violation = StoreLimits.violation(in: change) {
      throw violation
    }
    self = next
    return change
  }
}

/// What one command did: the state before and after.
public struct Change: Sendable {
  public let before: Municipality
  public let after: Municipality
  public let summary: LocalizedText

  /// The command that puts back what this change altered, and nothing else, so
  /// it can be applied to a newer state that others have changed since.
  public var undo: Revert { Revert(self) }
}

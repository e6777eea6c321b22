import Foundation

/// One row of an import file as the domain command it asks for, with the line it
/// stood on, for messages.
public struct ImportRow: Sendable {
  public var line: Int
  public var command: any Command

  public init(line: Int, command: any Command) {
    self.line = line
    self.command = command
  }
}

/// The first day's imports (`etjanst services import`, `etjanst staff import`): every
/// row goes through the same domain command the console sends (`AddEService`,
/// `AddStaffMember`), so the same rules hold; all rows or none. Every refused row is
/// named by its line, not only the first, so one round of fixes is enough.
public struct ImportRows: Command {
  public var rows: [ImportRow]
  /// What was imported, for the audit trail: "12 e-tjänster från tjanster.csv".
  public var what: LocalizedText

  public init(_ rows: [ImportRow], what: LocalizedText) {
    self.rows = rows
    self.what = what
  }

  public var summary: LocalizedText {
    LocalizedText(sv: "Importerade \(what.sv)", en: "Imported \(what.en)")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    var next = m
    var refused: [(line: Int, message: LocalizedText)] = []
    // One set of lookups for all rows, extended as they append: a scan of the lists
    // per row made a large file quadratic.
    var context = context
    context.batch = context.batch ?? ImportBatch()
    for row in rows {
      do {
        try row.command.apply(to: &next, context: context)
        // The limits the whole change is held to as well (`Municipality.execute`),
        // here per row so the refusal names the line: the row's own texts, cheaper
        // than comparing the lists after each row.
        if let violation = StoreLimits.violation(in: TextAudit.strings(in: row.command)) {
          throw violation
        }
      } catch let violation as RuleViolation {
        refused.append((row.line, violation.message))
      }
    }
    guard refused.isEmpty else { throw RuleViolation.importRefused(refused) }
    m = next
  }
}

extension RuleViolation {
  /// "Nothing was imported; fix the lines and try again:" and one line per refused row.
  public static func importRefused(_ rows: [(line: Int, message: LocalizedText)]) -> RuleViolation {
    func text(_ language: Language) -> String {
      let sv = language == .swedish
      let head =
        sv
        ? "Inget importerades; rätta raderna och försök igen:"
        : "Nothing was imported; fix the lines and try again:"
      return ([head] + rows.map { "  \(sv ? "rad" : "line") \($0.line): \($0.message(language))" })
        .joined(separator: "\n")
    }
    return RuleViolation(LocalizedText(sv: text(.swedish), en: text(.english)))
  }
}

/// Several commands that one import row asks for, applied in order as one: a new
/// person with the access they already have, a department with its routine.
public struct CommandSequence: Command {
  public var commands: [any Command]

  public init(_ commands: [any Command]) { self.commands = commands }

  public var summary: LocalizedText {
    commands.first?.summary ?? LocalizedText(verbatim: "")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    for command in commands { try command.apply(to: &m, context: context) }
  }
}

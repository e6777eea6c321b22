import Foundation

/// Changes the limits the guideline leaves to the municipality (`Settings`),
/// each within the bounds its declaration allows (`Settings.limits`), which keep
/// the flags it drives meaningful.
public struct EditSettings: Command {
  public var settings: Settings

  public init(_ settings: Settings) { self.settings = settings }

  public var summary: LocalizedText {
    LocalizedText(sv: "Ändrade gränserna", en: "Changed the limits")
  }

  public func apply(to m: inout Municipality, context: CommandContext) throws {
    for limit in Settings.limits where !limit.allowed.contains(settings[keyPath: limit.path]) {
      throw RuleViolation.outOfRange(
        limit.name, section: limit.section, limit.label, limit.allowed, limit.unit.many)
    }
    m.settings = settings
  }
}

/// Finds stored text that was never cleaned: a store edited by hand, or written by
/// an older program. `etjanst check` reports it; the console and the command line
/// escape such text when they show it, so it is a warning, not a danger.
public enum TextAudit {
  /// Stored properties whose text may hold line breaks.
  public static let multilineFields: Set<String> = [
    "steps", "legalNote", "text", "resolution", "observed", "cause", "followUp", "expectedEffect",
    "beneficiaries", "note", "reason",
  ]

  /// Every string reachable from `value`, with the name of the stored property that
  /// holds it (array elements, optionals and enum payloads take their parent's name).
  public static func strings(in value: Any, field: String = "") -> [(field: String, text: String)] {
    var out: [(field: String, text: String)] = []
    collect(value, field: field, into: &out)
    return out
  }

  /// The strings `TextCleaning` would change, by field.
  public static func unclean(in m: Municipality) -> [(field: String, text: String)] {
    strings(in: m, field: "municipality").filter { field, text in
      multilineFields.contains(field)
        ? TextCleaning.multiline(text) != text : TextCleaning.line(text) != text
    }
  }

  private static func collect(
    _ value: Any, field: String, into out: inout [(field: String, text: String)]
  ) {
    if let text = value as? String {
      out.append((field, text))
      return
    }
    let mirror = Mirror(reflecting: value)
    let isEnum = mirror.displayStyle == .enum
    for child in mirror.children {
      var name = field
      if let label = child.label, label != "some", !isEnum, !label.hasPrefix(".") { name = label }
      collect(child.value, field: name, into: &out)
    }
  }
}

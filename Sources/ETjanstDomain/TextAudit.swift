/// Finds stored text that was never cleaned: a store edited by hand, or written by
/// an older program. `etjanst check` reports it; the console and the command line
/// escape such text when they show it, so it is a warning, not a danger.
public enum TextAudit {
  /// Stored properties whose text may hold line breaks.
  public static var multilineFields: Set<String> { StoreLimits.longTextFields }

  /// Every string reachable from `value`, with the name of the stored property that
  /// holds it (array elements, optionals and enum payloads take their parent's name).
  public static func strings(in value: Any, field: String = "") -> [(field: String, text: String)] {
    var out: [(field: String, text: String)] = []
    collect(value, field: field, into: &out)
    return out
  }

  /// The strings `TextCleaning` would change, by field.
  public static func unclean(in m: Municipality) -> [(field: String, text: String)] {
    unclean(strings(in: m, field: "municipality"))
  }

  /// The strings of `strings` that `TextCleaning` would change (`etjanst check` passes
  /// the store's own walk of the file, which is faster than reflection).
  public static func unclean(_ strings: [(field: String, text: String)]) -> [(
    field: String, text: String
  )] {
    strings.filter { field, text in
      if isPlainLine(text) { return false }
      return multilineFields.contains(field)
        ? TextCleaning.multiline(text) != text : TextCleaning.line(text) != text
    }
  }

  /// Printable ASCII, not starting or ending with a space: what cleaning leaves as it is,
  /// known without normalising (most ids, logins, dates and numbers).
  static func isPlainLine(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return true }
    return first != 0x20 && last != 0x20 && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
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

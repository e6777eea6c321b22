import ETjanstDomain

/// Every string the store file holds, with the key that holds it (list elements take
/// their list's key), walked over the store's own property-list tree: what
/// `etjanst check` audits for text that bypassed cleaning. Reflection (Mirror) over a
/// region's data took seconds; this takes a fraction of one.
public enum StoreStrings {
  public static func all(in m: Municipality) -> [(field: String, text: String)] {
    var out: [(field: String, text: String)] = []
    collect(StoreCodec.encode(m), field: "municipality", into: &out)
    return out
  }

  private static func collect(
    _ value: PropertyList, field: String, into out: inout [(field: String, text: String)]
  ) {
    switch value {
    case .string(let text): out.append((field, text))
    case .array(let items): for item in items { collect(item, field: field, into: &out) }
    case .dict(let dict):
      for entry in dict.entries { collect(entry.value, field: entry.key, into: &out) }
    default: break
    }
  }
}

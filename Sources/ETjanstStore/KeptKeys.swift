import ETjanstDomain
import Foundation

/// Keys this program does not know, found inside a value it does know (an entity, the
/// municipality's contacts or settings, and anything nested in them), kept as read so
/// that a save writes them back: what a newer program of the same schema added
/// survives an older one's save, edited entity or not, XML file or binary.
///
/// Found without encoding every entity again: the decoders count the keys they look
/// up (`KeyTally`), and only an entity whose file held more keys than that is encoded
/// to find which (`difference`). Written back by `merged(into:)`, where the writer
/// sorts them in with the rest.
struct KeptKeys: Sendable, Equatable {
  /// This dictionary's unknown keys, as read.
  var own = PropertyList.Dict()
  /// Deeper: under a known key of this dictionary, or an item of this list (found
  /// again by its anchor, the item's id or other key, when it has one, so an item
  /// moved by an edit keeps its own keys).
  var inside: [(step: Step, kept: KeptKeys)] = []

  enum Step: Equatable, Sendable {
    case key(String)
    /// An item: its place, and its anchor with how many items before it have the
    /// same one (a member granted one e-service twice, from two days, has two grants
    /// of one anchor).
    case item(Int, anchor: Anchor?, occurrence: Int)
  }

  /// What identifies an item of a list: the first of these keys it has, and its value.
  struct Anchor: Equatable, Sendable {
    var key: String
    var value: PropertyList

    static let keys = ["id", "service", "step", "department", "login"]

    /// The `occurrence`-th item of `items` (from 0) whose anchor is `self`.
    func index(in items: [PropertyList], occurrence: Int) -> Int? {
      var seen = 0
      for (i, item) in items.enumerated() where Anchor(item) == self {
        if seen == occurrence { return i }
        seen += 1
      }
      return nil
    }

    init?(_ item: PropertyList) {
      guard case .dict(let d) = item else { return nil }
      for key in Self.keys {
        if let value = d[key] {
          (self.key, self.value) = (key, value)
          return
        }
      }
      return nil
    }
  }

  static func == (a: KeptKeys, b: KeptKeys) -> Bool {
    a.own == b.own && a.inside.count == b.inside.count
      && zip(a.inside, b.inside).allSatisfy { $0.step == $1.step && $0.kept == $1.kept }
  }

  /// What `read` holds that `known` (the same value as this program encodes it) does
  /// not; nil when nothing.
  static func difference(_ read: PropertyList, _ known: PropertyList) -> KeptKeys? {
    var kept = KeptKeys()
    switch (read, known) {
    case (.dict(let r), .dict(let k)):
      for entry in r.entries {
        if let knownValue = k[entry.key] {
          if let deeper = difference(entry.value, knownValue) {
            kept.inside.append((.key(entry.key), deeper))
          }
        } else {
          kept.own.entries.append(entry)
        }
      }
    case (.array(let r), .array(let k)):
      // Nothing to compare with (the municipality's lists, which are encoded empty
      // when only its contacts and settings are compared): nothing kept, and no need
      // to count each item's anchor among those before it.
      guard !k.isEmpty else { return nil }
      // An item is compared with the item of the same anchor (the program may keep a
      // list in an order of its own), else with the one at its place.
      var seen: [Anchor] = []
      for (index, item) in r.enumerated() {
        let anchor = Anchor(item)
        let occurrence = anchor.map { a in seen.filter { $0 == a }.count } ?? 0
        if let anchor { seen.append(anchor) }
        let counterpart =
          anchor.flatMap { $0.index(in: k, occurrence: occurrence) }.map { k[$0] }
          ?? (anchor == nil && index < k.count ? k[index] : nil)
        if let counterpart, let deeper = difference(item, counterpart) {
          kept.inside.append((.item(index, anchor: anchor, occurrence: occurrence), deeper))
        }
      }
    default:
      return nil
    }
    return kept.own.entries.isEmpty && kept.inside.isEmpty ? nil : kept
  }

  /// `value` with the kept keys put back where they were read; a key the value holds
  /// now (known after all) wins, and an item that is gone takes its keys with it.
  func merged(into value: PropertyList) -> PropertyList {
    switch value {
    case .dict(var d):
      for entry in own.entries where d[entry.key] == nil { d.entries.append(entry) }
      for (step, kept) in inside {
        guard case .key(let key) = step, let v = d[key] else { continue }
        d[key] = kept.merged(into: v)
      }
      return .dict(d)
    case .array(var items):
      for (step, kept) in inside {
        guard case .item(let index, let anchor, let occurrence) = step else { continue }
        let target =
          anchor.map { $0.index(in: items, occurrence: occurrence) }
          ?? (index < items.count ? index : nil)
        if let target { items[target] = kept.merged(into: items[target]) }
      }
      return .array(items)
    default:
      return value
    }
  }
}

/// The keys the decoders of one entity looked up and found (`StoreCodec.In`).
final class KeyTally {
  var count = 0
}

extension PropertyList {
  /// The keys of every dictionary in this value, however deep.
  var keyCount: Int {
    switch self {
    case .dict(let d): return d.entries.reduce(d.entries.count) { $0 + $1.value.keyCount }
    case .array(let items): return items.reduce(0) { $0 + $1.keyCount }
    default: return 0
    }
  }
}

/// The kept keys of the entities in the municipality's lists, by list and entity id.
struct EntityKeys: Sendable, Equatable {
  var byList: [String: [String: KeptKeys]] = [:]

  var isEmpty: Bool { byList.values.allSatisfy(\.isEmpty) }

  /// The list's writer of one entity, with each entity's kept keys put back.
  func encoder<T>(_ list: StoredList<T>) -> (T) -> PropertyList {
    guard let kept = byList[list.key], !kept.isEmpty else { return list.encode }
    return { value in
      let tree = list.encode(value)
      guard let keys = kept[list.id(value)] else { return tree }
      return keys.merged(into: tree)
    }
  }
}

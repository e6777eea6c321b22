import Foundation

/// A stable identifier tagged with the entity it names, so a service id cannot be
/// passed where a staff id is expected. Stored as a plain string in the file.
public struct EntityID<Owner>: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// A new random id; random rather than sequential so that two people creating
  /// entities at the same moment over SSH never collide.
  public static func make() -> EntityID { EntityID(UUID().uuidString.lowercased()) }

  public init(from decoder: Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public static func < (a: EntityID, b: EntityID) -> Bool { a.rawValue < b.rawValue }
  public var description: String { rawValue }
}

extension Array where Element: Identifiable {
  /// The element with the given id, if any.
  public subscript(id id: Element.ID) -> Element? {
    first { $0.id == id }
  }

  /// The index of the element with the given id, if any.
  public func index(of id: Element.ID) -> Int? {
    firstIndex { $0.id == id }
  }
}

/// Some entries of the trail, newest first, and where to go on reading older ones.
public struct AuditPage: Sendable, Equatable {
  public var entries: [AuditEntry]
  /// Where the next (older) page starts; nil when the reader reached the start of
  /// the trail or the query's `since`.
  public var next: AuditCursor?

  public init(entries: [AuditEntry], next: AuditCursor?) {
    self.entries = entries
    self.next = next
  }
}

/// A position in the trail: the next page holds entries written before it.
public struct AuditCursor: Sendable, Equatable {
  /// Byte offset in the trail file where the older part ends.
  public var offset: Int
  /// The `previous` save id of the line just after `offset`, which tells whether the
  /// line before it records a save that happened (the reader leaves out one that
  /// did not); nil when that line named none.
  public var newerPrevious: String?

  public init(offset: Int, newerPrevious: String? = nil) {
    self.offset = offset
    self.newerPrevious = newerPrevious
  }
}

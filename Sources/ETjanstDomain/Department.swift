/// A department (förvaltning/verksamhet). It owns its e-services (guideline 4) and
/// must have a fallback routine for when they are down (4.3).
public struct Department: Codable, Sendable, Equatable, Identifiable {
  public var id: EntityID<Department>
  public var name: String
  /// Nil until the department has written its routine: flagged everywhere.
  public var fallbackRoutine: FallbackRoutine?

  public init(
    id: EntityID<Department> = .make(), name: String, fallbackRoutine: FallbackRoutine? = nil
  ) {
    self.id = id
    self.name = name
    self.fallbackRoutine = fallbackRoutine
  }
}

/// What a department's staff do when the e-services do not work (reservrutin, 4.3).
public struct FallbackRoutine: Codable, Sendable, Equatable {
  /// The steps, in plain text, one per line.
  public var steps: String
  /// Where all staff can reach it when the platform is down: a binder, a shared
  /// drive path, a notice board.
  public var location: String
  public var responsible: String
  public var lastReviewed: Day?
  public var lastTested: Day?
  public var reviewIntervalMonths: Int

  public init(
    steps: String, location: String, responsible: String, lastReviewed: Day? = nil,
    lastTested: Day? = nil, reviewIntervalMonths: Int = 12
  ) {
    self.steps = steps
    self.location = location
    self.responsible = responsible
    self.lastReviewed = lastReviewed
    self.lastTested = lastTested
    self.reviewIntervalMonths = reviewIntervalMonths
  }
}

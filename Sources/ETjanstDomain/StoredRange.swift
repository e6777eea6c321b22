/// The older name of `StoreLimits`, whose number ranges these were.
public typealias StoredRange = StoreLimits

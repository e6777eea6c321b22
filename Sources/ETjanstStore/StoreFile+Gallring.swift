import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What `etjanst gallra` did or would do.
public struct GallringReport: Sendable {
  public var plan: GallringPlan
  /// The lines of `plan` in the state it was made on.
  public var lines: [LocalizedText]
  public var trailEntries: Int
  public var backups: Int
}

extension StoreFile {
  /// What gallring would remove now, without changing anything.
  public func gallringPreview(today: Day) throws -> GallringReport {
    let m = try load()
    let plan = GallringPlan.make(m, today: today)
    let trail = try AuditTrail(path: auditPath).count(before: plan.trailCutoff)
    return GallringReport(
      plan: plan, lines: plan.lines(in: m), trailEntries: trail, backups: backups().count)
  }

  /// Gallring: the store's removals go through the rules and the lock like any change,
  /// and are recorded in the trail (what went, not its values); then, under the lock
  /// again, the backups made before it (they hold what it removed) and the trail
  /// entries older than the plan's period are deleted.
  public func gallra(actor: Actor, now: Date) throws -> GallringReport {
    let before = try load()
    let today = Day(now)
    let plan = GallringPlan.make(before, today: today)
    let lines = plan.lines(in: before)
    if !plan.isEmpty { try perform(Gallra(today: today), actor: actor, now: now) }
    let saved = clock()
    // The lock and the rewritten trail as every save makes them: beside the store,
    // checked, and in shared mode 0660 in the group.
    let place = try storeFolder()
    let lock = try takeLock(place)
    defer { withExtendedLifetime(lock) {} }
    let backups =
      plan.isEmpty ? 0 : BackupFolder(path: backupsPath).removeAll(replacedAtOrBefore: saved)
    let trail: Int
    do {
      trail = try AuditTrail(path: auditPath).removeEntries(before: plan.trailCutoff, in: place)
    } catch {
      throw StoreError(path: auditPath, .cannotWrite(error.reason))
    }
    return GallringReport(plan: plan, lines: lines, trailEntries: trail, backups: backups)
  }

  /// The time of the trail's oldest entry, for `check` to say when its gallring is due.
  public func oldestAuditEntry() -> Date? {
    (try? AuditTrail(path: auditPath).oldest()) ?? nil
  }
}

extension AuditTrail {
  /// Lines saved before `cutoff`, counted from the start (the oldest lines come first).
  func count(before cutoff: Date) throws(SystemCallError) -> Int {
    try prefixBefore(cutoff).lines
  }

  /// The oldest entry's time, from the first line (read up to its end, not the
  /// whole trail).
  func oldest() throws(SystemCallError) -> Date? {
    guard let (descriptor, info) = try Self.open(path) else { return nil }
    var first = Data()
    while first.count < Int(info.st_size) {
      let block = try read(descriptor, from: first.count, count: 1 << 16)
      if block.isEmpty { break }
      if let end = block.firstIndex(of: UInt8(ascii: "\n")) {
        first += block[..<end]
        break
      }
      first += block
    }
    return AuditEntry.decode(line: first)?.at
  }

  /// The whole trail (nil when there is none), opened as every read of it is.
  private func contents() throws(SystemCallError) -> Data? {
    guard let (descriptor, info) = try Self.open(path) else { return nil }
    return try descriptor.readToEnd(sizeHint: Int(info.st_size))
  }

  /// Rewrites the trail without the lines saved before `cutoff` (under the store's
  /// lock, so no line is appended meanwhile): a temporary file with the mode and group
  /// of a file the program makes in `folder` (0600, or 0660 in the group when shared),
  /// renamed over it.
  func removeEntries(before cutoff: Date, in folder: StoreFolder) throws(SystemCallError) -> Int {
    let (count, bytes) = try prefixBefore(cutoff)
    guard count > 0, let data = try contents() else { return 0 }
    let temporary = try TemporaryFile(
      beside: path, mode: folder.fileMode, group: folder.sharedGroup)
    _ = try temporary.write(data.dropFirst(bytes))
    try temporary.rename(over: path)
    return count
  }

  /// How many lines at the start are older than `cutoff`, and how many bytes they take.
  private func prefixBefore(_ cutoff: Date) throws(SystemCallError) -> (lines: Int, bytes: Int) {
    guard let data = try contents() else { return (0, 0) }
    let limit = Array(AuditEntry.timeText(cutoff).utf8)
    let prefix = Array(#"{"at":""#.utf8)
    var lines = 0
    var offset = 0
    while offset < data.count {
      let end = data[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? data.count
      let line = data[offset..<end]
      guard line.count >= prefix.count + limit.count, line.starts(with: prefix) else { break }
      let time = line.dropFirst(prefix.count).prefix(limit.count)
      guard time.lexicographicallyPrecedes(limit) else { break }
      lines += 1
      offset = end + 1
    }
    return (lines, min(offset, data.count))
  }
}

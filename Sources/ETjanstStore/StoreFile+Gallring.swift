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
    if let refusal = GallringPlan.refusal(m.settings) { throw refusal }
    let plan = GallringPlan.make(m, today: today)
    let trail: Int
    do {
      trail = try AuditTrail(path: auditPath).savedEntries(
        before: plan.trailCutoff, storeSaveID: currentSaveID)
    } catch {
      throw StoreError(path: auditPath, .cannotRead(error.reason))
    }
    return GallringReport(
      plan: plan, lines: plan.lines(in: m), trailEntries: trail, backups: backups().count)
  }

  /// Gallring: the store's removals go through the rules and the lock like any change,
  /// and are recorded in the trail (what went, not its values); then, under the lock
  /// again, the backups made before it (they hold what it removed) and the trail
  /// entries older than the plan's period are deleted.
  public func gallra(actor: Actor, now: Date) throws -> GallringReport {
    let before = try load()
    // Before anything is removed: the store, the backups or the trail.
    if let refusal = GallringPlan.refusal(before.settings) { throw refusal }
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
      trail = try AuditTrail(path: auditPath).removeEntries(
        before: plan.trailCutoff, in: place, storeSaveID: currentSaveID)
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
  /// The entries gallring removes with the lines before `cutoff`: the saves that
  /// happened, judged by the one reader every trail read goes through (`page`), so a
  /// line whose save never happened is not counted (it goes with the others, but it
  /// was never an entry). The lines after the cut tell whether the last one before it
  /// was saved (the cursor carries the first kept line's `previous`); when every line
  /// goes, the store's save id decides, as for any read from the end.
  func savedEntries(before cutoff: Date, storeSaveID: () -> String?) throws(SystemCallError)
    -> Int
  {
    guard let data = try contents() else { return 0 }
    return try savedEntries(in: data, upTo: prefixBefore(cutoff, in: data), storeSaveID)
  }

  private func savedEntries(in data: Data, upTo bytes: Int, _ storeSaveID: () -> String?)
    throws(SystemCallError) -> Int
  {
    guard bytes > 0 else { return 0 }
    var cursor: AuditCursor?
    if bytes < data.count {
      let kept = data[bytes...]
      let line = kept.prefix { $0 != UInt8(ascii: "\n") }
      cursor = AuditCursor(
        offset: bytes,
        newerPrevious: line.withUnsafeBytes { Self.previousID($0.bindMemory(to: UInt8.self)) })
    }
    return try page(AuditQuery(), before: cursor, limit: Int.max, storeSaveID: storeSaveID)
      .entries.count
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
  /// Returns the entries removed, counted as `savedEntries` counts them.
  func removeEntries(
    before cutoff: Date, in folder: StoreFolder, storeSaveID: () -> String?
  ) throws(SystemCallError) -> Int {
    guard let data = try contents() else { return 0 }
    let bytes = prefixBefore(cutoff, in: data)
    guard bytes > 0 else { return 0 }
    let count = try savedEntries(in: data, upTo: bytes, storeSaveID)
    let temporary = try TemporaryFile(
      beside: path, mode: folder.fileMode, group: folder.sharedGroup)
    _ = try temporary.write(data.dropFirst(bytes))
    try temporary.rename(over: path)
    return count
  }

  /// How many bytes the lines at the start that are older than `cutoff` take.
  private func prefixBefore(_ cutoff: Date, in data: Data) -> Int {
    let limit = Array(AuditEntry.timeText(cutoff).utf8)
    let prefix = Array(#"{"at":""#.utf8)
    var offset = 0
    while offset < data.count {
      let end = data[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? data.count
      let line = data[offset..<end]
      guard line.count >= prefix.count + limit.count, line.starts(with: prefix) else { break }
      let time = line.dropFirst(prefix.count).prefix(limit.count)
      guard time.lexicographicallyPrecedes(limit) else { break }
      offset = end + 1
    }
    return min(offset, data.count)
  }
}

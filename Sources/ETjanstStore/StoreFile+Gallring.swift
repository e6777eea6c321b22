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
  /// Backups made before the gallring that could not be deleted (they still hold what
  /// it removed), and the system's reason.
  public var backupsLeft = 0
  public var backupsLeftReason: String?
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

  /// `<store>.gallring`: gallring's journal, present only while one is being put in place.
  var journalPath: String { filePath + ".gallring" }

  /// Gallring as one unit: the store's removals (through the rules, as any change),
  /// the trail without the entries past its period, and the backups made before it
  /// (they hold what it removed) are all done, or none is. Under the lock throughout:
  ///
  /// 1. the new store and the new trail (the lines kept, then gallring's own line) are
  ///    written to temporary files beside the store and fsynced; when no trail line
  ///    goes, gallring's line is appended as any save's is;
  /// 2. the journal (`<store>.gallring`) naming them is written and renamed into
  ///    place, and the folder fsynced: from here gallring is decided;
  /// 3. the new trail is renamed over the trail, the new store over the store, the
  ///    backups made before it are deleted, and the journal is removed.
  ///
  /// A failure or a kill before 2 leaves the old store, trail and backups (an
  /// appended line is cut off again; temporary files go now or with the next save's
  /// sweep). After 2, whatever of 3 is not done the next command under the lock does
  /// (`finishGallring`) before anything else. The report says what happened.
  public func gallra(actor: Actor, now: Date) throws -> GallringReport {
    mutex.lock()
    defer { mutex.unlock() }
    let place = try storeFolder()
    let lock = try takeLock(place, holder: ExclusiveLock.holderLine(login: actor.login))
    defer { withExtendedLifetime(lock) {} }
    try tidy(place)
    let (current, info) = try newest()
    // Before anything is removed: the store, the backups or the trail.
    if let refusal = GallringPlan.refusal(current.settings) { throw refusal }
    let today = Day(now)
    let plan = GallringPlan.make(current, today: today)
    let lines = plan.lines(in: current)
    var next = current
    var entry: AuditEntry?
    if !plan.isEmpty {
      let command = Gallra(today: today)
      let change = try next.execute(command, context: CommandContext(actor: actor, now: now))
      if let (keyPath, detail) = StoreValidation.refusal(next) {
        throw StoreError(path: path, .cannotWrite("the change would store \(keyPath): \(detail)"))
      }
      entry = AuditEntry(change: change, command: command, actor: actor, savedAt: clock())
    }
    let trail = AuditTrail(path: auditPath)
    let old: Data
    let cut: Int
    let removed: Int
    do {
      old = try trail.contents() ?? Data()
      cut = trail.prefixBefore(plan.trailCutoff, in: old)
      removed = try trail.savedEntries(in: old, upTo: cut) { [held = heldSaveID] in held }
    } catch {
      throw StoreError(path: auditPath, .cannotRead(error.reason))
    }
    var report = GallringReport(plan: plan, lines: lines, trailEntries: removed, backups: 0)
    guard entry != nil || cut > 0 else { return report }
    let audit = entry != nil && cut == 0 ? try openAudit(place) : nil
    let upTo = BackupFolder(path: backupsPath).newestMillis

    let (version, removal) = try SaveSignals.during {
      () throws(StoreError) -> (Prepared?, BackupFolder.Removal) in
      // 1. Everything gallring leaves, beside the store and fsynced.
      var version: Prepared?
      if entry != nil {
        version = try prepare(next, by: actor.login, now: now, replacing: info, in: place)
      }
      var journal = GallringJournal()
      var newTrail: TemporaryFile?
      var appended: (FileDescriptor, size: Int)?
      do throws(SystemCallError) {
        if let version {
          journal.store = version.temporary.name
          journal.storeInode = version.stamp.inode
          journal.backupsUpTo = upTo
        }
        let line = try entry.map { entry throws(SystemCallError) in
          do { return try version!.entry(entry).line() } catch {
            throw SystemCallError("encode", EINVAL)
          }
        }
        if cut > 0 {
          var kept = Data(old[cut...])
          if let line {
            if let last = kept.last, last != UInt8(ascii: "\n") { kept.append(UInt8(ascii: "\n")) }
            kept.append(line)
          }
          do throws(SystemCallError) {
            let temporary = try TemporaryFile(
              beside: filePath, mode: place.fileMode, group: place.sharedGroup)
            journal.trail = temporary.name
            journal.trailInode = try temporary.write(kept).inode
            newTrail = temporary
          } catch {
            var error = error
            error.context = "cannot write the new trail beside the store; nothing was changed"
            throw error
          }
        } else if let audit, let version, let entry {
          let size = Int(try audit.status().st_size)
          try appendAudit(audit, version.entry(entry))
          appended = (audit, size)
        }
        // 2. The journal: from here on gallring is decided.
        do throws(SystemCallError) {
          try writeJournal(journal, in: place)
        } catch {
          // Nothing is decided: the appended line is cut off again.
          if let (audit, size) = appended { _ = ftruncate(audit.fd, off_t(size)) }
          var error = error
          error.context = "cannot write the gallring journal \(journalPath); nothing was changed"
          throw error
        }
      } catch {
        throw StoreError(path: path, .cannotWrite(error.detail))
      }
      // The journal names them now: they stay whatever happens next.
      version?.temporary.keep()
      newTrail?.keep()
      // 3. Put in place.
      return (version, try finish(journal, in: place))
    }
    if let version { adopt(version) }
    report.backups = removal.removed
    report.backupsLeft = removal.left
    report.backupsLeftReason = removal.reason
    return report
  }

  /// Under the lock, before anything else: completes a gallring that was decided but
  /// not all put in place, then removes the temporary files killed processes left.
  func tidy(_ place: StoreFolder) throws(StoreError) {
    try finishGallring(in: place)
    TemporaryFile.removeStale(of: URL(fileURLWithPath: filePath).lastPathComponent, in: place)
  }

  /// Completes the gallring whose journal is beside the store, if one is.
  func finishGallring(in place: StoreFolder) throws(StoreError) {
    let data: Data
    do {
      data = try place.openBeside(journalPath, flags: O_RDONLY).readToEnd()
    } catch {
      if error.code == ENOENT { return }
      throw StoreError(path: path, .gallringUnfinished(error.detail))
    }
    let store = URL(fileURLWithPath: filePath).lastPathComponent
    guard let journal = try? JSONDecoder().decode(GallringJournal.self, from: data),
      journal.names(ofStore: store)
    else {
      throw StoreError(
        path: path,
        .refused(
          LocalizedText(
            sv: "\(journalPath) är ingen gallringsjournal som etjanst skrivit; ta bort den "
              + "om ingen gallring pågick",
            en: "\(journalPath) is not a gallring journal etjanst wrote; remove it if no "
              + "gallring was under way")))
    }
    _ = try finish(journal, in: place)
  }

  /// Step 3 of gallring: each renamed file that is not yet in place is renamed, the
  /// backups are deleted once the store is gallring's version, and the journal goes.
  private func finish(_ journal: GallringJournal, in place: StoreFolder) throws(StoreError)
    -> BackupFolder.Removal
  {
    func move(_ name: String?, over target: String) throws(StoreError) {
      guard let name else { return }
      let from = place.path + "/" + name
      var info = stat()
      // Gone: renamed already, before a kill.
      guard lstat(from, &info) == 0 else { return }
      do throws(SystemCallError) {
        try place.check(info, from, folder: false)
        guard rename(from, target) == 0 else { throw SystemCallError("rename") }
      } catch {
        var error = error
        error.context = error.context ?? "cannot rename \(from) over \(target)"
        throw StoreError(path: path, .gallringUnfinished(error.detail))
      }
    }
    try move(journal.trail, over: auditPath)
    try move(journal.store, over: filePath)
    try? FileDescriptor.syncFolder(place.path)
    var removal = BackupFolder.Removal()
    var info = stat()
    if let inode = journal.storeInode, stat(filePath, &info) == 0, UInt64(info.st_ino) == inode,
      let upTo = journal.backupsUpTo
    {
      removal = BackupFolder(path: backupsPath).remove(upTo: upTo)
    }
    unlink(journalPath)
    try? FileDescriptor.syncFolder(place.path)
    return removal
  }

  /// Writes the journal whole: a temporary file renamed into place, and the folder
  /// fsynced, so it is on disk before anything it names is put in place.
  private func writeJournal(_ journal: GallringJournal, in place: StoreFolder)
    throws(SystemCallError)
  {
    let data: Data
    do { data = try JSONEncoder().encode(journal) } catch {
      throw SystemCallError("encode", EINVAL)
    }
    try replaceBeside(journalPath, with: data, in: place)
  }

  /// A small file beside the store (gallring's journal, notify's ledger) replaced
  /// whole: a temporary file with the store's mode, fsynced, renamed over it, the
  /// folder fsynced. Under the lock, as every temporary file there is.
  func replaceBeside(_ target: String, with data: Data, in place: StoreFolder)
    throws(SystemCallError)
  {
    let temporary = try TemporaryFile(
      beside: filePath, mode: place.fileMode, group: place.sharedGroup)
    _ = try temporary.write(data)
    try temporary.rename(over: target)
    try FileDescriptor.syncFolder(place.path)
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

  func savedEntries(in data: Data, upTo bytes: Int, _ storeSaveID: () -> String?)
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
  func contents() throws(SystemCallError) -> Data? {
    guard let (descriptor, info) = try Self.open(path) else { return nil }
    return try descriptor.readToEnd(sizeHint: Int(info.st_size))
  }

  /// How many bytes the lines at the start that are older than `cutoff` take.
  func prefixBefore(_ cutoff: Date, in data: Data) -> Int {
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

/// What `<store>.gallring` says: the temporary files that become the trail and the
/// store (each by name and inode), and the newest backup made before the gallring.
struct GallringJournal: Codable {
  var store: String?
  var storeInode: UInt64?
  var trail: String?
  var trailInode: UInt64?
  var backupsUpTo: Int64?

  /// Whether every name it gives is a temporary file of `store` beside it (never a
  /// path elsewhere).
  func names(ofStore store: String) -> Bool {
    [self.store, trail].allSatisfy { name in
      name.map { TemporaryFile.isTemporary($0, of: store) && !$0.contains("/") } ?? true
    }
  }
}

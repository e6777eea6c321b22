import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The store file and everything beside it: `<file>.lock`, `<file>.audit` and
/// `<file>.backups/`. Reading never writes; every change goes through `perform`, which
/// applies a domain command to the newest state under an exclusive lock, so two people
/// (or two processes, or two instances in one process) editing at once lose nothing.
///
/// `@unchecked Sendable`: the cached state and stamp are only touched with `mutex`
/// held, and each public method holds it from start to end. Other processes are kept
/// out by the flock, which every `perform` takes on a descriptor of its own.
public final class StoreFile: @unchecked Sendable {
  /// The path as given, for messages.
  public let path: String
  /// Where reads and writes go: the symlink's target when `path` is one, so a save
  /// replaces the target rather than the link.
  let filePath: String

  public var lockPath: String { filePath + ".lock" }
  public var auditPath: String { filePath + ".audit" }
  public var backupsPath: String { filePath + ".backups" }

  private let mutex = NSLock()
  /// The state last read or saved by this instance, and the stamp of that version.
  private var cached: (state: Municipality, stamp: FileStamp)?
  /// The last version `reloadIfChanged` refused, and why.
  private var refused: (stamp: FileStamp, error: StoreError)?

  public init(path: String) {
    self.path = path
    if let resolved = realpath(path, nil) {
      filePath = String(cString: resolved)
      free(resolved)
    } else {
      filePath = path
    }
  }

  public convenience init(location: StoreLocation) { self.init(path: location.path) }

  /// True when there is something at the path (a first run offers to create it).
  public var exists: Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// Reads and checks the file. Never writes, not even to migrate an older version.
  public func load() throws(StoreError) -> Municipality {
    mutex.lock()
    defer { mutex.unlock() }
    return try read().state
  }

  /// Returns the newest state when another process has saved since this instance
  /// last read or saved, else nil. One stat(2): cheap enough to call every second.
  public func reloadIfChanged() throws(StoreError) -> Municipality? {
    mutex.lock()
    defer { mutex.unlock() }
    let info = try checkedStatus()
    let stamp = FileStamp(info)
    if let cached, cached.stamp == stamp { return nil }
    // A version already refused is not parsed again every second: the same answer.
    if let refused, refused.stamp == stamp { throw refused.error }
    do {
      return try read().state
    } catch {
      refused = (stamp, error)
      throw error
    }
  }

  /// First run: writes a new store, creating its folder (0700) when missing. Refuses
  /// if the file exists, atomically: the file appears whole or not at all.
  public func create(_ municipality: Municipality, by login: String, now: Date = Date())
    throws(StoreError)
  {
    mutex.lock()
    defer { mutex.unlock() }
    if exists { throw StoreError(path: path, .alreadyExists) }
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().path
    do throws(SystemCallError) {
      try Self.makeFolders(folder)
    } catch {
      throw StoreError(
        path: path, .cannotWrite("cannot create the folder \(folder): \(error.reason)"))
    }
    let lock = try takeLock()
    defer { withExtendedLifetime(lock) {} }
    let audit = try openAudit()
    let data = try encode(municipality, by: login, now: now)
    // link(2) fails with EEXIST rather than replace: another process may have created
    // the store since the check above.
    let stamp: FileStamp
    do throws(SystemCallError) {
      let temporary = try TemporaryFile(beside: filePath, mode: 0o600, group: nil)
      stamp = try temporary.write(data)
      try temporary.link(asNew: filePath)
    } catch {
      let exists = error.call == "link" && error.code == EEXIST
      throw StoreError(path: path, exists ? .alreadyExists : .cannotWrite(error.reason))
    }
    try? FileDescriptor.syncFolder(folder)
    cached = (municipality, stamp)
    let summary = LocalizedText(sv: "Skapade registret", en: "Created the store")
    try appendAudit(audit, summary, login: login, now: now)
  }

  /// The only way to change the file. Under the lock: re-read if another process saved
  /// since, apply the command through the domain (a `RuleViolation` is thrown through
  /// unchanged and nothing is written), save, and append the audit line.
  @discardableResult
  public func perform(_ command: any Command, actor: Actor, now: Date) throws -> Change {
    mutex.lock()
    defer { mutex.unlock() }
    let lock: ExclusiveLock
    do {
      lock = try takeLock()
    } catch {
      // A manager reading a 0640 store cannot open the lock file. The rule that
      // refuses them anyway ("changes are made by the e-coordinator") says more than
      // "Permission denied"; only a command the rules allow gets the lock error.
      var probe = try newest().state
      _ = try probe.execute(command, context: CommandContext(actor: actor, now: now))
      throw error
    }
    defer { withExtendedLifetime(lock) {} }
    let (current, info) = try newest()
    var next = current
    let change = try next.execute(command, context: CommandContext(actor: actor, now: now))
    // The rules keep every value in range; this makes sure no bug can save a file
    // that the next load would refuse.
    if let (keyPath, detail) = StoreValidation.refusal(next) {
      throw StoreError(path: path, .cannotWrite("the change would store \(keyPath): \(detail)"))
    }
    let audit = try openAudit()
    try save(next, by: actor.login, now: now, replacing: info)
    try appendAudit(audit, change.summary, login: actor.login, now: now)
    return change
  }

  /// Earlier versions, newest first.
  public func backups() -> [Backup] {
    BackupFolder(path: backupsPath).list()
  }

  /// Makes a backup the current state, through the same lock and rules as any change;
  /// the state it replaces becomes a backup in turn. The backup must decode first.
  @discardableResult
  public func restore(_ backup: Backup, actor: Actor, now: Date) throws -> Change {
    let document = try Self.decodeFile(at: backup.path)
    let command = RestoreBackup(municipality: document.municipality, backupName: backup.name)
    return try perform(command, actor: actor, now: now)
  }

  /// The last `limit` audit entries (all when nil), newest last.
  public func auditEntries(limit: Int? = nil) throws(StoreError) -> [AuditEntry] {
    do {
      return try AuditTrail(path: auditPath).entries(limit: limit)
    } catch {
      throw StoreError(path: auditPath, .cannotRead(error.reason))
    }
  }
}

extension StoreFile {
  // MARK: reading

  /// Stats the file (following a symlink) and refuses what must not be used.
  private func checkedStatus() throws(StoreError) -> stat {
    var info = stat()
    guard stat(filePath, &info) == 0 else {
      throw StoreError(
        path: path, errno == ENOENT ? .notFound : .cannotRead(StoreError.reason(errno)))
    }
    try Self.check(info, path: path)
    return info
  }

  /// Reads the current version and remembers it with its stamp. The stamp comes from
  /// the descriptor the bytes were read from, so it belongs to exactly those bytes.
  @discardableResult
  private func read() throws(StoreError) -> (state: Municipality, info: stat) {
    let (document, info) = try Self.readFile(at: filePath, shownAs: path)
    cached = (document.municipality, FileStamp(info))
    return (document.municipality, info)
  }

  /// The newest state: the cached one unless another process saved since.
  private func newest() throws(StoreError) -> (state: Municipality, info: stat) {
    let info = try checkedStatus()
    if let cached, cached.stamp == FileStamp(info) { return (cached.state, info) }
    return try read()
  }

  static func decodeFile(at path: String) throws(StoreError) -> StoreDocument {
    try readFile(at: path, shownAs: path).document
  }

  private static func readFile(at filePath: String, shownAs path: String) throws(StoreError) -> (
    document: StoreDocument, info: stat
  ) {
    let data: Data
    let info: stat
    do {
      // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
      // forever. fstat then refuses anything but a regular file before a byte is read
      // (and a regular file ignores the flag).
      let descriptor = try FileDescriptor(path: filePath, flags: O_RDONLY | O_NONBLOCK)
      info = try descriptor.status()
      try check(info, path: path)
      data = try descriptor.readToEnd(sizeHint: Int(info.st_size))
    } catch let error as SystemCallError {
      throw StoreError(path: path, error.code == ENOENT ? .notFound : .cannotRead(error.reason))
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, .cannotRead(String(describing: error)))
    }
    if let problem = PropertyListPreScan.problem(in: data) {
      throw StoreError(path: path, .notPropertyList(problem))
    }
    let document = try StoreDocument.decode(data, path: path)
    if let (keyPath, detail) = StoreValidation.refusal(document.municipality) {
      throw StoreError(path: path, .wrongTypes(keyPath: keyPath, detail: detail))
    }
    return (document, info)
  }

  private static func check(_ info: stat, path: String) throws(StoreError) {
    guard info.isRegularFile else { throw StoreError(path: path, .notRegularFile) }
    if info.isWorldWritable { throw StoreError(path: path, .worldWritable(mode: info.permissions)) }
  }

  // MARK: writing

  /// Replaces the file with `municipality`: temporary file beside it (same mode when
  /// that is 0600 or 0640, else 0600), fsync, hard link of the current version into
  /// the backups, rename over the file, fsync of the folder. Until the rename nothing
  /// the reader sees has changed; after it, the new version is whole.
  private func save(_ municipality: Municipality, by login: String, now: Date, replacing info: stat)
    throws(StoreError)
  {
    let data = try encode(municipality, by: login, now: now)
    let keepsMode = info.permissions == 0o600 || info.permissions == 0o640
    let mode = keepsMode ? mode_t(info.permissions) : 0o600
    // A 0640 store is shared with a managers' group: the new version keeps that group.
    let group = mode == 0o640 ? info.st_gid : nil
    let backups = BackupFolder(path: backupsPath)
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().path
    let stamp: FileStamp
    do throws(SystemCallError) {
      let temporary = try TemporaryFile(beside: filePath, mode: mode, group: group)
      stamp = try temporary.write(data)
      do throws(SystemCallError) {
        try backups.keep(filePath, replacedAt: Date())
      } catch {
        var error = error
        error.context = "cannot keep a backup in \(backupsPath)"
        throw error
      }
      try temporary.rename(over: filePath)
    } catch {
      throw StoreError(path: path, .cannotWrite(error.detail))
    }
    // The new version is in place; a failed folder sync only weakens durability after
    // a power cut, so it does not turn a done save into an error.
    try? FileDescriptor.syncFolder(folder)
    backups.prune()
    cached = (municipality, stamp)
  }

  private func encode(_ municipality: Municipality, by login: String, now: Date) throws(StoreError)
    -> Data
  {
    do {
      return XMLCharacterGuard.clean(
        try StoreDocument(municipality: municipality, savedAt: now, savedBy: login).encoded())
    } catch {
      throw StoreError(path: path, .cannotWrite("cannot encode the state: \(error)"))
    }
  }

  private func takeLock() throws(StoreError) -> ExclusiveLock {
    do {
      return try ExclusiveLock(path: lockPath)
    } catch {
      throw StoreError(path: path, .cannotWrite("cannot lock \(lockPath): \(error.reason)"))
    }
  }

  private func openAudit() throws(StoreError) -> FileDescriptor {
    do {
      return try AuditTrail(path: auditPath).openForAppend()
    } catch {
      throw StoreError(
        path: path, .cannotWrite("cannot open the audit trail \(auditPath): \(error.reason)"))
    }
  }

  private func appendAudit(
    _ descriptor: FileDescriptor, _ summary: LocalizedText, login: String, now: Date
  )
    throws(StoreError)
  {
    let entry = AuditEntry(at: now, login: login, sv: summary.sv, en: summary.en)
    do {
      try AuditTrail(path: auditPath).append(entry, to: descriptor)
    } catch {
      throw StoreError(path: path, .auditNotWritten(error.reason))
    }
  }

  /// mkdir -p with 0700 for each folder it creates; existing folders are left as they are.
  private static func makeFolders(_ folder: String) throws(SystemCallError) {
    var info = stat()
    if stat(folder, &info) == 0 { return }
    let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
    if parent != folder { try makeFolders(parent) }
    if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw SystemCallError("mkdir") }
  }
}

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

  /// The file's own path, a symlink resolved.
  public var resolvedPath: String { filePath }
  public var lockPath: String { filePath + ".lock" }
  public var auditPath: String { filePath + ".audit" }
  public var backupsPath: String { filePath + ".backups" }

  /// The store's clock: the moment a change is saved, which the audit trail records.
  let clock: @Sendable () -> Date
  let mutex = NSLock()
  /// The state last read or saved by this instance, and the stamp of that version.
  private var cached: (state: Municipality, stamp: FileStamp, saveID: String?)?
  /// A state that passed `StoreValidation` (as loaded, before anything was filled in,
  /// or as a change left it): a change's validation walks only the lists whose storage
  /// differs from this one's (`StoreValidation.refusal`'s `knownValid`).
  private var validated: Municipality?
  /// The login that saved the cached version, named when an edit meets its change.
  private var cachedSavedBy: String?
  /// Where each entity lies in the version of that stamp (when the one-pass reader
  /// read it, or this instance wrote it), so a save copies what did not change.
  private var layout: (stamp: FileStamp, value: StoreLayout)?
  /// How a save copies the unchanged runs of the old file (tests make it fail).
  var kernelCopy = KernelCopy.system
  /// Called just before a save copies runs of the old file (tests change the file
  /// there, as a program ignoring the lock could).
  var beforeCopy: (() -> Void)?
  /// How many bytes the last save copied from the old file rather than encoded.
  private(set) var lastSaveCopied = 0
  /// How a change waits for another process's lock when its caller gives no way
  /// (`perform`'s `waiting`, gallring): nil blocks in silence; the command line sets
  /// one that says whose save it waits for and gives up after `--wait`. Set before the
  /// file is used.
  public var lockWaiting: (@Sendable (String?) -> Bool)?
  /// Told as `perform` starts each stage under the lock (applying the command, then
  /// saving): the command line's progress line says it. Set before the file is used.
  public var stageStarts: (@Sendable (SaveStage) -> Void)?
  /// Keys of the file this program does not know, written back on the next save.
  private var unknownKeys = StoreDocument.UnknownKeys()
  /// The last version `reloadIfChanged` refused, and why.
  private var refused: (stamp: FileStamp, error: StoreError)?

  public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) {
    self.path = path
    self.clock = clock
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
    _ = try storeFolder()
    return try read().state
  }

  /// Starts `load()` on another thread now and returns what waits for its result: the
  /// console begins reading a large store before it takes the terminal and draws.
  public func loadStarted() -> @Sendable () throws(StoreError) -> Municipality {
    let reading = Beside(true) { [self] in Result { () throws(StoreError) in try load() } }
    return { () throws(StoreError) in try reading.value().get() }
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
    let place = try storeFolder()
    let lock: ExclusiveLock
    do {
      lock = try takeLock(place)
    } catch {
      throw error as? StoreError ?? lockError(error)
    }
    defer { withExtendedLifetime(lock) {} }
    let audit = try openAudit(place)
    let saveID = Self.newSaveID()
    let encoded = try encode(municipality, by: login, now: now, saveID: saveID)
    if let refusal = encoded.xml.refusal() { throw StoreError(path: path, .cannotWrite(refusal)) }
    let entry = AuditEntry(
      at: now, login: login, name: municipality.user(login: login)?.name, kind: "CreateStore",
      sv: "Skapade registret", en: "Created the store", id: saveID, previous: nil)
    // link(2) fails with EEXIST rather than replace: another process may have created
    // the store since the check above.
    let stamp: FileStamp = try SaveSignals.during { () throws(StoreError) -> FileStamp in
      do throws(SystemCallError) {
        let temporary = try TemporaryFile(
          beside: filePath, mode: place.fileMode, group: place.sharedGroup)
        let (stamp, _) = try temporary.write(
          encoded.xml, copyingFrom: nil, kernelCopy: kernelCopy, meanwhile: {})
        try appendAudit(audit, entry)
        try temporary.link(asNew: filePath)
        return stamp
      } catch {
        let exists = error.call == "link" && error.code == EEXIST
        throw StoreError(path: path, exists ? .alreadyExists : .cannotWrite(error.detail))
      }
    }
    try? FileDescriptor.syncFolder(folder)
    cached = (municipality, stamp, saveID)
    cachedSavedBy = login
    layout = (stamp, encoded.layout)
  }

  /// The only way to change the file. Under the lock: re-read if another process saved
  /// since, apply the command through the domain (a `RuleViolation` is thrown through
  /// unchanged and nothing is written), save, and append the audit line.
  ///
  /// `waiting`: nil waits for another process's save without a word (the command
  /// line); else it is called while another process holds the lock, with that
  /// holder's "login pid", and returning false gives up with `LockWaitCancelled`.
  @discardableResult
  public func perform(
    _ command: any Command, actor: Actor, now: Date, waiting: ((String?) -> Bool)? = nil
  ) throws -> Change {
    try perform(command, actor: actor, now: now, waiting: waiting, overUnreadable: nil)
  }

  /// `perform`; with `overUnreadable`, a current file the reader refuses for what it
  /// holds (`StoreError.refusesContent`) is replaced all the same, the command applied
  /// to that state instead (a restore puts back a backup over a broken store; the
  /// broken file is kept among the backups like any version replaced).
  private func perform(
    _ command: any Command, actor: Actor, now: Date, waiting: ((String?) -> Bool)?,
    overUnreadable: Municipality?
  ) throws -> Change {
    mutex.lock()
    defer { mutex.unlock() }
    let place = try storeFolder()
    let lock: ExclusiveLock
    do {
      lock = try takeLock(
        place, holder: ExclusiveLock.holderLine(login: actor.login), waiting: waiting)
    } catch let cancelled as LockWaitCancelled {
      throw cancelled
    } catch {
      // A manager reading a 0640 store cannot open the lock file. The rule that
      // refuses them anyway ("changes are made by the e-coordinator") says more than
      // "Permission denied"; only a command the rules allow gets the lock error.
      var probe = try newest().state
      _ = try probe.execute(command, context: CommandContext(actor: actor, now: now))
      throw error
    }
    defer { withExtendedLifetime(lock) {} }
    try tidy(place)
    // Requests managers left in the drop folder go in first, each its own save.
    if overUnreadable == nil { try takeInDropped(place, now: now) }
    let (current, info) = try newestOr(overUnreadable)
    let change: Change
    let next: Municipality
    stageStarts?(.applying)
    do {
      (change, next) = try applied(command, to: current, actor: actor, now: now)
    } catch var conflict as EditConflict {
      // Whoever saved the version the edit met, by name where the store knows them.
      conflict.savedBy = cachedSavedBy.map { current.user(login: $0)?.name ?? $0 }
      throw conflict
    }
    stageStarts?(.saving)
    let audit = try openAudit(place)
    let entry = AuditEntry(change: change, command: command, actor: actor, savedAt: clock())
    try save(next, entry, by: actor.login, now: now, replacing: info, audit: audit, in: place)
    return change
  }

  /// `command` applied to `current` as a save applies it: the rules, then the reader's
  /// validation of the result.
  func applied(_ command: any Command, to current: Municipality, actor: Actor, now: Date)
    throws -> (Change, Municipality)
  {
    var next = current
    let change = try next.execute(command, context: CommandContext(actor: actor, now: now))
    // The rules keep every value in range; this makes sure no bug can save a file
    // that the next load would refuse.
    if let (keyPath, detail) = StoreValidation.refusal(next, knownValid: validated) {
      throw StoreError(path: path, .cannotWrite("the change would store \(keyPath): \(detail)"))
    }
    validated = next
    return (change, next)
  }

  /// What `perform` would do, without the lock and without saving: the same rules and
  /// the same validation, so a dry run refuses what the real run refuses.
  @discardableResult
  public func tryOut(_ command: any Command, actor: Actor, now: Date) throws -> Change {
    mutex.lock()
    defer { mutex.unlock() }
    _ = try storeFolder()
    stageStarts?(.applying)
    return try applied(command, to: try newest().state, actor: actor, now: now).0
  }

  /// Appends history to the audit trail in one pass, for a demo or benchmark store
  /// that should have a region's years of changes behind it. Not for changes: those
  /// go through `perform`.
  public func appendHistory(_ entries: some Sequence<AuditEntry>) throws(StoreError) {
    let place = try storeFolder()
    do {
      let trail = AuditTrail(path: auditPath)
      let descriptor = try trail.openForAppend(in: place)
      var buffer = Data()
      for entry in entries {
        buffer.append(try entry.line())
        if buffer.count > 1 << 20 {
          try descriptor.writeAll(buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      }
      try descriptor.writeAll(buffer)
    } catch let error as SystemCallError {
      throw StoreError(path: path, .auditNotWritten(error.reason))
    } catch {
      throw StoreError(path: path, .auditNotWritten("\(error)"))
    }
  }

  /// Earlier versions, newest first.
  public func backups() -> [Backup] {
    BackupFolder(path: backupsPath).list()
  }

  /// The backups, newest first; a backups folder this user may not read is an error
  /// (`restore --list` must not call that "no backups"), a missing one is empty.
  public func readBackups() throws(StoreError) -> [Backup] {
    do {
      return try BackupFolder(path: backupsPath).readList()
    } catch {
      throw StoreError(path: backupsPath, .cannotRead(error.reason))
    }
  }

  /// The newest state, or `replacement` when the reader refuses the file for what
  /// it holds (and a replacement is given).
  private func newestOr(_ replacement: Municipality?) throws(StoreError) -> (
    state: Municipality, info: stat
  ) {
    let refusal: StoreError
    do {
      return try newest()
    } catch {
      refusal = error
    }
    guard let replacement, refusal.refusesContent else { throw refusal }
    // Nothing of the refused file is copied or named as the version replaced.
    cached = nil
    layout = nil
    unknownKeys = StoreDocument.UnknownKeys()
    return (replacement, try checkedStatus())
  }

  /// Makes a backup the current state, through the same lock and rules as any change;
  /// the state it replaces becomes a backup in turn. The backup must pass the same
  /// reader as the store first. A current file the reader refuses for what it holds
  /// (too long a text, a number out of range, not a property list) does not stop it:
  /// the backup replaces it, and the refused file is kept among the backups.
  @discardableResult
  public func restore(_ backup: Backup, actor: Actor, now: Date) throws -> Change {
    try restore(fromFile: backup.path, named: backup.name, actor: actor, now: now)
  }

  /// The same for a copy anywhere (`restore --from`, a copy `backup --to` wrote): read
  /// as the store is (a regular file, every check of a load), then put back.
  @discardableResult
  public func restore(fromFile path: String, actor: Actor, now: Date) throws -> Change {
    try restore(
      fromFile: path, named: URL(fileURLWithPath: path).lastPathComponent, actor: actor, now: now)
  }

  private func restore(fromFile path: String, named name: String, actor: Actor, now: Date)
    throws -> Change
  {
    let document = try Self.decodeFile(at: path)
    let command = RestoreBackup(municipality: document.municipality, backupName: name)
    return try perform(
      command, actor: actor, now: now, waiting: nil, overUnreadable: document.municipality)
  }

  /// `restore` by `login`, who must be an e-coordinator in the current store or, when
  /// the reader refuses it, in the backup (the state that will hold from now on).
  @discardableResult
  public func restore(_ backup: Backup, login: String, now: Date) throws -> Change {
    try restore(fromFile: backup.path, named: backup.name, login: login, now: now)
  }

  /// `restore --from FILE` by `login`, as `restore(_:login:now:)`.
  @discardableResult
  public func restore(fromFile path: String, login: String, now: Date) throws -> Change {
    try restore(
      fromFile: path, named: URL(fileURLWithPath: path).lastPathComponent, login: login, now: now)
  }

  private func restore(fromFile path: String, named name: String, login: String, now: Date)
    throws -> Change
  {
    let document = try Self.decodeFile(at: path)
    let holder: Municipality
    do {
      holder = try load()
    } catch {
      guard error.refusesContent else { throw error }
      holder = document.municipality
    }
    guard let user = holder.user(login: login) else {
      throw RuleViolation.unknownUser(login, coordinator: holder.contacts.eCoordinator)
    }
    let command = RestoreBackup(municipality: document.municipality, backupName: name)
    return try perform(
      command, actor: Actor(user), now: now, waiting: nil, overUnreadable: document.municipality)
  }

  /// Up to `limit` audit entries matching `query`, newest first, older than `cursor`
  /// (from the newest when nil). Reads only as far back as it needs.
  public func auditPage(_ query: AuditQuery, before cursor: AuditCursor? = nil, limit: Int)
    throws(StoreError) -> AuditPage
  {
    do {
      return try AuditTrail(path: auditPath).page(
        query, before: cursor, limit: limit, storeSaveID: currentSaveID)
    } catch {
      throw StoreError(path: auditPath, .cannotRead(error.reason))
    }
  }

  /// Every saved audit entry matching `query`, oldest first, given to `body` as it is
  /// read (false stops): a whole trail in constant memory (`AuditTrail.forEach`).
  public func forEachAuditEntry(_ query: AuditQuery, _ body: (AuditEntry) throws -> Bool)
    throws
  {
    do {
      try AuditTrail(path: auditPath).forEach(query, storeSaveID: currentSaveID, body)
    } catch let error as SystemCallError {
      throw StoreError(path: auditPath, .cannotRead(error.reason))
    }
  }

  /// The last `limit` audit entries (all when nil), newest last.
  public func auditEntries(limit: Int? = nil) throws(StoreError) -> [AuditEntry] {
    do {
      return try AuditTrail(path: auditPath).entries(limit: limit, storeSaveID: currentSaveID)
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
    let (document, info, layout, validated) = try Self.readFile(at: filePath, shownAs: path)
    cached = (document.municipality, FileStamp(info), document.saveID)
    self.validated = validated
    cachedSavedBy = document.savedBy
    self.layout = layout.map { (FileStamp(info), $0) }
    unknownKeys = document.unknownKeys
    return (document.municipality, info)
  }

  /// The newest state: the cached one unless another process saved since.
  func newest() throws(StoreError) -> (state: Municipality, info: stat) {
    let info = try checkedStatus()
    if let cached, cached.stamp == FileStamp(info) { return (cached.state, info) }
    return try read()
  }

  static func decodeFile(at path: String) throws(StoreError) -> StoreDocument {
    try readFile(at: path, shownAs: path).document
  }

  /// The document read, its file's status and layout, and its state as it passed
  /// validation (before a day is filled in where a case's closing day is unknown).
  private static func readFile(at filePath: String, shownAs path: String) throws(StoreError) -> (
    document: StoreDocument, info: stat, layout: StoreLayout?, validated: Municipality
  ) {
    var data: Data
    let info: stat
    let descriptor: FileDescriptor
    let buffer: LoadBuffer?
    do {
      // A FIFO is refused, not waited on; anything but a regular file is refused
      // before a byte is read.
      (descriptor, info) = try FileDescriptor.openRegular(filePath)
      try check(info, path: path)
      let size = Int(info.st_size)
      // A large file is read into memory that can be given back as it is decoded.
      buffer = size > 1 << 20 ? try LoadBuffer(descriptor.fd, size: size) : nil
      data = try buffer?.data ?? descriptor.readToEnd(sizeHint: size)
    } catch is NotRegularFile {
      throw StoreError(path: path, .notRegularFile)
    } catch let error as SystemCallError {
      throw StoreError(path: path, error.code == ENOENT ? .notFound : .cannotRead(error.reason))
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, .cannotRead(String(describing: error)))
    }
    // A large file's pre-scan and one-pass decode run side by side, one on each core
    // (a region's pre-scan is ~60 ms of its load). The decode is used only when the
    // pre-scan passes; the one-pass reader has its own depth limit, so a file the
    // pre-scan would refuse cannot crash it meanwhile.
    let bytes = data
    // The checksum of the bytes read, which a save checks the old file against before
    // it trusts runs it copied from it, is taken there too.
    let scan = Beside(data.count > 1 << 20) { [buffer] in
      let problem = PropertyListPreScan.problem(in: bytes)
      let checksum = Checksum.of(bytes)
      buffer?.scanned()
      return (problem, checksum)
    }
    var giveBack: StoreDocument.GiveBack?
    if let buffer { giveBack = { buffer.giveBack($0) } }
    let onePass =
      data.count > 1 << 20 ? StoreDocument.readAsLaidOut(data, giveBack: giveBack) : nil
    if let problem = scan.value().0 {
      throw StoreError(path: path, .notPropertyList(problem))
    }
    var document: StoreDocument
    var layout: StoreLayout?
    if let onePass {
      (document, layout) = (onePass.document, onePass.layout)
    } else {
      if buffer?.gaveBack == true {
        // The one-pass reader gave pages back before it found the file is not its
        // kind: the whole-tree way reads the file again, as it was measured.
        do {
          data = try descriptor.readToEnd(sizeHint: Int(info.st_size))
          guard FileStamp(try descriptor.status()) == FileStamp(info) else {
            throw StoreError(path: path, .cannotRead("it changed while it was read; try again"))
          }
        } catch let error as StoreError {
          throw error
        } catch {
          throw StoreError(path: path, .cannotRead(String(describing: error)))
        }
      }
      (document, layout) = try StoreDocument.decodeWithLayout(data, path: path)
    }
    layout?.checksum = scan.value().1
    if let (keyPath, detail) = StoreValidation.refusal(document.municipality) {
      throw StoreError(path: path, .wrongTypes(keyPath: keyPath, detail: detail))
    }
    let validated = document.municipality
    // The layout keeps the cases as read: if this fills in a day, those cases count
    // as changed at the next save and are encoded, not copied (and validated again).
    document.municipality.dateUnknownClosings(savedOn: Day(document.savedAt))
    return (document, info, layout, validated)
  }

  private static func check(_ info: stat, path: String) throws(StoreError) {
    guard info.isRegularFile else { throw StoreError(path: path, .notRegularFile) }
    if info.isWorldWritable { throw StoreError(path: path, .worldWritable(mode: info.permissions)) }
  }

  // MARK: writing

  /// Replaces the file with `municipality`, in an order that survives a crash at any
  /// point:
  ///
  /// 1. the new version is written to a temporary file beside the store (same mode
  ///    when 0600, 0640 or, shared, 0660) and fsynced;
  /// 2. the audit line is appended and fsynced, carrying a new save id, which the
  ///    new version holds too (`StoreDocument.saveID`), and the id it replaces;
  /// 3. the current version is hard-linked into the backups;
  /// 4. the temporary file is renamed over the store; the folder is fsynced.
  ///
  /// A crash before 4 leaves the old store and, at most, an audit line whose save
  /// never happened — which every read of the trail leaves out (`SavedLines`) —
  /// and a temporary file that the next save removes under the lock. After 4 the
  /// change is saved with its line; nothing after it can fail the save (a full disk
  /// only costs the folder sync or pruning old backups). SIGTERM, SIGHUP and SIGINT
  /// wait until 4 is done (`SaveSignals`).
  func save(
    _ municipality: Municipality, _ entry: AuditEntry, by login: String, now: Date,
    replacing info: stat, audit: FileDescriptor, in place: StoreFolder
  ) throws(StoreError) {
    let backups = BackupFolder(path: backupsPath)
    let version = try SaveSignals.during { () throws(StoreError) -> Prepared in
      let version = try prepare(municipality, by: login, now: now, replacing: info, in: place)
      do throws(SystemCallError) {
        try appendAudit(audit, version.entry(entry))
        do throws(SystemCallError) {
          try backups.keep(filePath, replacedAt: Date(), in: place)
        } catch {
          var error = error
          error.context = error.context ?? "cannot keep a backup in \(backupsPath)"
          throw error
        }
        try version.temporary.rename(over: filePath)
      } catch {
        throw StoreError(path: path, .cannotWrite(error.detail))
      }
      return version
    }
    // The new version is in place; a failed folder sync only weakens durability after
    // a power cut, so it does not turn a done save into an error.
    try? FileDescriptor.syncFolder(place.path)
    backups.prune(in: place, now: Date(), keeping: BackupKeeping(municipality.settings))
    adopt(version)
  }

  /// A new version of the store, written beside it and fsynced, not yet in place.
  struct Prepared {
    let temporary: TemporaryFile
    let stamp: FileStamp
    let state: Municipality
    let saveID: String
    /// The save id of the version it replaces.
    let previous: String?
    /// The login saving it.
    let savedBy: String
    fileprivate let encoded: Encoded

    /// `entry` as this version's audit line: its save id and the one it replaces.
    func entry(_ entry: AuditEntry) -> AuditEntry {
      var entry = entry
      entry.id = saveID
      entry.previous = previous
      return entry
    }
  }

  /// Step 1 of a save: the new version in a temporary file beside the store (0600, or
  /// the store's 0640 and group, or 0660 in the shared group), fsynced.
  func prepare(
    _ municipality: Municipality, by login: String, now: Date, replacing info: stat,
    in place: StoreFolder
  ) throws(StoreError) -> Prepared {
    let saveID = Self.newSaveID()
    var encoded = try encode(municipality, by: login, now: now, saveID: saveID)
    if let refusal = encoded.xml.refusal() { throw StoreError(path: path, .cannotWrite(refusal)) }
    let mode: mode_t
    let group: gid_t?
    if let shared = place.sharedGroup {
      (mode, group) = (0o660, shared)
    } else {
      let keepsMode = info.permissions == 0o600 || info.permissions == 0o640
      mode = keepsMode ? mode_t(info.permissions) : 0o600
      // A 0640 store is shared with a managers' group: the new version keeps that group,
      // or the save is refused (`StoreFolder.groupRefusal`), never silently narrowed.
      group = mode == 0o640 ? info.st_gid : nil
      if let group, let refusal = StoreFolder.groupRefusal(group, mode: mode) {
        throw StoreError(path: path, .refused(refusal))
      }
    }
    while true {
      let written: (TemporaryFile, FileStamp)?
      do throws(SystemCallError) {
        let temporary = try TemporaryFile(beside: filePath, mode: mode, group: group)
        if encoded.source != nil { beforeCopy?() }
        let xml = encoded.xml
        let (stamp, checked) = try temporary.write(
          xml, copyingFrom: encoded.source, kernelCopy: kernelCopy
        ) { () -> UInt64?? in
          guard let source = encoded.source, let loaded = encoded.loaded else { return .none }
          return .some(temporary.verify(xml, source: source, as: loaded))
        }
        if let checksum = checked {
          encoded.layout.checksum = checksum
          written = checksum == nil ? nil : (temporary, stamp)
        } else {
          written = (temporary, stamp)
        }
      } catch {
        var error = error
        error.context = error.context ?? "cannot write the new version beside the store"
        throw StoreError(path: path, .cannotWrite(error.detail))
      }
      if let (temporary, stamp) = written {
        return Prepared(
          temporary: temporary, stamp: stamp, state: municipality, saveID: saveID,
          previous: cached?.saveID, savedBy: login, encoded: encoded)
      }
      // The old file no longer holds the bytes the load read (another program wrote
      // it without the lock): nothing is copied from it, everything is encoded.
      encoded = try encode(municipality, by: login, now: now, saveID: saveID, copying: false)
    }
  }

  /// The prepared version is the one on disk now.
  func adopt(_ version: Prepared) {
    cached = (version.state, version.stamp, version.saveID)
    cachedSavedBy = version.savedBy
    layout = (version.stamp, version.encoded.layout)
    lastSaveCopied = version.encoded.xml.count - version.encoded.xml.bytes.count
  }

  /// A new version's bytes: `xml` copies runs of `source` (the version on disk) where
  /// they hold entities the new state has unchanged; `layout` is the new file's.
  fileprivate struct Encoded {
    var xml: SplicedXML
    var layout: StoreLayout
    var source: FileDescriptor?
    /// The stamp and checksum of the version `source` must still be.
    var loaded: (stamp: FileStamp, sum: UInt64)?
  }

  /// The new version, as `StoreDocument.encoded` writes it. When the file on disk is
  /// still the version this instance read or wrote (its stamp, taken from the
  /// descriptor the copy will read, and its length are the layout's, its checksum is
  /// known, and every run to copy still starts and ends as an entity does), the
  /// entities left alone are to be copied from it, and `prepare` checks after the copy
  /// that they were the bytes the load read (`SplicedXML.verify`); otherwise — another
  /// program changed the file without the lock, no layout (a binary or older file),
  /// anything odd, or `copying` false — everything is encoded.
  private func encode(
    _ municipality: Municipality, by login: String, now: Date, saveID: String,
    copying: Bool = true
  ) throws(StoreError) -> Encoded {
    var document = StoreDocument(
      municipality: municipality, savedAt: now, savedBy: login, saveID: saveID)
    document.unknownKeys = unknownKeys
    do {
      if copying, let (old, stamp, source) = currentLayout(), let sum = old.checksum {
        let spliced = try document.spliced(over: old)
        if spliced.xml.sourceHolds(source, size: old.size) {
          return Encoded(
            xml: spliced.xml, layout: spliced.layout, source: source, loaded: (stamp, sum))
        }
      }
      var whole = try document.spliced(over: nil)
      whole.layout.checksum = Checksum.of(whole.xml.bytes)
      return Encoded(xml: whole.xml, layout: whole.layout, source: nil)
    } catch {
      throw StoreError(path: path, .cannotWrite("cannot encode the state: \(error)"))
    }
  }

  /// The layout of the version on disk, and that version opened for reading, when it
  /// is still the version this instance holds.
  private func currentLayout() -> (StoreLayout, FileStamp, FileDescriptor)? {
    guard let layout, let cached, layout.stamp == cached.stamp,
      let (descriptor, info) = try? FileDescriptor.openRegular(filePath),
      FileStamp(info) == layout.stamp, Int(info.st_size) == layout.value.size
    else { return nil }
    return (layout.value, layout.stamp, descriptor)
  }

  /// The store's folder, refused when others may write it.
  func storeFolder() throws(StoreError) -> StoreFolder {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().path
    let place: StoreFolder
    do {
      place = try StoreFolder(path: folder)
    } catch {
      throw StoreError(path: path, .cannotRead("the folder \(folder): \(error.reason)"))
    }
    if let refusal = place.refusal { throw StoreError(path: path, .refused(refusal)) }
    return place
  }

  /// The lock file, opened beside the store without following a symlink and checked
  /// (`StoreFolder`), then locked with the holder written in; `waiting` as in `perform`.
  func takeLock(
    _ place: StoreFolder, holder: String? = nil, waiting: ((String?) -> Bool)? = nil
  ) throws -> ExclusiveLock {
    do {
      return try ExclusiveLock(
        place.openBeside(lockPath, flags: O_RDWR | O_CREAT), holder: holder,
        waiting: waiting ?? lockWaiting)
    } catch let cancelled as LockWaitCancelled {
      throw cancelled
    } catch {
      throw lockError(error)
    }
  }

  private func lockError(_ error: any Error) -> StoreError {
    if let error = error as? SystemCallError, let context = error.context {
      return StoreError(path: path, .cannotWrite(context))
    }
    let reason = (error as? SystemCallError)?.reason ?? "\(error)"
    return StoreError(path: path, .cannotWrite("cannot lock \(lockPath): \(reason)"))
  }

  func openAudit(_ place: StoreFolder) throws(StoreError) -> FileDescriptor {
    do {
      return try AuditTrail(path: auditPath).openForAppend(in: place)
    } catch {
      throw StoreError(
        path: path,
        .cannotWrite(
          error.context ?? "cannot open the audit trail \(auditPath): \(error.reason)"))
    }
  }

  func appendAudit(_ descriptor: FileDescriptor, _ entry: AuditEntry)
    throws(SystemCallError)
  {
    do throws(SystemCallError) {
      try AuditTrail(path: auditPath).append(entry, to: descriptor)
    } catch {
      var error = error
      error.context = "cannot write the audit line to \(auditPath); nothing was changed"
      throw error
    }
  }

  /// The save id of the version this instance holds (call with `mutex` held).
  var heldSaveID: String? { cached?.saveID }

  /// The save id of the version on disk, for telling which audit lines were saved.
  func currentSaveID() -> String? {
    mutex.lock()
    defer { mutex.unlock() }
    if let info = try? checkedStatus(), let cached, cached.stamp == FileStamp(info) {
      return cached.saveID
    }
    _ = try? read()
    return cached?.saveID
  }

  static func newSaveID() -> String {
    String(UInt64.random(in: 0...UInt64.max), radix: 16)
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

/// What `StoreFile.perform` is doing under the lock, for a progress line.
public enum SaveStage: Sendable, Equatable {
  /// The command is applied to the newest state and its result checked.
  case applying
  /// The new version is written, synced and put in place with its trail line.
  case saving
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension StoreFile {
  /// The drop folder beside this store (`RequestDrop`).
  public var requestDrop: RequestDrop { RequestDrop(store: filePath) }

  /// Files a request as `actor` (a manager) and returns its id. Where this process
  /// may write the store (SSH key mode: the store's own account, the key's login as
  /// `actor`), it is saved under the lock like any change; else (group mode: the
  /// store 0640 in the managers' group) the same rules are tried on the newest state
  /// and the request is left in the drop folder, which the e-coordinator's side
  /// takes in under the lock (`takeInDropped`). The change is the request filed on
  /// the state the rules were tried on.
  @discardableResult
  public func file(
    _ draft: RequestDraft, actor: Actor, now: Date, id: EntityID<Request>,
    waiting: ((String?) -> Bool)? = nil
  ) throws -> Change {
    let command = FileRequest(draft, id: id)
    if access(filePath, W_OK) == 0 {
      return try perform(command, actor: actor, now: now, waiting: waiting)
    }
    let change = try tryOut(command, actor: actor, now: now)
    var info = stat()
    guard stat(filePath, &info) == 0 else {
      throw StoreError(path: path, .cannotRead(StoreError.reason(errno)))
    }
    try requestDrop.drop(draft, id: id, storeOwner: info.st_uid)
    return change
  }

  /// Takes every request waiting in the drop folder into the store, oldest first, each
  /// as its own save with its own trail line in its sender's name (the file's
  /// owner), sent at the file's change time. Call under the lock, with `mutex` held.
  /// A file the rules or the reader refuse is put aside (`RequestDrop.refuse`) and
  /// never stops the command that found it; a request already in the store (a save
  /// whose file was not yet removed) is only removed.
  func takeInDropped(_ place: StoreFolder, now: Date) throws {
    let drop = requestDrop
    for found in drop.pending() {
      let file: RequestDrop.Dropped
      switch found {
      case .failure(let bad):
        drop.refuse(bad.name, bad.reason)
        continue
      case .success(let dropped): file = dropped
      }
      let (current, info) = try newest()
      if current.request(file.id) != nil {
        drop.remove(file.name)
        continue
      }
      guard let user = current.user(login: file.sender) else {
        drop.refuse(
          file.name,
          RuleViolation.unknownUser(file.sender, coordinator: current.contacts.eCoordinator).message
        )
        continue
      }
      let actor = Actor(user)
      let command = FileRequest(file.draft, id: file.id)
      let change: Change
      let next: Municipality
      do {
        (change, next) = try applied(command, to: current, actor: actor, now: min(file.sent, now))
      } catch {
        drop.refuse(
          file.name,
          (error as? ExplainedError)?.message ?? (error as? RuleViolation)?.message
            ?? LocalizedText(verbatim: "\(error)"))
        continue
      }
      let audit = try openAudit(place)
      let entry = AuditEntry(change: change, command: command, actor: actor, savedAt: clock())
      try save(next, entry, by: actor.login, now: now, replacing: info, audit: audit, in: place)
      drop.remove(file.name)
    }
  }
}

/// Records, through the rules and the audit trail like any change, that the store was
/// opened to a managers' group. The data itself does not change.
struct ShareWithManagers: Command {
  let group: String

  var summary: LocalizedText {
    LocalizedText(
      sv: "Gav chefsgruppen \(group) läsrätt och en inlämningsmapp för begäranden",
      en: "Gave the managers' group \(group) read access and a drop folder for requests")
  }

  func apply(to municipality: inout Municipality, context: CommandContext) throws {}
}

extension StoreFile {
  /// Group mode for managers: the store becomes 0640 in `group` (its folder 0710 in
  /// the group, so managers reach the store but cannot list the folder), and the drop
  /// folder `<store>.requests/` is made 1730 in the group (`RequestDrop`). The trail
  /// and backups stay the owner's. Only the e-coordinator who owns the store, and is
  /// in the group, can do it; the step is in the audit trail.
  @discardableResult
  public func share(managers name: String, actor: Actor, now: Date) throws -> Change {
    let gid = try givableGroup(name)
    var probe = try load()
    _ = try probe.execute(
      ShareWithManagers(group: name), context: CommandContext(actor: actor, now: now))
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().path
    let place = try storeFolder()
    if place.isShared {
      throw StoreError(
        path: path,
        .refused(
          LocalizedText(
            sv:
              "registret är delat mellan e-samordnare (share --group); chefsläget kräver en egen mapp",
            en:
              "the store is shared between e-coordinators (share --group); managers' mode needs a folder of its own"
          )))
    }
    let drop = requestDrop.path
    var existing = stat()
    if lstat(drop, &existing) != 0 {
      guard mkdir(drop, 0o700) == 0 else { throw refusal(drop, name) }
    } else if existing.st_mode & S_IFMT != S_IFDIR {
      throw StoreError(
        path: path,
        .refused(LocalizedText(sv: "\(drop) är ingen mapp", en: "\(drop) is not a folder")))
    }
    for (target, mode) in [(folder, 0o710), (filePath, 0o640), (drop, 0o1730)] as [(String, mode_t)]
    {
      var info = stat()
      guard lstat(target, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else {
        throw refusal(target, name)
      }
      guard lchown(target, uid_t.max, gid) == 0, chmod(target, mode) == 0 else {
        throw refusal(target, name)
      }
    }
    Self.readableByOwnerOnly(drop: drop, owner: getuid())
    return try perform(ShareWithManagers(group: name), actor: actor, now: now)
  }

  /// A default ACL on the drop folder, so each request filed there is readable by its
  /// sender and the store's owner and by no other manager: the owner (the e-coordinator
  /// who takes requests in) is named with read, the file's group gets nothing, and the
  /// group bits of the sender's 0640 become the mask that lets the owner's read through.
  /// Without it a request is 0640 in the sender's group, so another manager who learned
  /// its random name could read it. Written as the kernel's `system.posix_acl_default`
  /// attribute (version 2, entries of tag, permissions and id, sorted by tag), as
  /// setfacl writes it; the acl package is not needed. A file system without POSIX ACLs
  /// refuses it and the folder stays as 1730 makes it (README, For managers).
  static func readableByOwnerOnly(drop: String, owner: uid_t) {
    let undefined = UInt32.max
    // (tag, permissions, id): user::rw-, user:owner:r--, group::---, mask::r--, other::---
    let entries: [(UInt16, UInt16, UInt32)] = [
      (0x01, 6, undefined), (0x02, 4, UInt32(owner)), (0x04, 0, undefined),
      (0x10, 4, undefined), (0x20, 0, undefined),
    ]
    var bytes: [UInt8] = []
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    append(UInt32(2))
    for (tag, permissions, id) in entries {
      append(tag)
      append(permissions)
      append(id)
    }
    // setxattr(2) is in <sys/xattr.h>, which Glibc's module does not bring in: found in
    // the C library at run time and called with C's convention.
    typealias SetXattr =
      @convention(c) (
        UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32
      ) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setxattr") else { return }
    let setxattr = unsafeBitCast(symbol, to: SetXattr.self)
    _ = bytes.withUnsafeBytes {
      setxattr(drop, "system.posix_acl_default", $0.baseAddress, $0.count, 0)
    }
  }

  private func refusal(_ target: String, _ group: String) -> StoreError {
    StoreError(
      path: path,
      .refused(
        LocalizedText(
          sv: "kan inte ge \(target) till gruppen \(group): \(StoreError.reason(errno))",
          en: "cannot give \(target) to the group \(group): \(StoreError.reason(errno))")))
  }
}

extension StoreFile {
  /// Whether requests are waiting in the drop folder (a directory read, no file opened).
  public var hasDroppedRequests: Bool {
    guard requestDrop.exists,
      let names = try? FileManager.default.contentsOfDirectory(atPath: requestDrop.path)
    else { return false }
    return names.contains { $0.hasSuffix(RequestDrop.suffix) }
  }

  /// The newest state, after taking in under the lock the requests waiting in the
  /// drop folder (the e-coordinator's `list requests`, `request accept`, and the
  /// console's reload). Without any waiting, or when this process cannot write the
  /// store (a manager), it is the newest state as read.
  @discardableResult
  public func takeInRequests(
    login: String, now: Date, waiting: ((String?) -> Bool)? = nil
  ) throws -> Municipality {
    guard hasDroppedRequests, access(filePath, W_OK) == 0 else { return try load() }
    mutex.lock()
    defer { mutex.unlock() }
    let place = try storeFolder()
    let lock = try takeLock(
      place, holder: ExclusiveLock.holderLine(login: login), waiting: waiting)
    defer { withExtendedLifetime(lock) {} }
    try tidy(place)
    try takeInDropped(place, now: now)
    return try newest().state
  }
}

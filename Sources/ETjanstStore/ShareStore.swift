import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Records, through the rules and the audit trail like any change, that the store
/// was shared with a group. The data itself does not change.
struct ShareStore: Command {
  let group: String

  var summary: LocalizedText {
    LocalizedText(
      sv: "Delade registret med gruppen \(group)", en: "Shared the store with the group \(group)")
  }

  func apply(to municipality: inout Municipality, context: CommandContext) throws {}
}

extension StoreFile {
  /// Shared mode for several e-coordinators: the store's folder becomes 2770 with
  /// group `group` (setgid, so every file created in it takes the group), and the
  /// store, lock, audit trail, backups folder and backups become 0660/2770 in that
  /// group. From then on every file the program creates there is made so
  /// (`StoreFolder`). Only an e-coordinator, who owns the folder (or root), and who
  /// is in the group, can do it. The step is in the audit trail.
  @discardableResult
  public func share(group name: String, actor: Actor, now: Date) throws -> Change {
    let gid = try givableGroup(name)
    // The rules first: only the e-coordinator may share (nothing changes otherwise).
    var probe = try load()
    _ = try probe.execute(ShareStore(group: name), context: CommandContext(actor: actor, now: now))
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().path
    var changes: [(String, mode_t)] = [(folder, 0o2770), (filePath, 0o660)]
    for beside in [lockPath, auditPath] where FileManager.default.fileExists(atPath: beside) {
      changes.append((beside, 0o660))
    }
    if FileManager.default.fileExists(atPath: backupsPath) {
      changes.append((backupsPath, 0o2770))
      for backup in backups() { changes.append((backup.path, 0o660)) }
    }
    for (target, mode) in changes {
      var info = stat()
      // Never through a symlink: lchown, and chmod only what lstat says is not one.
      guard lstat(target, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { continue }
      guard lchown(target, uid_t.max, gid) == 0, chmod(target, mode) == 0 else {
        throw StoreError(
          path: path,
          .refused(
            LocalizedText(
              sv: "kan inte ge \(target) till gruppen \(name): \(StoreError.reason(errno))",
              en: "cannot give \(target) to the group \(name): \(StoreError.reason(errno))")))
      }
    }
    return try perform(ShareStore(group: name), actor: actor, now: now)
  }
}

extension StoreFile {
  /// The id of the group `name`, which this user may give files to; else a refusal
  /// saying which is missing.
  func givableGroup(_ name: String) throws -> gid_t {
    guard let group = getgrnam(name) else {
      throw StoreError(
        path: path,
        .refused(
          LocalizedText(
            sv: "det finns ingen grupp som heter \(name)", en: "there is no group named \(name)")
        ))
    }
    let gid = group.pointee.gr_gid
    if !StoreFolder.mayGive(group: gid) {
      throw StoreError(
        path: path,
        .refused(
          LocalizedText(
            sv: "du är inte med i gruppen \(name); be om att bli tillagd först",
            en: "you are not in the group \(name); ask for it to be added to your login first")))
    }
    return gid
  }
}

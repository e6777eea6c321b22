import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The folder the store lives in, and the rules for every file beside the store
/// (`.lock`, `.audit`, `.backups/` and what is in it, temporary files).
///
/// Whoever can write the folder can put a symlink where the program will write, so:
/// a folder that others may write is refused (world-writable always; group-writable
/// unless it is set up for sharing, or the group is the owner's own private group);
/// every file beside the store is opened with O_NOFOLLOW and checked after opening —
/// a regular file (or folder), owned by this user or root (or, when shared, in the
/// folder's group), not writable by everyone, and the lock and audit trail with a
/// single link, so they cannot be another file under a second name.
///
/// Shared mode (`etjanst share --group NAME`) is a setgid, group-writable folder
/// (2770) whose group is the e-coordinators': files created in it take that group,
/// and the program creates them 0660 (folders 2770), so each e-coordinator can lock,
/// save, audit and keep backups.
struct StoreFolder {
  let path: String
  let info: stat

  /// Stats the folder (following a symlink to it: the path is the store's real one).
  init(path: String) throws(SystemCallError) {
    self.path = path
    var info = stat()
    guard stat(path, &info) == 0 else { throw SystemCallError("stat") }
    self.info = info
  }

  /// Set up for several e-coordinators: setgid and group-writable.
  var isShared: Bool {
    let mode = UInt32(info.st_mode)
    return mode & UInt32(S_ISGID) != 0 && mode & UInt32(S_IWGRP) != 0
  }

  /// The group new files must carry, when shared.
  var sharedGroup: gid_t? { isShared ? info.st_gid : nil }

  /// Mode of a file the program creates beside the store.
  var fileMode: mode_t { isShared ? 0o660 : 0o600 }
  /// Mode of a folder the program creates beside the store (the backups).
  var folderMode: mode_t { isShared ? 0o2770 : 0o700 }

  /// Why the folder must not be used, or nil.
  var refusal: LocalizedText? {
    let mode = UInt32(info.st_mode)
    let octal = StoreError.octal(mode)
    if mode & UInt32(S_IFMT) != UInt32(S_IFDIR) {
      return LocalizedText(sv: "\(path) är ingen mapp", en: "\(path) is not a folder")
    }
    if mode & UInt32(S_IWOTH) != 0 {
      return LocalizedText(
        sv: "alla kan skriva i mappen \(path) (läge \(octal)); vem som helst kan byta ut "
          + "filerna bredvid registret; kör `chmod o-w \(path)`",
        en: "the folder \(path) is writable by everyone (mode \(octal)); "
          + "anyone could replace the files beside the store; run `chmod o-w \(path)`")
    }
    if mode & UInt32(S_IWGRP) != 0, !isShared, !Self.isPrivateGroup(info.st_gid, of: info.st_uid) {
      return LocalizedText(
        sv: "gruppen kan skriva i mappen \(path) (läge \(octal)) utan att den är delad; "
          + "kör `chmod g-w \(path)`, eller `etjanst share --group NAMN` för att dela registret "
          + "med gruppen",
        en: "the folder \(path) is writable by its group (mode \(octal)) "
          + "without being set up for sharing; run `chmod g-w \(path)`, or "
          + "`etjanst share --group NAME` to share the store with that group")
    }
    return nil
  }

  /// A user-private group (Debian's default): named as the user and with no other
  /// members, so group-writable means writable by its owner only.
  static func isPrivateGroup(_ gid: gid_t, of uid: uid_t) -> Bool {
    guard let group = getgrgid(gid), let user = getpwuid(uid) else { return false }
    guard String(cString: group.pointee.gr_name) == String(cString: user.pointee.pw_name) else {
      return false
    }
    var members = group.pointee.gr_mem
    while let member = members?.pointee {
      if String(cString: member) != String(cString: user.pointee.pw_name) { return false }
      members = members?.advanced(by: 1)
    }
    return true
  }

  /// Opens `path` (a file beside the store) without following a symlink, creating it
  /// with this folder's file mode when `flags` has O_CREAT, and checks what it got.
  func openBeside(_ path: String, flags: Int32) throws(SystemCallError) -> FileDescriptor {
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor(
        path: path, flags: flags | O_NOFOLLOW | O_NONBLOCK, mode: fileMode)
    } catch  where error.code == ELOOP {
      var refused = error
      refused.context = "\(path) is a symbolic link; refusing to follow it"
      throw refused
    }
    let info = try descriptor.status()
    try check(info, path, folder: false)
    // A file just created takes the umask; make it what sharing needs.
    if let group = sharedGroup, UInt32(info.st_uid) == UInt32(geteuid()) {
      if info.st_gid != group { _ = fchown(descriptor.fd, uid_t.max, group) }
      if UInt32(info.st_mode) & 0o777 != UInt32(fileMode) { _ = fchmod(descriptor.fd, fileMode) }
    }
    return descriptor
  }

  /// Opens a folder beside the store (the backups), creating it when missing.
  func openFolderBeside(_ path: String) throws(SystemCallError) -> FileDescriptor {
    if mkdir(path, folderMode) == 0 {
      chmod(path, folderMode)  // the umask narrowed it, or dropped the setgid bit
      if let group = sharedGroup { chown(path, uid_t.max, group) }
    } else if errno != EEXIST {
      throw SystemCallError("mkdir")
    }
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor(path: path, flags: O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
    } catch  where error.code == ELOOP || error.code == ENOTDIR {
      var refused = error
      refused.context = "\(path) is not a folder (a symbolic link?); refusing to use it"
      throw refused
    }
    try check(try descriptor.status(), path, folder: true)
    return descriptor
  }

  /// The owner and kind rules for a file or folder beside the store.
  func check(_ info: stat, _ path: String, folder: Bool) throws(SystemCallError) {
    let kind = UInt32(info.st_mode) & UInt32(S_IFMT)
    func refuse(_ why: String) -> SystemCallError {
      var error = SystemCallError("check", EPERM)
      error.context = "\(path) \(why); refusing to use it"
      return error
    }
    if kind != UInt32(folder ? S_IFDIR : S_IFREG) {
      throw refuse(folder ? "is not a folder" : "is not a regular file")
    }
    let owner = UInt32(info.st_uid)
    let trusted =
      owner == UInt32(geteuid()) || owner == 0 || (sharedGroup.map { info.st_gid == $0 } ?? false)
    if !trusted { throw refuse("belongs to another user (uid \(owner))") }
    if UInt32(info.st_mode) & UInt32(S_IWOTH) != 0 { throw refuse("is writable by everyone") }
    if !folder, info.st_nlink > 1 {
      throw refuse("has \(info.st_nlink) names (a hard link to another file?)")
    }
  }
}

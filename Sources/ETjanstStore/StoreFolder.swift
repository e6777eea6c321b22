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

  /// The group's name, or its number when it has none.
  static func groupName(_ gid: gid_t) -> String {
    getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? "\(gid)"
  }

  /// Whether this process may give a file it owns the group `gid` (chgrp): root, or a
  /// member of the group.
  static func mayGive(group gid: gid_t) -> Bool {
    geteuid() == 0 || getegid() == gid || supplementaryGroups().contains(gid)
  }

  static func supplementaryGroups() -> [gid_t] {
    let count = getgroups(0, nil)
    guard count > 0 else { return [] }
    var groups = [gid_t](repeating: 0, count: Int(count))
    let got = getgroups(count, &groups)
    return got > 0 ? Array(groups.prefix(Int(got))) : []
  }

  /// Why a save cannot keep the store's group `gid` (mode `mode`), or nil: the new
  /// version is this user's file, and only a member of the group (or root) may give
  /// it that group. Saving anyway would narrow the store to this user alone and shut
  /// out everyone who reads it through the group, so the save is refused instead.
  static func groupRefusal(_ gid: gid_t, mode: mode_t) -> LocalizedText? {
    guard !mayGive(group: gid) else { return nil }
    let name = groupName(gid)
    let login = SystemIdentity.currentLogin()
    let octal = String(mode & 0o777, radix: 8)
    return LocalizedText(
      sv: "registret är \(octal) i gruppen \(name), som \(login) inte är med i; en ny version "
        + "kan inte få gruppen och skulle stänga ute alla som läser registret genom den; "
        + "be om att \(login) läggs till i \(name), eller byt registrets grupp (chgrp)",
      en: "the store is \(octal) in the group \(name), which \(login) is not in; a new version "
        + "cannot be given that group and would shut out everyone who reads the store through "
        + "it; ask for \(login) to be added to \(name), or change the store's group (chgrp)")
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
    // Refused, not left narrower, when that cannot be done.
    if let group = sharedGroup, UInt32(info.st_uid) == UInt32(geteuid()) {
      if info.st_gid != group, fchown(descriptor.fd, uid_t.max, group) != 0 {
        var error = SystemCallError("fchown")
        error.context = "cannot give \(path) the shared group \(Self.groupName(group))"
        throw error
      }
      if UInt32(info.st_mode) & 0o777 != UInt32(fileMode), fchmod(descriptor.fd, fileMode) != 0 {
        var error = SystemCallError("fchmod")
        error.context = "cannot make \(path) \(String(fileMode, radix: 8))"
        throw error
      }
    }
    return descriptor
  }

  /// Opens a folder beside the store (the backups), creating it when missing.
  func openFolderBeside(_ path: String) throws(SystemCallError) -> FileDescriptor {
    if mkdir(path, folderMode) == 0 {
      // The umask narrowed it, or dropped the setgid bit; the group is given first, as
      // a change of group may clear the setgid bit.
      if let group = sharedGroup, chown(path, uid_t.max, group) != 0 {
        var error = SystemCallError("chown")
        error.context = "cannot give \(path) the shared group \(Self.groupName(group))"
        throw error
      }
      guard chmod(path, folderMode) == 0 else { throw SystemCallError("chmod") }
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

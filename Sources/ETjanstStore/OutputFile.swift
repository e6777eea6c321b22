import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file the program writes for the user: a register extract, an export, the text
/// handed to $EDITOR, and the path of a demo store. Every `--output` goes through here.
///
/// - It is never one of a store's own files: the store, its lock, its audit trail or a
///   backup (`StoreFile`'s paths), compared by path with the folder resolved (so a
///   `../` path is caught) and by device and inode (so a hard link is caught), for the
///   store the command read and for any store whose files the name points at.
/// - What it holds may be personal data, so it is readable by its owner only from the
///   moment it exists: created O_EXCL with mode 0600 (no umask window, unlike
///   `FileManager.createFile` or `Data.write`, which create with the umask's mode and
///   chmod after).
/// - A regular file of this user's already there is replaced by a new file renamed over
///   it (`TemporaryFile`), never written into: a second name of the file keeps what it
///   held, and a refusal or a failure leaves it as it was.
/// - A file another user owns (in a sticky shared folder such as /tmp, made there first
///   to catch what the e-coordinator writes) is refused, never written into; so is a
///   symlink (its target is never touched), a FIFO, a folder or a device, in the same
///   one line as `InputFile` gives.
public enum OutputFile {
  public typealias Failure = InputFile.Failure

  /// Writes `data` as the file at `path`; `store` is the store the command read.
  public static func write(_ data: Data, to path: String, sparing store: StoreFile? = nil)
    throws(Failure)
  {
    try check(path, sparing: store)
    do {
      try place(data, at: path)
    } catch let error as Failure {
      throw error
    } catch {
      throw InputFile.failed(path, error, writing: true)
    }
  }

  /// Refuses `path` in one line when it is a file of `store` or of any store its name
  /// points at (see the type's notes); a path that may be written passes.
  public static func check(_ path: String, sparing store: StoreFile? = nil) throws(Failure) {
    let named = resolvedFolder(of: path)
    let target = status(path)
    var stores = storesNamed(by: named)
    if let store { stores.insert(store.resolvedPath, at: 0) }
    for storePath in stores {
      for (file, kind) in files(of: storePath) {
        if file == named || isSameFile(target, status(file)) {
          throw refusal(path, kind, storePath)
        }
      }
      // A file named in the backups folder, there yet or not.
      if folder(of: named) == storePath + ".backups" { throw refusal(path, .backup, storePath) }
    }
  }

  /// What a store's own file is, for the refusal.
  enum StoreFileKind {
    case store, lock, trail, backup

    var text: LocalizedText {
      switch self {
      case .store: LocalizedText(sv: "registret", en: "the store")
      case .lock: LocalizedText(sv: "registrets låsfil", en: "the store's lock file")
      case .trail: LocalizedText(sv: "registrets granskningslogg", en: "the store's audit trail")
      case .backup:
        LocalizedText(sv: "en säkerhetskopia av registret", en: "a backup of the store")
      }
    }
  }

  static func refusal(_ path: String, _ kind: StoreFileKind, _ store: String) -> Failure {
    let what = kind.text
    let storeNamed = kind == .store ? "" : " \(store)"
    return Failure(
      path: path,
      message: LocalizedText(
        sv: "\(path): skrivs inte: det är \(what.sv)\(storeNamed); välj ett annat filnamn",
        en: "\(path): not written: it is \(what.en)\(storeNamed); choose another file name"))
  }

  /// The store's files by path: the store, its lock and trail, and each file in its
  /// backups folder.
  static func files(of store: String) -> [(String, StoreFileKind)] {
    let backups = store + ".backups"
    var files: [(String, StoreFileKind)] = [
      (store, .store), (store + ".lock", .lock), (store + ".audit", .trail),
    ]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: backups)) ?? []
    files += names.map { (backups + "/" + $0, .backup) }
    return files
  }

  /// The stores `path` may be a file of, by its name: the path itself, without a
  /// `.lock` or `.audit` ending, or its folder without `.backups`; each counts when it
  /// is a regular file with a lock or a trail beside it, as every store has.
  static func storesNamed(by path: String) -> [String] {
    var candidates = [path]
    for ending in [".lock", ".audit"] where path.hasSuffix(ending) {
      candidates.append(String(path.dropLast(ending.count)))
    }
    let parent = folder(of: path)
    if parent.hasSuffix(".backups") { candidates.append(String(parent.dropLast(8))) }
    return candidates.filter { candidate in
      guard let info = status(candidate, following: true), info.isRegularFile else {
        return false
      }
      return status(candidate + ".lock") != nil || status(candidate + ".audit") != nil
    }
  }

  /// `path` with its folder's symlinks and `..` resolved (the last part as given), so
  /// two spellings of one place compare equal; as given when the folder is missing.
  static func resolvedFolder(of path: String) -> String {
    let url = URL(fileURLWithPath: path)
    guard let resolved = realpath(url.deletingLastPathComponent().path, nil) else { return path }
    defer { free(resolved) }
    let folder = String(cString: resolved)
    return (folder == "/" ? "" : folder) + "/" + url.lastPathComponent
  }

  static func isSameFile(_ a: stat?, _ b: stat?) -> Bool {
    guard let a, let b else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  /// stat(2) (or lstat(2)) of `path`, nil when there is nothing there.
  static func status(_ path: String, following: Bool = false) -> stat? {
    var info = stat()
    return (following ? stat(path, &info) : lstat(path, &info)) == 0 ? info : nil
  }

  static func folder(of path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().path
  }

  /// Creates `path` new, mode 0600; or, when a regular file of this user's is there,
  /// replaces it with a new file renamed over it. O_NONBLOCK with O_CREAT|O_EXCL: a
  /// FIFO (or anything) already there gives EEXIST at once, never a wait.
  static func place(_ data: Data, at path: String) throws {
    let created: FileDescriptor?
    do {
      created = try FileDescriptor(
        path: path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK, mode: 0o600)
    } catch {
      // EEXIST: something is there, looked at below.
      guard error.code == EEXIST else { throw error }
      created = nil
    }
    if let created {
      do {
        try created.writeAll(data)
      } catch {
        unlink(path)
        throw error
      }
      return
    }
    var info = stat()
    guard lstat(path, &info) == 0 else { throw SystemCallError("lstat") }
    guard info.isRegularFile else {
      throw InputFile.notRegular(path, InputFile.kind(info), writing: true)
    }
    guard info.st_uid == geteuid() else { throw ownedByAnother(path, info.st_uid) }
    let temporary = try TemporaryFile(beside: path, mode: 0o600, group: nil)
    _ = try temporary.write(data)
    try temporary.rename(over: path)
  }

  static func ownedByAnother(_ path: String, _ owner: uid_t) -> Failure {
    let name = getpwuid(owner).map { String(cString: $0.pointee.pw_name) } ?? "uid \(owner)"
    return Failure(
      path: path,
      message: LocalizedText(
        sv:
          "\(path): skrivs inte: filen tillhör en annan användare (\(name)); välj ett annat filnamn",
        en:
          "\(path): not written: the file belongs to another user (\(name)); choose another file name"
      ))
  }
}

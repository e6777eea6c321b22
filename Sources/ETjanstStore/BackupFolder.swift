import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `<store>.backups/`: the last versions of the store, each named by the UTC moment it
/// was replaced (`20250131T120304.123Z.plist`), so names sort by age. A backup is a
/// hard link to the replaced file: no copy, and no time spent however large the file.
/// Which are kept is `BackupKeeping`'s: by age, not by count.
struct BackupFolder {
  let path: String

  /// Links `current` into the folder under a name later than every existing backup
  /// (two saves in one millisecond, or a clock set back, still get ordered names).
  /// The folder is opened without following a symlink and checked (`StoreFolder`),
  /// and the link is made relative to that descriptor, so it lands in that folder.
  func keep(_ current: String, replacedAt now: Date, in folder: StoreFolder)
    throws(SystemCallError)
  {
    let directory = try folder.openFolderBeside(path)
    var millis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
    if let newest = entries().first { millis = max(millis, newest.millis + 1) }
    while true {
      if linkat(AT_FDCWD, current, directory.fd, Self.name(millis), 0) == 0 { return }
      guard errno == EEXIST else { throw SystemCallError("link") }
      millis += 1
    }
  }

  /// Newest first. Files in the folder that are not named like a backup are ignored.
  func list() -> [Backup] {
    entries().compactMap { entry in
      var info = stat()
      // lstat: a symlink named like a backup is not one.
      guard lstat(entry.path, &info) == 0, info.isRegularFile else { return nil }
      let modified =
        Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
      return Backup(
        path: entry.path, date: Date(timeIntervalSince1970: modified),
        replacedAt: Date(timeIntervalSince1970: Double(entry.millis) / 1000),
        size: Int(info.st_size))
    }
  }

  /// The backups, or why the folder cannot be read: a folder that does not exist
  /// yet holds none, but one this user may not read is not the same as empty.
  func readList() throws(SystemCallError) -> [Backup] {
    guard let dir = opendir(path) else {
      if errno == ENOENT { return [] }
      var error = SystemCallError("opendir")
      error.context = "the backups folder"
      throw error
    }
    closedir(dir)
    return list()
  }

  /// Deletes the backups `keeping` does not keep (judged by when each was replaced,
  /// from its name). Called under the store's lock. Failing to delete an old backup
  /// costs only disk space, so it does not fail the save that triggered it.
  func prune(in folder: StoreFolder, now: Date, keeping: BackupKeeping) {
    guard let directory = try? folder.openFolderBeside(path) else { return }
    let all = entries()
    let kept = keeping.kept(
      all.map { Date(timeIntervalSince1970: Double($0.millis) / 1000) }, now: now)
    for (i, entry) in all.enumerated() where !kept.contains(i) {
      unlinkat(directory.fd, URL(fileURLWithPath: entry.path).lastPathComponent, 0)
    }
  }

  /// The name (as milliseconds) of the newest backup, nil when there is none.
  var newestMillis: Int64? { entries().first?.millis }

  /// What `remove(upTo:)` did.
  struct Removal {
    var removed = 0
    var left = 0
    /// Why the first one left could not be deleted.
    var reason: String?
  }

  /// Deletes every backup named at or before `millis` (gallring: they hold what it
  /// removed), and fsyncs the folder.
  func remove(upTo millis: Int64) -> Removal {
    var removal = Removal()
    for entry in entries() where entry.millis <= millis {
      if unlink(entry.path) == 0 {
        removal.removed += 1
      } else if errno != ENOENT {
        removal.left += 1
        removal.reason = removal.reason ?? StoreError.reason(errno)
      }
    }
    try? FileDescriptor.syncFolder(path)
    return removal
  }

  private func entries() -> [(path: String, millis: Int64)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.compactMap { name in Self.millis(name).map { (path + "/" + name, $0) } }
      .sorted { $0.millis > $1.millis }
  }

  static func name(_ millis: Int64) -> String {
    var seconds = time_t(millis / 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d%02d%02dT%02d%02d%02d.%03dZ.plist", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec),
      Int(millis % 1000))
  }

  /// The inverse of `name`, or nil for any other file name.
  static func millis(_ name: String) -> Int64? {
    let digits = Array(name.utf8)
    guard digits.count == 26, name.hasSuffix("Z.plist"), digits[8] == UInt8(ascii: "T"),
      digits[15] == UInt8(ascii: ".")
    else { return nil }
    func number(_ range: Range<Int>) -> Int32? {
      Int32(String(decoding: digits[range], as: UTF8.self))
    }
    guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
      let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
      let fraction = number(16..<19)
    else { return nil }
    var parts = tm()
    parts.tm_year = year - 1900
    parts.tm_mon = month - 1
    parts.tm_mday = day
    parts.tm_hour = hour
    parts.tm_min = minute
    parts.tm_sec = second
    return Int64(timegm(&parts)) * 1000 + Int64(fraction)
  }
}

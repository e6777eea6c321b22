import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The next version of a file, written beside it and renamed over it once its bytes
/// are on disk. rename(2) within one folder is atomic, so a crash at any moment leaves
/// the old file or the new one, never a half-written one. If the new version is
/// abandoned (an error, a throw), the temporary file is removed.
///
/// Every temporary file made beside the store is one of these, named for the store
/// (`.<store>.<pid>.<random>.tmp`) whatever it will replace, and made under the
/// store's lock, so the sweep under the lock (`removeStale`) finds what a killed
/// process left: the new version of a save, a restore or an import (`StoreFile.prepare`),
/// the first version (`create`), gallring's new trail and its journal, notify's ledger
/// (`<store>.reminders`). Nothing else writes a temporary file there: a backup is a
/// hard link made under its final name, and the $EDITOR text lives in the system's
/// temporary folder.
///
/// Not `Data.write(options: .atomic)`: it does not keep the mode (0600 became 0644) and
/// replaces a symlink; not `FileManager.replaceItemAt`: on this Foundation it deletes
/// the original and then fails (a known defect of swift-corelibs-foundation).
final class TemporaryFile {
  let path: String
  private var descriptor: FileDescriptor?
  private var committed = false

  /// Creates an empty file next to `target` with exactly `mode` (fchmod, so the umask
  /// cannot widen or narrow it) and, when given, group `group`. If the group cannot be
  /// given, it throws: group-readable in this user's own group could show personal data
  /// to the wrong people, and 0600 would shut out the group's readers without a word.
  init(beside target: String, mode: mode_t, group: gid_t?) throws(SystemCallError) {
    let url = URL(fileURLWithPath: target)
    let folder = url.deletingLastPathComponent().path
    let name = Self.name(for: url.lastPathComponent)
    path = folder + "/" + name
    let descriptor = try FileDescriptor(
      path: path, flags: O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
    self.descriptor = descriptor
    // From here on deinit removes the file if anything below fails.
    if let group, fchown(descriptor.fd, uid_t.max, group) != 0 {
      var error = SystemCallError("fchown")
      error.context = "cannot give \(path) the group \(StoreFolder.groupName(group))"
      throw error
    }
    guard fchmod(descriptor.fd, mode) == 0 else { throw SystemCallError("fchmod") }
  }

  deinit {
    if !committed { unlink(path) }
  }

  /// Gives the file an owner and group (root writing another account's file, which
  /// must stay that account's).
  func own(user: uid_t, group: gid_t) throws(SystemCallError) {
    guard let descriptor else { preconditionFailure("TemporaryFile owned after commit") }
    guard fchown(descriptor.fd, user, group) == 0 else { throw SystemCallError("fchown") }
  }

  /// The file's name in its folder.
  var name: String { URL(fileURLWithPath: path).lastPathComponent }

  /// `.<store>.<pid>.<random>.tmp`
  static func name(for store: String) -> String {
    ".\(store).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
  }

  /// Whether `name` is a temporary file of `store` by that pattern, or by the one
  /// gallring's trail rewrite used before (`.<store>.audit.<pid>.<random>.tmp`), so
  /// what it left is swept too.
  static func isTemporary(_ name: String, of store: String) -> Bool {
    let prefix = "." + store + "."
    guard name.hasPrefix(prefix), name.hasSuffix(".tmp"), name.count > prefix.count + 4 else {
      return false
    }
    var rest = name.dropFirst(prefix.count).dropLast(4)
    if rest.hasPrefix("audit.") { rest = rest.dropFirst("audit.".count) }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2 && Int32(parts[0]) != nil && UInt32(parts[1]) != nil
  }

  /// Removes the temporary files of `store` left in `folder` by a process that died
  /// (kill -9, a power cut). Called with the store's lock held: every temporary file
  /// is made under the lock, so none of them belongs to a save in progress.
  static func removeStale(of store: String, in folder: StoreFolder) {
    guard let directory = opendir(folder.path) else { return }
    defer { closedir(directory) }
    let fd = dirfd(directory)
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard isTemporary(name, of: store) else { continue }
      var info = stat()
      guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      // Only what this user (or, shared, the group) could have made; never a symlink's target.
      guard (try? folder.check(info, folder.path + "/" + name, folder: false)) != nil else {
        continue
      }
      unlinkat(fd, name, 0)
    }
  }

  /// Writes and fsyncs the bytes, and returns the stamp the file will have once
  /// renamed (rename keeps the inode and the mtime).
  func write(_ data: Data) throws(SystemCallError) -> FileStamp {
    guard let descriptor else { preconditionFailure("TemporaryFile written after commit") }
    try descriptor.writeAll(data)
    try descriptor.sync()
    return FileStamp(try descriptor.status())
  }

  /// Writes and fsyncs a spliced version (`SplicedXML`: encoded bytes, and runs copied
  /// from `source`, the old version); returns the stamp as `write(_:)` does.
  /// `meanwhile` runs once the bytes are written, beside the fsync (which mostly waits
  /// on the disk): a save checks the runs it copied there (`verify`), reading the old
  /// file again, instead of after it.
  func write<T>(
    _ xml: SplicedXML, copyingFrom source: FileDescriptor?, kernelCopy: KernelCopy,
    meanwhile: () -> T
  ) throws(SystemCallError) -> (FileStamp, T) {
    guard let descriptor else { preconditionFailure("TemporaryFile written after commit") }
    try xml.write(to: descriptor, from: source, kernelCopy: kernelCopy)
    let fd = descriptor.fd
    let syncing = Beside(true) { fsync(fd) == 0 ? nil : errno }
    let value = meanwhile()
    if let code = syncing.value() { throw SystemCallError("fsync", code) }
    return (FileStamp(try descriptor.status()), value)
  }

  /// The file stays under its name from here on, for a journal that names it
  /// (gallring's) to rename into place.
  func keep() {
    descriptor = nil
    committed = true
  }

  /// After a spliced version was written: whether its copied runs are the bytes the
  /// load read (`SplicedXML.verify`); the new file's checksum, or nil.
  func verify(
    _ xml: SplicedXML, source: FileDescriptor, as loaded: (stamp: FileStamp, sum: UInt64)
  ) -> UInt64? {
    guard let descriptor else { return nil }
    return xml.verify(
      source: source, expected: loaded.sum, stamp: loaded.stamp, written: descriptor)
  }

  /// Renames the file over `target` (replacing it atomically, or creating it).
  func rename(over target: String) throws(SystemCallError) {
    descriptor = nil
    guard Glibc.rename(path, target) == 0 else { throw SystemCallError("rename") }
    committed = true
  }

  /// Gives the file the name `target` only if nothing has it yet: link(2) fails with
  /// EEXIST rather than replace, so a first run can never overwrite a store.
  func link(asNew target: String) throws(SystemCallError) {
    descriptor = nil
    guard Glibc.link(path, target) == 0 else { throw SystemCallError("link") }
    // The temporary name is removed by deinit; the data stays under `target`.
  }
}

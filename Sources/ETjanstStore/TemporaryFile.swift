import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The next version of a file, written beside it and renamed over it once its bytes
/// are on disk. rename(2) within one folder is atomic, so a crash at any moment leaves
/// the old file or the new one, never a half-written one. If the new version is
/// abandoned (an error, a throw), the temporary file is removed.
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
      path: path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
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

  /// `.<store>.<pid>.<random>.tmp`
  static func name(for store: String) -> String {
    ".\(store).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
  }

  /// Whether `name` is a temporary file of `store` by that pattern.
  static func isTemporary(_ name: String, of store: String) -> Bool {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    let storeParts = store.split(separator: ".", omittingEmptySubsequences: false)
    guard name.hasPrefix("." + store + "."), name.hasSuffix(".tmp"),
      parts.count == storeParts.count + 4
    else { return false }
    return UInt32(parts[parts.count - 2]) != nil && Int32(parts[parts.count - 3]) != nil
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
  func write(_ xml: SplicedXML, copyingFrom source: FileDescriptor?, kernelCopy: KernelCopy)
    throws(SystemCallError) -> FileStamp
  {
    guard let descriptor else { preconditionFailure("TemporaryFile written after commit") }
    try xml.write(to: descriptor, from: source, kernelCopy: kernelCopy)
    try descriptor.sync()
    return FileStamp(try descriptor.status())
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

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file the program writes for the user: a register extract, an export, the text
/// handed to $EDITOR. What it holds may be personal data, so it is readable by its
/// owner only from the moment it exists: created O_EXCL with mode 0600 (no umask
/// window, unlike `FileManager.createFile` or `Data.write`, which create with the
/// umask's mode and chmod after). An existing regular file the user named is reused:
/// fchmod 0600 before it is emptied, so a refusal leaves it as it was. A symlink, a
/// FIFO, a folder or a device is refused in the same one line as `InputFile` gives;
/// a symlink's target is never touched.
public enum OutputFile {
  public typealias Failure = InputFile.Failure

  public static func write(_ data: Data, to path: String) throws(Failure) {
    do {
      let descriptor = try open(path)
      try descriptor.writeAll(data)
    } catch let error as Failure {
      throw error
    } catch {
      throw InputFile.failed(path, error, writing: true)
    }
  }

  /// Creates `path` new, mode 0600, or opens the regular file already there, and
  /// empties it; nothing else is opened. O_NONBLOCK: opening a FIFO with no reader
  /// fails (ENXIO) instead of waiting; a regular file ignores the flag.
  static func open(_ path: String) throws -> FileDescriptor {
    let flags = O_WRONLY | O_NOFOLLOW | O_NONBLOCK
    // Two tries: the file can be removed between a failed O_EXCL and the reopen.
    for _ in 0..<2 {
      let created: FileDescriptor?
      do {
        created = try FileDescriptor(path: path, flags: flags | O_CREAT | O_EXCL, mode: 0o600)
      } catch {
        // EEXIST: someone else's file, or this user's own: reused below.
        guard error.code == EEXIST else { throw refusal(path, error) }
        created = nil
      }
      if let created { return created }
      let descriptor: FileDescriptor
      do {
        descriptor = try FileDescriptor(path: path, flags: flags)
      } catch {
        if error.code == ENOENT { continue }
        throw refusal(path, error)
      }
      let info = try descriptor.status()
      guard info.isRegularFile else {
        throw InputFile.notRegular(path, InputFile.kind(info), writing: true)
      }
      guard fchmod(descriptor.fd, 0o600) == 0 else { throw SystemCallError("fchmod") }
      guard ftruncate(descriptor.fd, 0) == 0 else { throw SystemCallError("ftruncate") }
      return descriptor
    }
    throw SystemCallError("open", ENOENT)
  }

  /// Why `path` could not be opened: the one-line refusal when something other than
  /// a regular file lies there (a symlink gives ELOOP, a FIFO with no reader ENXIO, a
  /// folder EISDIR), else the system call's own error.
  private static func refusal(_ path: String, _ error: SystemCallError) -> any Error {
    var info = stat()
    guard [ELOOP, ENXIO, EISDIR].contains(error.code), lstat(path, &info) == 0,
      !info.isRegularFile
    else { return error }
    return InputFile.notRegular(path, InputFile.kind(info), writing: true)
  }
}

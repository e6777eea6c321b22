import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small tmpfs of its own, mounted for one test (root only) and unmounted when the
/// test drops it: a real file system that runs out of space where the test says.
///
/// `fill(leavingPages:)` fills it with a file of its own and then gives back exactly
/// that many pages, so the next writes fail with ENOSPC after that much.
public final class SmallFilesystem {
  /// The mount point; `folder` is a 0700 folder in it for the store.
  public let path: String
  public var folder: String { path + "/store" }
  private let filler: String

  /// Why such tests cannot run here, or nil (mounting needs root).
  public static var unavailable: String? {
    geteuid() == 0 ? nil : "mounting a tmpfs needs root (CI runs the tests as root)"
  }

  public static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  public init(bytes: Int) throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("etjanst-tmpfs-\(UUID().uuidString)").path
    filler = path + "/filler"
    guard mkdir(path, 0o700) == 0 else { throw POSIXError(.EACCES) }
    let mounted = try spawnAndWait(
      ["mount", "-t", "tmpfs", "-o", "size=\(bytes),mode=0700", "tmpfs", path],
      environment: ProcessInfo.processInfo.environment)
    guard mounted.status == 0 else {
      rmdir(path)
      throw MountFailed(detail: mounted.errors)
    }
    guard mkdir(folder, 0o700) == 0 else { throw POSIXError(.EACCES) }
  }

  deinit {
    _ = try? spawnAndWait(["umount", path], environment: ProcessInfo.processInfo.environment)
    rmdir(path)
  }

  public struct MountFailed: Error, CustomStringConvertible {
    public var detail: String
    public var description: String { "mount -t tmpfs failed: \(detail)" }
  }

  /// Free bytes as the file system reports them.
  public var free: Int {
    var info = statvfs()
    statvfs(path, &info)
    return Int(info.f_bavail) * Int(info.f_frsize)
  }

  /// Fills every free page with the filler file, then gives `pages` of them back.
  public func fill(leavingPages pages: Int) {
    let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    var size = lseek(fd, 0, SEEK_END)
    let block = [UInt8](repeating: 0x2E, count: Self.pageSize)
    while true {
      let written = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if written <= 0 { break }
      size += off_t(written)
    }
    ftruncate(fd, max(0, size - off_t(pages * Self.pageSize)))
  }

  /// Gives back every page the filler holds.
  public func empty() { unlink(filler) }
}

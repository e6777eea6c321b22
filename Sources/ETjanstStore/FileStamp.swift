#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` says about a version of the store file, to tell cheaply whether
/// another process saved since this one last read. Every save renames a new file into
/// place, so the inode changes; size and the nanosecond mtime guard against an inode
/// number being reused.
struct FileStamp: Equatable, Sendable {
  let device: UInt64
  let inode: UInt64
  let size: Int64
  let modifiedSeconds: Int
  let modifiedNanoseconds: Int

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modifiedSeconds = Int(info.st_mtim.tv_sec)
    modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
  }
}

extension stat {
  var permissions: UInt32 { UInt32(st_mode) & 0o7777 }
  var isWorldWritable: Bool { UInt32(st_mode) & UInt32(S_IWOTH) != 0 }
  var isRegularFile: Bool { UInt32(st_mode) & UInt32(S_IFMT) == UInt32(S_IFREG) }
}

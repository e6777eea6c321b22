import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A large store's bytes in an anonymous mapping of their own, so that the one-pass
/// reader can give back the pages it has read while it reads the rest: a region's
/// 39 MB were all resident while its entities were decoded, which put the console's
/// peak over 80 MB. Not a mapping of the file: a file cut short while mapped would
/// kill the process (SIGBUS); this memory is the program's own.
///
/// Nothing is given back before the pre-scan has read every byte (`scanned()`); after
/// that a page is given back only when the one reader that passed it is done with it.
/// A given-back page reads as zeros, so a reader that must start again (the whole-tree
/// way) reads the file again (`gaveBack`).
final class LoadBuffer: @unchecked Sendable {
  // @unchecked: `isScanned` and `gaveBack` are guarded by `lock`; the bytes are only
  // read, and `giveBack` drops only pages inside the range its caller is done with.
  let data: Data
  private let base: UnsafeMutableRawPointer
  private let lock = NSLock()
  private var isScanned = false
  private var didGiveBack = false
  static let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))

  /// Reads `size` bytes from the start of `fd` (by pread, so the descriptor's offset
  /// stays at 0 for an ordinary read). Nil when no mapping can be made or the file is
  /// no longer `size` bytes long: then it is read the ordinary way.
  init?(_ fd: Int32, size: Int) throws(SystemCallError) {
    // One page more than the file, to see whether it grew since it was measured.
    let mapped = size + Self.page
    let p = mmap(nil, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let p, p != MAP_FAILED else { return nil }
    var filled = 0
    while filled < mapped {
      let n = pread(fd, p + filled, mapped - filled, off_t(filled))
      if n < 0 {
        if errno == EINTR { continue }
        let error = SystemCallError("read")
        munmap(p, mapped)
        throw error
      }
      if n == 0 { break }
      filled += n
    }
    guard filled == size else {
      munmap(p, mapped)
      return nil
    }
    base = p
    data = Data(bytesNoCopy: p, count: size, deallocator: .custom { p, _ in munmap(p, mapped) })
  }

  /// The pre-scan has read every byte: from now on pages may be given back.
  func scanned() { lock.withLock { isScanned = true } }

  /// True when some page was given back, so `data` is no longer the whole file.
  var gaveBack: Bool { lock.withLock { didGiveBack } }

  /// Gives back the whole pages inside `range`, which the caller has read and will
  /// not read again; nothing before the pre-scan is done.
  func giveBack(_ range: Range<Int>) {
    lock.withLock {
      guard isScanned else { return }
      let start = (range.lowerBound + Self.page - 1) / Self.page * Self.page
      let end = min(range.upperBound, data.count) / Self.page * Self.page
      guard end > start, madvise(base + start, end - start, MADV_DONTNEED) == 0 else { return }
      didGiveBack = true
    }
  }
}

import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A consistent copy of the store and its trail, for an off-host backup tool to pick
/// up (`etjanst backup --to DIR`).
public struct StoreCopy: Sendable, Equatable {
  /// The copy of the store and of its trail (nil when the store has no trail yet).
  public let store: String
  public let trail: String?
  /// The save id the copied store holds, in its name too.
  public let saveID: String?
}

extension StoreFile {
  /// `<store>.offsite`: the folders `copy(to:)` has written to, one a line, so
  /// gallring can name the copies it cannot reach.
  public var offsitePath: String { filePath + ".offsite" }

  /// Copies the store and its trail into `folder` under the store's lock (no save
  /// can come between the two), each to a hidden temporary name, fsynced, read back
  /// and compared (the store decoded, its save id the one read; the trail byte for
  /// byte), and only then renamed to `etjanst-<UTC time>-<save id>.plist` and
  /// `.audit`, so a tool never picks up half a copy. The files are 0600, made with
  /// O_EXCL and O_NOFOLLOW. The folder is noted in `<store>.offsite`.
  public func copy(to folder: String, now: Date) throws(StoreError) -> StoreCopy {
    let place = try storeFolder()
    let lock: ExclusiveLock
    do {
      lock = try takeLock(place)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, .cannotWrite("\(error)"))
    }
    defer { withExtendedLifetime(lock) {} }
    let document = try Self.decodeFile(at: filePath)
    let base =
      "etjanst-" + Self.copyTime(now) + (document.saveID.map { "-" + Self.fileSafe($0) } ?? "")
    let store = folder + "/" + base + ".plist"
    let trail = folder + "/" + base + ".audit"
    do throws(SystemCallError) {
      try Self.copyChecked(from: filePath, to: store)
    } catch {
      throw StoreError(path: folder, .cannotWrite(error.detail))
    }
    // Read back as a store is read: every check of a load, and the same save.
    let copied = try? Self.decodeFile(at: store)
    guard let copied, copied.saveID == document.saveID else {
      unlink(store)
      throw StoreError(path: store, .cannotWrite("the copy does not read back as the store"))
    }
    do throws(SystemCallError) {
      var hasTrail = false
      if (try? FileDescriptor.openRegular(auditPath, followSymlinks: false)) != nil {
        try Self.copyChecked(from: auditPath, to: trail)
        hasTrail = true
      }
      try? FileDescriptor.syncFolder(folder)
      note(folder, in: place)
      return StoreCopy(store: store, trail: hasTrail ? trail : nil, saveID: document.saveID)
    } catch {
      throw StoreError(path: folder, .cannotWrite(error.detail))
    }
  }

  /// The folders copies were written to, as noted (missing file: none).
  public func offsiteFolders() -> [String] {
    guard
      let data = try? FileDescriptor.openRegular(offsitePath, followSymlinks: false).0
        .readToEnd()
    else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  private func note(_ folder: String, in place: StoreFolder) {
    let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
    guard !offsiteFolders().contains(absolute),
      let descriptor = try? place.openBeside(offsitePath, flags: O_WRONLY | O_APPEND | O_CREAT)
    else { return }
    try? descriptor.writeAll(Data((TextCleaning.line(absolute) + "\n").utf8))
    try? descriptor.sync()
  }

  /// `from` copied to `to` through a hidden temporary name: written, fsynced, read
  /// back and compared with the source block by block, then renamed.
  static func copyChecked(from source: String, to target: String) throws(SystemCallError) {
    let url = URL(fileURLWithPath: target)
    let temporary =
      url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".partial"
    let input: FileDescriptor
    do {
      input = try FileDescriptor.openRegular(source, followSymlinks: false).0
    } catch let error as SystemCallError {
      throw error
    } catch {
      throw SystemCallError("open", EINVAL)
    }
    let output = try FileDescriptor(
      path: temporary, flags: O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode: 0o600)
    var done = false
    defer { if !done { unlink(temporary) } }
    _ = fchmod(output.fd, 0o600)
    let block = 1 << 20
    var buffer = [UInt8](repeating: 0, count: block)
    var again = [UInt8](repeating: 0, count: block)
    var offset: off_t = 0
    while true {
      let n = try read(input.fd, &buffer, at: offset)
      if n == 0 { break }
      try output.writeAll(buffer[0..<n])
      offset += off_t(n)
    }
    try output.sync()
    // Read back: the copy must hold exactly the bytes read from the source.
    var position: off_t = 0
    while position < offset {
      let n = try read(input.fd, &buffer, at: position)
      let m = try read(output.fd, &again, at: position)
      guard n == m, n > 0, buffer[0..<n] == again[0..<m] else {
        throw SystemCallError("compare", EIO)
      }
      position += off_t(n)
    }
    guard try read(output.fd, &again, at: position) == 0 else {
      throw SystemCallError("compare", EIO)
    }
    if link(temporary, target) != 0 { throw SystemCallError("link") }
    done = true
    unlink(temporary)
  }

  private static func read(_ fd: Int32, _ buffer: inout [UInt8], at offset: off_t)
    throws(SystemCallError) -> Int
  {
    while true {
      let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      if n >= 0 { return n }
      if errno != EINTR { throw SystemCallError("pread") }
    }
  }

  /// "20261207T014501Z": sorts by time.
  static func copyTime(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d%02d%02dT%02d%02d%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }

  /// A save id as part of a file name: letters, digits and - only.
  static func fileSafe(_ text: String) -> String {
    String(
      text.unicodeScalars.filter {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-"
      }.map(Character.init).prefix(64))
  }
}

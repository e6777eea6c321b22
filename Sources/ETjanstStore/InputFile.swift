import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opened to be read, but fstat says it is not a regular file (a FIFO, a folder, a device).
struct NotRegularFile: Error {
  let info: stat
}

extension FileDescriptor {
  /// Opens a file to read it: the one way the program opens what it reads (the store,
  /// its trail, an import file, a key file). O_NONBLOCK: opening a FIFO for reading
  /// would otherwise wait for a writer forever; fstat then refuses anything but a
  /// regular file before a byte is read (a regular file ignores the flag). Without
  /// `followSymlinks`, O_NOFOLLOW too, for the files beside the store.
  static func openRegular(_ path: String, followSymlinks: Bool = true) throws -> (
    FileDescriptor, stat
  ) {
    let descriptor = try FileDescriptor(
      path: path, flags: O_RDONLY | O_NONBLOCK | (followSymlinks ? 0 : O_NOFOLLOW))
    let info = try descriptor.status()
    guard info.isRegularFile else { throw NotRegularFile(info: info) }
    return (descriptor, info)
  }
}

/// A file the user names on the command line for the program to read: an import's
/// CSV, a public key. Read the way the store is (`FileDescriptor.openRegular`), so a
/// FIFO or a device is refused in one line instead of blocking the command forever.
public enum InputFile {
  /// Why the file could not be read: one line naming it, in both languages.
  public struct Failure: ExplainedError, Sendable, Equatable {
    public let path: String
    public let message: LocalizedText
    /// There is no such file (some readers take that as empty).
    public var isMissing = false
  }

  public static func read(_ path: String) throws(Failure) -> Data {
    do {
      let (descriptor, info) = try FileDescriptor.openRegular(path)
      return try descriptor.readToEnd(sizeHint: Int(info.st_size))
    } catch let error as NotRegularFile {
      throw notRegular(path, kind(error.info))
    } catch let error as SystemCallError where error.code == ENOENT {
      throw Failure(
        path: path,
        message: LocalizedText(sv: "\(path): filen finns inte", en: "\(path): no such file"),
        isMissing: true)
    } catch {
      throw failed(path, error)
    }
  }

  /// Any other failure to read or write `path`: one line with the system's reason.
  static func failed(_ path: String, _ error: any Error, writing: Bool = false) -> Failure {
    let reason = (error as? SystemCallError)?.reason ?? "\(error)"
    let what =
      writing
      ? LocalizedText(sv: "filen kan inte skrivas", en: "cannot write the file")
      : LocalizedText(sv: "filen kan inte läsas", en: "cannot read the file")
    return Failure(
      path: path,
      message: LocalizedText(
        sv: "\(path): \(what.sv) (\(reason))", en: "\(path): \(what.en) (\(reason))"))
  }

  /// The file as UTF-8 text (a byte that is not UTF-8 becomes U+FFFD).
  public static func text(_ path: String) throws(Failure) -> String {
    String(decoding: try read(path), as: UTF8.self)
  }

  /// The one line that refuses a file that is not a regular one, to read or to write.
  static func notRegular(_ path: String, _ kind: LocalizedText, writing: Bool = false) -> Failure {
    let verb =
      writing
      ? LocalizedText(sv: "kan inte skrivas", en: "cannot be written")
      : LocalizedText(sv: "kan inte läsas", en: "cannot be read")
    return Failure(
      path: path,
      message: LocalizedText(
        sv: "\(path): \(verb.sv): det är \(kind.sv), inte en vanlig fil",
        en: "\(path): \(verb.en): it is \(kind.en), not a regular file"))
  }

  static func kind(_ info: stat) -> LocalizedText {
    switch UInt32(info.st_mode) & UInt32(S_IFMT) {
    case UInt32(S_IFIFO): LocalizedText(sv: "en namngiven pipe (FIFO)", en: "a named pipe (FIFO)")
    case UInt32(S_IFDIR): LocalizedText(sv: "en mapp", en: "a folder")
    case UInt32(S_IFCHR), UInt32(S_IFBLK): LocalizedText(sv: "en enhet", en: "a device")
    case UInt32(S_IFSOCK): LocalizedText(sv: "en socket", en: "a socket")
    case UInt32(S_IFLNK): LocalizedText(sv: "en symbolisk länk", en: "a symbolic link")
    default: LocalizedText(sv: "något annat än en fil", en: "something other than a file")
    }
  }
}

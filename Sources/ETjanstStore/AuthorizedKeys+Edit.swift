import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Changing authorized_keys (`keys add`, `keys remove`) and judging its keys' logins
/// against the store (`keys list`).
extension AuthorizedKeys {
  /// Replaces the file at `path` with `change(its text)`, under an exclusive lock on
  /// its folder (two `keys` commands at once lose neither's change), atomically
  /// (a new file beside it, synced, renamed over it), keeping its mode, owner and
  /// group (sshd refuses a file others may write, or one owned by someone else); a new
  /// file is 0600. The folder must exist. Nothing is written when the text is the same.
  static func rewrite<Value>(
    _ path: String, _ change: (String) throws(KeyError) -> (text: String, result: Value)
  ) throws(KeyError) -> Value {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      // The folder, not the file: the file is replaced by rename, and a lock on a
      // replaced inode would guard nothing. A lock file would be one more file in ~/.ssh.
      let directory = try FileDescriptor(path: folder, flags: O_RDONLY | O_DIRECTORY)
      while flock(directory.fd, LOCK_EX) != 0 {
        if errno != EINTR { throw SystemCallError("flock") }
      }
      defer { flock(directory.fd, LOCK_UN) }
      let existing: String
      do {
        existing = try read(path)
      } catch {
        throw KeyError.cannotWrite(error.message.en)
      }
      let (text, result) = try change(existing)
      guard text != existing else { return result }
      var info = stat()
      let kept = lstat(path, &info) == 0 ? info : nil
      let temporary = try TemporaryFile(
        beside: path, mode: kept.map { $0.st_mode & 0o7777 } ?? 0o600, group: nil)
      if let kept, kept.st_uid != geteuid() || kept.st_gid != getegid() {
        try temporary.own(user: kept.st_uid, group: kept.st_gid)
      }
      _ = try temporary.write(Data(text.utf8))
      try temporary.rename(over: path)
      try FileDescriptor.syncFolder(folder)
      return result
    } catch let error as KeyError {
      throw error
    } catch let error as SystemCallError {
      throw .cannotWrite("\(path): \(error.reason)")
    } catch {
      throw .cannotWrite("\(path): \(error)")
    }
  }

  /// Removes etjanst's keys for `login` from the file at `path`: every one, or only
  /// `key` (a public key, as `publicKey(from:)` reads it). Lines that are not etjanst's
  /// (no forced command of etjanst's), comments and blank lines are kept byte for byte.
  /// Returns how many keys went; none is an error.
  @discardableResult
  public static func remove(login: String, key: Line? = nil, from path: String) throws(KeyError)
    -> Int
  {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder) else {
      throw .noKey(login: login, key: key.map(\.shortKey))
    }
    return try rewrite(path) { (text: String) throws(KeyError) -> (text: String, result: Int) in
      // By bytes, so a CRLF line or a last line without a newline stays as it was.
      var kept: [ArraySlice<UInt8>] = []
      var removed = 0
      var tiedElsewhere: String??
      let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
      for bytes in lines {
        let line = parse(
          line: String(decoding: bytes, as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines))
        if let line, key == nil || line.key == key?.key {
          if line.login == login {
            removed += 1
            continue
          }
          if key != nil { tiedElsewhere = .some(line.login) }
        }
        kept.append(bytes)
      }
      if removed == 0 {
        if let tiedElsewhere, let key {
          throw .notTiedTo(login: login, key: key.shortKey, tiedTo: tiedElsewhere)
        }
        throw .noKey(login: login, key: key.map(\.shortKey))
      }
      return (String(decoding: Array(kept.joined(separator: [0x0A])), as: UTF8.self), removed)
    }
  }

  /// What is wrong with a key of etjanst's whose forced command names `login`, by the
  /// store: the login is no user of the store (the key opens only a refusal), or the
  /// staff member with that login has been removed (their access should have gone
  /// with them). Nil when the login is a user and not removed.
  public static func loginWarning(_ login: String, in m: Municipality) -> LoginWarning? {
    guard m.user(login: login) != nil else { return .notAUser(login) }
    if m.staff.contains(where: {
      StaffMember.sameLogin($0.login, login) && $0.status == .removed
    }) {
      return .removedStaff(login)
    }
    return nil
  }

  /// Why `keys list` flags a key tied to a login.
  public enum LoginWarning: Equatable, Sendable {
    case notAUser(String)
    case removedStaff(String)

    public var message: LocalizedText {
      switch self {
      case .notAUser(let login):
        return LocalizedText(
          sv:
            "VARNING: \(login) är inte användare i registret – nyckeln öppnar bara en vägran; ta bort den med etjanst keys remove \(login)",
          en:
            "WARNING: \(login) is not a user of the store – the key opens only a refusal; remove it with etjanst keys remove \(login)"
        )
      case .removedStaff(let login):
        return LocalizedText(
          sv:
            "VARNING: \(login) är borttagen ur personalen men är fortfarande användare; ta bort nyckeln med etjanst keys remove \(login)",
          en:
            "WARNING: \(login) has been removed from the staff but is still a user; remove the key with etjanst keys remove \(login)"
        )
      }
    }
  }
}

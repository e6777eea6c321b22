#if canImport(Glibc)
  import Glibc
#endif

/// Who is running the program, as the operating system knows it. Never from $USER or
/// $LOGNAME: those are set by whoever starts the process, and the login decides what
/// a person may see and change.
public enum SystemIdentity {
  /// The effective user's login name; the numeric uid when the user has no passwd
  /// entry (a container), which then simply matches no user in the store.
  public static func currentLogin() -> String {
    let uid = geteuid()
    return passwdEntry(uid) { String(cString: $0.pw_name) } ?? String(uid)
  }

  /// The login of `uid` (a file's owner: a dropped request's sender), or nil when the
  /// passwd database has none.
  static func login(of uid: uid_t) -> String? {
    passwdEntry(uid) { String(cString: $0.pw_name) }
  }

  /// The effective user's home folder from the passwd database, for when $HOME is unset.
  static func homeDirectory() -> String? {
    passwdEntry(geteuid()) { String(cString: $0.pw_dir) }
  }

  /// getpwuid_r rather than getpwuid: the console and its tests call this from several
  /// threads, and getpwuid returns a shared static buffer.
  private static func passwdEntry<T>(_ uid: uid_t, _ field: (passwd) -> T) -> T? {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 4096)
    while true {
      let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
      if status == ERANGE && buffer.count < 1 << 20 {
        buffer = [CChar](repeating: 0, count: buffer.count * 4)
        continue
      }
      guard status == 0, result != nil else { return nil }
      return field(entry)
    }
  }
}

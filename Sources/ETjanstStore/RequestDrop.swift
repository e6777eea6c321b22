import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The drop folder beside a store that managers read in group mode
/// (`<store>.requests/`), where they file requests they cannot write into the 0640
/// store, as a mail spool's drop folder works: mode 1730 in the managers' group, so a
/// manager can create a file there but cannot list the folder, and the sticky bit
/// keeps them from removing or renaming another's file; each file has a random name
/// (128 bits) and is 0640 in the folder's group, readable by the e-coordinator.
///
/// A dropped file is untrusted input: the e-coordinator's side (`StoreFile.perform`,
/// under the store's lock) reads only a regular file with one link, of at most
/// `maximumBytes`, takes its sender from the file's owner (never from what it says),
/// its moment from its change time, and files it through the same rules as any
/// request (`FileRequest`, as that sender). What the rules refuse is renamed
/// `<name>.refused` and left for the e-coordinator to read.
public struct RequestDrop: Sendable {
  public let path: String
  public static let maximumBytes = 64 * 1024
  static let suffix = ".request"
  static let partSuffix = ".part"
  static let refusedSuffix = ".refused"

  public init(store: String) { path = store + ".requests" }

  /// The folder, when it is one (never through a symlink).
  func folderStatus() -> stat? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
    return info
  }

  public var exists: Bool { folderStatus() != nil }

  // MARK: - The manager's side

  /// Writes `draft` as a new request file named by `id`; the file is complete under
  /// its final name or not there at all. Refused when the folder is not the drop
  /// folder `share --managers` makes (a sticky folder others cannot write, owned by
  /// the store's owner).
  public func drop(_ draft: RequestDraft, id: EntityID<Request>, storeOwner: uid_t) throws {
    guard let info = folderStatus() else { throw DropError.noFolder(path) }
    let mode = info.st_mode
    guard mode & S_ISVTX != 0, mode & S_IWOTH == 0, info.st_uid == storeOwner else {
      throw DropError.notADropFolder(path)
    }
    guard UUID(uuidString: id.rawValue) != nil else { throw DropError.notADropFolder(path) }
    let data = try JSONEncoder().encode(draft)
    guard data.count <= Self.maximumBytes else { throw DropError.tooLarge }
    let part = path + "/" + id.rawValue + Self.partSuffix
    let final = path + "/" + id.rawValue + Self.suffix
    do throws(SystemCallError) {
      let file = try FileDescriptor(
        path: part, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
      var ok = false
      defer { if !ok { unlink(part) } }
      guard fchown(file.fd, uid_t.max, info.st_gid) == 0 else { throw SystemCallError("fchown") }
      guard fchmod(file.fd, 0o640) == 0 else { throw SystemCallError("fchmod") }
      try file.writeAll(data)
      try file.sync()
      guard rename(part, final) == 0 else { throw SystemCallError("rename") }
      ok = true
    } catch {
      throw DropError.cannotWrite(path, error.reason)
    }
  }

  // MARK: - The e-coordinator's side

  /// One request file found in the folder.
  struct Dropped {
    let name: String
    let id: EntityID<Request>
    /// The file owner's login: the sender.
    let sender: String
    /// The file's change time (its rename into place), as the moment it was sent.
    let sent: Date
    let draft: RequestDraft
  }

  /// A file that cannot be a request, and why.
  struct Unreadable: Error {
    let name: String
    let reason: LocalizedText
  }

  /// The request files waiting, oldest first, each read and checked; a file that
  /// is not a request comes back as `Unreadable`.
  func pending() -> [Result<Dropped, Unreadable>] {
    guard exists, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      return []
    }
    let found = names.filter { $0.hasSuffix(Self.suffix) }.map(read)
    return found.sorted { a, b in
      switch (a, b) {
      case (.success(let x), .success(let y)): x.sent < y.sent
      case (.failure, .success): true
      default: false
      }
    }
  }

  private func read(_ name: String) -> Result<Dropped, Unreadable> {
    func refuse(_ sv: String, _ en: String) -> Result<Dropped, Unreadable> {
      .failure(Unreadable(name: name, reason: LocalizedText(sv: sv, en: en)))
    }
    let raw = String(name.dropLast(Self.suffix.count))
    guard UUID(uuidString: raw) != nil, raw == raw.lowercased() else {
      return refuse("namnet är inte en begärans", "the name is not a request's")
    }
    let descriptor: FileDescriptor
    let info: stat
    do {
      (descriptor, info) = try FileDescriptor.openRegular(path + "/" + name, followSymlinks: false)
    } catch {
      return refuse("kan inte läsas som en vanlig fil", "cannot be read as a regular file")
    }
    guard info.st_nlink == 1 else {
      return refuse("filen har fler namn än ett", "the file has more than one name")
    }
    let tooLarge = refuse(
      "filen är större än \(Self.maximumBytes) byte",
      "the file is larger than \(Self.maximumBytes) bytes")
    guard info.st_size <= off_t(Self.maximumBytes) else { return tooLarge }
    guard let sender = SystemIdentity.login(of: info.st_uid) else {
      return refuse("filens ägare har ingen inloggning", "the file's owner has no login")
    }
    // At most one byte past the bound: the sender owns the file and may grow it after
    // the size above was taken.
    guard
      let data = try? descriptor.readToEnd(sizeHint: Int(info.st_size), limit: Self.maximumBytes)
    else { return refuse("kan inte läsas", "cannot be read") }
    guard data.count <= Self.maximumBytes else { return tooLarge }
    guard let draft = try? JSONDecoder().decode(RequestDraft.self, from: data) else {
      return refuse("innehållet är ingen begäran", "the content is not a request")
    }
    let sent = Date(
      timeIntervalSince1970: Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
    return .success(
      Dropped(name: name, id: EntityID(raw), sender: sender, sent: sent, draft: draft))
  }

  /// Takes a file taken in (or already in the store) out of the folder.
  func remove(_ name: String) {
    unlink(path + "/" + name)
  }

  /// Puts a refused file aside under `<name>.refused`, with the reason beside it.
  func refuse(_ name: String, _ reason: LocalizedText) {
    let base = path + "/" + String(name.dropLast(Self.suffix.count))
    rename(path + "/" + name, base + Self.refusedSuffix)
    if let note = try? FileDescriptor(
      path: base + Self.refusedSuffix + ".txt", flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW,
      mode: 0o600)
    {
      try? note.writeAll(Data((reason.sv + "\n" + reason.en + "\n").utf8))
    }
  }

  /// How many refused files lie in the folder.
  public func refusedCount() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { $0.hasSuffix(Self.refusedSuffix) }.count
  }
}

/// Why a request could not be dropped, in both languages.
public enum DropError: ExplainedError, Sendable, Equatable {
  case noFolder(String)
  case notADropFolder(String)
  case tooLarge
  case cannotWrite(String, String)

  public var message: LocalizedText {
    switch self {
    case .noFolder(let path):
      LocalizedText(
        sv:
          "registret tar inte emot begäranden (\(path) finns inte): be e-samordnaren köra `etjanst share --managers GRUPP`",
        en:
          "the store takes no requests (\(path) does not exist): ask the e-coordinator to run `etjanst share --managers GROUP`"
      )
    case .notADropFolder(let path):
      LocalizedText(
        sv: "\(path) är ingen inlämningsmapp (läge 1730, registrets ägare)",
        en: "\(path) is no drop folder (mode 1730, the store's owner)")
    case .tooLarge:
      LocalizedText(sv: "begäran är för stor", en: "the request is too large")
    case .cannotWrite(let path, let reason):
      LocalizedText(
        sv: "kan inte lämna begäran i \(path): \(reason)",
        en: "cannot drop the request in \(path): \(reason)")
    }
  }
}

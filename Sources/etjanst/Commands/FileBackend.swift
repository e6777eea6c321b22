import ETjanstConsole
import ETjanstDomain
import ETjanstStore
import Foundation

/// The console's effects over the property-list file.
final class FileBackend: ConsoleBackend {
  let file: StoreFile

  /// False in the SSH key mode, where $EDITOR would be a shell as the store's account.
  let externalEditor: Bool

  init(_ file: StoreFile, externalEditor: Bool = true) {
    self.file = file
    self.externalEditor = externalEditor
  }

  func perform(_ command: any Command, actor: Actor, now: Date) throws -> Change {
    try perform(command, actor: actor, now: now) { _ in true }
  }

  /// The newest state when another process saved since; first, where this process
  /// may write the store (the e-coordinator's), the requests managers left in the
  /// drop folder are taken in under the lock.
  func reloadIfChanged() throws -> Municipality? {
    if file.hasDroppedRequests {
      return try file.takeInRequests(login: SystemIdentity.currentLogin(), now: Date())
    }
    return try file.reloadIfChanged()
  }

  /// Saves and reloads run off the key loop: a save may wait for another process.
  var worksInBackground: Bool { true }

  func perform(
    _ command: any Command, actor: Actor, now: Date, waiting: @escaping (String?) -> Bool
  ) throws -> Change {
    // A manager's request: under the lock where the store is writable (SSH key
    // mode), else into the drop folder (group mode).
    if let request = command as? FileRequest {
      return try file.file(
        request.draft, actor: actor, now: now, id: request.id, waiting: waiting)
    }
    return try file.perform(command, actor: actor, now: now, waiting: waiting)
  }

  func editExternally(_ text: String) -> String? {
    externalEditor ? ExternalEditor.edit(text, sparing: file) : nil
  }

  func auditPage(_ query: AuditQuery, before cursor: AuditCursor?, limit: Int) throws -> AuditPage {
    try file.auditPage(query, before: cursor, limit: limit)
  }
}

/// $VISUAL or $EDITOR on a temporary file, as git does.
enum ExternalEditor {
  static var command: String? {
    let env = ProcessInfo.processInfo.environment
    return [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
  }

  /// The edited text, or nil when the editor failed or nothing changed.
  static func edit(_ text: String, sparing store: StoreFile) -> String? {
    guard let command else { return nil }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "etjanst-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: url) }
    // A new file (O_EXCL), 0600 from the start: the text may be personal data.
    guard (try? OutputFile.write(Data((text + "\n").utf8), to: url.path, sparing: store)) != nil
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // The path goes in as $1, so no quoting of it can go wrong.
    process.arguments = ["-c", "\(command) \"$1\"", "etjanst-editor", url.path]
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      return nil
    }
    guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: url.path)
    else { return nil }
    let edited = String(decoding: data, as: UTF8.self)
    return edited.trimmingCharacters(in: .newlines) == text.trimmingCharacters(in: .newlines)
      ? nil : edited
  }
}

import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// Where a command's `--output` goes: `-` is standard output, as for every Unix tool;
/// any other name is a file in a folder that exists. No folder is made for it: a
/// mistyped path is said in one line (exit 2) rather than built. What happens to the
/// file itself (created O_EXCL, never the store) is `OutputFile`'s.
enum OutputTarget: Equatable {
  case standardOutput
  case file(String)

  /// The target for `path`; nil (no option) is standard output.
  init(_ path: String?) throws {
    guard let path, path != "-" else {
      self = .standardOutput
      return
    }
    try Self.checkFolder(of: path)
    self = .file(path)
  }

  /// A file is only written into a folder that is there.
  static func checkFolder(of path: String) throws {
    try requireFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path, for: path)
  }

  /// `folder` must be a folder that exists (`for`: what the user typed, for the line).
  static func requireFolder(_ folder: String, for path: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      throw Failure(
        sv: "\(path): mappen \(folder) finns inte (ingen mapp skapas)",
        en: "\(path): the folder \(folder) does not exist (no folder is made)")
    }
    guard isFolder.boolValue else {
      throw Failure(
        sv: "\(path): \(folder) är ingen mapp", en: "\(path): \(folder) is not a folder")
    }
  }

  /// Writes `text` there: on standard output through `Output`, or as a file made by
  /// `OutputFile` (0600 from the start, never one of `store`'s own files).
  func write(_ text: String, sparing store: StoreFile? = nil) throws {
    switch self {
    case .standardOutput: Output.print(text, terminator: "")
    case .file(let path): try OutputFile.write(Data(text.utf8), to: path, sparing: store)
    }
  }
}

/// A file the user names for the program to read: `-` is standard input, any other
/// name goes through `InputFile` (a regular file only, refused in one line).
enum CommandInput {
  static func text(_ path: String) throws -> String {
    String(decoding: try data(path), as: UTF8.self)
  }

  /// An import file's text, read as UTF-8 or, when it is not, as Windows-1252, with
  /// the note that says so (`ImportText`).
  static func importText(_ path: String) throws -> ImportText { ImportText(try data(path)) }

  static func data(_ path: String) throws -> Data {
    guard path == "-" else { return try InputFile.read(path) }
    do {
      return try FileHandle.standardInput.readToEnd() ?? Data()
    } catch {
      throw Failure(
        sv: "standard in kan inte läsas (\(error.localizedDescription))",
        en: "cannot read standard input (\(error.localizedDescription))")
    }
  }
}

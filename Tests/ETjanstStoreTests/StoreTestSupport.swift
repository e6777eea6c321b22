import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// A folder of its own under the system's temporary folder, removed when the test
/// drops it, so tests can run in parallel without seeing each other's files.
final class TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("etjanst-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  var store: String { path + "/etjanst.plist" }

  func contents() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}

let testUser = User(login: "test", name: "Test", role: .eCoordinator)
let testActor = Actor(testUser)
let testDate = Date(timeIntervalSince1970: 1_750_000_000)

func freshMunicipality() -> Municipality {
  Municipality.standing(name: "Övertorneå kommun", firstUser: testUser)
}

/// A store made by `create`, with `StoreFile` open on it.
@discardableResult
func makeStore(in folder: TemporaryFolder, _ municipality: Municipality = freshMunicipality())
  throws
  -> StoreFile
{
  let store = StoreFile(path: folder.store)
  try store.create(municipality, by: testUser.login, now: testDate)
  return store
}

/// Appends a department: the smallest command that visibly changes the state.
struct AddDepartment: Command {
  let name: String
  var summary: LocalizedText { LocalizedText(sv: "Lade till \(name)", en: "Added \(name)") }

  func apply(to municipality: inout Municipality, context: CommandContext) throws {
    municipality.departments.append(Department(name: name))
  }
}

/// Always refused by a rule, as a command breaking the guideline would be.
struct RefusedCommand: Command {
  var summary: LocalizedText { LocalizedText(verbatim: "refused") }

  func apply(to municipality: inout Municipality, context: CommandContext) throws {
    municipality.name = "changed before the refusal"
    throw RuleViolation(section: "4.2", LocalizedText(sv: "Nej.", en: "No."))
  }
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

func permissions(_ path: String) -> UInt32? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return UInt32(info.st_mode) & 0o7777
}

func auditLineCount(_ store: StoreFile) -> Int {
  guard let data = bytes(store.auditPath) else { return 0 }
  return data.split(separator: UInt8(ascii: "\n")).count
}

/// Thread-safe box for results collected from threads a test starts.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func mutate(_ body: (inout Value) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    body(&value)
  }

  var current: Value {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

/// Runs a program and returns its exit status and standard output.
func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// Appends a copy of the trail's last saved entry as a save that died after its line
/// (before its rename) would have left it: its own id, the saved one's as `previous`.
func appendDeadLine(_ store: StoreFile, _ name: String) throws {
  let saved = try #require(try store.auditEntries().last)
  var dead = saved
  dead.id = "dead-\(name)"
  dead.previous = saved.id
  dead.sv = "Spöke \(name)"
  dead.en = "Ghost \(name)"
  var trail = try #require(bytes(store.auditPath))
  trail += try dead.line()
  try trail.write(to: URL(fileURLWithPath: store.auditPath))
}

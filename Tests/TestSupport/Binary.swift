import Foundation

/// The built `etjanst` binary, and running programs for end-to-end tests.
public enum Binary {
  /// `.build/<config>/etjanst`, beside the test bundle SwiftPM built with it.
  public static var etjanst: String {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("etjanst").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    for config in ["debug", "release"] {
      let candidate = FileManager.default.currentDirectoryPath + "/.build/\(config)/etjanst"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return "etjanst"
  }

  public struct Output {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs a program to the end with no terminal, stdin from /dev/null, through
  /// `spawnAndWait` (an empty signal mask; see Tmux.swift for why not Process).
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> Output {
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let result = try spawnAndWait([executable] + arguments, environment: env)
    return Output(status: result.status, stdout: result.output, stderr: result.errors)
  }

  /// Runs `etjanst` with the given arguments.
  public static func etjanst(_ arguments: [String], environment: [String: String] = [:]) throws
    -> Output
  {
    try run(etjanst, arguments, environment: environment)
  }

  /// Evaluates a Python expression over the store file as Python's plistlib reads it
  /// (`d` is the loaded dictionary); the printed result.
  public static func plistlib(_ path: String, _ expression: String) throws -> String {
    let script =
      "import plistlib,sys\nd=plistlib.load(open(sys.argv[1],'rb'))\nprint(\(expression))"
    let output = try run("/usr/bin/env", ["python3", "-c", script, path])
    guard output.status == 0 else { throw PythonFailed(stderr: output.stderr) }
    return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public struct PythonFailed: Error, CustomStringConvertible {
    public var stderr: String
    public var description: String { "python3 failed: \(stderr)" }
  }

  /// A new empty folder for one test's files.
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "etjanst-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `etjanst --demo` writes its throw-away store in a folder of its own under the
/// temporary folder.
@Suite struct DemoFolderEndToEndTests {
  @Test("--demo under umask 002: its folder is 0700, the console opens, the folder goes at quit")
  func demoFolderIsPrivateWhateverTheUmask() throws {
    let temporary = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: temporary) }
    let tmux = try Tmux(
      command: "umask 002; '\(Binary.etjanst)' --demo", environment: ["TMPDIR": temporary.path])
    defer { tmux.kill() }
    try tmux.waitFor(text: "1 Översikt")
    let made = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
    #expect(made.count == 1 && made[0].hasPrefix("etjanst-demo-"), "\(made)")
    var info = stat()
    #expect(stat(temporary.appendingPathComponent(made[0]).path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o700, "mode \(String(info.st_mode & 0o7777, radix: 8))")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit() == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
  }
}

import Foundation
import TestSupport
import Testing

/// A store over 1 MB is read while the console already shows: a key pressed at once
/// is done when the lists come, and a store that cannot be used gives the terminal
/// back and says why in one line, as a smaller store's refusal does.
@Suite struct OpeningEndToEndTests {
  /// The demo store grown past 1 MB by a key this program does not know (kept as
  /// read), written by plistlib; `change` is more Python over the dictionary `d`.
  static func largeStore(in folder: URL, change: String = "") throws -> String {
    let store = try Binary.demoStore(in: folder)
    let script = """
      import plistlib,sys
      p=sys.argv[1]
      d=plistlib.load(open(p,'rb'))
      d['padding']=['x'*1000]*1500
      \(change)
      plistlib.dump(d,open(p,'wb'))
      """
    let result = try Binary.run("/usr/bin/env", ["python3", "-c", script, store])
    guard result.status == 0 else { throw PythonEditFailed(stderr: result.stderr) }
    let size = try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int ?? 0
    #expect(size > 1 << 20)
    return store
  }

  @Test("a key pressed at once is done when the lists come")
  func keyWaitsForTheLists() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Self.largeStore(in: folder)
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --store '\(store)'", unset: ["EDITOR", "VISUAL"])
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Ansökan om bygglov")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
    // Nothing was saved, and the key this program does not know is still there.
    #expect(try Binary.plistlib(store, "len(d['padding'])") == "1500")
  }

  @Test("a store that cannot be used gives the terminal back and says why in one line")
  func refusal() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Self.largeStore(in: folder, change: "d['schemaVersion']=99")
    // Wide enough for the line not to wrap; the pane kept a while after, since tmux
    // shows a pane whose program ended without its last lines.
    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' --store '\(store)'; s=$?; sleep 3; (exit $s)", width: 300,
      unset: ["EDITOR", "VISUAL"])
    try tmux.waitFor(text: "etjanst: \(store)")
    let screen = try tmux.capture()
    #expect(try tmux.waitForExit() == 2)
    let lines = screen.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(lines.count == 1, "\(screen)")
    #expect(lines.first?.hasPrefix("etjanst: \(store)") == true, "\(screen)")
  }
}

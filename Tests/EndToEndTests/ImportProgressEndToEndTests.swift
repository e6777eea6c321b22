import Foundation
import TestSupport
import Testing

/// A long import on a terminal says on standard error what it is doing after its
/// first second: the rows read, then the rows applied to the store under its lock,
/// then the save; in a pipe it says nothing but the summary.
@Suite struct ImportProgressEndToEndTests {
  @Test("a 100,000-row cases import on a terminal says it reads, applies and saves; in a pipe, not")
  func stagesOnATerminal() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder, name: "etjanst.plist")
    // Closed cases: an officer on the demo's staff list, no access needed (4.2).
    var csv = "Ärendenummer;E-tjänst;Handläggare;Status\n"
    for i in 0..<100_000 {
      csv += "\(500_000 + i);Felanmälan IT och telefoni;linnea.alatalo;Avslutad\n"
    }
    let file = folder.appendingPathComponent("arenden.csv")
    try csv.write(to: file, atomically: true, encoding: .utf8)

    let tmux = try Tmux(
      command: "'\(Binary.etjanst)' cases import '\(file.path)' --store '\(store)'",
      width: 100, height: 30, environment: ["LANG": "sv_SE.UTF-8"])
    try tmux.waitFor(text: "Importerade 100000 ärenden", timeout: .seconds(600))
    #expect(try tmux.waitForExit() == 0)
    let screen = try tmux.capture(history: true).joined(separator: "\n")
    // Reading 100,000 rows takes more than the quiet first second, so the stages
    // after it are each said as they start, in order, before the summary.
    let applying = try #require(
      screen.range(of: "etjanst: lägger in 100000 rader i registret"), "\(screen)")
    let saving = try #require(screen.range(of: "etjanst: sparar registret"), "\(screen)")
    let summary = try #require(screen.range(of: "Importerade 100000 ärenden"))
    #expect(applying.upperBound <= saving.lowerBound)
    #expect(saving.upperBound <= summary.lowerBound)

    // Again, in a pipe: the summary only (nothing new this time).
    let piped = try Binary.etjanst(
      ["cases", "import", file.path, "--store", store],
      environment: ["LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stderr.isEmpty, "\(piped.stderr)")
  }
}

import Foundation
import TestSupport
import Testing

/// The audit trail through the built binary.
@Suite struct TrailEndToEndTests {
  static let swedish = ["LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  /// A save that died after its audit line and before its rename leaves a line whose
  /// save never happened; every command and screen that reads the trail leaves it out.
  @Test("a trail line whose save never happened: not in list audit, its filters, extract or :logg")
  func deadLinesAreLeftOutEverywhere() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let csv = folder.appendingPathComponent("personal.csv")
    try Data(
      """
      namn;inloggning;förvaltning;chef;startdatum;slutdatum;e-tjänster
      Sara Lantto;sara.lantto;Vård och omsorg;Ulla Isaksson;2027-01-07;;Ansökan om hemtjänst

      """.utf8
    ).write(to: csv)
    let imported = try Binary.etjanst(["staff", "import", csv.path, "--store", store])
    #expect(imported.status == 0, "\(imported.stderr)")

    // The import's line, copied as a save that died after it would have left it.
    let audit = store + ".audit"
    var trail = try Data(contentsOf: URL(fileURLWithPath: audit))
    let lastLine = try #require(trail.split(separator: UInt8(ascii: "\n")).last)
    var dead = try #require(try JSONSerialization.jsonObject(with: lastLine) as? [String: Any])
    let real = try #require(dead["sv"] as? String)
    let kind = try #require(dead["kind"] as? String)
    dead["previous"] = dead["id"]
    dead["id"] = "0dead"
    dead["sv"] = "Spöke som aldrig sparades"
    dead["en"] = "Ghost that was never saved"
    trail += try JSONSerialization.data(withJSONObject: dead, options: [.sortedKeys])
    trail += Data("\n".utf8)
    try trail.write(to: URL(fileURLWithPath: audit))

    let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
    let reads: [[String]] = [
      ["list", "audit"], ["list", "audit", "--format", "csv"],
      ["list", "audit", "--format", "json"],
      ["list", "audit", "--person", "sara.lantto"], ["list", "audit", "--since", today],
      ["list", "audit", "--kind", kind], ["list", "audit", "--filter", "Sara"],
      ["extract", "sara.lantto"], ["extract", "sara.lantto", "--format", "json"],
    ]
    for command in reads {
      let out = try Binary.etjanst(command + ["--store", store], environment: Self.swedish)
      #expect(out.status == 0, "\(command): \(out.stderr)")
      #expect(!out.stdout.contains("Spöke"), "\(command): \(out.stdout)")
      #expect(!out.stdout.contains("0dead"), "\(command): \(out.stdout)")
    }
    // --kind by the word people read, in either language; the name still works.
    let word = try Binary.etjanst(
      ["list", "audit", "--kind", "importerade rader", "--format", "csv", "--store", store])
    let name = try Binary.etjanst(
      ["list", "audit", "--kind", kind, "--format", "csv", "--store", store])
    #expect(kind == "ImportRows" && word.status == 0, "\(kind): \(word.stderr)")
    #expect(word.stdout == name.stdout && word.stdout.contains(",ImportRows,"), "\(word.stdout)")
    let unknown = try Binary.etjanst(
      ["list", "audit", "--kind", "trollade", "--store", store], environment: Self.swedish)
    #expect(unknown.status == 2 && unknown.stdout.isEmpty, "\(unknown)")
    #expect(
      unknown.stderr.split(separator: "\n").count == 1
        && unknown.stderr.contains("ingen typ av ändring heter 'trollade'"), "\(unknown.stderr)")
    let listed = try Binary.etjanst(
      ["list", "audit", "--person", "sara.lantto", "--format", "csv", "--store", store])
    #expect(listed.stdout.contains(real), "\(listed.stdout)")

    // The console's trail, newest first: the import is on top, the dead line nowhere.
    let tmux = try Tmux.console(store)
    defer { tmux.kill() }
    try tmux.send(text: ":logg")
    try tmux.send(keys: "Enter")
    let screen = try tmux.waitFor(text: String(real.prefix(30)))
    #expect(!screen.joined(separator: "\n").contains("Spöke"), "\(screen)")
  }
}

import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// etjanst against Python's plistlib on random files: a small store made from the
/// domain types, then variations that plistlib writes or reads (key order, CR LF, a
/// byte-order mark, CDATA, character references, the binary format, unknown keys at
/// every level, boundary numbers, a key twice, Latin-1 and Windows-1252, bytes that
/// are not UTF-8, …: `Fixtures/plistlib-differential.py`). On every file both accept
/// it with the same values, or both refuse it; and after an edit is saved, plistlib
/// reads the saved file as it read the original, except for what a save changes by
/// design: the save's stamp (`savedAt`, `savedBy`, `saveID`) and the edit itself
/// (the rest — line ends, encoding, formatting, key order, a key's first value when
/// it was given twice — changes the bytes, not what plistlib reads).
///
/// The seed is printed; `ETJANST_SEED` replays it, `ETJANST_DIFFERENTIAL_COUNT` sets
/// how many files (60 by default, stopped after 25 s).
@Suite struct PlistlibDifferentialTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/plistlib-differential.py").path

  /// The edit every saved variation gets (its department holds an unknown key).
  struct RenameFirstDepartment: Command {
    var summary: LocalizedText { LocalizedText(verbatim: "rename") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      m.departments[0].name = "Differential"
    }
  }

  /// The form the Python script prints plistlib's reading in.
  static func canonical(_ value: PropertyList) -> String {
    func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
      bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
    switch value {
    case .bool(let b): return b ? "t" : "f"
    case .integer(let n): return "i\(n)"
    case .bigInteger(let digits): return "i" + digits
    case .real(let x):
      let bits = String(x.bitPattern, radix: 16)
      return "r" + String(repeating: "0", count: 16 - bits.count) + bits
    case .string(let s): return "s" + hex(s.utf8)
    case .data(let d): return "x" + hex(d)
    case .date(let d): return "D\(Int(d.timeIntervalSince1970.rounded(.down)))"
    case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
    case .dict(let d):
      let sorted = d.entries.sorted {
        $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars)
      }
      return "{"
        + sorted.map { canonical(.string($0.key)) + ":" + canonical($0.value) }
        .joined(separator: ",") + "}"
    }
  }

  @Test("etjanst reads what plistlib reads, refuses what it refuses, and saves it back")
  func agreesWithPlistlib() throws {
    let environment = ProcessInfo.processInfo.environment
    let seed = environment["ETJANST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...999_999)
    let count = environment["ETJANST_DIFFERENTIAL_COUNT"].flatMap(Int.init) ?? 60
    print("PlistlibDifferentialTests: seed \(seed) (replay: ETJANST_SEED=\(seed)), \(count) files")
    var generator = SeededGenerator(seed: seed)
    let folder = try TemporaryFolder()
    let size = Synthetic.Size(
      departments: Int.random(in: 1...4, using: &generator),
      services: Int.random(in: 1...6, using: &generator),
      staff: Int.random(in: 1...8, using: &generator),
      cases: Int.random(in: 0...10, using: &generator),
      orders: Int.random(in: 0...3, using: &generator),
      outages: Int.random(in: 0...2, using: &generator))
    let m = Synthetic.municipality(size, coordinator: testUser, now: testDate)
    let base = folder.path + "/base.plist"
    try StoreDocument(municipality: m, savedAt: testDate, savedBy: "test").encoded()
      .write(to: URL(fileURLWithPath: base))
    let generated = try Binary.run(
      "/usr/bin/env", ["python3", Self.script, "gen", "\(seed)", "\(count)", base, folder.path])
    try #require(generated.status == 0, "\(generated.stderr)")
    let started = ContinuousClock.now
    var saved: [Int] = []
    var kinds: [String: Int] = [:]
    for line in generated.stdout.split(separator: "\n") {
      if ContinuousClock.now - started > .seconds(25) { break }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      try #require(fields.count == 4, "\(line)")
      let (n, verdict, value, made) = (Int(fields[0])!, fields[1], fields[2], fields[3])
      for kind in made.split(separator: ",") {
        kinds[kind.trimmingCharacters(in: .whitespaces), default: 0] += 1
      }
      let path = folder.path + "/case-\(n).plist"
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      let what = "seed \(seed), case \(n) (\(made))"
      var refusal = PropertyListPreScan.problem(in: data)
      var tree: PropertyList?
      if refusal == nil {
        do throws(PropertyListError) {
          tree = try PropertyList.parse(data)
        } catch {
          refusal = error.description
        }
      }
      #expect(
        (tree != nil) == (verdict == "accepted"),
        "\(what): plistlib \(verdict) (\(value)), etjanst \(refusal ?? "accepted")")
      guard let tree, verdict == "accepted" else { continue }
      #expect(Self.canonical(tree) == value, "\(what): read otherwise than plistlib reads it")
      // Loaded as a store, edited and saved.
      let place = folder.path + "/store-\(n)"
      try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: false)
      chmod(place, 0o700)
      let store = place + "/etjanst.plist"
      try data.write(to: URL(fileURLWithPath: store))
      chmod(store, 0o600)
      do {
        let file = StoreFile(path: store)
        _ = try file.load()
        try file.perform(RenameFirstDepartment(), actor: testActor, now: testDate)
      } catch {
        Issue.record("\(what): etjanst does not load and save it: \(error)")
        continue
      }
      let written = try Data(contentsOf: URL(fileURLWithPath: store))
      #expect(!written.contains(0x0D), "\(what): a carriage return in the saved file")
      try written.write(to: URL(fileURLWithPath: folder.path + "/case-\(n).saved.plist"))
      saved.append(n)
    }
    print("PlistlibDifferentialTests: \(saved.count) saved; variations \(kinds)")
    #expect(saved.count >= min(count, 20) / 2, "too few files were accepted to compare saves")
    guard !saved.isEmpty else { return }
    let checked = try Binary.run(
      "/usr/bin/env", ["python3", Self.script, "check", folder.path] + saved.map(String.init))
    try #require(checked.status == 0, "\(checked.stderr)")
    for line in checked.stdout.split(separator: "\n") {
      #expect(line.hasSuffix("\tsame"), "seed \(seed), case \(line)")
    }
  }
}

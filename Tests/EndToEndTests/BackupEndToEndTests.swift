import Foundation
import TestSupport
import Testing

/// `backup --to` and `restore --from`: a consistent copy for an off-host backup, and
/// taking it back; gallring names the copies it cannot reach.
@Suite struct BackupEndToEndTests {
  static let english = CommandLineEndToEndTests.english

  @Test("backup --to writes the store and its trail, 0600, checked; restore --from takes it back")
  func copyAndRestore() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let offsite = folder.appendingPathComponent("offsite")
    try FileManager.default.createDirectory(at: offsite, withIntermediateDirectories: false)

    let out = try Binary.etjanst(
      ["backup", "--to", offsite.path, "--store", store], environment: Self.english)
    #expect(out.status == 0, "\(out.stderr)")
    let written = out.stdout.split(separator: "\n").map(String.init)
    #expect(written.count == 2, "\(out.stdout)")
    let names = try FileManager.default.contentsOfDirectory(atPath: offsite.path).sorted()
    #expect(names.count == 2, "\(names)")
    let saveID = try Binary.plistlib(store, "d['saveID']")
    for path in written {
      let name = URL(fileURLWithPath: path).lastPathComponent
      #expect(names.contains(name))
      #expect(name.hasPrefix("etjanst-") && name.contains(saveID), "\(name) \(saveID)")
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(name): \(String(mode ?? 0, radix: 8))")
    }
    let copy = try #require(written.first { $0.hasSuffix(".plist") })
    let trail = try #require(written.first { $0.hasSuffix(".audit") })
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: copy))
        == Data(contentsOf: URL(fileURLWithPath: store)))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: trail))
        == Data(contentsOf: URL(fileURLWithPath: store + ".audit")))
    // Noted beside the store, for gallring.
    let noted = try String(contentsOfFile: store + ".offsite", encoding: .utf8)
    #expect(noted.contains(offsite.standardizedFileURL.path))

    // A change, then the copy put back: the change is gone, and a backup holds it.
    let csv = folder.appendingPathComponent("e.csv").path
    try Data(UnixEndToEndTests.serviceCSV("Efter kopian").utf8).write(
      to: URL(fileURLWithPath: csv))
    #expect(try Binary.etjanst(["services", "import", csv, "--store", store]).status == 0)
    #expect(
      try Binary.etjanst(["list", "services", "--store", store]).stdout.contains("Efter kopian"))
    let restored = try Binary.etjanst(
      ["restore", "--from", copy, "--store", store], environment: Self.english)
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(
      !(try Binary.etjanst(["list", "services", "--store", store]).stdout.contains("Efter kopian")))

    // A broken copy is refused through the store's checks, the store left alone.
    let broken = folder.appendingPathComponent("broken.plist").path
    try Data("not a plist".utf8).write(to: URL(fileURLWithPath: broken))
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let refused = try Binary.etjanst(
      ["restore", "--from", broken, "--store", store], environment: Self.english)
    #expect(refused.status == 2)
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains(broken), "\(refused.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)

    // No folder: one line, none made.
    let missing = folder.appendingPathComponent("nowhere").path
    let none = try Binary.etjanst(["backup", "--to", missing, "--store", store])
    #expect(none.status == 2)
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test("gallring names the off-host copies it cannot reach")
  func gallringNamesOffsiteCopies() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let offsite = folder.appendingPathComponent("offsite")
    try FileManager.default.createDirectory(at: offsite, withIntermediateDirectories: false)
    #expect(try Binary.etjanst(["backup", "--to", offsite.path, "--store", store]).status == 0)
    // A case closed long ago, so gallring has something to remove.
    _ = try Binary.run(
      "/usr/bin/env",
      [
        "python3", "-c",
        """
        import plistlib,sys
        d=plistlib.load(open(sys.argv[1],'rb'))
        c=[x for x in d['municipality']['cases'] if x['status']=='closedArchived'][0]
        c['closedOn']='2020-01-01'
        plistlib.dump(d,open(sys.argv[1],'wb'))
        """, store,
      ])
    let dry = try Binary.etjanst(
      ["gallra", "--dry-run", "--store", store], environment: Self.english)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(
      dry.stdout.contains("off-host copies in \(offsite.standardizedFileURL.path)"), "\(dry.stdout)"
    )
    let run = try Binary.etjanst(["gallra", "--store", store], environment: Self.english)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("off-host copies in \(offsite.standardizedFileURL.path)"), "\(run.stdout)"
    )
  }
}

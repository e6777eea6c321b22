import Foundation
import TestSupport
import Testing

/// What the store may hold, on the command line's write paths: every import refuses
/// a row over a limit (the dry run as the real run), a header with a column twice,
/// and `restore` works over a store the reader refuses.
@Suite struct LimitsEndToEndTests {
  static let english = ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  func withDemo(_ body: (URL, String) throws -> Void) throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder, try Binary.demoStore(in: folder))
  }

  func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  /// Runs an import with --dry-run and without: both must refuse, in one message
  /// holding `fragment`, and leave the store as it was.
  func expectRefused(_ arguments: [String], store: String, containing fragment: String) throws {
    let before = bytes(store)
    for dry in [true, false] {
      let out = try Binary.etjanst(
        arguments + (dry ? ["--dry-run"] : []) + ["--store", store], environment: Self.english)
      #expect(out.status != 0, "\(arguments) dry=\(dry): \(out.stdout)")
      #expect(out.stderr.contains(fragment), "\(arguments) dry=\(dry): \(out.stderr)")
      #expect(!out.stdout.contains("Would add"), "\(out.stdout)")
      #expect(bytes(store) == before, "\(arguments) dry=\(dry)")
    }
    #expect(try Binary.etjanst(["check", "--store", store]).status != 2)
  }

  @Test("services import: a cell over its limit is refused, dry run and real run alike")
  func servicesImportCellOverLimit() throws {
    try withDemo { folder, store in
      let name = String(repeating: "x", count: 1_100_000)
      let csv = try write(
        "namn;förvaltning\nKortnamn;Socialförvaltningen\n\(name);Socialförvaltningen\n",
        "e.csv", in: folder)
      try expectRefused(["services", "import", csv], store: store, containing: "line 3")
    }
  }

  @Test("staff import: a login that is not one, a day that is not one, refused alike")
  func staffImportLoginAndDay() throws {
    try withDemo { folder, store in
      for (row, fragment) in [
        ("Anna Berg;anna berg;Socialförvaltningen;;2027-01-07", "only a–z, 0–9"),
        ("Anna Berg;ａｎｎａ;Socialförvaltningen;;2027-01-07", "only a–z, 0–9"),
        ("Anna Berg;anna.berg;Socialförvaltningen;;-2027-01-07", "YYYY-MM-DD"),
        ("Anna Berg;anna.berg;Socialförvaltningen;;0000-01-01", "YYYY-MM-DD"),
      ] {
        let csv = try write(
          "namn;inloggning;förvaltning;chef;startdatum\n\(row)\n", "p.csv", in: folder)
        try expectRefused(["staff", "import", csv], store: store, containing: fragment)
      }
    }
  }

  @Test("keys add: a login that is not one is refused in one line before anything is read")
  func keysAddLogin() throws {
    try withDemo { folder, store in
      for login in ["anna berg", "ａｎｎａ", "jose\u{301}"] {
        let out = try Binary.etjanst(
          ["keys", "add", login, folder.path + "/none.pub", "--store", store],
          environment: Self.english)
        #expect(out.status == 2, "\(login): \(out.stderr)")
        #expect(out.stderr.contains("only a–z, 0–9"), "\(login): \(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
      }
    }
  }

  @Test("an import's header with one column twice is refused, naming both")
  func duplicateHeaderColumn() throws {
    try withDemo { folder, store in
      let csv = try write(
        "namn;name;förvaltning\nA;B;Socialförvaltningen\n", "d.csv", in: folder)
      try expectRefused(
        ["services", "import", csv], store: store,
        containing: "the same column twice: 'namn' (1) and 'name' (2)")
    }
  }

  @Test("cases import: a case number over its limit is refused, the store untouched")
  func casesImportOverLimit() throws {
    try withDemo { folder, store in
      let officer = try Binary.plistlib(store, "d['municipality']['staff'][0]['login']")
      let service = try Binary.plistlib(store, "d['municipality']['services'][0]['name']")
      let number = String(repeating: "9", count: 2_001)
      let csv = try write("\(number);\(service);\(officer);Pågående\n", "c.csv", in: folder)
      let before = bytes(store)
      let out = try Binary.etjanst(
        ["cases", "import", csv, "--store", store], environment: Self.english)
      #expect(out.status != 0, "\(out.stdout)")
      #expect(out.stderr.contains("at most 2 000 characters"), "\(out.stderr)")
      #expect(bytes(store) == before)
    }
  }

  @Test("restore --list and restore N work on a store the reader refuses")
  func restoreOverARefusedStore() throws {
    for broken in ["not a plist", "<?xml version=\"1.0\"?><plist><dict><key>sch"] {
      try withDemo { folder, store in
        // A save, so there is a backup.
        let csv = try write(
          "namn;förvaltning\nNy tjänst;Socialförvaltningen\n", "e.csv", in: folder)
        #expect(try Binary.etjanst(["services", "import", csv, "--store", store]).status == 0)
        try Data(broken.utf8).write(to: URL(fileURLWithPath: store))
        #expect(try Binary.etjanst(["check", "--store", store]).status == 2)
        let list = try Binary.etjanst(
          ["restore", "--list", "--store", store], environment: Self.english)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.hasPrefix("1  "), "\(list.stdout)")
        #expect(list.stderr.contains("not a valid property list"), "\(list.stderr)")
        let restore = try Binary.etjanst(
          ["restore", "1", "--store", store], environment: Self.english)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.hasPrefix("Restored "), "\(restore.stdout)")
        #expect(try Binary.etjanst(["check", "--store", store]).status != 2)
        let names = try Binary.plistlib(store, "len(d['municipality']['services'])")
        #expect(Int(names) ?? 0 > 0)
        // The refused file is kept among the backups, the newest now.
        let after = try Binary.etjanst(["restore", "--list", "--store", store])
        #expect(after.stdout.contains("  \(broken.utf8.count) byte"), "\(after.stdout)")
      }
    }
  }

  @Test("a gallring period of zero, written by plistlib, is refused before gallra runs")
  func zeroRetentionRefused() throws {
    try withDemo { folder, store in
      let script = """
        import plistlib, sys
        d = plistlib.load(open(sys.argv[1], 'rb'))
        d['municipality']['settings']['retentionClosedCasesMonths'] = 0
        d['municipality']['settings']['retentionTrailYears'] = 2**62
        plistlib.dump(d, open(sys.argv[1], 'wb'))
        """
      #expect(try Binary.run("/usr/bin/env", ["python3", "-c", script, store]).status == 0)
      let before = bytes(store)
      for arguments in [["check"], ["report"], ["gallra", "--dry-run"], ["gallra"]] {
        let out = try Binary.etjanst(arguments + ["--store", store], environment: Self.english)
        #expect(out.status == 2, "\(arguments): \(out.status) \(out.stderr)")
        #expect(out.stderr.contains("settings.retention"), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
      }
      #expect(bytes(store) == before)
    }
  }
}

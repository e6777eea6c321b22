import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

/// The reader's limits, the save's last check against them, and a restore over a
/// store the reader refuses.
@Suite struct StoreLimitsStoreTests {
  /// Sets the first e-service's category: a change that leaves its name as it was.
  struct SetCategory: Command {
    var summary: LocalizedText { LocalizedText(verbatim: "category") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      m.services[0].category = "Bygga"
    }
  }

  func storeWithService(in folder: TemporaryFolder, name: String) throws -> StoreFile {
    var m = freshMunicipality()
    m.departments = [Department(name: "Samhällsbyggnad")]
    m.services = [EService(name: name, department: m.departments[0].id)]
    return try makeStore(in: folder, m)
  }

  @Test("a save that would write a text the reader refuses is refused, nothing written")
  func saveRefusesWhatTheReaderRefuses() throws {
    let folder = try TemporaryFolder()
    _ = try storeWithService(in: folder, name: "MARKER")
    // 300,000 raw ">" are 300 kB in this file and pass the reader; written again, each
    // is "&gt;", 1.2 MB in one text, which the reader would refuse.
    let original = try #require(bytes(folder.store))
    let text = String(decoding: original, as: UTF8.self)
      .replacingOccurrences(of: "MARKER", with: String(repeating: ">", count: 300_000))
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder.store))
    let store = StoreFile(path: folder.store)
    #expect(try store.load().services[0].name.count == 300_000)
    let before = bytes(folder.store)
    let error = #expect(throws: StoreError.self) {
      try store.perform(SetCategory(), actor: testActor, now: testDate)
    }
    #expect(error?.description.contains("over the 1048576 bytes the reader takes") == true)
    #expect(error?.description.contains("\n") == false)
    #expect(bytes(folder.store) == before)
    #expect(try StoreFile(path: folder.store).load().services[0].category == "")
  }

  /// Stores the reader refuses, each as a file: not a property list, a text over the
  /// limit, a gallring period of zero.
  static func refusedStores() throws -> [(String, Data)] {
    var long = freshMunicipality()
    long.departments = [Department(name: String(repeating: "x", count: (1 << 20) + 1))]
    var zero = freshMunicipality()
    zero.settings.retentionClosedCasesMonths = 0
    return [
      ("garbage", Data("not a plist at all".utf8)),
      (
        "long text",
        try StoreDocument(municipality: long, savedAt: testDate, savedBy: "t").encoded()
      ),
      (
        "zero period",
        try StoreDocument(municipality: zero, savedAt: testDate, savedBy: "t").encoded()
      ),
    ]
  }

  @Test("restore puts a backup back over a store the reader refuses, keeping the refused file")
  func restoreOverARefusedStore() throws {
    for (what, broken) in try Self.refusedStores() {
      let folder = try TemporaryFolder()
      let store = try makeStore(in: folder)
      try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
      try broken.write(to: URL(fileURLWithPath: folder.store))
      let fresh = StoreFile(path: folder.store)
      #expect(throws: StoreError.self, "\(what)") { try fresh.load() }
      let backups = try fresh.readBackups()
      #expect(backups.count == 1, "\(what)")
      let target = try #require(backups.first)
      try fresh.restore(target, login: testUser.login, now: testDate)
      #expect(try StoreFile(path: folder.store).load().departments.isEmpty, "\(what)")
      // The refused file is kept, as every version a save replaces is.
      let kept = try fresh.readBackups().map { bytes($0.path) }
      #expect(kept.contains(broken), "\(what)")
      #expect(try fresh.auditEntries().last?.en == "Restored the backup \(target.name)")
    }
  }

  @Test("a backup the reader refuses is not restored; the store stays as it is")
  func refusedBackupIsNotRestored() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
    let backup = try #require(store.backups().first)
    let long = try #require(try Self.refusedStores().first { $0.0 == "long text" }?.1)
    try FileManager.default.removeItem(atPath: backup.path)
    try long.write(to: URL(fileURLWithPath: backup.path))
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: folder.store))
    #expect(throws: StoreError.self) {
      try StoreFile(path: folder.store).restore(backup, login: testUser.login, now: testDate)
    }
    #expect(bytes(folder.store) == Data("garbage".utf8))
  }

  @Test("restore over a refused store needs an e-coordinator of the backup")
  func restoreOverARefusedStoreChecksTheBackupsUsers() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(AddDepartment(name: "Ett"), actor: testActor, now: testDate)
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: folder.store))
    let backup = try #require(store.backups().first)
    #expect(throws: RuleViolation.self) {
      try StoreFile(path: folder.store).restore(backup, login: "nobody", now: testDate)
    }
    #expect(bytes(folder.store) == Data("garbage".utf8))
  }

  @Test("every setting is checked: each at its bounds and past them, written by plistlib")
  func everySettingsRange() throws {
    let folder = try TemporaryFolder()
    let base = folder.path + "/base.plist"
    try StoreDocument(municipality: freshMunicipality(), savedAt: testDate, savedBy: "t")
      .encoded().write(to: URL(fileURLWithPath: base))
    var cases: [(name: String, value: Int, accepted: Bool)] = []
    for setting in Settings.limits {
      let r = setting.stored
      for value in [r.lowerBound - 1, r.lowerBound, r.upperBound, r.upperBound + 1, 1 << 62, -1, 0]
      {
        cases.append((setting.field.key, value, r.contains(value)))
      }
    }
    let script = """
      import plistlib, sys
      base = plistlib.load(open(sys.argv[1], 'rb'))
      for i, arg in enumerate(sys.argv[3:]):
          name, value = arg.split('=')
          d = dict(base)
          d['municipality'] = dict(d['municipality'])
          d['municipality']['settings'] = dict(d['municipality']['settings'])
          d['municipality']['settings'][name] = int(value)
          plistlib.dump(d, open(sys.argv[2] + '/case-%d.plist' % i, 'wb'))
      """
    let out = try Binary.run(
      "/usr/bin/env",
      ["python3", "-c", script, base, folder.path] + cases.map { "\($0.name)=\($0.value)" })
    #expect(out.status == 0, "\(out.stderr)")
    for (i, c) in cases.enumerated() {
      let path = folder.path + "/case-\(i).plist"
      switch Result(catching: { try StoreFile(path: path).load() }) {
      case .success(let m):
        #expect(c.accepted, "\(c.name) = \(c.value) was taken")
        // Nothing computed from an accepted value traps.
        _ = Findings.all(in: m, at: testDate)
        _ = GallringPlan.make(m, today: Day(testDate))
      case .failure(let error):
        #expect(!c.accepted, "\(c.name) = \(c.value) was refused: \(error)")
        #expect("\(error)".contains("settings.\(c.name)"), "\(error)")
      }
    }
  }
}

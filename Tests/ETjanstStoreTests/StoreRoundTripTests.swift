import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

@Suite struct StoreRoundTripTests {
  @Test func createThenLoadKeepsSwedishText() throws {
    let folder = try TemporaryFolder()
    var municipality = freshMunicipality()
    municipality.departments = [
      Department(
        name: "Barn- och utbildningsförvaltningen",
        fallbackRoutine: FallbackRoutine(
          steps: "Använd pappersblanketten.\nRing växeln.", location: "Pärm i receptionen",
          responsible: "Åsa Öström")),
      Department(name: "Socialförvaltningen – äldreomsorg"),
    ]
    try makeStore(in: folder, municipality)
    let loaded = try StoreFile(path: folder.store).load()
    #expect(loaded == municipality)
    #expect(loaded.departments[0].fallbackRoutine?.responsible == "Åsa Öström")
  }

  @Test("an e-service registered as running keeps its flag and reason across a save and a load")
  func registrationSurvivesALoad() throws {
    let folder = try TemporaryFolder()
    var municipality = freshMunicipality()
    let department = Department(name: "Kultur- och fritidsförvaltningen")
    municipality.departments = [department]
    let store = try makeStore(in: folder, municipality)
    let id = EntityID<EService>("svc-running")
    try store.perform(
      RegisterRunningEService(
        id: id, EServiceDraft(name: "Bokning av lokal", department: department.id),
        reason: "I drift sedan 2019 på Open ePlatform"),
      actor: testActor, now: testDate)
    let loaded = try StoreFile(path: folder.store).load()
    let s = try #require(loaded.service(id))
    #expect(s.statusHistory.last?.source == .registeredRunning)
    #expect(s.statusHistory.last?.reason == "I drift sedan 2019 på Open ePlatform")
    #expect(loaded.flags(of: s, today: Day(testDate)).contains(.registeredUnreviewed))
    #expect(
      Findings.all(in: loaded, at: testDate).contains {
        $0.target == .service(id)
          && $0.message.sv.contains("(I drift sedan 2019 på Open ePlatform)")
      })
  }

  @Test func savedFileIsReadByPythonAndIsPrivate() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    try store.perform(
      AddDepartment(name: "Kultur och fritid – Övertorneå"), actor: testActor, now: testDate)
    #expect(permissions(folder.store) == 0o600)
    let script = """
      import plistlib, sys
      with open(sys.argv[1], 'rb') as f:
          d = plistlib.load(f)
      print(d['schemaVersion'], d['savedBy'], d['municipality']['departments'][0]['name'])
      """
    let result = try run(["python3", "-c", script, folder.store])
    #expect(result.status == 0)
    #expect(result.output == "2 test Kultur och fritid – Övertorneå\n")
    let xml = try #require(bytes(folder.store))
    #expect(xml.starts(with: Data("<?xml".utf8)))
  }

  @Test func binaryPropertyListIsReadToo() throws {
    let folder = try TemporaryFolder()
    var municipality = freshMunicipality()
    municipality.departments = [Department(name: "Miljö- och byggnämnden")]
    let document = StoreDocument(municipality: municipality, savedAt: testDate, savedBy: "test")
    let xml = try PropertyListSerialization.propertyList(from: document.encoded(), format: nil)
    try PropertyListSerialization.data(fromPropertyList: xml, format: .binary, options: 0).write(
      to: URL(fileURLWithPath: folder.store))
    chmod(folder.store, 0o600)
    #expect(try StoreFile(path: folder.store).load() == municipality)
  }

  @Test func createMakesMissingFoldersPrivateAndRefusesAnExistingFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/data/etjanst/etjanst.plist"
    let store = StoreFile(path: path)
    #expect(!store.exists)
    try store.create(freshMunicipality(), by: "test", now: testDate)
    #expect(store.exists)
    #expect(permissions(folder.path + "/data") == 0o700)
    #expect(permissions(folder.path + "/data/etjanst") == 0o700)
    #expect(permissions(path) == 0o600)
    let before = bytes(path)
    let error = #expect(throws: StoreError.self) {
      try StoreFile(path: path).create(freshMunicipality(), by: "other", now: testDate)
    }
    #expect(error?.problem == .alreadyExists)
    #expect(error?.description.contains(path) == true)
    #expect(bytes(path) == before)
  }

  @Test func performLeavesLockFileBackupAndNoTemporaryFiles() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let original = try #require(bytes(folder.store))
    let change = try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
    #expect(change.after.departments.map(\.name) == ["Ekonomi"])
    #expect(permissions(store.lockPath) == 0o600)
    #expect(permissions(store.auditPath) == 0o600)
    #expect(permissions(store.backupsPath) == 0o700)
    let backups = store.backups()
    #expect(backups.count == 1)
    #expect(bytes(try #require(backups.first).path) == original)
    #expect(!folder.contents().contains { $0.hasSuffix(".tmp") })
    #expect(try StoreFile(path: folder.store).load().departments.map(\.name) == ["Ekonomi"])
  }

  @Test func groupReadableStoreKeepsItsMode() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    chmod(folder.store, 0o640)
    try store.perform(AddDepartment(name: "Ekonomi"), actor: testActor, now: testDate)
    #expect(permissions(folder.store) == 0o640)
    chmod(folder.store, 0o644)
    try store.perform(AddDepartment(name: "Teknik"), actor: testActor, now: testDate)
    #expect(permissions(folder.store) == 0o600)
  }

  @Test func ruleViolationWritesNothing() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let before = try #require(bytes(folder.store))
    let lines = auditLineCount(store)
    #expect(throws: RuleViolation(section: "4.2", LocalizedText(sv: "Nej.", en: "No."))) {
      try store.perform(RefusedCommand(), actor: testActor, now: testDate)
    }
    #expect(bytes(folder.store) == before)
    #expect(auditLineCount(store) == lines)
    #expect(store.backups().isEmpty)
    // A manager may read but not edit: refused by the domain, nothing written.
    let reader = User(login: "chef", name: "Chef", role: .manager(department: .make()))
    try store.perform(AddUser(user: reader), actor: testActor, now: testDate)
    let afterAdd = try #require(bytes(folder.store))
    #expect(throws: RuleViolation.self) {
      try store.perform(AddDepartment(name: "X"), actor: Actor(reader), now: testDate)
    }
    #expect(bytes(folder.store) == afterAdd)
    #expect(afterAdd != before)
    #expect(auditLineCount(store) == lines + 1)
    #expect(store.backups().count == 1)
  }
}

/// Adds a user, so a test can act as someone with fewer rights.
private struct AddUser: Command {
  let user: User
  var summary: LocalizedText { LocalizedText(verbatim: "user \(user.login)") }

  func apply(to municipality: inout Municipality, context: CommandContext) throws {
    municipality.users.append(user)
  }
}

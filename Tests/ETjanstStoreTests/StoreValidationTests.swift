import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// What the decoder cannot see: numbers that would trap, ids and logins that are not
/// unique, nesting that would overflow a parser's stack, a FIFO at the store's path.
/// Each is refused in one line naming the file, and the file is left as it was.
@Suite struct StoreValidationTests {
  private func storeWith(_ edit: (inout Municipality) -> Void) throws -> (TemporaryFolder, Data) {
    let folder = try TemporaryFolder()
    var m = freshMunicipality()
    m.departments = [Department(name: "Samhällsbyggnad")]
    m.services = [EService(name: "Bygglov", department: m.departments[0].id)]
    edit(&m)
    let document = StoreDocument(municipality: m, savedAt: testDate, savedBy: "test")
    // Binary, as a hand-edited or converted file may be. The store's own writer makes
    // XML and refuses text XML cannot carry, so such text is put in afterwards, into
    // the tree Foundation writes as binary.
    var texts: [String: String] = [:]
    var clean = document
    for (index, service) in clean.municipality.services.enumerated()
    where service.name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xFFFE }) {
      let marker = "TEXT-MARKER-\(index)"
      texts[marker] = service.name
      clean.municipality.services[index].name = marker
    }
    // Moments outside the calendar likewise (the writer keeps moments inside it).
    var moments: [Date: Date] = [:]
    for (index, outage) in clean.municipality.outages.enumerated()
    where abs(outage.start.timeIntervalSince1970) > 1e11 {
      let marker = Date(timeIntervalSince1970: 1_000_000_000 + Double(index))
      moments[marker] = outage.start
      clean.municipality.outages[index].start = marker
    }
    let tree = try PropertyListSerialization.propertyList(from: try clean.encoded(), format: nil)
    let data = try PropertyListSerialization.data(
      fromPropertyList: Self.replacing(texts, moments, in: tree), format: .binary, options: 0)
    try data.write(to: URL(fileURLWithPath: folder.store))
    chmod(folder.store, 0o600)
    return (folder, data)
  }

  private static func replacing(_ texts: [String: String], _ moments: [Date: Date], in tree: Any)
    -> Any
  {
    switch tree {
    case let text as String: return texts[text] ?? text
    case let date as Date: return moments[date] ?? date
    case let list as [Any]: return list.map { replacing(texts, moments, in: $0) }
    case let dict as [String: Any]: return dict.mapValues { replacing(texts, moments, in: $0) }
    default: return tree
    }
  }

  private func expectRefusal(_ folder: TemporaryFolder, containing fragment: String) throws {
    let before = try #require(bytes(folder.store))
    let error = #expect(throws: StoreError.self) { try StoreFile(path: folder.store).load() }
    let message = try #require(error?.description)
    #expect(message.hasPrefix(folder.store + ": "), "\(message)")
    #expect(message.contains(fragment), "\(message)")
    #expect(!message.contains("\n"))
    #expect(bytes(folder.store) == before)
  }

  @Test func numbersThatWouldTrapAreRefused() throws {
    let cases: [(String, (inout Municipality) -> Void)] = [
      ("services[0].reviewIntervalMonths", { $0.services[0].reviewIntervalMonths = 1 << 62 }),
      ("services[0].yearlyCaseVolume", { $0.services[0].yearlyCaseVolume = Int.max }),
      ("services[0].handlingDaysAfter", { $0.services[0].handlingDaysAfter = Int.min }),
      ("settings.outageContactLimitMinutes", { $0.settings.outageContactLimitMinutes = 1 << 62 }),
      ("settings.accessExpiryWarningDays", { $0.settings.accessExpiryWarningDays = -(1 << 62) }),
      (
        "settings.serviceReviewIntervalMonths",
        { $0.settings.serviceReviewIntervalMonths = 1 << 40 }
      ),
      (
        "departments[0].fallbackRoutine.reviewIntervalMonths",
        {
          $0.departments[0].fallbackRoutine = FallbackRoutine(
            steps: "a", location: "b", responsible: "c", reviewIntervalMonths: Int.max)
        }
      ),
    ]
    for (keyPath, edit) in cases {
      let (folder, _) = try storeWith(edit)
      try expectRefusal(folder, containing: "municipality." + keyPath)
    }
  }

  /// A change made by a bug: any edit of the state, as a command.
  struct Mutate: Command {
    let body: @Sendable (inout Municipality) -> Void
    var summary: LocalizedText { LocalizedText(verbatim: "mutate") }
    func apply(to m: inout Municipality, context: CommandContext) throws { body(&m) }
  }

  /// A list that shares its storage with a state that passed is not walked again; the
  /// same values stored apart are, and the settings always are.
  @Test func onlyListsStoredApartFromTheValidStateAreWalked() throws {
    var m = freshMunicipality()
    m.departments = [Department(name: "Samhällsbyggnad")]
    m.services = [EService(name: "Bygglov", department: m.departments[0].id)]
    m.services[0].reviewIntervalMonths = 1 << 62
    // Given as "known valid" only to show what is skipped: its own storage.
    #expect(StoreValidation.refusal(m, knownValid: m) == nil)
    var apart = m
    apart.services = m.services.map { $0 }
    let refusal = try #require(StoreValidation.refusal(apart, knownValid: m))
    #expect(refusal.keyPath == "municipality.services[0].reviewIntervalMonths")
    var settings = m
    settings.settings.outageContactLimitMinutes = 1 << 62
    #expect(
      StoreValidation.refusal(settings, knownValid: m)?.keyPath
        == "municipality.settings.outageContactLimitMinutes")
    #expect(StoreValidation.refusal(m)?.keyPath == "municipality.services[0].reviewIntervalMonths")
  }

  /// A save walks only what the change touched, and still refuses a value out of range
  /// in it, after a load and after a save, leaving the file as it was.
  @Test func aSaveRefusesWhatTheChangeBroke() throws {
    let (folder, _) = try storeWith { _ in }
    let store = StoreFile(path: folder.store)
    _ = try store.load()
    let breaks: [(String, @Sendable (inout Municipality) -> Void)] = [
      ("services[0].reviewIntervalMonths", { $0.services[0].reviewIntervalMonths = 1 << 62 }),
      ("services[1].id", { $0.services.append($0.services[0]) }),
      (
        "departments[0].fallbackRoutine.reviewIntervalMonths",
        {
          $0.departments[0].fallbackRoutine = FallbackRoutine(
            steps: "a", location: "b", responsible: "c", reviewIntervalMonths: Int.max)
        }
      ),
    ]
    for (keyPath, edit) in breaks {
      let before = try #require(bytes(folder.store))
      let error = #expect(throws: StoreError.self) {
        try store.perform(Mutate(body: edit), actor: testActor, now: testDate)
      }
      #expect(error?.description.contains("municipality." + keyPath) == true, "\(keyPath)")
      #expect(bytes(folder.store) == before)
      // A good change in between: the next break is checked against a saved state.
      try store.perform(AddDepartment(name: "Ny \(keyPath)"), actor: testActor, now: testDate)
    }
  }

  @Test func momentsOutsideTheCalendarAreRefused() throws {
    let (folder, _) = try storeWith {
      $0.outages = [
        Outage(
          start: Date(timeIntervalSince1970: 1e300), scope: .wholePlatform, observed: "x",
          declaredBy: "test")
      ]
    }
    try expectRefusal(folder, containing: "municipality.outages[0].start")
  }

  @Test func duplicateIdsAndLoginsAreRefused() throws {
    let (twinServices, _) = try storeWith { $0.services.append($0.services[0]) }
    try expectRefusal(twinServices, containing: "municipality.services[1].id")
    let (twinLogins, _) = try storeWith {
      $0.users.append(User(login: "test", name: "Someone else", role: .eCoordinator))
    }
    try expectRefusal(twinLogins, containing: "municipality.users[1].login")
  }

  @Test func deepNestingIsRefusedWithoutCrashing() throws {
    let folder = try TemporaryFolder()
    let depth = 10_000
    let xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n"
      + String(repeating: "<array>", count: depth) + String(repeating: "</array>", count: depth)
      + "\n</plist>\n"
    try Data(xml.utf8).write(to: URL(fileURLWithPath: folder.store))
    try expectRefusal(folder, containing: "nested more than")
    try BrokenFiles.deepBinaryList(depth: depth).write(to: URL(fileURLWithPath: folder.store))
    try expectRefusal(folder, containing: "nested more than")
  }

  @Test func shallowBinaryListPassesThePreScan() throws {
    #expect(PropertyListPreScan.problem(in: BrokenFiles.deepBinaryList(depth: 10)) == nil)
    #expect(
      try PropertyListSerialization.propertyList(
        from: BrokenFiles.deepBinaryList(depth: 10), format: nil)
        is [Any])
  }

  @Test func rawControlCharactersInXMLAreRefusedByLine() throws {
    let (folder, _) = try storeWith { _ in }
    let good = try #require(bytes(folder.store))
    let plist = try PropertyListSerialization.propertyList(from: good, format: nil)
    var xml = try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0)
    let name = try #require(xml.range(of: Data("Bygglov".utf8)))
    xml.replaceSubrange(name, with: Data("Bygg\u{1B}]52;c;aGk=\u{07}lov".utf8))
    try xml.write(to: URL(fileURLWithPath: folder.store))
    try expectRefusal(folder, containing: "control character U+001B")
    xml = try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0)
    xml.replaceSubrange(
      try #require(xml.range(of: Data("Bygglov".utf8))), with: Data("Bygg&#x1b;lov".utf8))
    try xml.write(to: URL(fileURLWithPath: folder.store))
    try expectRefusal(folder, containing: "character U+001B")
  }

  /// A binary file may carry control characters; they load (and `check` reports
  /// them), and the next save writes XML that plistlib and this program read back.
  @Test func controlCharactersFromABinaryFileAreSavedAsReadableXML() throws {
    let (folder, _) = try storeWith { $0.services[0].name = "Bygg\u{1B}[31m\u{0}lov\u{FFFE}" }
    let store = StoreFile(path: folder.store)
    #expect(try store.load().services[0].name == "Bygg\u{1B}[31m\u{0}lov\u{FFFE}")
    try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    let saved = try #require(bytes(folder.store))
    #expect(PropertyListPreScan.problem(in: saved) == nil)
    #expect(
      try StoreFile(path: folder.store).load().services[0].name
        == "Bygg\u{FFFD}[31m\u{FFFD}lov\u{FFFD}")
    let python = try run([
      "python3", "-c",
      "import plistlib,sys; print(plistlib.load(open(sys.argv[1],'rb'))['municipality']['services'][0]['name'].encode('unicode_escape').decode())",
      folder.store,
    ])
    #expect(python.status == 0)
    #expect(python.output == "Bygg\\ufffd[31m\\ufffdlov\\ufffd\n")
  }

  @Test func aFIFOIsRefusedBeforeAnyReadBlocks() throws {
    let folder = try TemporaryFolder()
    #expect(mkfifo(folder.store, 0o600) == 0)
    let error = #expect(throws: StoreError.self) { try StoreFile(path: folder.store).load() }
    #expect(error?.problem == .notRegularFile)
    let directory = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: directory.store, withIntermediateDirectories: false)
    let notFile = #expect(throws: StoreError.self) { try StoreFile(path: directory.store).load() }
    #expect(notFile?.problem == .notRegularFile)
  }

  @Test func aTextOfMegabytesIsRefused() throws {
    let (folder, _) = try storeWith {
      $0.services[0].legalNote = String(
        repeating: "x", count: PropertyListPreScan.maximumStringBytes + 1)
    }
    try expectRefusal(folder, containing: "a text of more than")
    let (xmlFolder, _) = try storeWith { _ in }
    var m = try StoreFile(path: xmlFolder.store).load()
    m.services[0].legalNote = String(
      repeating: "y", count: PropertyListPreScan.maximumStringBytes + 1)
    let xml = try StoreDocument(municipality: m, savedAt: testDate, savedBy: "test").encoded()
    try xml.write(to: URL(fileURLWithPath: xmlFolder.store))
    try expectRefusal(xmlFolder, containing: "a text of more than")
  }

  @Test func theRulesKeepNumbersWithinWhatTheStoreAccepts() throws {
    var m = freshMunicipality()
    m.departments = [Department(name: "Samhällsbyggnad")]
    var draft = EServiceDraft(name: "Bygglov", department: m.departments[0].id)
    draft.yearlyCaseVolume = 1 << 62
    #expect(throws: RuleViolation.self) {
      _ = try m.execute(
        AddEService(draft), context: CommandContext(actor: testActor, now: testDate))
    }
  }
}

/// An open console polls `reloadIfChanged`: a file replaced by a broken one is refused
/// every time, in one line, without being parsed again, and left as it is.
@Suite struct ReloadTests {
  @Test func aFileReplacedByABrokenOneIsRefusedOnEveryPoll() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    _ = try store.load()
    let deep =
      "<?xml version=\"1.0\"?><plist>" + String(repeating: "<array>", count: 10_000)
      + String(repeating: "</array>", count: 10_000) + "</plist>"
    try Data(deep.utf8).write(to: URL(fileURLWithPath: folder.store + ".new"))
    #expect(rename(folder.store + ".new", folder.store) == 0)
    let before = bytes(folder.store)
    for _ in 0..<3 {
      let error = #expect(throws: StoreError.self) { try store.reloadIfChanged() }
      #expect(error?.description.contains("nested more than") == true)
    }
    #expect(bytes(folder.store) == before)
  }
}

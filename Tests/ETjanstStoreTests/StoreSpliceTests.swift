import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// A save copies the entities an edit left alone from the old file (`StoreLayout`,
/// `StoreDocument.spliced`): the bytes must be the whole writer's, and anything odd
/// about the old file must end in a whole encode, never in a wrong file.
@Suite struct StoreSpliceTests {
  static let savedAt = Date(timeIntervalSince1970: 1_764_000_000)

  /// Edits of every shape a command makes, each on the state as read.
  static let edits: [(String, @Sendable (inout Municipality) -> Void)] = [
    ("nothing", { _ in }),
    ("one e-service", { $0.services[$0.services.count / 2].name += " (ny)" }),
    ("one staff member", { $0.staff[$0.staff.count / 3].canSign.toggle() }),
    (
      "a case added",
      { m in
        var c = m.cases[0]
        c.id = EntityID("case-added")
        m.cases.append(c)
      }
    ),
    ("a case removed", { $0.cases.remove(at: $0.cases.count / 2) }),
    (
      "the first and the last department",
      {
        $0.departments[0].name += "!"
        $0.departments[$0.departments.count - 1].name += "?"
      }
    ),
    ("departments reordered", { $0.departments.reverse() }),
    ("e-services rotated", { $0.services.append($0.services.removeFirst()) }),
    ("settings", { $0.settings.orderStepLimitDays += 1 }),
    ("a list emptied", { $0.outages.removeAll() }),
    ("a text XML cannot hold", { $0.services[0].name = "a\u{FFFE}b\u{1}c" }),
  ]

  static func document(_ m: Municipality, _ saveID: String) -> StoreDocument {
    var document = StoreDocument(
      municipality: m, savedAt: savedAt, savedBy: "esamordnare", saveID: saveID)
    document.unknownKeys.top["futureTop"] = .string("kept")
    document.unknownKeys.municipality["futureList"] = .array([.integer(1)])
    return document
  }

  /// The whole writer's bytes, as a save writes them.
  static func whole(_ document: StoreDocument) throws -> Data {
    XMLCharacterGuard.clean(try document.encoded())
  }

  @Test("a save that copies unchanged entities writes the whole writer's bytes, edit after edit")
  func sameBytesAsTheWholeWriter() throws {
    let region = Synthetic.municipality(
      Synthetic.Size(
        departments: 20, services: 300, staff: 1_200, cases: 4_000, orders: 50, outages: 10),
      coordinator: User(login: "esamordnare", name: "E", role: .eCoordinator), now: Self.savedAt)
    for (name, start) in [("demo", try Fixtures.demo), ("synthetic", region)] {
      var file = try Self.whole(Self.document(start, "s0"))
      var (read, layout) = try #require(StoreDocument.readAsLaidOut(file), "\(name)")
      // Each edit on the state the previous save left, over the layout that save made.
      for (k, (edit, change)) in Self.edits.enumerated() {
        var m = read.municipality
        change(&m)
        var next = Self.document(m, "s\(k + 1)")
        next.unknownKeys = read.unknownKeys
        let (xml, newLayout) = try next.spliced(over: layout)
        let bytes = xml.joined(source: file)
        #expect(bytes == (try Self.whole(next)), "\(name), \(edit)")
        #expect(!xml.copies.isEmpty, "\(name), \(edit): nothing was copied")
        // The layout the save made is the one a read of the new file makes.
        let reread = try #require(StoreDocument.readAsLaidOut(bytes), "\(name), \(edit)")
        #expect(Self.ranges(newLayout) == Self.ranges(reread.layout), "\(name), \(edit)")
        #expect(newLayout.size == bytes.count)
        (file, read, layout) = (bytes, reread.document, newLayout)
      }
    }
  }

  @Test("at a region's size, one edit re-encodes one entity and copies the rest")
  func regionSized() throws {
    let region = try StoreCodecTests.samples().first { $0.0 == "region" }!.1
    let file = try Self.whole(Self.document(region, "s0"))
    let (read, layout) = try #require(StoreDocument.readAsLaidOut(file))
    for (edit, change) in Self.edits.prefix(5) {
      var m = read.municipality
      change(&m)
      let next = Self.document(m, "s1")
      let (xml, _) = try next.spliced(over: layout)
      #expect(xml.joined(source: file) == (try Self.whole(next)), "\(edit)")
      #expect(xml.bytes.count < 50_000, "\(edit): \(xml.bytes.count) bytes encoded")
    }
  }

  static func ranges(_ l: StoreLayout?) -> [[Range<Int>]] {
    guard let l else { return [] }
    return StoreLists.all.map { l.lists[$0.key]?.ranges ?? [] }
  }

  // MARK: through StoreFile

  /// Renames a department through `perform`.
  struct Rename: Command {
    var name: String
    var summary: LocalizedText { LocalizedText(verbatim: "rename") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      m.departments[m.departments.count / 2].name = name
    }
  }

  /// The saved file is what the whole writer makes of the state it holds.
  static func expectWholeWriterBytes(_ path: String, _ comment: Comment? = nil) throws {
    let saved = try #require(bytes(path))
    let document = try StoreDocument.decode(saved, path: path)
    #expect(saved == (try Self.whole(document)), comment)
  }

  static func demoStore(in folder: TemporaryFolder) throws -> StoreFile {
    var m = try Fixtures.demo
    m.users.insert(testUser, at: 0)
    return try makeStore(in: folder, m)
  }

  @Test("saves through the store copy from the old file and write the whole writer's bytes")
  func storeFileSaves() throws {
    let folder = try TemporaryFolder()
    let store = try Self.demoStore(in: folder)
    for k in 1...3 {
      try store.perform(Rename(name: "Avdelning \(k)"), actor: testActor, now: testDate)
      #expect(store.lastSaveCopied > 0, "save \(k) copied nothing")
      try Self.expectWholeWriterBytes(folder.store, "save \(k)")
    }
    #expect(
      try StoreFile(path: folder.store).load().departments.contains { $0.name == "Avdelning 3" })
  }

  @Test("after another process saved, the re-read's layout lets the next save copy")
  func afterAnotherProcess() throws {
    let folder = try TemporaryFolder()
    let mine = try Self.demoStore(in: folder)
    let theirs = StoreFile(path: folder.store)
    try theirs.perform(Rename(name: "Deras"), actor: testActor, now: testDate)
    try mine.perform(AddDepartment(name: "Min"), actor: testActor, now: testDate)
    #expect(mine.lastSaveCopied > 0)
    try Self.expectWholeWriterBytes(folder.store)
    let names = try StoreFile(path: folder.store).load().departments.map(\.name)
    #expect(names.contains("Deras") && names.contains("Min"))
  }

  @Test("a file formatted by another program saves to the same state and keeps unknown keys")
  func foreignFormatting() throws {
    let folder = try TemporaryFolder()
    var m = try Fixtures.demo
    m.users.insert(testUser, at: 0)
    let text = String(decoding: try Self.whole(Self.document(m, "s0")), as: UTF8.self)
    // Spaces for tabs, a comment between entities, blank lines. (CR LF line ends are
    // not copied: PlistlibCasesTests.crlfSavedWithoutMixedLineEnds.)
    let foreign = text.replacingOccurrences(of: "\t", with: "  ")
      .replacingOccurrences(of: "</dict>\n", with: "</dict>\n\n<!-- x -->\n")
    #expect(StoreDocument.readAsLaidOut(Data(foreign.utf8)) != nil)
    try Data(foreign.utf8).write(to: URL(fileURLWithPath: folder.store))
    chmod(folder.store, 0o600)
    let store = StoreFile(path: folder.store)
    var expected = try store.load()
    try store.perform(Rename(name: "Ändrad"), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied > 0)
    expected.departments[expected.departments.count / 2].name = "Ändrad"
    let saved = try StoreDocument.decode(try #require(bytes(folder.store)), path: folder.store)
    #expect(saved.municipality == expected)
    #expect(saved.unknownKeys.top["futureTop"] == .string("kept"))
    #expect(saved.unknownKeys.municipality["futureList"] == .array([.integer(1)]))
    // A second save over the first one's layout.
    try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    expected.departments.append(try StoreFile(path: folder.store).load().departments.last!)
    #expect(try StoreFile(path: folder.store).load() == expected)
  }

  /// Changes the store behind the store's back, without the lock, while a command runs
  /// (between the re-read and the save): in place, same size, a new mtime.
  struct ChangedBehindTheBack: Command {
    var path: String
    var summary: LocalizedText { LocalizedText(verbatim: "behind") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      let changed = text.replacingOccurrences(
        of: "<string>Barn- och utbildning", with: "<string>Xarn- och utbildning")
      precondition(changed != text)
      let descriptor = open(path, O_WRONLY)
      _ = Array(changed.utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
      close(descriptor)
      m.departments.append(Department(name: "Efter"))
    }
  }

  @Test(
    "a file changed without the lock during a save is not copied from: the whole state is encoded")
  func changedDuringSave() throws {
    let folder = try TemporaryFolder()
    let store = try Self.demoStore(in: folder)
    var expected = try store.load()
    #expect(expected.departments.contains { $0.name.hasPrefix("Barn- och utbildning") })
    // The mtime must move on a file system with coarse timestamps too.
    try store.perform(ChangedBehindTheBack(path: folder.store), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied == 0)
    expected.departments.append(try StoreFile(path: folder.store).load().departments.last!)
    #expect(try StoreFile(path: folder.store).load() == expected)
    try Self.expectWholeWriterBytes(folder.store)
  }

  @Test("a file replaced behind the store's back is re-read, and nothing of it is lost")
  func replacedBehindTheBack() throws {
    let folder = try TemporaryFolder()
    let store = try Self.demoStore(in: folder)
    let other = try StoreFile(path: folder.store).load()
    var changed = other
    changed.services[0].name = "Bytt bakom ryggen"
    let replacement = folder.path + "/other.plist"
    try Self.whole(Self.document(changed, "x")).write(to: URL(fileURLWithPath: replacement))
    chmod(replacement, 0o600)
    rename(replacement, folder.store)
    try store.perform(Rename(name: "Efteråt"), actor: testActor, now: testDate)
    let saved = try StoreFile(path: folder.store).load()
    #expect(saved.services[0].name == "Bytt bakom ryggen")
    #expect(saved.departments.contains { $0.name == "Efteråt" })
    try Self.expectWholeWriterBytes(folder.store)
  }

  @Test("a binary store saves whole once, then copies")
  func binaryStore() throws {
    let folder = try TemporaryFolder()
    var m = try Fixtures.demo
    m.users.insert(testUser, at: 0)
    let xml = try Self.whole(Self.document(m, "s0"))
    let object = try PropertyListSerialization.propertyList(from: xml, format: nil)
    try PropertyListSerialization.data(fromPropertyList: object, format: .binary, options: 0)
      .write(to: URL(fileURLWithPath: folder.store))
    chmod(folder.store, 0o600)
    let store = StoreFile(path: folder.store)
    try store.perform(Rename(name: "Ett"), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied == 0)
    try store.perform(Rename(name: "Två"), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied > 0)
    try Self.expectWholeWriterBytes(folder.store)
  }

  /// Copies three bytes where the source offset is even, and otherwise fails as
  /// copy_file_range does between two file systems: the save must go on with
  /// pread/write from where the kernel stopped.
  static let failingHalfway: KernelCopy.Function = { input, offset, output, _, count, _ in
    guard let offset, offset.pointee % 2 == 0 else {
      errno = EXDEV
      return -1
    }
    let wanted = min(count, 3)
    var buffer = [UInt8](repeating: 0, count: wanted)
    let read = buffer.withUnsafeMutableBytes {
      pread(input, $0.baseAddress, wanted, off_t(offset.pointee))
    }
    guard read > 0 else { return read }
    let written = buffer.withUnsafeBytes { write(output, $0.baseAddress, read) }
    if written > 0 { offset.pointee += Int64(written) }
    return written
  }

  @Test(
    "when the kernel cannot copy, the save copies by reading and writing",
    arguments: ["no copy_file_range", "fails halfway", "fails at once"])
  func copyFallsBack(_ how: String) throws {
    let folder = try TemporaryFolder()
    let store = try Self.demoStore(in: folder)
    switch how {
    case "no copy_file_range": store.kernelCopy = KernelCopy(function: nil)
    case "fails halfway": store.kernelCopy = KernelCopy(function: Self.failingHalfway)
    default:
      store.kernelCopy = KernelCopy(function: { _, _, _, _, _, _ in
        errno = ENOSYS
        return -1
      })
    }
    try store.perform(Rename(name: "Kopierad"), actor: testActor, now: testDate)
    #expect(store.lastSaveCopied > 0)
    try Self.expectWholeWriterBytes(folder.store, "\(how)")
    #expect(try StoreFile(path: folder.store).load().departments.contains { $0.name == "Kopierad" })
  }
}

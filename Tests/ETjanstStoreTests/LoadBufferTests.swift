import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// A large store is read into memory the one-pass reader gives back as it decodes
/// (`LoadBuffer`): nothing before the pre-scan has read it all, and a file the reader
/// turns down after giving pages back is read again for the whole-tree way.
@Suite struct LoadBufferTests {
  func temporaryFile(_ data: Data) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("etjanst-load-\(UUID().uuidString)").path
    try data.write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("pages are given back only after the pre-scan, and then read as zeros")
  func givenBackAfterTheScan() throws {
    let size = 3 << 20
    let path = try temporaryFile(Data(repeating: UInt8(ascii: "a"), count: size))
    defer { unlink(path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let buffer = try #require(try LoadBuffer(fd, size: size))
    #expect(buffer.data.count == size)
    #expect(buffer.data.allSatisfy { $0 == UInt8(ascii: "a") })
    buffer.giveBack(0..<size)
    #expect(!buffer.gaveBack)
    #expect(buffer.data[LoadBuffer.page + 1] == UInt8(ascii: "a"))
    buffer.scanned()
    buffer.giveBack(10..<(2 * LoadBuffer.page + 10))
    #expect(buffer.gaveBack)
    // Only whole pages inside the range go: the first and the third stay.
    #expect(buffer.data[5] == UInt8(ascii: "a"))
    #expect(buffer.data[LoadBuffer.page + 1] == 0)
    #expect(buffer.data[2 * LoadBuffer.page + 1] == UInt8(ascii: "a"))
    // The descriptor is still at its start, for an ordinary read.
    #expect(lseek(fd, 0, SEEK_CUR) == 0)
  }

  @Test("a file that is no longer the size measured is read the ordinary way")
  func notTheSizeMeasured() throws {
    let path = try temporaryFile(Data(repeating: 1, count: 2 << 20))
    defer { unlink(path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    #expect(try LoadBuffer(fd, size: (2 << 20) - 100) == nil)
    #expect(try LoadBuffer(fd, size: (2 << 20) + 100) == nil)
  }

  func store(_ m: Municipality) throws -> Data {
    try StoreDocument(municipality: m, savedAt: Fixtures.now, savedBy: "t", saveID: "s").encoded()
  }

  /// `data` as a store file, and what loading it should give: the whole-tree way's
  /// state, with closing days filled in as every load does.
  func written(_ data: Data, in folder: TemporaryFolder) throws -> (
    path: String, expected: Municipality
  ) {
    let path = folder.path + "/etjanst.plist"
    try data.write(to: URL(fileURLWithPath: path))
    chmod(path, 0o600)
    var expected = try StoreDocument.decode(data, path: path).municipality
    expected.dateUnknownClosings(savedOn: Day(Fixtures.now))
    return (path, expected)
  }

  static let coordinator = User(login: "esamordnare", name: "E", role: .eCoordinator)

  @Test("a large store loads through it as it does whole")
  func largeStoreLoads() throws {
    let m = Synthetic.municipality(.municipality, coordinator: Self.coordinator, now: Fixtures.now)
    let data = try store(m)
    #expect(data.count > 1 << 20)
    let folder = try TemporaryFolder()
    let (path, expected) = try written(data, in: folder)
    #expect(try StoreFile(path: path).load() == expected)
  }

  /// Turned down by the one-pass reader at its very end (a list twice, which the
  /// whole-tree way takes), after the readers gave pages back: the whole-tree way must
  /// read the file again, not the zeros left, and load what it loads from the bytes.
  @Test("a large file the one-pass reader turns down late is read again for the whole way")
  func turnedDownLate() throws {
    // Lists of several megabytes each, so pages are given back while they are read.
    let size = Synthetic.Size(services: 200, staff: 3_000, cases: 12_000)
    let m = Synthetic.municipality(size, coordinator: Self.coordinator, now: Fixtures.now)
    let text = String(decoding: try store(m), as: UTF8.self)
    let twice = text.replacingOccurrences(
      of: "\t\t<key>users</key>", with: "\t\t<key>users</key>\n\t\t<array/>\n\t\t<key>users</key>")
    #expect(twice != text)
    let data = Data(twice.utf8)
    #expect(data.count > 6 << 20)
    #expect(StoreDocument.decodedAsRead(data) == nil)
    let folder = try TemporaryFolder()
    let (path, expected) = try written(data, in: folder)
    let loaded = try StoreFile(path: path).load()
    #expect(loaded.staff.count == m.staff.count)
    #expect(loaded == expected)
  }
}

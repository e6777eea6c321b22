import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

#if canImport(Glibc)
  import Glibc
#endif

/// Each form of the grammar where plistlib and a hand-written reader can part ways,
/// read by both: the expectation is what plistlib, run here, reads from the same
/// bytes (so nothing is written down by hand), and the store's reader must read the
/// same value or refuse when plistlib refuses.
@Suite struct PlistlibCasesTests {
  /// Bytes from parts: text as UTF-8, numbers as bytes.
  enum Part: ExpressibleByStringLiteral {
    case text(String)
    case raw([UInt8])
    init(stringLiteral value: String) { self = .text(value) }
    var bytes: [UInt8] {
      switch self {
      case .text(let s): return Array(s.utf8)
      case .raw(let b): return b
      }
    }
  }

  static func join(_ parts: [Part]) -> [UInt8] { parts.flatMap(\.bytes) }

  static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n"

  /// A document of `body` under the usual head.
  static func doc(_ body: String) -> [UInt8] { join([.text(head), .text(body), "\n</plist>\n"]) }

  /// A string holding `inside` (raw bytes), under the usual head.
  static func string(_ inside: [UInt8]) -> [UInt8] {
    join([.text(head), "<string>a", .raw(inside), "b</string></plist>"])
  }

  /// A string holding `inside` in a file that declares `encoding`.
  static func declared(_ encoding: String, _ inside: [UInt8]) -> [UInt8] {
    join([
      .text("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<plist><string>"), .raw(inside),
      "</string></plist>",
    ])
  }

  static let cases: [(name: String, bytes: [UInt8])] = [
    ("a byte that is not UTF-8", string([0xFF])),
    ("a cut UTF-8 sequence", string([0xC3])),
    ("an encoded surrogate", string([0xED, 0xA0, 0x80])),
    ("raw U+FFFE", string([0xEF, 0xBF, 0xBE])),
    ("ISO-8859-1", declared("ISO-8859-1", [0xE5, 0xE4, 0xF6])),
    ("latin-1", declared("latin-1", [0xC5, 0xC4, 0xD6])),
    ("Windows-1252", declared("windows-1252", [0x80, 0xE5, 0x96])),
    ("Windows-1252, a byte with no character", declared("windows-1252", [0x81])),
    ("US-ASCII with a high byte", declared("US-ASCII", [0xE5])),
    (
      "a UTF-8 byte-order mark", join([.raw([0xEF, 0xBB, 0xBF]), .raw(doc("<string>x</string>"))])
    ),
    ("CDATA", doc("<string><![CDATA[a<b&c]]></string>")),
    ("CDATA, a comment and text", doc("<string>x<![CDATA[<]]>y<!-- c -->z</string>")),
    ("an integer on lines of its own", doc("<integer>\n15\n</integer>")),
    (
      "an integer with a sign, underscores, zeros",
      doc("<array><integer>+15</integer><integer>1_000</integer><integer>007</integer></array>")
    ),
    ("a hexadecimal integer", doc("<integer>0x1F</integer>")),
    ("a hexadecimal integer after a space", doc("<integer> 0x1F</integer>")),
    ("2^63", doc("<integer>9223372036854775808</integer>")),
    ("2^64 - 1", doc("<integer>18446744073709551615</integer>")),
    ("-2^63", doc("<integer>-9223372036854775808</integer>")),
    ("an integer of 30 digits", doc("<integer>-123456789012345678901234567890</integer>")),
    ("an empty integer", doc("<integer/>")),
    (
      "reals plistlib writes",
      doc(
        "<array><real>30.0</real><real>1e+20</real><real>inf</real><real>-0.0</real>"
          + "<real> 2.5 </real><real>1.</real></array>")
    ),
    ("a hexadecimal real", doc("<real>0x1p3</real>")),
    ("a date with a space before it", doc("<date> 2026-01-01T00:00:00Z</date>")),
    ("a date with text after it", doc("<date>2026-01-01T00:00:00Z\n</date>")),
    ("a date of a day only", doc("<date>2025-02-28Z</date>")),
    ("29 February of a common year", doc("<date>2025-02-29T00:00:00Z</date>")),
    ("second 60", doc("<date>2025-02-28T00:00:60Z</date>")),
    (
      "a key twice",
      doc(
        "<dict><key>a</key><integer>1</integer><key>b</key><true/><key>a</key>"
          + "<integer>2</integer></dict>")
    ),
    ("CR LF and a lone CR in a text", doc("<string>a\r\nb\rc</string>")),
    ("a referenced CR", doc("<string>a&#13;b</string>")),
    ("entities", doc("<string>&amp;&#x41;&#66;&lt;&gt;&quot;&apos;</string>")),
    ("an unknown entity", doc("<string>&foo;</string>")),
    ("a reference to a control character", doc("<string>&#1;</string>")),
    ("-- in a comment", doc("<!-- a -- b --><string>x</string>")),
    ("> inside an attribute", doc("<string a=\"x>y\">z</string>")),
    ("a space in an end tag", doc("<string>x</string >")),
    ("text inside <true>", doc("<array><true>x</true></array>")),
    (
      "a DOCTYPE with an internal subset",
      join([
        "<?xml version=\"1.0\"?>\n<!DOCTYPE plist [ <!ELEMENT plist ANY> ]>\n<plist><string>x</string></plist>"
      ])
    ),
    (
      "an entity declaration",
      join([
        "<?xml version=\"1.0\"?>\n<!DOCTYPE plist [ <!ENTITY e \"x\"> ]>\n<plist><string>&e;</string></plist>"
      ])
    ),
    ("a key with spaces", doc("<dict><key> a </key><string>x</string></dict>")),
    ("a key missing its value", doc("<dict><key>a</key></dict>")),
    ("data over lines", doc("<data>\n  YWJj\n  ZA==\n</data>")),
  ]

  @Test("each form reads as plistlib reads it, or is refused as plistlib refuses it")
  func sameAsPlistlib() throws {
    let folder = try TemporaryFolder()
    for (n, c) in Self.cases.enumerated() {
      try Data(c.bytes).write(to: URL(fileURLWithPath: folder.path + "/case-\(n).plist"))
    }
    let script = """
      import plistlib, sys
      sys.path.insert(0, sys.argv[1])
      canonical = __import__('plistlib-differential'.replace('-', '_')).canonical
      for n in range(int(sys.argv[3])):
          try:
              print('%d\\taccepted\\t%s' % (n, canonical(plistlib.load(open('%s/case-%d.plist' % (sys.argv[2], n), 'rb')))))
          except Exception as e:
              print('%d\\trefused\\t%s' % (n, type(e).__name__))
      """
    // The script's canonical form, imported under a name Python can import.
    let fixtures = folder.path + "/py"
    try FileManager.default.createDirectory(atPath: fixtures, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: PlistlibDifferentialTests.script, toPath: fixtures + "/plistlib_differential.py")
    let result = try Binary.run(
      "/usr/bin/env", ["python3", "-c", script, fixtures, folder.path, "\(Self.cases.count)"])
    try #require(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    try #require(lines.count == Self.cases.count)
    for (n, line) in lines.enumerated() {
      let fields = line.split(separator: "\t").map(String.init)
      let name = Self.cases[n].name
      let data = Data(Self.cases[n].bytes)
      var refusal = PropertyListPreScan.problem(in: data)
      var tree: PropertyList?
      if refusal == nil {
        do throws(PropertyListError) {
          tree = try PropertyList.parse(data)
        } catch {
          refusal = error.description
        }
      }
      if fields[1] == "accepted" {
        #expect(refusal == nil, "\(name): plistlib reads it, etjanst refuses: \(refusal ?? "")")
        if let tree {
          #expect(PlistlibDifferentialTests.canonical(tree) == fields[2], "\(name)")
        }
      } else {
        #expect(tree == nil, "\(name): plistlib refuses it (\(fields[2])), etjanst reads it")
        // A refusal names its line.
        #expect(refusal?.hasPrefix("line ") == true, "\(name): \(refusal ?? "")")
      }
    }
  }

  /// The demo store as a document, with a test user who may edit.
  static func demoBytes() throws -> Data {
    var m = try Fixtures.demo
    m.users.insert(testUser, at: 0)
    return try StoreDocument(municipality: m, savedAt: testDate, savedBy: "test").encoded()
  }

  static func store(_ bytes: Data, in folder: TemporaryFolder) throws -> StoreFile {
    try bytes.write(to: URL(fileURLWithPath: folder.store))
    chmod(folder.store, 0o600)
    return StoreFile(path: folder.store)
  }

  @Test("a store with a byte that is not UTF-8 is refused with its line, and left as it is")
  func notUTF8Refused() throws {
    let folder = try TemporaryFolder()
    var text = try Self.demoBytes()
    let at = try #require(text.range(of: Data("Övertorneå".utf8)))
    text.insert(0xFF, at: at.upperBound)
    let store = try Self.store(text, in: folder)
    let error = #expect(throws: StoreError.self) {
      try store.perform(AddDepartment(name: "x"), actor: testActor, now: testDate)
    }
    let message = error.map { "\($0)" } ?? ""
    #expect(message.contains("not UTF-8") && message.contains("line "), "\(message)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.store)) == text)
  }

  @Test("a real where a number of the store is expected is refused, from XML and binary alike")
  func realForAnInteger() throws {
    let xml = String(decoding: try Self.demoBytes(), as: UTF8.self)
      .replacingOccurrences(
        of: #"(<key>orderStepLimitDays</key>\s*)<integer>(\d+)</integer>"#,
        with: "$1<real>$2.0</real>", options: .regularExpression)
    #expect(xml.contains("<real>"))
    let tree = try PropertyList.parse(Data(xml.utf8))
    let binary = try PropertyListSerialization.data(
      fromPropertyList: tree.foundation, format: .binary, options: 0)
    for (kind, bytes) in [("XML", Data(xml.utf8)), ("binary", binary)] {
      #expect(throws: StoreError.self, "\(kind)") {
        try StoreDocument.decode(bytes, path: "x")
      }
    }
  }

  @Test("a CR LF store is saved with LF only, and read back the same")
  func crlfSavedWithoutMixedLineEnds() throws {
    let folder = try TemporaryFolder()
    let text = String(decoding: try Self.demoBytes(), as: UTF8.self)
      .replacingOccurrences(of: "\n", with: "\r\n")
    let store = try Self.store(Data(text.utf8), in: folder)
    var expected = try store.load()
    try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    let saved = try Data(contentsOf: URL(fileURLWithPath: folder.store))
    #expect(!saved.contains(0x0D))
    expected.departments.append(try StoreFile(path: folder.store).load().departments.last!)
    #expect(try StoreFile(path: folder.store).load() == expected)
  }

  /// Unknown keys at every level of the demo: the root, the municipality, settings,
  /// contacts, and inside an entity of each list and something nested in it.
  static func withUnknownKeys(binary: Bool) throws -> Data {
    guard case .dict(var root) = try PropertyList.parse(try demoBytes()),
      case .dict(var m)? = root["municipality"]
    else { throw CocoaError(.fileReadCorruptFile) }
    let marker = PropertyList.dict(
      PropertyList.Dict([("kept", .bigInteger("18446744073709551616"))]))
    root["x_root"] = marker
    m["x_municipality"] = marker
    for key in ["settings", "contacts"] {
      guard case .dict(var d)? = m[key] else { continue }
      d["x_" + key] = marker
      m[key] = .dict(d)
    }
    for list in ["users", "departments", "services", "staff", "cases", "orders", "outages"] {
      guard case .array(var items)? = m[list], !items.isEmpty, case .dict(var first) = items[0]
      else { continue }
      first["x_entity"] = marker
      // Something nested: the first dictionary or list of dictionaries inside.
      for (key, value) in first.entries {
        if case .dict(var inner) = value {
          inner["x_nested"] = marker
          first[key] = .dict(inner)
          break
        }
        if case .array(var inner) = value, case .dict(var item)? = inner.first {
          item["x_nested"] = marker
          inner[0] = .dict(item)
          first[key] = .array(inner)
          break
        }
      }
      items[0] = .dict(first)
      m[list] = .array(items)
    }
    root["municipality"] = .dict(m)
    let xml = try PropertyList.dict(root).xml()
    guard binary else { return xml }
    // plistlib writes the binary file (Foundation cannot write 2^64).
    let folder = try TemporaryFolder()
    try xml.write(to: URL(fileURLWithPath: folder.store))
    let result = try Binary.run(
      "/usr/bin/env",
      [
        "python3", "-c",
        "import plistlib,sys\nd=plistlib.load(open(sys.argv[1],'rb'))\n"
          + "def small(v):\n  if isinstance(v,dict): return {k: small(x) for k,x in v.items()}\n"
          + "  if isinstance(v,list): return [small(x) for x in v]\n"
          + "  return 7 if isinstance(v,int) and not isinstance(v,bool) and v>=2**63 else v\n"
          + "open(sys.argv[1],'wb').write(plistlib.dumps(small(d),fmt=plistlib.FMT_BINARY))",
        folder.store,
      ])
    guard result.status == 0 else { throw PythonEdit(stderr: result.stderr) }
    return try Data(contentsOf: URL(fileURLWithPath: folder.store))
  }

  /// Every unknown key of `withUnknownKeys` that is in `bytes`, as paths.
  static func unknownKeyPaths(_ value: PropertyList, _ path: String = "") -> [String] {
    switch value {
    case .dict(let d):
      return d.entries.flatMap { entry in
        entry.key.hasPrefix("x_")
          ? [path + "." + entry.key] : unknownKeyPaths(entry.value, path + "." + entry.key)
      }
    case .array(let items):
      return items.enumerated().flatMap { unknownKeyPaths($1, path + "[\($0)]") }
    default:
      return []
    }
  }

  @Test(
    "unknown keys at every level survive a save of an XML or a binary store, edited or not",
    arguments: [false, true])
  func unknownKeysKept(binary: Bool) throws {
    let folder = try TemporaryFolder()
    let bytes = try Self.withUnknownKeys(binary: binary)
    let expected = Self.unknownKeyPaths(try PropertyList.parse(bytes)).sorted()
    #expect(expected.count >= 15, "\(expected)")
    let store = try Self.store(bytes, in: folder)
    let m = try store.load()
    // An edit of one entity of each kind that holds an unknown key, then an edit
    // elsewhere (copied entities).
    let service = m.services[0]
    try store.perform(
      EditEveryFirst(serviceName: service.name + " (ändrad)"), actor: testActor, now: testDate)
    var saved = try Data(contentsOf: URL(fileURLWithPath: folder.store))
    #expect(Self.unknownKeyPaths(try PropertyList.parse(saved)).sorted() == expected)
    try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    saved = try Data(contentsOf: URL(fileURLWithPath: folder.store))
    #expect(Self.unknownKeyPaths(try PropertyList.parse(saved)).sorted() == expected)
    let plistlib = try Binary.plistlib(
      folder.store, "d['municipality']['services'][0]['x_entity']")
    #expect(plistlib.contains("kept"))
  }

  /// Edits the first entity of every list and the settings.
  struct EditEveryFirst: Command {
    var serviceName: String
    var summary: LocalizedText { LocalizedText(verbatim: "edit") }
    func apply(to m: inout Municipality, context: CommandContext) throws {
      m.services[0].name = serviceName
      m.departments[0].name += " (ändrad)"
      m.staff[0].name += " (ändrad)"
      m.users[0].name += " (ändrad)"
      if !m.cases.isEmpty { m.cases[0].number += "-1" }
      if !m.orders.isEmpty { m.orders[0].title += " (ändrad)" }
      if !m.outages.isEmpty { m.outages[0].observed += " (ändrad)" }
      m.settings.orderStepLimitDays += 1
      m.contacts.orderServiceAddress += " "
    }
  }
}

struct PythonEdit: Error {
  var stderr: String
}

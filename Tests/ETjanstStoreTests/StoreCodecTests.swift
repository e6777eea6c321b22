import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

/// The store's own property-list reader, writer and codec (see PropertyList, StoreCodec).
@Suite struct StoreCodecTests {
  /// The demo and a region's made-up data, dates to the whole second as the file keeps them.
  static func samples() throws -> [(String, Municipality)] {
    let now = Date(timeIntervalSince1970: 1_764_000_000)
    let coordinator = User(login: "esamordnare", name: "E", role: .eCoordinator)
    var region = Synthetic.municipality(.region, coordinator: coordinator, now: now)
    region.outages.append(
      Outage(
        start: now, scope: .services([EntityID("svc-1"), EntityID("svc-2")]), observed: "x",
        declaredBy: "y", contact: ContactRecord(at: now, channel: "c", by: "b", reference: "r"),
        notified: [DepartmentNotice(department: EntityID("dep-1"), at: now)], end: now,
        neverTold: [EntityID("dep-2"), EntityID("dep-3")]))
    // An e-service registered as already running: its source and reason are stored too.
    var demo = try Fixtures.demo
    demo.services[0].statusHistory.append(
      StatusChange(
        status: .published, at: now, by: "esamordnare", source: .registeredRunning,
        reason: "I drift sedan 2019"))
    return [("demo", demo), ("region", region)]
  }

  @Test("every stored field survives a save and a load, on the demo and a region's data")
  func roundTrip() throws {
    for (name, m) in try Self.samples() {
      let document = StoreDocument(
        municipality: m, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t")
      let decoded = try StoreDocument.decode(try document.encoded(), path: name)
      #expect(decoded.municipality == m, "\(name)")
    }
  }

  /// A load decodes each entity as it reads it (no tree of the whole file); it must
  /// give what the whole tree gives, keep unknown keys, and leave everything else
  /// (an older file, a key twice, a broken one) to the whole-tree path and its words.
  @Test("the one-pass load gives the whole tree's document, and leaves odd files to it")
  func onePassLoad() throws {
    for (name, m) in try Self.samples() {
      var document = StoreDocument(
        municipality: m, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t", saveID: "s1")
      document.unknownKeys.top["futureTop"] = .dict(PropertyList.Dict([("a", .integer(1))]))
      document.unknownKeys.municipality["futureList"] = .array([.string("x")])
      let data = try document.encoded()
      let streamed = try #require(StoreDocument.decodedAsRead(data), "\(name)")
      #expect(streamed == (try StoreDocument.decodedWhole(data, path: name)), "\(name)")
      #expect(streamed == document, "\(name)")
      // A large file's staff list is read ahead from the first `<key>staff</key>`; a
      // decoy before the municipality's own, itself a readable staff list, must not
      // be taken for it.
      document.unknownKeys.top["aDecoy"] = .dict(
        PropertyList.Dict([("staff", .array(m.staff.prefix(1).map(StoreCodec.encode)))]))
      let decoyed = try document.encoded()
      let withDecoy = try #require(StoreDocument.decodedAsRead(decoyed), "\(name)")
      #expect(withDecoy.municipality.staff.count == m.staff.count, "\(name)")
      #expect(withDecoy == document, "\(name)")
    }
    let demo = try StoreDocument(
      municipality: try Fixtures.demo, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t"
    ).encoded()
    let text = String(decoding: demo, as: UTF8.self)
    let odd = [
      // A list twice, a top-level key twice, an older schema, a list that is not one.
      text.replacingOccurrences(
        of: "<key>cases</key>", with: "<key>cases</key><array/><key>cases</key>"),
      text.replacingOccurrences(
        of: "<key>savedBy</key>", with: "<key>savedBy</key><string>x</string><key>savedBy</key>"),
      text.replacingOccurrences(
        of: "<integer>2</integer>\n</dict>\n</plist>",
        with: "<integer>1</integer>\n</dict>\n</plist>"),
      text.replacingOccurrences(
        of: "<key>users</key>", with: "<key>users</key><string>x</string><key>usersBefore</key>"),
    ]
    for (i, file) in odd.enumerated() {
      #expect(file != text, "variant \(i) changed nothing")
      #expect(StoreDocument.decodedAsRead(Data(file.utf8)) == nil, "variant \(i)")
    }
  }

  /// The one-pass load reads an entity as the writer writes it straight from the bytes,
  /// through its field declarations; any other entity it reads again as a tree. Both
  /// must give what the whole tree gives, unknown keys kept at whatever depth.
  @Test(
    "entities are read straight from the bytes, and any other entity as a tree, to the same value")
  func straightFromTheBytes() throws {
    let demo = try StoreDocument(
      municipality: try Fixtures.demo, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t"
    ).encoded()
    let text = String(decoding: demo, as: UTF8.self)
    let plain = try #require(StoreDocument.readAsLaidOut(demo))
    // Every entity of the demo and of a region (every type of value) the fast way.
    for (name, m) in try Self.samples() {
      let data = try StoreDocument(
        municipality: m, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t"
      ).encoded()
      let read = try #require(StoreDocument.readAsLaidOut(data), "\(name)")
      #expect(read.layout?.readAsTrees == 0, "\(name)")
      // A large file's staff list is read on the other core, though a person in an
      // order or a request holds a `staff` key before it.
      #expect(read.layout?.readAhead == (data.count > 1 << 20), "\(name)")
      if name == "region" { #expect(data.count > 1 << 20) }
      #expect(read.document == (try StoreDocument.decodedWhole(data, path: name)), "\(name)")
    }
    func once(_ of: String, _ with: String) -> String {
      guard let range = text.range(of: of) else { return text }
      return text.replacingCharacters(in: range, with: with)
    }
    let grant = "<key>grants</key>\n\t\t\t\t<array>\n\t\t\t\t\t<dict>\n"
    let history = "<key>statusHistory</key>\n\t\t\t\t<array>\n\t\t\t\t\t<dict>\n"
    let caseID = "<key>id</key>\n\t\t\t\t<string>case-"
    // Each variant: what it is, the file, how many entities it sends the tree way, and
    // whether it reads as another document than the plain file.
    let variants: [(String, String, Int, Bool)] = [
      // A key this program does not know, inside a staff member's grant, and inside an
      // e-service's status change (a type coded by hand): kept.
      (
        "a grant's unknown key", once(grant, grant + "<key>zNote</key><string>kept</string>\n"), 1,
        true
      ),
      (
        "a status change's unknown key",
        once(history, history + "<key>aNote</key><integer>7</integer>\n"), 1, true
      ),
      // A case's key twice: the last one counts, as in plistlib.
      ("a key twice", once(caseID, "<key>id</key><string>first</string>" + caseID), 1, false),
      // A key spelled with a character reference.
      ("a key with a reference", once("<key>number</key>", "<key>n&#117;mber</key>"), 1, false),
      // A comment between a key and its value is read straight through.
      ("a comment", once("<key>number</key>", "<key>number</key><!-- c -->"), 0, false),
      // A text in a CDATA section is read as the tree reader reads any text.
      ("a text with CDATA", once("<string>SOC ", "<string><![CDATA[SOC]]> "), 0, false),
    ]
    for (name, variant, trees, differs) in variants {
      #expect(variant != text, "\(name): changed nothing")
      let data = Data(variant.utf8)
      let read = try #require(StoreDocument.readAsLaidOut(data), "\(name)")
      #expect(read.layout?.readAsTrees == trees, "\(name)")
      let whole = try StoreDocument.decodedWhole(data, path: name)
      #expect(read.document == whole, "\(name)")
      #expect((read.document != plain.document) == differs, "\(name)")
      // And what a save writes back holds it.
      let again = try StoreDocument.decodedWhole(try read.document.encoded(), path: name)
      #expect(again == whole, "\(name)")
    }
    // A case without its required number is refused the whole tree's way, with its words.
    let missing = once("<key>number</key>", "<key>numbr</key>")
    #expect(StoreDocument.readAsLaidOut(Data(missing.utf8)) == nil)
    #expect(throws: StoreError.self) {
      try StoreDocument.decodedWhole(Data(missing.utf8), path: "m")
    }
  }

  /// The pre-scan passes eight bytes at once when each is plain ASCII text or a tab or
  /// line end: the same answer as asking each byte, for every byte value in every place.
  @Test("the pre-scan's test of eight bytes at once agrees with each byte's")
  func plainWords() {
    func plain(_ b: UInt8) -> Bool { (0x20..<0x80).contains(b) || [0x09, 0x0A, 0x0D].contains(b) }
    var random = SystemRandomNumberGenerator()
    for place in 0..<8 {
      for value in 0...255 {
        var bytes = (0..<8).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
        bytes[place] = UInt8(value)
        bytes[(place + 3) % 8] = [0x09, 0x0A, 0x0D, 0x20, 0x7F][value % 5]
        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(XMLReader.plainWord(word) == bytes.allSatisfy(plain), "\(bytes)")
      }
    }
  }

  /// The readers pass eight bytes of text at once when none is `<`, `&`, a control
  /// character (tab and line ends included) or outside ASCII: the same answer as asking
  /// each byte, for every byte value in every place, beside every other kind of byte.
  @Test("the text scan's test of eight bytes at once agrees with each byte's")
  func textWords() {
    func passes(_ b: UInt8) -> Bool { (0x20..<0x80).contains(b) && b != 0x3C && b != 0x26 }
    let others: [UInt8] = [0x41, 0x20, 0x7F, 0x3C, 0x26, 0x09, 0x0A, 0x0D, 0x00, 0x80, 0xC3, 0xFF]
    for place in 0..<8 {
      for value in 0...255 {
        for other in others {
          var bytes = Array("kommun e".utf8)
          bytes[place] = UInt8(value)
          bytes[(place + 5) % 8] = other
          let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
          #expect(XMLReader.textWord(word) == bytes.allSatisfy(passes), "\(bytes)")
        }
      }
    }
  }

  @Test(
    "a user's way to quit is kept when chosen, absent means ask, and a word it does not know is refused"
  )
  func userQuitPreference() throws {
    var m = try #require(try Self.samples().first { $0.0 == "demo" }).1
    m.users[0].quitWith = .secondKey
    let document = StoreDocument(
      municipality: m, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t")
    let text = String(decoding: try document.encoded(), as: UTF8.self)
    #expect(text.components(separatedBy: "<key>quitWith</key>").count == 2)
    let loaded = try StoreDocument.decode(Data(text.utf8), path: "chosen").municipality
    #expect(loaded.users[0].quitWith == .secondKey)
    #expect(loaded.users.dropFirst().allSatisfy { $0.quitWith == .ask })
    let unknown = text.replacingOccurrences(
      of: "<string>secondKey</string>", with: "<string>never</string>")
    #expect(throws: (any Error).self) {
      try StoreDocument.decode(Data(unknown.utf8), path: "unknown")
    }
  }

  @Test("a file written before outages kept who was never told loads, with none never told")
  func outageWithoutNeverTold() throws {
    let m = try #require(try Self.samples().first { $0.0 == "demo" }).1
    let document = StoreDocument(
      municipality: m, savedAt: Date(timeIntervalSince1970: 1e9), savedBy: "t")
    let text = String(decoding: try document.encoded(), as: UTF8.self)
    let older = text.replacingOccurrences(
      of: #"<key>neverTold</key>\s*(<array\s*/>|<array>\s*</array>)"#, with: "",
      options: .regularExpression)
    #expect(older != text && !older.contains("neverTold"))
    #expect(try StoreDocument.decode(Data(older.utf8), path: "older").municipality == m)
  }

  /// Foundation's encoder writes every stored property of the Codable types; the hand
  /// codec must write the same tree, so a field added to a type and forgotten in
  /// StoreCodec fails here.
  @Test("the store's table of lists and the municipality's name the same lists in the same order")
  func listTablesAgree() throws {
    let m = try Fixtures.demo
    let declared = Mirror(reflecting: m).children.compactMap(\.label)
      .filter { !["name", "contacts", "settings"].contains($0) }
    #expect(declared == StoreLists.all.map(\.key))
  }

  @Test("the hand-written codec writes the same keys and values as Foundation's encoder")
  func sameTreeAsFoundation() throws {
    for (name, m) in try Self.samples() {
      let encoder = PropertyListEncoder()
      encoder.outputFormat = .xml
      let foundation = try PropertyList.parse(try encoder.encode(m))
      let difference = Self.firstDifference(StoreCodec.encode(m), foundation, at: "municipality")
      #expect(difference == nil, "\(name)")
    }
  }

  /// Where two trees first differ, as a key path; nil when they are equal.
  static func firstDifference(_ a: PropertyList, _ b: PropertyList, at path: String) -> String? {
    switch (a, b) {
    case (.dict(let x), .dict(let y)):
      for key in Set(x.keys + y.keys).sorted() {
        guard let u = x[key], let v = y[key] else { return "\(path).\(key) only on one side" }
        if let found = firstDifference(u, v, at: "\(path).\(key)") { return found }
      }
      return nil
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return "\(path): \(x.count) against \(y.count) items" }
      for (i, (u, v)) in zip(x, y).enumerated() {
        if let found = firstDifference(u, v, at: "\(path)[\(i)]") { return found }
      }
      return nil
    default:
      return a == b ? nil : "\(path): \(a) against \(b)"
    }
  }

  @Test("a file nested 10,000 deep is refused with one line, not a crash")
  func deepNesting() throws {
    let depth = 10_000
    let xml =
      "<?xml version=\"1.0\"?><plist version=\"1.0\">" + String(repeating: "<array>", count: depth)
      + String(repeating: "</array>", count: depth) + "</plist>"
    let error = #expect(throws: StoreError.self) {
      try StoreDocument.decode(Data(xml.utf8), path: "/x/etjanst.plist")
    }
    let message = try #require(error?.description)
    #expect(message.contains("nested deeper than"))
    #expect(!message.contains("\n"))
  }

  @Test("a raw control character is refused with its line; the writer never writes one")
  func controlCharacters() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <plist version="1.0">
      <dict>
      \t<key>schemaVersion</key>
      \t<string>a\u{01}b</string>
      </dict>
      </plist>
      """
    let error = #expect(throws: StoreError.self) {
      try StoreDocument.decode(Data(xml.utf8), path: "/x")
    }
    let message = try #require(error?.description)
    #expect(message.contains("line 5: control character U+0001"))
    #expect(!message.contains("\n"))
    // The writer never writes one: a control character becomes U+FFFD.
    let written = try PropertyList.string("a\u{07}").xml()
    #expect(!written.contains(0x07))
    #expect(try PropertyList.parse(written) == .string("a\u{FFFD}"))
    // A carriage return is written as a reference, so it comes back as itself.
    let text = "rad 1\r\nrad 2\rrad 3\t<&>"
    #expect(try PropertyList.parse(try PropertyList.string(text).xml()) == .string(text))
  }

  @Test("numbers and dates read with or without spaces around them (the trim's shortcut)")
  func spacesAroundNumbers() throws {
    for (element, value) in [
      ("<integer>42</integer>", PropertyList.integer(42)),
      ("<integer>-7</integer>", .integer(-7)),
      ("<integer> 42\t</integer>", .integer(42)),
      ("<integer>\u{A0}42\u{2003}</integer>", .integer(42)),
      ("<real> 1.5 </real>", .real(1.5)),
      // As plistlib: space after a date is ignored, space before it is not a date.
      ("<date>2026-12-01T10:00:00Z\n</date>", .date(Date(timeIntervalSince1970: 1_796_119_200))),
    ] {
      let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plist version="1.0">
        \(element)
        </plist>
        """
      #expect(try PropertyList.parse(Data(xml.utf8)) == value, "\(element)")
    }
    #expect(throws: PropertyListError.self) {
      try PropertyList.parse(
        Data("<plist><date> 2026-12-01T10:00:00Z</date></plist>".utf8))
    }
  }

  @Test("keys this program does not know are kept across a save")
  func unknownKeysKept() throws {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let script = """
      import plistlib, sys
      p = sys.argv[1]
      d = plistlib.load(open(p, 'rb'))
      d['futureTop'] = {'a': [1, 2]}
      d['municipality']['futureList'] = ['x']
      plistlib.dump(d, open(p, 'wb'))
      """
    #expect(try run(["python3", "-c", script, folder.store]).status == 0)
    try store.perform(AddDepartment(name: "Ny"), actor: testActor, now: testDate)
    let check = """
      import plistlib, sys
      d = plistlib.load(open(sys.argv[1], 'rb'))
      print(d['futureTop'], d['municipality']['futureList'], d['municipality']['departments'][-1]['name'])
      """
    let result = try run(["python3", "-c", check, folder.store])
    #expect(result.output == "{'a': [1, 2]} ['x'] Ny\n")
  }

  @Test("random trees: written by us, read and written by plistlib, read back by us unchanged")
  func fuzzAgainstPlistlib() throws {
    var rng = SeededGenerator(seed: 20_261_130)
    let folder = try TemporaryFolder()
    let count = 200
    var trees: [PropertyList] = []
    for i in 0..<count {
      let tree = PropertyList.dict(
        PropertyList.Dict([("root", randomValue(&rng, depth: 0))]))
      trees.append(tree)
      try tree.xml().write(to: URL(fileURLWithPath: "\(folder.path)/\(i).plist"))
    }
    let script = """
      import plistlib, sys, glob
      for p in glob.glob(sys.argv[1] + '/*.plist'):
          d = plistlib.load(open(p, 'rb'))
          open(p + '.py', 'wb').write(plistlib.dumps(d, sort_keys=False))
      print('ok')
      """
    let result = try run(["python3", "-c", script, folder.path])
    #expect(result.output == "ok\n")
    for i in 0..<count {
      let back = try #require(bytes("\(folder.path)/\(i).plist.py"))
      #expect(try PropertyList.parse(back) == trees[i], "tree \(i)")
    }
  }

  @Test("a damaged file never crashes the reader: it parses or says why")
  func mutatedFiles() throws {
    var rng = SeededGenerator(seed: 7)
    let good = try StoreDocument(municipality: try Fixtures.demo, savedAt: testDate, savedBy: "t")
      .encoded()
    for _ in 0..<300 {
      var bad = good
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let at = Int.random(in: 0..<bad.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: bad[at] = UInt8.random(in: 0...255, using: &rng)
        case 1: bad.remove(at: at)
        default: bad = bad.prefix(at)
        }
        if bad.isEmpty { break }
      }
      do {
        _ = try StoreDocument.decode(bad, path: "/x")
      } catch {
        #expect(!error.description.isEmpty)
      }
    }
  }

  private func randomValue(_ rng: inout SeededGenerator, depth: Int) -> PropertyList {
    let pick = Int.random(in: 0..<(depth > 4 ? 6 : 8), using: &rng)
    switch pick {
    case 0: return .string(randomString(&rng))
    case 1: return .integer(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &rng))
    case 2: return .bool(Bool.random(using: &rng))
    case 3:
      return .date(
        Date(
          timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &rng))
        ))
    case 4: return .real(Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / 64)
    case 5:
      return .data(
        Data(
          (0..<Int.random(in: 0...80, using: &rng)).map { _ in
            UInt8.random(in: 0...255, using: &rng)
          }))
    case 6:
      return .array(
        (0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
    default:
      var dict = PropertyList.Dict()
      for _ in 0..<Int.random(in: 0...4, using: &rng) {
        dict[randomString(&rng)] = randomValue(&rng, depth: depth + 1)
      }
      return .dict(dict)
    }
  }

  /// Letters, Swedish and other scripts, markup characters, tab and newline; no other
  /// control characters (property lists cannot hold them) and no CR (plistlib turns it
  /// into LF).
  private func randomString(_ rng: inout SeededGenerator) -> String {
    let pool: [Character] = Array("abcÅÄÖåäö &<>\"';#\t\nx€𝄞日本\u{00A0}é") + ["e\u{0301}"]
    return String(
      (0..<Int.random(in: 0...12, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
  }
}

@Suite struct StoreStringsTests {
  @Test("check's walk of the file finds the same uncleaned text as reflection does")
  func sameAsReflection() throws {
    var m = try Fixtures.demo
    m.services[3].name = "Bygglov\u{202E}gal"
    m.staff[2].manager = " chef.soc"
    m.departments[1].fallbackRoutine?.steps = "1. Ring\r\n2. Skriv\u{07}"
    m.outages[0].observed = "Inget svar\u{200B}"
    let walked = TextAudit.unclean(StoreStrings.all(in: m)).map(\.text).sorted()
    let reflected = TextAudit.unclean(in: m).map(\.text).sorted()
    #expect(walked.count == 4)
    #expect(walked == reflected)
    #expect(TextAudit.unclean(StoreStrings.all(in: try Fixtures.demo)).isEmpty)
  }
}

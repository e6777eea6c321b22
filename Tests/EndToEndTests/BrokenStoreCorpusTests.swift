import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A corpus of broken stores, generated here from a good demo store, each given to the
/// real binary under `timeout`: every one is refused in one line that names the file,
/// or loads and is reported by `check`; none crashes or hangs; every one is left
/// byte-identical.
@Suite struct BrokenStoreCorpusTests {
  /// How a broken store is expected to be met.
  enum Outcome: Sendable {
    /// Refused: exit 1, one line on stderr naming the file and containing the fragment.
    case refused(String)
    /// Loads; `check` exits 1 and prints a line containing the fragment.
    case reported(String)
    /// Either is fine (a permission root ignores), as long as nothing crashes.
    case either
  }

  struct Breakage: Sendable, CustomTestStringConvertible {
    var name: String
    var outcome: Outcome
    /// Makes the broken store at `path` from the good one's bytes; python3 helpers
    /// get the good XML at `path` first.
    var make: @Sendable (_ path: String, _ good: Data) throws -> Void
    var testDescription: String { name }
  }

  /// Edits the good store with python3 plistlib: `d` is the root, `m` the
  /// municipality; writes XML unless the code sets `fmt = plistlib.FMT_BINARY`.
  static func python(_ code: String) -> @Sendable (String, Data) throws -> Void {
    { path, good in
      try good.write(to: URL(fileURLWithPath: path))
      let script = """
        import plistlib, sys
        path = sys.argv[1]
        d = plistlib.load(open(path, 'rb'))
        m = d.get('municipality')
        fmt = plistlib.FMT_XML
        \(code.split(separator: "\n").joined(separator: "\n"))
        open(path, 'wb').write(plistlib.dumps(d, fmt=fmt, sort_keys=False))
        """
      let result = try Binary.run("/usr/bin/env", ["python3", "-c", script, path])
      guard result.status == 0 else { throw PythonEditFailed(stderr: result.stderr) }
    }
  }

  static func bytes(_ data: @escaping @Sendable (Data) -> Data)
    -> @Sendable (String, Data) throws
    -> Void
  {
    { path, good in try data(good).write(to: URL(fileURLWithPath: path)) }
  }

  /// The good store with `bytes` inserted in the municipality's name.
  static func inName(_ good: Data, _ bytes: [UInt8]) -> Data {
    var data = good
    let at = data.range(of: Data("Övertorneå kommun</string>".utf8))!
    data.insert(contentsOf: bytes, at: at.lowerBound + "Övertorneå".utf8.count)
    return data
  }

  /// The good store declaring `encoding`, its text made bytes by `body`.
  static func declared(_ encoding: String, _ good: Data, _ body: (String) -> [UInt8]) -> Data {
    let text = String(decoding: good, as: UTF8.self).replacingOccurrences(
      of: #"encoding="UTF-8""#, with: #"encoding="\#(encoding)""#)
    return Data(body(text))
  }

  static let corpus: [Breakage] = {
    var all: [Breakage] = []
    let notPlist = Outcome.refused("not a valid property list")
    for percent in [1, 3, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99] {
      all.append(
        Breakage(
          name: "truncated at \(percent)%", outcome: notPlist,
          make: bytes { $0.prefix($0.count * percent / 100) }))
    }
    for cut in [2, 7, 40, 41] {
      all.append(
        Breakage(
          name: "truncated \(cut) bytes from the end", outcome: notPlist,
          make: bytes { $0.dropLast(cut) }))
    }
    all.append(
      Breakage(name: "empty", outcome: .refused("the file is empty"), make: bytes { _ in Data() }))
    all.append(
      Breakage(name: "whitespace", outcome: notPlist, make: bytes { _ in Data("  \n\n ".utf8) }))
    for seed in 1...4 {
      all.append(
        Breakage(
          name: "garbage \(seed)", outcome: notPlist,
          make: bytes { _ in
            var generator = SeededGenerator(seed: UInt64(seed))
            return Data(
              (0..<(seed * 997)).map { _ in UInt8.random(in: 0...255, using: &generator) })
          }))
    }
    all.append(
      Breakage(
        name: "JSON object", outcome: notPlist,
        make: bytes { _ in Data(#"{"schemaVersion": 1, "municipality": {}}"#.utf8) }))
    all.append(
      Breakage(name: "JSON array", outcome: notPlist, make: bytes { _ in Data("[1, 2, 3]".utf8) }))
    all.append(
      Breakage(
        name: "CSV", outcome: notPlist,
        make: bytes { _ in Data("name;department\nBygglov;Bygg\n".utf8) }))
    all.append(
      Breakage(
        name: "old OpenStep text", outcome: notPlist,
        make: bytes { _ in Data("{ schemaVersion = 1; }".utf8) }))
    all.append(
      Breakage(
        name: "unknown tag with a newline and ESC", outcome: notPlist,
        make: bytes { good in
          var text = String(decoding: good, as: UTF8.self)
          text = text.replacingOccurrences(
            of: "<string>", with: "<str\ning>", options: [], range: text.range(of: "<string>"))
          return Data(text.utf8)
        }))
    for position in [0.1, 0.3, 0.5, 0.7, 0.9] {
      all.append(
        Breakage(
          name: "binary with flipped bytes at \(position)", outcome: .either,
          make: { path, good in
            try python("fmt = plistlib.FMT_BINARY")(path, good)
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            let at = Int(Double(data.count) * position)
            for i in at..<min(at + 8, data.count) { data[i] ^= 0xFF }
            try data.write(to: URL(fileURLWithPath: path))
          }))
    }
    all.append(
      Breakage(
        name: "binary trailer flipped", outcome: notPlist,
        make: { path, good in
          try python("fmt = plistlib.FMT_BINARY")(path, good)
          var data = try Data(contentsOf: URL(fileURLWithPath: path))
          for i in (data.count - 32)..<data.count { data[i] ^= 0xA5 }
          try data.write(to: URL(fileURLWithPath: path))
        }))
    let wrong = Outcome.refused("not a valid etjanst store")
    for (name, code) in [
      ("name is a number", "m['name'] = 42"),
      ("services is a string", "m['services'] = 'none'"),
      ("schemaVersion is text", "d['schemaVersion'] = '1'"),
      ("a limit is text", "m['settings']['outageContactLimitMinutes'] = '15'"),
      ("users is a dictionary", "m['users'] = {'a': 1}"),
      ("root is an array", "d = [d['schemaVersion']]"),
      ("a day is not a day", "m['staff'][0]['startDate'] = '2025-13-45'"),
    ] {
      all.append(
        Breakage(
          name: "wrong type: \(name)",
          outcome: name == "root is an array" ? .refused("etjanst") : wrong, make: python(code)))
    }
    for (name, code) in [
      ("municipality", "del d['municipality']"), ("schemaVersion", "del d['schemaVersion']"),
      ("name", "del m['name']"), ("a service's id", "del m['services'][0]['id']"),
      ("settings", "del m['settings']"),
    ] {
      all.append(
        Breakage(name: "missing key: \(name)", outcome: .refused("etjanst"), make: python(code)))
    }
    for (name, code) in [
      ("service status", "m['services'][0]['status'] = 'halvklar'"),
      ("staff status", "m['staff'][0]['status'] = 'sleeping'"),
      ("case status", "m['cases'][0]['status'] = 'lost'"),
      ("audience", "m['services'][1]['audience'] = 'martians'"),
    ] {
      all.append(Breakage(name: "unknown enum value: \(name)", outcome: wrong, make: python(code)))
    }
    for (name, code) in [
      ("reviewIntervalMonths 2^62", "m['services'][0]['reviewIntervalMonths'] = 2**62"),
      ("outageContactLimitMinutes 2^62", "m['settings']['outageContactLimitMinutes'] = 2**62"),
      ("yearlyCaseVolume 2^62", "m['services'][0]['yearlyCaseVolume'] = 2**62"),
      ("yearlyCaseVolume -2^62", "m['services'][2]['yearlyCaseVolume'] = -2**62"),
      ("handlingDaysBefore -2^63", "m['services'][0]['handlingDaysBefore'] = -2**63"),
      (
        "routine review months 2^62",
        "[dep for dep in m['departments'] if 'fallbackRoutine' in dep][0]['fallbackRoutine']['reviewIntervalMonths'] = 2**62"
      ),
      ("accessExpiryWarningDays -2^62", "m['settings']['accessExpiryWarningDays'] = -2**62"),
    ] {
      all.append(
        Breakage(name: "out of range: \(name)", outcome: .refused("is outside"), make: python(code))
      )
    }
    all.append(
      Breakage(
        name: "out of range: a number beyond 64 bits", outcome: .refused("etjanst"),
        make: bytes { good in
          let text = String(decoding: good, as: UTF8.self)
          return Data(
            text.replacingOccurrences(
              of: #"(<key>orderStepLimitDays</key>\s*<integer>)\d+"#,
              with: "$118446744073709551621", options: .regularExpression
            ).utf8)
        }))
    for (name, code) in [
      ("service ids", "m['services'][1]['id'] = m['services'][0]['id']"),
      ("staff ids", "m['staff'][1]['id'] = m['staff'][0]['id']"),
      ("department ids", "m['departments'][1]['id'] = m['departments'][0]['id']"),
      ("logins", "m['users'].append(dict(m['users'][0], name='Tvilling'))"),
    ] {
      all.append(
        Breakage(
          name: "duplicate \(name)", outcome: .refused("appears more than once"), make: python(code)
        ))
    }
    for (name, code) in [
      ("a service's department", "m['services'][0]['department'] = 'no-such-department'"),
      ("a case's officer", "m['cases'][0]['officer'] = 'no-such-person'"),
      (
        "a grant's e-service",
        "[p for p in m['staff'] if p['grants']][0]['grants'][0]['service'] = 'gone'"
      ),
    ] {
      all.append(
        Breakage(
          name: "dangling reference: \(name)", outcome: .reported("data"), make: python(code)))
    }
    all.append(
      Breakage(
        name: "XML nested 10,000 deep", outcome: .refused("nested more than"),
        make: bytes { _ in
          Data(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict><key>schemaVersion</key><integer>1</integer><key>municipality</key>"
              + String(repeating: "<array>", count: 10_000)
              + String(repeating: "</array>", count: 10_000) + "</dict></plist>\n").utf8)
        }))
    all.append(
      Breakage(
        name: "binary nested 10,000 deep", outcome: .refused("nested more than"),
        make: bytes { _ in BrokenFiles.deepBinaryList(depth: 10_000) }))
    all.append(
      Breakage(
        name: "a 50 MB string", outcome: .refused("a text of more than"),
        make: python("m['name'] = 'x' * (50 * 1024 * 1024)")))
    for (name, inserted, fragment) in [
      ("raw ESC and BEL in XML", "\u{1B}]52;c;aGk=\u{07}", "control character U+001B"),
      ("raw NUL in XML", "\u{0}", "control character U+0000"),
      ("NUL as a character reference", "&#0;", "reference to character U+0000"),
      ("ESC as a hexadecimal reference", "&#x1b;", "reference to character U+001B"),
    ] {
      all.append(
        Breakage(
          name: name, outcome: .refused(fragment),
          make: bytes { good in
            let text = String(decoding: good, as: UTF8.self).replacingOccurrences(
              of: "Övertorneå kommun</string>", with: "Övertorneå\(inserted) kommun</string>")
            return Data(text.utf8)
          }))
    }
    // What plistlib refuses is refused too, with the line, never read as something else.
    for (name, inserted) in [
      ("a byte that is not UTF-8", [0xFF] as [UInt8]), ("a UTF-8 sequence cut short", [0xC3]),
      ("an encoded surrogate", [0xED, 0xA0, 0x80]), ("an overlong encoding", [0xC0, 0xAF]),
    ] {
      all.append(
        Breakage(
          name: name, outcome: .refused("not UTF-8"),
          make: bytes { BrokenStoreCorpusTests.inName($0, inserted) }))
    }
    all.append(
      Breakage(
        name: "raw U+FFFE", outcome: .refused("character U+FFFE"),
        make: bytes { BrokenStoreCorpusTests.inName($0, [0xEF, 0xBF, 0xBE]) }))
    all.append(
      Breakage(
        name: "Windows-1252 with a byte that is no character", outcome: .refused("Windows-1252"),
        make: bytes { good in
          BrokenStoreCorpusTests.declared("windows-1252", good) { text in
            Array(text.replacingOccurrences(of: "Övertorneå kommun", with: "Kommun").utf8)
              .map { $0 == UInt8(ascii: "K") ? 0x81 : $0 }.filter { $0 < 0x80 || $0 == 0x81 }
          }
        }))
    all.append(
      Breakage(
        name: "US-ASCII with a byte above 127", outcome: .refused("not US-ASCII"),
        make: bytes { good in BrokenStoreCorpusTests.declared("US-ASCII", good) { Array($0.utf8) } }
      ))
    all.append(
      Breakage(
        name: "an encoding etjanst does not read", outcome: .refused("encoding"),
        make: bytes { good in
          BrokenStoreCorpusTests.declared("ISO-8859-15", good) { Array($0.utf8) }
        }))
    all.append(
      Breakage(
        name: "an entity declaration", outcome: .refused("entity declaration"),
        make: bytes { good in
          Data(
            String(decoding: good, as: UTF8.self).replacingOccurrences(
              of: "<plist version", with: "<!DOCTYPE x [ <!ENTITY e \"y\"> ]>\n<plist version"
            ).utf8)
        }))
    all.append(
      Breakage(
        name: "-- inside a comment", outcome: .refused("inside a comment"),
        make: bytes { good in
          Data(
            String(decoding: good, as: UTF8.self).replacingOccurrences(
              of: "<plist version", with: "<!-- a -- b -->\n<plist version"
            ).utf8)
        }))
    all.append(
      Breakage(
        name: "an unknown entity", outcome: .refused("unknown entity"),
        make: bytes { BrokenStoreCorpusTests.inName($0, Array("&nbsp;".utf8)) }))
    for format in ["XML", "binary"] {
      all.append(
        Breakage(
          name: "a real where an integer is expected (\(format))", outcome: wrong,
          make: python(
            "m['settings']['orderStepLimitDays'] = 30.0"
              + (format == "binary" ? "\nfmt = plistlib.FMT_BINARY" : ""))))
    }
    all.append(
      Breakage(
        name: "control characters in a binary file", outcome: .reported("data warning"),
        make: python(
          "m['services'][0]['name'] += '\\x1b[31m\\x00\\x07'\nfmt = plistlib.FMT_BINARY")))
    all.append(
      Breakage(
        name: "newer schemaVersion", outcome: .refused("written by a newer etjanst"),
        make: python("d['schemaVersion'] = 99")))
    all.append(
      Breakage(
        name: "schemaVersion 0", outcome: .refused("cannot be migrated"),
        make: python("d['schemaVersion'] = 0")))
    all.append(
      Breakage(
        name: "world-writable", outcome: .refused("writable by everyone"),
        make: { path, good in
          try good.write(to: URL(fileURLWithPath: path))
          chmod(path, 0o666)
        }))
    all.append(
      Breakage(
        name: "no permission", outcome: geteuid() == 0 ? .either : .refused("cannot be read"),
        make: { path, good in
          try good.write(to: URL(fileURLWithPath: path))
          chmod(path, 0o000)
        }))
    all.append(
      Breakage(
        name: "FIFO", outcome: .refused("not a regular file"),
        make: { path, _ in
          guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.EIO) }
        }))
    all.append(
      Breakage(
        name: "directory", outcome: .refused("not a regular file"),
        make: { path, _ in
          try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }))
    all.append(
      Breakage(
        name: "symlink to /dev/zero", outcome: .refused("not a regular file"),
        make: { path, _ in
          guard symlink("/dev/zero", path) == 0 else { throw POSIXError(.EIO) }
        }))
    all.append(
      Breakage(
        name: "dangling symlink", outcome: .refused("no such file"),
        make: { path, _ in
          guard symlink(path + ".nowhere", path) == 0 else { throw POSIXError(.EIO) }
        }))
    all.append(
      Breakage(
        name: "symlink loop", outcome: .refused("etjanst"),
        make: { path, _ in
          guard symlink(path, path) == 0 else { throw POSIXError(.EIO) }
        }))
    return all
  }()

  /// What is at the path, byte for byte or by kind, to compare before and after.
  static func snapshot(_ path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0 else { return "nothing" }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFREG {
      chmod(path, 0o600)
      defer { chmod(path, info.st_mode & 0o7777) }
      let data = FileManager.default.contents(atPath: path) ?? Data()
      return "file \(info.st_mode & 0o7777) \(data.count) \(data.hashValue) \(info.st_ino)"
    }
    if kind == S_IFLNK {
      return "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
    }
    return "kind \(kind) \(info.st_ino)"
  }

  @Test("the corpus has at least 60 broken stores") func corpusSize() {
    #expect(Self.corpus.count >= 60)
  }

  @Test(arguments: corpus)
  func brokenStore(_ breakage: Breakage) throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let goodPath = try Binary.demoStore(in: folder, name: "good.plist")
    let good = try Data(contentsOf: URL(fileURLWithPath: goodPath))
    let path = folder.appendingPathComponent("etjanst.plist").path
    try breakage.make(path, good)
    let before = Self.snapshot(path)
    for arguments in [["check"], ["list", "services"], ["report"]] {
      // The fragments are the English messages (the Swedish ones are tested in
      // CommandLineEndToEndTests).
      let result = try Binary.run(
        "/usr/bin/timeout", ["-s", "KILL", "120", Binary.etjanst] + arguments + ["--store", path],
        environment: ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
      let what = "\(breakage.name): etjanst \(arguments.joined(separator: " "))"
      #expect(result.status <= 2, "\(what) exited \(result.status): \(result.stderr)")
      let errorLines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast()
      switch breakage.outcome {
      case .refused(let fragment):
        #expect(result.status == 2, "\(what): \(result.stdout)")
        #expect(errorLines.count == 1, "\(what): \(result.stderr)")
        #expect(result.stderr.hasPrefix("etjanst: \(path)"), "\(what): \(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(what): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(what): \(result.stdout)")
      case .reported(let fragment):
        #expect(result.stderr.isEmpty, "\(what): \(result.stderr)")
        if arguments == ["check"] {
          #expect(result.status == 1)
          #expect(result.stdout.contains(fragment), "\(what): \(result.stdout)")
        }
      case .either:
        #expect(errorLines.count <= 1, "\(what): \(result.stderr)")
        if result.status != 0 && !result.stderr.isEmpty {
          #expect(result.stderr.hasPrefix("etjanst: \(path)"), "\(what): \(result.stderr)")
        }
      }
      #expect(
        !result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 },
        "\(what): raw control characters on stderr")
      #expect(Self.snapshot(path) == before, "\(what): the file changed")
    }
  }
}

struct PythonEditFailed: Error, CustomStringConvertible {
  var stderr: String
  var description: String { "python3 failed: \(stderr)" }
}

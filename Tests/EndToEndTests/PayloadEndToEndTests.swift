import Foundation
import TestSupport
import Testing

/// A store full of terminal payloads — ESC sequences, OSC 52 (clipboard write), BEL,
/// the 8-bit CSI U+009B, the bidi override U+202E and line breaks (CR, LF, NEL U+0085,
/// U+2028, U+2029) — in every kind of name, plus payload keys; every command is run
/// over it, and not one payload character may come out on stdout or stderr, or in a
/// file written with --output.
@Suite struct PayloadEndToEndTests {
  static let payload =
    "\u{1B}[31m\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}2J\u{202E}\nrad2\r\u{2028}rad3\u{2029}rad4\u{85}"

  /// Characters that must never leave the program raw.
  static func payloadCount(_ text: String) -> Int {
    text.unicodeScalars.filter {
      [0x1B, 0x07, 0x9B, 0x202E, 0x0D, 0x2028, 0x2029, 0x85].contains($0.value)
    }.count
  }

  @Test("every command over a store full of payloads prints 0 payload characters")
  func noPayloadLeaves() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let login = try Binary.plistlib(store, "d['municipality']['users'][0]['login']")
    // A binary file can hold what XML cannot; the payload goes into every text the
    // commands print, and into a key and a value nothing knows.
    let script = """
      import plistlib, sys
      path, p = sys.argv[1], sys.argv[2]
      d = plistlib.load(open(path, 'rb'))
      texts = {'name', 'category', 'number', 'title', 'observed', 'cause', 'steps', 'location',
               'responsible', 'manager', 'contactPerson', 'organisation', 'phone', 'email',
               'legalNote', 'address', 'platform', 'flowFamilyID', 'text', 'channel',
               'reference', 'reason', 'place', 'beneficiaries', 'expectedEffect', 'note', 'followUp',
               'orderCaseNumber', 'contactEmail', 'orderServiceAddress', 'reportedBy', 'declaredBy'}
      def walk(v):
          if isinstance(v, dict):
              for k in list(v):
                  if k in texts and isinstance(v[k], str):
                      v[k] = v[k] + p
                  else:
                      walk(v[k])
          elif isinstance(v, list):
              for x in v: walk(x)
      walk(d['municipality'])
      d['municipality']['x' + p] = p
      d[p] = p
      open(path, 'wb').write(plistlib.dumps(d, fmt=plistlib.FMT_BINARY))
      """
    let edited = try Binary.run("/usr/bin/env", ["python3", "-c", script, store, Self.payload])
    #expect(edited.status == 0, "\(edited.stderr)")
    let csv = folder.appendingPathComponent("cases.csv").path
    try Data(
      "nummer;e-tjänst;handläggare;status\nX\(Self.payload);Bygglov\(Self.payload);nobody\(Self.payload);Pågående\n"
        .utf8
    )
    .write(to: URL(fileURLWithPath: csv))
    var commands: [[String]] = [
      ["check"], ["check", "--all"], ["report"], ["report", "--format", "md"],
      ["restore", "--list"], ["cases", "import", csv],
      ["routines", "export", "--format", "md"], ["routines", "export", "--format", "html"],
      ["routines", "export", "--format", "txt"], ["list", "audit"],
      ["list", "services", "--filter", "Bygg\(Self.payload)"],
      ["list", "staff", "--department", "nowhere\(Self.payload)"],
      ["extract", login], ["extract", login, "--format", "json"],
    ]
    // Files written with --output, read back after.
    var outputs: [String] = []
    for (index, command) in [
      ["extract", login], ["extract", login, "--format", "json"],
      ["routines", "export", "--format", "md"], ["routines", "export", "--format", "html"],
      ["routines", "export", "--format", "txt"],
    ].enumerated() {
      let output = folder.appendingPathComponent("output-\(index)").path
      outputs.append(output)
      commands.append(command + ["--output", output])
    }
    for kind in ["services", "staff", "access", "cases", "orders", "routines", "outages"] {
      for format in ["table", "csv", "json"] {
        commands.append(["list", kind, "--format", format])
      }
    }
    var total = 0
    var loaded = false
    for arguments in commands {
      let result = try Binary.etjanst(arguments + ["--store", store])
      let count = Self.payloadCount(result.stdout) + Self.payloadCount(result.stderr)
      #expect(
        count == 0, "etjanst \(arguments.joined(separator: " ")): \(count) payload characters")
      #expect(result.status <= 2, "etjanst \(arguments.joined(separator: " ")): \(result.stderr)")
      if arguments == ["report"] {
        // 1: the store loaded, and something needs attention.
        loaded = result.status <= 1 && result.stdout.contains("Övertorneå kommun")
      }
      total += count
    }
    for output in outputs {
      let text = try String(contentsOfFile: output, encoding: .utf8)
      let count = Self.payloadCount(text)
      #expect(count == 0, "\(output): \(count) payload characters")
      total += count
    }
    #expect(loaded, "the payload store must load, or the test proves nothing")
    #expect(total == 0)
  }
}

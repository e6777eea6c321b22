import Foundation
import TestSupport
import Testing

/// What cron sees: `report` and `check` exit 1 only when something needs attention,
/// `report`'s first line gives the counts and `--department` one department's part,
/// and `gallra` and `notify` print nothing when there is nothing to do.
@Suite struct CronOutputEndToEndTests {
  static let swedish = ["LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  func withDemo(_ body: (URL, String) throws -> Void) throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder, try Binary.demoStore(in: folder))
  }

  @Test("report's first line counts what check finds, and it exits 1 as check does")
  func reportCounts() throws {
    try withDemo { _, store in
      let report = try Binary.etjanst(["report", "--store", store], environment: Self.swedish)
      #expect(report.status == 1, "\(report.stderr)")
      let check = try Binary.etjanst(["check", "--all", "--store", store]).stdout
      func count(_ word: String) -> Int {
        check.split(separator: "\n").filter {
          $0.split(separator: " ").dropFirst().first.map(String.init) == word
        }.count
      }
      let first = report.stdout.split(separator: "\n").first.map(String.init) ?? ""
      let expected =
        "Övertorneå kommun – etjanst: \(count("brist")) brister, \(count("varning")) varningar, "
        + "\(count("notis")) notiser"
      #expect(first == expected)
    }
  }

  @Test(
    "report --department gives that department's part only; a department with nothing to do exits 0; an unknown one exits 2"
  )
  func reportDepartment() throws {
    try withDemo { _, store in
      let all = try Binary.etjanst(["report", "--store", store]).stdout
      let part = try Binary.etjanst(["report", "--department", "Vård och omsorg", "--store", store])
      #expect(part.status == 1, "\(part.stderr)")
      #expect(part.stdout.contains("Henrik Wasara"), "\(part.stdout)")
      #expect(!part.stdout.contains("Erik Mäkitalo"), "another department's leaver")
      #expect(part.stdout.split(separator: "\n").count < all.split(separator: "\n").count)
      let unknown = try Binary.etjanst(["report", "--department", "Ingen sådan", "--store", store])
      #expect(unknown.status == 2)
      #expect(unknown.stderr.hasPrefix("etjanst: ingen förvaltning heter Ingen sådan"))
    }
  }

  @Test("gallra prints nothing and exits 0 when nothing is due to go")
  func gallraQuiet() throws {
    try withDemo { _, store in
      let first = try Binary.etjanst(["gallra", "--store", store])
      #expect(first.status == 0, "\(first.stderr)")
      let second = try Binary.etjanst(["gallra", "--store", store])
      #expect(second.status == 0, "\(second.stderr)")
      #expect(second.stdout.isEmpty && second.stderr.isEmpty, "\(second.stdout)\(second.stderr)")
    }
  }

  @Test("notify prints nothing and sends nothing when nothing is due")
  func notifyQuiet() throws {
    try withDemo { folder, store in
      // A mailer that fails: it must not even be started.
      let mailer = folder.appendingPathComponent("mailer").path
      try Data("#!/bin/sh\nexit 3\n".utf8).write(to: URL(fileURLWithPath: mailer))
      chmod(mailer, 0o755)
      // A store with nothing due: no services, staff, departments or outages.
      let script = """
        import plistlib, sys
        p = sys.argv[1]
        d = plistlib.load(open(p, 'rb'))
        m = d['municipality']
        for k in ['services', 'staff', 'cases', 'orders', 'outages', 'departments', 'refusedOrders']:
            m[k] = []
        m['users'] = m['users'][:1]
        plistlib.dump(d, open(p, 'wb'))
        """
      let edited = try Binary.run("/usr/bin/env", ["python3", "-c", script, store])
      #expect(edited.status == 0, "\(edited.stderr)")
      let check = try Binary.etjanst(["check", "--all", "--store", store])
      #expect(check.stdout.isEmpty, "the emptied store still has findings: \(check.stdout)")
      let out = try Binary.etjanst(["notify", "--sendmail", mailer, "--store", store])
      #expect(out.status == 0, "\(out.stderr)")
      #expect(out.stdout.isEmpty && out.stderr.isEmpty, "\(out.stdout)\(out.stderr)")
    }
  }
}

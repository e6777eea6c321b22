import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Guideline 4.1, 4.2 on the command line: every command a manager can run prints
/// nothing that names a person of another department.
@Suite("Visibility on the command line")
struct VisibilityEndToEndTests {
  @Test("4.1: no command's output to a manager names a person of another department")
  func managerCommands() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let m = try Fixtures.demo
    let manager = VisibilityFixtures.demoManager(m)
    let hidden = VisibilityFixtures.namesHidden(from: manager, in: m)
    #expect(hidden.contains("Henrik Wasara"))
    // The login running the test becomes the demo's manager of the social services.
    let login = try Binary.run("/usr/bin/env", ["id", "-un"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let script = """
      import plistlib,sys
      p=sys.argv[1]
      d=plistlib.load(open(p,'rb'))
      us=d['municipality']['users']
      d['municipality']['users']=[u for u in us if u['login']!=sys.argv[2]]
      for u in d['municipality']['users']:
        if u['login']=='\(manager.login)': u['login']=sys.argv[2]
      plistlib.dump(d,open(p,'wb'),fmt=plistlib.FMT_XML)
      """
    let edited = try Binary.run("/usr/bin/env", ["python3", "-c", script, store, login])
    #expect(edited.status == 0, "\(edited.stderr)")

    var commands: [[String]] = [
      ["report"], ["report", "--format", "md"], ["report", "--lang", "en"], ["check", "--all"],
    ]
    for kind in ["services", "staff", "access", "cases", "orders", "routines", "outages"] {
      for format in ["table", "csv", "json"] {
        commands.append(["list", kind, "--format", format])
      }
    }
    for format in ["md", "html", "txt"] {
      commands.append(["routines", "export", "--format", format])
    }
    commands.append(["list", "audit"])
    var outputs = 0
    for command in commands {
      let out = try Binary.etjanst(command + ["--store", store])
      let text = out.stdout + out.stderr
      outputs += out.stdout.isEmpty ? 0 : 1
      let leaked = hidden.filter { text.contains($0) }.sorted()
      #expect(leaked.isEmpty, "\(command.joined(separator: " ")): \(leaked)")
    }
    #expect(outputs >= commands.count - 1, "every command but the audit trail printed something")
    let staff = try Binary.etjanst(["list", "staff", "--format", "csv", "--store", store])
    #expect(staff.stdout.contains("Aino Keränen"), "the manager's own staff are listed")
  }
}

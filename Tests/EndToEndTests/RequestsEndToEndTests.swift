import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Managers' requests in group mode with real accounts: the store is root's (its
/// e-coordinator), `share --managers` gives it to a managers' group, and two managers,
/// each an OS account of their own, file requests from the command line into the drop
/// folder; the e-coordinator's commands take them in and answer them. Needs root;
/// skipped elsewhere.
@Suite(
  .serialized,
  .enabled(
    if: getuid() == 0
      && [
        "/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/usermod", "/usr/sbin/groupadd",
        "/usr/sbin/groupdel", "/usr/sbin/runuser",
      ].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) },
    "needs root, useradd, groupadd and runuser")
)
struct RequestsEndToEndTests {
  static let service = "Ansökan om strandskyddsdispens"
  static let otherDepartmentsService = "Beställning av e-tjänst"

  struct Setup {
    let folder: URL
    let store: String
    let binary: String
    let managers: [ManagerAccount]
    let group: String

    /// `etjanst ARGUMENTS` as `who` (nil: root, the e-coordinator).
    func run(_ who: ManagerAccount?, _ arguments: [String]) throws -> Binary.Output {
      guard let who else { return try Binary.run(binary, arguments + ["--store", store]) }
      return try Binary.run(
        "/usr/sbin/runuser",
        ["-u", who.login, "--", "/bin/sh", "-c", #"umask 077; exec "$0" "$@""#, binary]
          + arguments + ["--store", store])
    }

    func remove() {
      for m in managers { m.remove() }
      _ = try? Binary.run("/usr/sbin/groupdel", [group])
      try? FileManager.default.removeItem(at: folder)
    }
  }

  /// The demo store, root its e-coordinator, with two managers of
  /// Samhällsbyggnadsförvaltningen, shared with their group by `share --managers`.
  func setUp() throws -> Setup {
    let group = ManagerAccount.uniqueLogin("etjreq")
    let made = try Binary.run("/usr/sbin/groupadd", [group])
    try #require(made.status == 0, "groupadd: \(made.stderr)")
    let managers = try [
      ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjma")),
      ManagerAccount.ensure(ManagerAccount.uniqueLogin("etjmb")),
    ]
    for m in managers {
      let added = try Binary.run("/usr/sbin/usermod", ["-aG", group, m.login])
      try #require(added.status == 0, "usermod: \(added.stderr)")
    }
    let folder = try Binary.temporaryFolder()
    chmod(folder.path, 0o755)
    let binary = try managers[0].installBinary(in: folder)
    let storeFolder = folder.appendingPathComponent("store").path
    try FileManager.default.createDirectory(atPath: storeFolder, withIntermediateDirectories: false)
    chmod(storeFolder, 0o700)
    let store = storeFolder + "/etjanst.plist"
    let setup = Setup(
      folder: folder, store: store, binary: binary, managers: managers, group: group)
    let demo = try Binary.etjanst(["demo", "--output", store])
    try #require(demo.status == 0, "demo: \(demo.stderr)")
    let logins = managers.map { "'\($0.login)'" }.joined(separator: ", ")
    _ = try Binary.plistlib(
      store,
      "plistlib.dump({**d, 'municipality': {**d['municipality'], 'users': d['municipality']['users'] + [{'login': l, 'name': 'Chef ' + l, 'role': {'kind': 'manager', 'department': 'dep-sbf'}} for l in [\(logins)]]}}, open(sys.argv[1], 'wb'))"
    )
    let shared = try setup.run(nil, ["share", "--managers", group])
    try #require(shared.status == 0, "share: \(shared.stderr)")
    return setup
  }

  @Test(
    "group mode: a manager files a new employee and a leaver into the drop folder; the e-coordinator accepts both; records, checklists and trail say who asked and who acted"
  )
  func fileAndAccept() throws {
    let s = try setUp()
    defer { s.remove() }
    let (a, b) = (s.managers[0], s.managers[1])
    let drop = s.store + ".requests"
    var info = stat()
    #expect(lstat(drop, &info) == 0 && info.st_mode & 0o7777 == 0o1730)
    #expect(lstat(s.store, &info) == 0 && info.st_mode & 0o7777 == 0o640)

    let hired = try s.run(
      a,
      [
        "request", "new-employee", "--name", "Nina Ny", "--login", "nina.ny", "--start",
        "2026-12-14", "--service", "strandskydd", "--signing",
      ])
    #expect(hired.status == 0, "\(hired.stderr)")
    let leaver = try s.run(a, ["request", "leaver", "elin.sirkka", "--last-day", "2026-12-31"])
    #expect(leaver.status == 0, "\(leaver.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: drop)
      .filter { $0.hasSuffix(".request") }
    #expect(files.count == 2, "\(files)")

    // The other manager cannot list the folder, read, remove or change a's file, even
    // knowing its name.
    #expect(try Binary.run("/usr/sbin/runuser", ["-u", b.login, "--", "ls", drop]).status != 0)
    let path = drop + "/" + (files.first ?? "")
    #expect(
      try Binary.run("/usr/sbin/runuser", ["-u", b.login, "--", "cat", path]).status != 0)
    #expect(
      try Binary.run("/usr/sbin/runuser", ["-u", b.login, "--", "rm", "-f", path]).status != 0)
    #expect(
      try Binary.run(
        "/usr/sbin/runuser", ["-u", b.login, "--", "/bin/sh", "-c", "echo x >> \"$0\"", path]
      ).status != 0)
    #expect(FileManager.default.fileExists(atPath: path))

    // Refused: another department's e-service, and any write other than a request.
    let other = try s.run(
      a, ["request", "error", Self.otherDepartmentsService, "--text", "Fel", "--lang", "en"])
    #expect(other.status != 0, "\(other.stdout)")
    let csv = try Binary.serviceImport(in: s.folder)
    chmod(csv, 0o644)
    let write = try s.run(a, ["services", "import", csv])
    #expect(write.status != 0)

    // The e-coordinator's list takes them in, with a as the sender.
    let listed = try s.run(nil, ["list", "requests", "--format", "csv"])
    #expect(listed.status == 0, "\(listed.stderr)")
    let rows = listed.stdout.split(separator: "\n").dropFirst()
    #expect(rows.count == 2, "\(listed.stdout)")
    #expect(rows.allSatisfy { $0.contains(a.login) && $0.contains(",sent,") }, "\(listed.stdout)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: drop).isEmpty)
    for row in rows {
      let ref = String(row.prefix { $0 != "," })
      let accepted = try s.run(nil, ["request", "accept", ref])
      #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    try AcceptedRequests.expect(
      in: s.store, asked: a.login, acted: "root", lastDay: "2026-12-31")
  }

  @Test("two managers filing while the e-coordinator answers lose nothing")
  func concurrentFiling() throws {
    let s = try setUp()
    defer { s.remove() }
    let script = """
      for i in 1 2 3 4 5 6; do
        "$0" request error "\(Self.service)" --text "fel $i från $(id -un)" --store "$1" || exit 1
      done
      """
    let done = DispatchGroup()
    for m in s.managers {
      done.enter()
      Thread {
        let out = try? Binary.run(
          "/usr/sbin/runuser", ["-u", m.login, "--", "/bin/sh", "-c", script, s.binary, s.store])
        #expect(out?.status == 0, "\(m.login): \(out?.stderr ?? "")")
        done.leave()
      }.start()
    }
    // Meanwhile the e-coordinator takes in and declines what has arrived, again and again.
    var declined = 0
    for _ in 0..<500 {
      let finished = done.wait(timeout: .now()) == .success
      let listed = try s.run(nil, ["list", "requests", "--format", "csv"])
      #expect(listed.status == 0, "\(listed.stderr)")
      let open = listed.stdout.split(separator: "\n").dropFirst().filter { $0.contains(",sent,") }
      for row in open {
        let ref = String(row.prefix { $0 != "," })
        let answer = try s.run(nil, ["request", "decline", ref, "--reason", "dubblett"])
        #expect(answer.status == 0, "\(answer.stderr)")
        declined += 1
      }
      if finished && open.isEmpty { break }
    }
    #expect(declined == 12)
    let texts = try Binary.plistlib(
      s.store, "sorted(r['text'] for r in d['municipality']['requests'])")
    for m in s.managers {
      for i in 1...6 { #expect(texts.contains("fel \(i) från \(m.login)"), "\(texts)") }
    }
  }

  @Test(
    "the e-coordinator's open console takes in a request another process drops: the overview shows it after the reload"
  )
  func consoleReloadTakesInDropped() throws {
    let s = try setUp()
    defer { s.remove() }
    let tmux = try Tmux.console(s.store)
    defer { tmux.kill() }
    try tmux.waitFor(text: "Mål (riktlinjen, avsnitt 2)")
    #expect(try tmux.row(containing: "väntar på svar") == nil)
    let a = s.managers[0]
    let sent = try s.run(
      a,
      ["request", "error", "strandskydd", "--text", "Blanketten behöver nya frågor", "--revision"])
    #expect(sent.status == 0, "\(sent.stderr)")
    #expect(sent.stdout.contains("(revideringsbehov)"), "\(sent.stdout)")
    // No key pressed: the once-a-second reload finds the file and takes it in.
    try tmux.waitFor(text: "1 begäran väntar på svar", timeout: .seconds(30))
    try tmux.waitFor(row: "Revideringsbehov", Self.service, "Chef \(a.login)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: s.store + ".requests").isEmpty)
    let filed = try Binary.plistlib(
      s.store, "[(r['sender'], r['revision'], r['state']) for r in d['municipality']['requests']]")
    #expect(filed == "[('\(a.login)', True, 'sent')]", "\(filed)")
    // Accepted, it is a need for revision on the e-service, not an error.
    try tmux.send(keys: "b")
    try tmux.waitFor(row: "Revideringsbehov", "Skickad")
    try tmux.send(keys: "a")
    try tmux.waitFor("the request still waits") { !$0.joined().contains("väntar på svar") }
    let report = try Binary.plistlib(
      s.store,
      "[(r['kind'], r['text']) for x in d['municipality']['services'] for r in x.get('reports', []) if r['text'] == 'Blanketten behöver nya frågor']"
    )
    #expect(report == "[('revisionNeed', 'Blanketten behöver nya frågor')]", "\(report)")
    try tmux.quitConsole()
  }
}

import Foundation
import Synchronization
import TestSupport
import Testing

/// `make install` and `make deb` as a server's administrator uses them: the release
/// binary (Swift runtime and Foundation linked statically, stripped) runs with the
/// Swift toolchain and the build tree hidden, in a mount namespace of its own where
/// both folders are empty — the console's first frame, `demo` and `check`.
///
/// The release build takes minutes on two cores, so this suite runs only when asked
/// (ETJANST_INSTALL_TEST=1): `.ci/run` runs it as a step of its own after
/// `swift test`. `make` builds once into `.build-install` and is a no-op after.
/// Hiding folders needs root (unshare -m, mount).
@Suite(
  .serialized,
  .enabled(
    if: InstallSetup.requested && getuid() == 0 && InstallSetup.toolsPresent,
    "runs only with ETJANST_INSTALL_TEST=1, as root, with make, dpkg-deb, readelf and unshare (.ci/run)"
  )
)
struct InstallEndToEndTests {
  @Test("make install: the binary needs no Swift library and no RUNPATH into the toolchain")
  func installedBinaryIsSelfContained() throws {
    let setup = try InstallSetup.shared()
    let binary = setup.root + "/usr/local/bin/etjanst"
    let dynamic = try Binary.run("readelf", ["-d", "-W", binary])
    #expect(dynamic.status == 0, "\(dynamic.stderr)")
    let needed = InstallSetup.needed(dynamic.stdout)
    #expect(needed.contains { $0.hasPrefix("libncursesw.so") }, "\(needed)")
    let swiftLibraries = needed.filter {
      $0.hasPrefix("libswift") || $0.contains("Foundation") || $0.hasPrefix("libdispatch")
        || $0.hasPrefix("libBlocksRuntime")
    }
    #expect(swiftLibraries.isEmpty, "linked dynamically: \(swiftLibraries)")
    // swift build leaves RUNPATH $ORIGIN (the binary's own folder), nothing else.
    let paths = dynamic.stdout.split(separator: "\n").filter { $0.contains("PATH)") }
    #expect(paths.allSatisfy { $0.hasSuffix("[$ORIGIN]") }, "\(paths)")
    let sections = try Binary.run("readelf", ["-S", "-W", binary])
    #expect(!sections.stdout.contains(".symtab"), "not stripped")
  }

  @Test("make install puts the manual, the completions and the example units in place")
  func installedFiles() throws {
    let setup = try InstallSetup.shared()
    let prefix = setup.root + "/usr/local"
    let manual = try String(contentsOfFile: prefix + "/share/man/man1/etjanst.1", encoding: .utf8)
    #expect(manual.contains(".Dt ETJANST 1"), "\(manual.prefix(200))")
    let completions = [
      "/share/bash-completion/completions/etjanst": "complete",
      "/share/zsh/vendor-completions/_etjanst": "#compdef etjanst",
      "/share/fish/vendor_completions.d/etjanst.fish": "complete -c 'etjanst'",
    ]
    for (path, marker) in completions {
      let text = (try? String(contentsOfFile: prefix + path, encoding: .utf8)) ?? ""
      #expect(text.contains(marker), "\(path): \(text.prefix(200))")
      #expect(text.contains("gallra"), "\(path) does not complete the commands")
    }
    let examples = prefix + "/share/doc/etjanst/examples"
    let units = try FileManager.default.contentsOfDirectory(atPath: examples).sorted()
    #expect(units == SystemdUnits.names.sorted(), "\(units)")
    for unit in units where unit.hasSuffix(".service") {
      let text = try String(contentsOfFile: examples + "/" + unit, encoding: .utf8)
      #expect(text.contains("ExecStart=/usr/local/bin/etjanst "), "\(unit)")
      #expect(!text.contains("@BINDIR@"), "\(unit) keeps a placeholder")
    }
  }

  @Test("with /opt/swift and the build tree hidden: demo, check and the console's first frame")
  func runsWithoutTheToolchain() throws {
    let setup = try InstallSetup.shared()
    let binary = setup.root + "/usr/local/bin/etjanst"
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("etjanst.plist").path

    // The toolchain is really hidden: a copy of the debug binary fails there.
    let debug = folder.appendingPathComponent("etjanst-debug").path
    #expect(try Binary.run("cp", [Binary.etjanst, debug]).status == 0)
    let failing = try setup.hidden([debug, "--version"])
    #expect(failing.status == 127 && failing.stderr.contains("libswift"), "\(failing)")

    // --version names the commit make built from (the flags pass make's shell).
    let version = try setup.hidden([binary, "--version"])
    let head = try Binary.run(
      "git", ["-C", InstallSetup.package, "rev-parse", "--short=12", "HEAD"])
    #expect(head.status == 0, "\(head.stderr)")
    let commit = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(version.stdout.hasPrefix("etjanst 1.0.0 (commit \(commit)"), "\(version)")

    let demo = try setup.hidden([binary, "demo", "--output", store])
    #expect(demo.status == 0, "\(demo)")
    let check = try setup.hidden([binary, "check", "--store", store])
    // The demo has findings by design: exit 1, one line each, nothing on stderr.
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout.contains("Anmälan") || check.stdout.count > 40, "\(check.stdout)")
    #expect(check.stderr.isEmpty, "\(check.stderr)")

    let tmux = try Tmux(command: setup.hiddenCommand([binary, "--demo"]))
    defer { tmux.kill() }
    let screen = try tmux.waitFor(text: "1 Översikt", timeout: .seconds(30))
    #expect(screen[0].contains("Övertorneå kommun"), "\(screen[0])")
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Hanna Mukka")
    try tmux.send(keys: "F10")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
  }

  @Test("make deb: the package's files, Depends naming each library the binary needs")
  func debianPackage() throws {
    let setup = try InstallSetup.shared()
    let info = try Binary.run("dpkg-deb", ["--field", setup.deb])
    #expect(info.status == 0, "\(info.stderr)")
    let depends = InstallSetup.field("Depends", in: info.stdout)
    let packages = Set(
      depends.split(separator: ",").map {
        String($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
      })
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let extracted = try Binary.run("dpkg-deb", ["-x", setup.deb, folder.path])
    #expect(extracted.status == 0, "\(extracted.stderr)")
    let binary = folder.path + "/usr/bin/etjanst"
    let dynamic = try Binary.run("readelf", ["-d", "-W", binary])
    // Every library the binary needs comes from a package in Depends (as dpkg -S says).
    let libraries = try Binary.run("ldd", [binary])
    for needed in InstallSetup.needed(dynamic.stdout) {
      let line = libraries.stdout.split(separator: "\n").first { $0.contains(needed + " ") }
      guard let line,
        let path = line.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("/") })
      else {
        Issue.record("\(needed) not found by ldd: \(libraries.stdout)")
        continue
      }
      // dpkg knows a library by the path its package installed: /lib or /usr/lib.
      var owner = try Binary.run("dpkg", ["-S", String(path)])
      if owner.status != 0 { owner = try Binary.run("dpkg", ["-S", "/usr" + path]) }
      let package = owner.stdout.split(separator: ":").first.map(String.init) ?? "?"
      #expect(packages.contains(package), "\(needed) (\(package)) is not in Depends: \(depends)")
    }
    let version = try setup.hidden([binary, "--version"])
    #expect(version.status == 0, "\(version)")
    #expect(InstallSetup.field("Maintainer", in: info.stdout) == InstallSetup.maintainer)
    for path in [
      "/usr/share/man/man1/etjanst.1.gz", "/usr/share/bash-completion/completions/etjanst",
      "/usr/share/doc/etjanst/examples/etjanst-daily.timer",
    ] {
      #expect(FileManager.default.fileExists(atPath: folder.path + path), "\(path)")
    }
    let scripts = try FileManager.default.contentsOfDirectory(
      atPath: setup.root + "/../deb-control")
    #expect(scripts == ["control"], "maintainer scripts: \(scripts)")
  }

  @Test("make uninstall leaves nothing of what make install put there")
  func uninstall() throws {
    _ = try InstallSetup.shared()  // built once, for the suite
    let root = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try InstallSetup.make(["install", "DESTDIR=\(root.path)"])
    try InstallSetup.make(["uninstall", "DESTDIR=\(root.path)"])
    let left = try Binary.run("find", [root.path, "-type", "f"])
    #expect(left.stdout.isEmpty, "left behind:\n\(left.stdout)")
  }
}

/// One `make install` and `make deb` for the suite, into a folder of its own.
final class InstallSetup: Sendable {
  static let requested = ProcessInfo.processInfo.environment["ETJANST_INSTALL_TEST"] == "1"
  static let toolsPresent = ["make", "dpkg-deb", "readelf", "unshare", "ldd", "strip"].allSatisfy {
    tool in
    ["/usr/bin/", "/bin/", "/usr/sbin/"].contains {
      FileManager.default.isExecutableFile(atPath: $0 + tool)
    }
  }
  /// The package's folder (this file is Tests/EndToEndTests/…).
  static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// Who builds the package, as a municipality's IT would say it.
  static let maintainer = "IT-enheten Pajala kommun <it@pajala.example>"

  let root: String
  let deb: String

  private static let made = Mutex<Result<InstallSetup, any Error>?>(nil)

  static func shared() throws -> InstallSetup {
    try made.withLock { result in
      if result == nil { result = Result { try InstallSetup() } }
      return try result!.get()
    }
  }

  private init() throws {
    let folder = try Binary.temporaryFolder()
    root = folder.appendingPathComponent("root").path
    // make first (incremental): install alone takes a binary already built as it is.
    try Self.make(["all"])
    try Self.make(["install", "DESTDIR=\(root)"])
    try Self.make(["deb", "MAINTAINER=\(Self.maintainer)"])
    let dist = Self.package + "/dist"
    let packages = try FileManager.default.contentsOfDirectory(atPath: dist).filter {
      $0.hasSuffix(".deb")
    }
    guard let name = packages.first else { throw Failed(message: "make deb wrote no package") }
    deb = folder.appendingPathComponent(name).path
    try FileManager.default.copyItem(atPath: dist + "/" + name, toPath: deb)
    let control = folder.appendingPathComponent("deb-control").path
    let unpacked = try Binary.run("dpkg-deb", ["-e", deb, control])
    guard unpacked.status == 0 else { throw Failed(message: unpacked.stderr) }
  }

  struct Failed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// `make TARGET…` in the package with one build job, its output in a log whose end
  /// is shown on failure; bounded by an hour (a clean build here takes minutes).
  static func make(_ arguments: [String]) throws {
    let log = NSTemporaryDirectory() + "etjanst-make-\(UUID().uuidString).log"
    defer { unlink(log) }
    let words =
      ["timeout", "3600", "make", "-C", Self.package, "SWIFT_BUILD_FLAGS=-j 1"] + arguments
    let line = words.map(quoted).joined(separator: " ") + " > " + quoted(log) + " 2>&1"
    let result = try Binary.run("/bin/sh", ["-c", line])
    guard result.status == 0 else {
      let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw Failed(
        message: "make \(arguments.joined(separator: " ")) failed (\(result.status)):\n"
          + output.suffix(3000))
    }
  }

  /// The command line that runs `argv` in a private mount namespace where /opt/swift
  /// and the package's build folders are empty.
  func hiddenCommand(_ argv: [String]) -> String {
    let hide = ["/opt/swift", Self.package + "/.build", Self.package + "/.build-install"]
      .filter { FileManager.default.fileExists(atPath: $0) }
      .map { "mount -t tmpfs none \(Self.quoted($0))" }.joined(separator: " && ")
    let script = "\(hide) && exec \"$@\""
    return (["unshare", "-m", "--propagation", "private", "/bin/sh", "-c", script, "sh"] + argv)
      .map(Self.quoted).joined(separator: " ")
  }

  /// Runs `argv` to the end with the toolchain and the build tree hidden.
  func hidden(_ argv: [String]) throws -> Binary.Output {
    try Binary.run("/bin/sh", ["-c", hiddenCommand(argv)])
  }

  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The NEEDED libraries in `readelf -d` output.
  static func needed(_ dynamic: String) -> [String] {
    dynamic.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line in
      guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else {
        return nil
      }
      return String(line[line.index(after: open)..<close])
    }
  }

  /// A field of a Debian control text.
  static func field(_ name: String, in control: String) -> String {
    control.split(separator: "\n").first { $0.hasPrefix(name + ":") }
      .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) } ?? ""
  }
}

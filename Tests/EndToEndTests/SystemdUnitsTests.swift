import Foundation
import TestSupport
import Testing

/// The example systemd units in packaging/systemd, which `make install` copies (with the
/// binary's folder filled in) to share/doc/etjanst/examples: what each runs, as whom,
/// with which store and locale, and how it is confined; `systemd-analyze verify` where
/// it is installed. The crontab lines in README run the same commands.
@Suite struct SystemdUnitsTests {
  static let folder = InstallSetup.package + "/packaging/systemd"

  /// Each service's commands, after `@BINDIR@/etjanst`; a leading "-" is systemd's
  /// "go on when it fails": report exits 1 when something needs attention, and the
  /// check after it must still run (its exit is the unit's).
  static let commands = [
    "etjanst-daily.service": ["-report", "check"],
    "etjanst-backup.service": ["backup --to /var/backups/etjanst"],
    "etjanst-gallra.service": ["gallra"],
    "etjanst-notify.service": ["notify"],
  ]

  /// A command without systemd's "-" (go on when it fails).
  static func bare(_ command: String) -> String {
    command.hasPrefix("-") ? String(command.dropFirst()) : command
  }

  /// The services that hand mail to the system's mailer, whose sendmail runs a
  /// set-group-id helper (postfix's postdrop): they may not forbid new privileges.
  static let mailing: Set = ["etjanst-notify.service"]

  static func unit(_ name: String) throws -> [(key: String, value: String)] {
    let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=")
      else { return nil }
      return (String(line[..<equals]), String(line[line.index(after: equals)...]))
    }
  }

  @Test("the folder holds a service and a timer for each scheduled run, and nothing else")
  func names() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted()
    #expect(names == SystemdUnits.names.sorted())
  }

  @Test("each service runs its commands as the service account, with the store and UTF-8 set")
  func services() throws {
    for (name, commands) in Self.commands {
      let settings = try Self.unit(name)
      func values(_ key: String) -> [String] { settings.filter { $0.key == key }.map(\.value) }
      #expect(values("Type") == ["oneshot"], "\(name)")
      #expect(values("User") == ["etjanst"], "\(name)")
      let expected = commands.map { command in
        (command.hasPrefix("-") ? "-" : "") + "@BINDIR@/etjanst " + Self.bare(command)
      }
      #expect(values("ExecStart") == expected, "\(name)")
      let environment = values("Environment")
      #expect(environment.contains("ETJANST_STORE=/srv/etjanst/etjanst.plist"), "\(name)")
      #expect(environment.contains { $0.hasPrefix("LANG=") && $0.hasSuffix(".UTF-8") }, "\(name)")
      // Confined: the file system read-only but the store's folder (and the backup's).
      #expect(values("ProtectSystem") == ["strict"], "\(name)")
      #expect(values("NoNewPrivileges") == (Self.mailing.contains(name) ? [] : ["yes"]), "\(name)")
      #expect(values("PrivateTmp") == ["yes"], "\(name)")
      let writable = values("ReadWritePaths").flatMap { $0.split(separator: " ").map(String.init) }
      #expect(writable.contains("/srv/etjanst"), "\(name): \(writable)")
      if Self.mailing.contains(name) {
        #expect(writable.contains("-/var/spool/postfix/maildrop"), "\(name): \(writable)")
      }
      for command in commands {
        if let target = command.split(separator: " ").drop(while: { $0 != "--to" }).dropFirst()
          .first
        {
          #expect(writable.contains(String(target)), "\(name) cannot write \(target)")
        }
      }
    }
  }

  @Test("each timer starts its service on a calendar, catching up a missed run")
  func timers() throws {
    for name in SystemdUnits.names where name.hasSuffix(".timer") {
      let settings = try Self.unit(name)
      let service = name.replacingOccurrences(of: ".timer", with: ".service")
      #expect(Self.commands[service] != nil, "\(name) has no service")
      #expect(settings.contains { $0.key == "OnCalendar" }, "\(name)")
      #expect(settings.contains { $0 == ("Persistent", "true") }, "\(name)")
      #expect(settings.contains { $0 == ("WantedBy", "timers.target") }, "\(name)")
    }
  }

  @Test("README's crontab lines run the same commands as the units")
  func crontab() throws {
    let readme = try String(contentsOfFile: InstallSetup.package + "/README.md", encoding: .utf8)
    let lines = readme.split(separator: "\n").filter { $0.contains(" etjanst /usr/local/bin/") }
    for command in Self.commands.values.flatMap({ $0 }) {
      #expect(
        lines.contains { $0.contains("/usr/local/bin/etjanst " + Self.bare(command)) },
        "no crontab line runs \(command)")
    }
  }

  @Test(
    "systemd-analyze verify accepts every unit",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"),
      "needs systemd-analyze (the systemd package)"))
  func verify() throws {
    let copies = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: copies) }
    // verify checks that ExecStart's program exists: the built binary's folder.
    let bindir = URL(fileURLWithPath: Binary.etjanst).deletingLastPathComponent().path
    for name in SystemdUnits.names {
      let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
      try text.replacingOccurrences(of: "@BINDIR@", with: bindir).write(
        toFile: copies.path + "/" + name, atomically: false, encoding: .utf8)
    }
    let result = try Binary.run(
      "/usr/bin/systemd-analyze",
      ["verify", "--man=no"] + SystemdUnits.names.map { copies.path + "/" + $0 })
    #expect(result.status == 0, "\(result.stderr)")
    // A misspelt setting is only a warning: none is allowed either.
    #expect(result.stderr.isEmpty, "\(result.stderr)")
  }
}

enum SystemdUnits {
  static let names = [
    "etjanst-daily.service", "etjanst-daily.timer", "etjanst-backup.service",
    "etjanst-backup.timer", "etjanst-gallra.service", "etjanst-gallra.timer",
    "etjanst-notify.service", "etjanst-notify.timer",
  ]
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real mailer on loopback that `.ci/mailer` installs: Debian's postfix, local
/// only, delivering every recipient in `*.etjanst.test` to the Maildir `maildir`, with
/// X-Original-To naming the recipient. Each test mails its own domain
/// (`<token>.etjanst.test`) and reads only the mails to it, so tests run in parallel.
enum LocalMailer {
  static let maildir = "/var/mail/etjanstmail/"
  static let catchAll = "/etc/postfix/etjanst-test-catchall"

  /// Root (to read the Maildir), the catch-all configured and postfix running.
  static let available: Bool = {
    guard geteuid() == 0, FileManager.default.fileExists(atPath: catchAll),
      FileManager.default.isExecutableFile(atPath: "/usr/sbin/sendmail"),
      let status = try? Binary.run("/usr/sbin/postfix", ["status"])
    else { return false }
    return status.status == 0
  }()

  struct PythonFailed: Error, CustomStringConvertible {
    var stderr: String
    var description: String { "python3 failed: \(stderr)" }
  }

  /// A domain of this test's own.
  static func uniqueDomain() -> String {
    "t\(UUID().uuidString.lowercased().prefix(12)).etjanst.test"
  }

  /// One delivered mail, as Python's email package reads it.
  struct Mail: Decodable {
    /// X-Original-To: the recipient.
    var to: String
    /// The Subject, decoded.
    var subject: String
    /// The To header's display name, decoded.
    var toName: String
    /// The From header, decoded ("name <address>").
    var from: String
    /// The Message-ID header as it came.
    var messageID: String
    var body: String
    /// Every header's name, in order.
    var headerNames: [String]
    var contentType: String
    var rawHeaders: String
  }

  /// The mails delivered so far to addresses in `domain`, oldest first.
  static func mails(in domain: String) throws -> [Mail] {
    let script = """
      import email, email.header, email.utils, json, os, sys
      out = []
      # A Maildir: postfix writes each mail in tmp/ and renames it into new/ when it is
      # whole, so nothing here is half written and no lock is needed. Oldest first.
      files = []
      for sub in ('new', 'cur'):
          folder = os.path.join(sys.argv[1], sub)
          if os.path.isdir(folder):
              for e in os.scandir(folder):
                  files.append((e.stat().st_mtime_ns, e.name, e.path))
      messages = []
      for _, _, path in sorted(files):
          with open(path, 'rb') as f:
              raw = f.read()
          messages.append((email.message_from_bytes(raw), raw))
      for m, raw in messages:
          to = (m.get('X-Original-To') or '').strip()
          if not to.lower().endswith('@' + sys.argv[2]):
              continue
          def text(v):
              return str(email.header.make_header(email.header.decode_header(v or '')))
          # The display name: the decoded To before its address (parseaddr would read
          # a colon in it as a group).
          name = text(m.get('To')).rsplit(' <', 1)[0]
          body = m.get_payload(decode=True).decode('utf-8')
          head = raw.decode('utf-8', 'replace').split('\\n\\n', 1)[0]
          out.append({'to': to, 'subject': text(m.get('Subject')), 'toName': name,
                      'from': text(m.get('From')), 'messageID': m.get('Message-ID') or '',
                      'body': body, 'headerNames': list(m.keys()),
                      'contentType': m.get('Content-Type') or '', 'rawHeaders': head})
      print(json.dumps(out))
      """
    guard FileManager.default.fileExists(atPath: maildir) else { return [] }
    let out = try Binary.run("/usr/bin/env", ["python3", "-c", script, maildir, domain])
    guard out.status == 0 else { throw LocalMailer.PythonFailed(stderr: out.stderr) }
    return try JSONDecoder().decode([Mail].self, from: Data(out.stdout.utf8))
  }

  /// Waits until at least `count` mails to `domain` (markers aside) are delivered (polling, up to
  /// 60 s on a loaded machine); the mails.
  static func waitFor(_ count: Int, in domain: String) throws -> [Mail] {
    let deadline = Date().addingTimeInterval(60)
    while true {
      let found = try mails(in: domain).filter { !$0.to.hasPrefix(markerPrefix) }
      if found.count >= count { return found }
      if Date() > deadline {
        Issue.record("waited 60 s for \(count) mails to \(domain); \(found.count) came")
        return found
      }
      usleep(100_000)
    }
  }

  static let markerPrefix = "marker-"
  static let maildrop = "/var/spool/postfix/maildrop"

  /// Whether a mail to `domain` waits in postfix's maildrop, not yet picked up (the
  /// pickup takes the folder in no set order, so the marker may pass it).
  static func inMaildrop(_ domain: String) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: maildrop)) ?? []
    let needle = Data("@\(domain)".utf8)
    return names.contains { name in
      FileManager.default.contents(atPath: maildrop + "/" + name)?.range(of: needle) != nil
    }
  }

  /// Waits until everything submitted to `domain` so far is delivered: a marker mail
  /// sent now has arrived and no mail to the domain is left in postfix's maildrop or
  /// queue. The
  /// mails then; so a count taken after it includes anything a run just sent.
  static func settled(_ domain: String) throws -> [Mail] {
    let marker = "\(markerPrefix)\(UUID().uuidString.lowercased().prefix(8))@\(domain)"
    let message = "To: \(marker)\nSubject: marker\n\nmarker\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "marker-\(UUID().uuidString).eml"
    ).path
    try Data(message.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sent = try Binary.run("/bin/sh", ["-c", "/usr/sbin/sendmail -t -i < \"$0\"", path])
    #expect(sent.status == 0, "sendmail: \(sent.stderr)")
    let deadline = Date().addingTimeInterval(60)
    while true {
      let found = try mails(in: domain)
      let queue = try Binary.run("/usr/sbin/postqueue", ["-p"]).stdout
      if found.contains(where: { $0.to == marker }), !queue.contains("@\(domain)"),
        !inMaildrop(domain)
      {
        return found.filter { !$0.to.hasPrefix(markerPrefix) }
      }
      if Date() > deadline {
        Issue.record("the mailer did not settle for \(domain) in 60 s")
        return found.filter { !$0.to.hasPrefix(markerPrefix) }
      }
      usleep(100_000)
    }
  }
}

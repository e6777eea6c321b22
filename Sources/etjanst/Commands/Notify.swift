import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `etjanst notify`: reminders by mail through the system's mailer (`sendmail -t`),
/// for a systemd timer or cron. Each e-service owner hears of their services, each
/// manager of their department, the e-coordinator gets a daily digest and a late
/// outage contact at once; what was sent is kept beside the store, so an item is
/// mailed once per period.
struct Notify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Mail reminders of what is due through the system's mailer (sendmail -t).",
    discussion: """
      To each e-service owner their services' findings (reviews due, open error \
      reports), to each manager their department's (leavers with open cases or \
      unticked steps, access ending with cases open, the fallback routine) and their \
      requests answered since the last run, once each, to the \
      e-coordinator one digest a day, and to the e-coordinator and the outage deputy \
      once when an outage's e-namnd contact is late. An item is mailed again only after \
      the days the settings give (default 7) and not once it is done; what was sent is \
      kept in <store>.reminders. Prints nothing when there is nothing to send. A person \
      is mailed at the address their record gives, else at login@ the mail domain \
      (--set-mail-domain), in the language their record gives (Swedish unless set). \
      The mails come from the sender set (--set-from), else the \
      e-coordinator's address, else etjanst@ the mail domain. A failed mailer is exit \
      2: the mails it took before count as sent, the rest go at the next run.
      """)

  @Flag(name: .customLong("dry-run"), help: "Print the mails instead; send and mark nothing.")
  var dryRun = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The mailer to send through (default: the setting, else /usr/sbin/sendmail).",
      valueName: "path"))
  var sendmail: String?

  @Option(
    name: .customLong("set-mail-domain"),
    help: ArgumentHelp(
      "Save the mail domain (login@DOMAIN for people without an address) and exit.",
      valueName: "domain"))
  var setMailDomain: String?

  @Option(
    name: .customLong("set-deputy"),
    help: ArgumentHelp(
      "Save the outage deputy (a login or an address; empty for none) and exit.",
      valueName: "who"))
  var setDeputy: String?

  @Option(
    name: .customLong("set-sendmail"),
    help: ArgumentHelp(
      "Save the mailer's path (empty for the default) and exit.", valueName: "path"))
  var setSendmail: String?

  @Option(
    name: .customLong("set-from"),
    help: ArgumentHelp(
      "Save the address the mails come from (empty: the e-coordinator's, else etjanst@ the "
        + "mail domain) and exit.", valueName: "address"))
  var setFrom: String?

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: LanguageOption
  @OptionGroup var lockWait: LockWaitOption

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let (file, whole, user) = try storeOptions.loadWhole()
      lockWait.apply(to: file, language)
      guard user.role.canEdit else {
        throw Failure(
          sv: "notify skickar e-post för hela kommunen och körs av e-samordnaren",
          en: "notify mails for the whole municipality and is run by the e-coordinator")
      }
      if setMailDomain != nil || setDeputy != nil || setSendmail != nil || setFrom != nil {
        var settings = whole.settings
        if let setMailDomain { settings.mailDomain = setMailDomain }
        if let setDeputy { settings.outageDeputy = setDeputy }
        if let setSendmail { settings.sendmailPath = setSendmail }
        if let setFrom { settings.mailFrom = setFrom }
        do {
          try file.perform(EditSettings(settings), actor: Actor(user), now: Date())
        } catch {
          throw Failure(error)
        }
        return
      }
      do {
        try file.withReminders(login: user.login) { m, ledger in
          let now = Date()
          let plan = Reminders.plan(
            m, findings: Findings.all(in: m, at: now), at: now, ledger: ledger)
          if plan.mails.isEmpty {
            if plan.coordinatorUnreachable { Output.error(Self.unreachable(language)) }
            return ((), dryRun ? nil : plan.ledger)
          }
          guard let sender = m.mailSender, let host = m.mailHost else {
            throw Failure(
              sv: "e-brevens avsändare saknas: ange e-postdomän (etjanst notify "
                + "--set-mail-domain), avsändare (--set-from) eller e-samordnarens e-post",
              en: "the mails have no sender: set the mail domain (etjanst notify "
                + "--set-mail-domain), the sender (--set-from) or the e-coordinator's e-mail")
          }
          if plan.coordinatorUnreachable { Output.error(Self.unreachable(language)) }
          let messages = plan.mails.map { $0.message(from: sender, host: host, date: now) }
          if dryRun {
            for message in messages {
              Output.print(TextCleaning.printable(message.rendered(), keepingLineBreaks: true))
            }
            return ((), nil)
          }
          let mailer = sendmail ?? (m.settings.sendmailPath.isEmpty ? nil : m.settings.sendmailPath)
          for (index, message) in messages.enumerated() {
            do {
              try Mailer.send(message.rendered(), through: mailer ?? Mailer.standard)
            } catch let failed as Mailer.Failed {
              // Nothing taken: nothing to record.
              if index == 0 { throw failed }
              throw RemindersPartlySent(
                ledger: plan.ledger(sent: index),
                error: failed.partly(sent: index, of: messages.count))
            }
          }
          return ((), plan.ledger)
        }
      } catch {
        throw Failure(error)
      }
    }
  }
}

extension Notify {
  static let unreachable = LocalizedText(
    sv: "e-samordnarens sammanfattning kan inte skickas: ingen e-postadress i kontakterna och "
      + "ingen e-postdomän (etjanst notify --set-mail-domain)",
    en: "the e-coordinator's digest cannot be sent: no address in the contacts and no mail "
      + "domain (etjanst notify --set-mail-domain)")
}

/// The system's mailer, run as `sendmail -t -i` with the message on its standard
/// input (`-i`: a line with only a dot does not end it). A mailer that cannot be
/// started or exits non-zero is an error (exit 2).
enum Mailer {
  static let standard = "/usr/sbin/sendmail"

  /// The mailer at `path` failed (`why`) on a run's mail after it took `sent` of the
  /// run's `count`.
  struct Failed: ExplainedError {
    var path: String
    var why: String
    var sent = 0
    var count = 0

    var message: LocalizedText {
      let rest =
        sent == 0
        ? LocalizedText(sv: "ingenting räknas som skickat", en: "nothing counts as sent")
        : LocalizedText(
          sv: "\(sent) av \(count) \(Noun.mail.word(count).sv) skickade, resten skickas vid "
            + "nästa körning",
          en: "\(sent) of \(count) \(Noun.mail.word(count).en) sent, the rest go at the next run")
      return LocalizedText(
        sv: "e-postprogrammet \(path) misslyckades (\(why)); \(rest.sv)",
        en: "the mailer \(path) failed (\(why)); \(rest.en)")
    }

    /// The failure after the first `sent` of `count` mails were taken.
    func partly(sent: Int, of count: Int) -> Failed {
      Failed(path: path, why: why, sent: sent, count: count)
    }
  }

  static func send(_ message: String, through path: String) throws {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw failed(path, String(cString: strerror(errno))) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let arguments = [path, "-t", "-i"]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    close(pipeEnds[0])
    guard spawned == 0 else {
      close(pipeEnds[1])
      throw failed(path, String(cString: strerror(spawned)))
    }
    // A mailer that exits before reading it all gives EPIPE here, not a signal.
    let previous = signal(SIGPIPE, SIG_IGN)
    let bytes = Array(message.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(pipeEnds[1], $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        break
      }
      offset += n
    }
    close(pipeEnds[1])
    signal(SIGPIPE, previous)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = status & 0x7f == 0
    let code = (status >> 8) & 0xff
    guard exited, code == 0, offset == bytes.count else {
      throw failed(path, exited ? "exit \(code)" : "signal \(status & 0x7f)")
    }
  }

  static func failed(_ path: String, _ why: String) -> Failed {
    Failed(path: path, why: why)
  }
}

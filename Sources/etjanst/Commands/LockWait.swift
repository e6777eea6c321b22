import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// `--wait SECONDS` for the commands that save: how long to wait while another
/// process holds the store's lock. Without it the command waits as long as it takes;
/// either way, on a terminal it says whose save it waits for (on standard error).
struct LockWaitOption: ParsableArguments {
  @Option(
    name: .customLong("wait"),
    help: ArgumentHelp(
      "Give up (exit 2) if another process's save holds the store longer than SECONDS.",
      valueName: "seconds"))
  var seconds: Double?

  func validate() throws {
    if let seconds, !(seconds >= 0 && seconds <= 86_400) {
      throw ValidationError("--wait takes 0 to 86400 seconds")
    }
  }

  /// Makes `file`'s waits for the lock speak and time out as asked. Waiting in
  /// silence with no limit (not a terminal, no --wait) stays the kernel's blocking
  /// wait.
  func apply(to file: StoreFile, _ language: Language) {
    let speaks = isatty(STDERR_FILENO) == 1
    guard speaks || seconds != nil else { return }
    let wait = LockWait(seconds: seconds, speaks: speaks, language: language)
    file.lockWaiting = { holder in wait.stillWaiting(holder) }
  }
}

/// One command's wait for the lock: said once, given up after the limit.
final class LockWait: Sendable {
  let seconds: Double?
  let speaks: Bool
  let language: Language
  private let started = Mutex<ContinuousClock.Instant?>(nil)

  /// The last wait given up, for the command's one line (`Failure`).
  static let gaveUp = Mutex<(holder: String?, seconds: Double)?>(nil)

  init(seconds: Double?, speaks: Bool, language: Language) {
    self.seconds = seconds
    self.speaks = speaks
    self.language = language
  }

  /// Called about every 50 ms while another holds the lock; false gives up.
  func stillWaiting(_ holder: String?) -> Bool {
    let now = ContinuousClock.now
    let (start, first) = started.withLock { start in
      if let start { return (start, false) }
      start = now
      return (now, true)
    }
    if first && speaks {
      let limit =
        seconds.map {
          LocalizedText(
            sv: "ger upp efter \(Self.text($0)) s", en: "giving up after \(Self.text($0)) s")
        }
        ?? LocalizedText(
          sv: "väntar tills den är klar; --wait SEKUNDER ger upp",
          en: "waiting until it is done; --wait SECONDS gives up")
      Output.error(
        LocalizedText(
          sv: "registret är låst av \(Self.who(holder, .swedish)) som sparar; \(limit.sv)",
          en: "the store is locked by \(Self.who(holder, .english)), saving; \(limit.en)")(language)
      )
    }
    if let seconds, now - start >= .milliseconds(Int64(seconds * 1000)) {
      Self.gaveUp.withLock { $0 = (holder, seconds) }
      return false
    }
    return true
  }

  /// "anna (pid 4242)" from the lock file's "login pid", or the line as it is.
  static func who(_ holder: String?, _ language: Language) -> String {
    guard let holder else {
      return LocalizedText(sv: "en annan process", en: "another process")(language)
    }
    let parts = holder.split(separator: " ")
    if parts.count == 2, let pid = Int(parts[1]) { return "\(parts[0]) (pid \(pid))" }
    return holder
  }

  static func text(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }

  /// The line of a wait given up.
  static func failure() -> Failure {
    let (holder, seconds) = gaveUp.withLock { $0 } ?? (nil, 0)
    return Failure(
      sv:
        "gav upp efter \(text(seconds)) s: registret är fortfarande låst av \(who(holder, .swedish)); inget ändrades",
      en:
        "gave up after \(text(seconds)) s: the store is still locked by \(who(holder, .english)); nothing was changed"
    )
  }
}

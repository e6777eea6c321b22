import ETjanstDomain
import ETjanstExport
import Foundation
import Synchronization

/// Progress of a long import on standard error, for a person at a terminal: nothing
/// the first second, then a line at most every second ("etjanst: 50000 av 200000
/// rader lästa"); nothing at all when standard error is not a terminal (a pipe, a
/// log, cron), so scripts see only the summary.
final class ProgressLine: Sendable {
  let language: Language
  private let started = ContinuousClock.now
  private let last = Mutex<ContinuousClock.Instant?>(nil)

  init(_ language: Language) { self.language = language }

  /// The reporter to read a file with, or nil when nobody would see it.
  static func reporter(_ language: Language) -> (@Sendable (Int, Int) -> Void)? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    let line = ProgressLine(language)
    return { done, total in line.read(done, of: total) }
  }

  func read(_ done: Int, of total: Int) {
    let now = ContinuousClock.now
    guard now - started >= .seconds(1) else { return }
    let due = last.withLock { last -> Bool in
      if let previous = last, now - previous < .seconds(1) { return false }
      last = now
      return true
    }
    guard due else { return }
    Output.error(
      LocalizedText(
        sv: "\(done) av \(total) rader lästa", en: "\(done) of \(total) rows read")(language))
  }
}

/// Runs `body` with progress on standard error where a person sees it.
func withImportProgress<T>(_ language: Language, _ body: () throws -> T) rethrows -> T {
  try ImportProgress.with(ProgressLine.reporter(language), body)
}

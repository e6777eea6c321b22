import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation
import Synchronization

/// Progress of a long import on standard error, for a person at a terminal: nothing
/// the first second, then what it is doing, at most a line a second: the rows read
/// ("etjanst: 50000 av 200000 rader lästa"), then the rows applied to the store under
/// its lock and the save, each said once as it starts; nothing at all when standard
/// error is not a terminal (a pipe, a log, cron), so scripts see only the summary.
/// A stage that starts before the first second and is still going after it is said
/// then, by a ticker thread, since a stage reports nothing while it runs.
final class ProgressLine: Sendable {
  let language: Language
  private let started = ContinuousClock.now

  private struct State {
    /// What is being done now, and which stage that is (0 reading, 1 applying, 2 saving).
    var text: LocalizedText?
    var stage = 0
    var printed: LocalizedText?
    var printedStage = -1
    var last: ContinuousClock.Instant?
    var stopped = false
  }

  private let state = Mutex(State())

  private init(_ language: Language) { self.language = language }

  /// A progress line for one import, or nil when nobody would see it.
  static func start(_ language: Language) -> ProgressLine? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    let line = ProgressLine(language)
    line.set(LocalizedText(sv: "läser filen", en: "reading the file"), stage: 0)
    Thread.detachNewThread { [line] in
      while !line.isStopped {
        Thread.sleep(forTimeInterval: 0.25)
        line.tick()
      }
    }
    return line
  }

  /// What the reading calls with the rows read (`ImportProgress`).
  var reporter: @Sendable (Int, Int) -> Void {
    { [self] done, total in
      guard done > 0 else { return }
      set(
        LocalizedText(
          sv: "\(done) av \(total) rader lästa", en: "\(done) of \(total) rows read"), stage: 0)
    }
  }

  /// Tells `file` to say its stages here: applying `rows` (trying them, for a dry
  /// run) and saving.
  func follow(_ file: StoreFile, rows: Int, dryRun: Bool) {
    let count = Noun.row.count(rows)
    file.stageStarts = { [self] stage in
      switch stage {
      case .applying:
        set(
          dryRun
            ? LocalizedText(
              sv: "prövar \(count.sv) mot registret", en: "trying \(count.en) against the store")
            : LocalizedText(
              sv: "lägger in \(count.sv) i registret", en: "applying \(count.en) to the store"),
          stage: 1)
      case .saving:
        set(LocalizedText(sv: "sparar registret", en: "saving the store"), stage: 2)
      }
    }
  }

  /// Says nothing more: the summary follows.
  func stop() { state.withLock { $0.stopped = true } }

  private var isStopped: Bool { state.withLock { $0.stopped } }

  private func set(_ text: LocalizedText, stage: Int) {
    state.withLock {
      $0.text = text
      $0.stage = stage
    }
    tick()
  }

  /// Prints what is being done when a second has passed since the start, and it is
  /// a new stage or a second has passed since the last line.
  private func tick() {
    let now = ContinuousClock.now
    guard now - started >= .seconds(1) else { return }
    let due = state.withLock { s -> LocalizedText? in
      guard !s.stopped, let text = s.text, text != s.printed else { return nil }
      if s.stage == s.printedStage, let last = s.last, now - last < .seconds(1) { return nil }
      s.printed = text
      s.printedStage = s.stage
      s.last = now
      return text
    }
    if let due { Output.error(due(language)) }
  }
}

/// Runs `body`, the reading of an import, with its rows read said on `progress`.
func withImportProgress<T>(_ progress: ProgressLine?, _ body: () throws -> T) rethrows -> T {
  try ImportProgress.with(progress?.reporter, body)
}

import Foundation
import Testing

@testable import ETjanstConsole

/// The run loop's workers: one thread each, work in the order it was handed over.
@Suite struct WorkerTests {
  /// What the work recorded: its number and the thread it ran on.
  final class Record: @unchecked Sendable {
    // @unchecked: `entries` is read and written under `lock` only.
    private let lock = NSLock()
    private var entries: [(Int, UInt)] = []
    func add(_ n: Int) { lock.withLock { entries.append((n, UInt(pthread_self()))) } }
    var all: [(Int, UInt)] { lock.withLock { entries } }

    /// Waits up to ten seconds for `count` entries.
    func wait(for count: Int) -> [(Int, UInt)] {
      let until = Date().addingTimeInterval(10)
      while all.count < count && Date() < until { usleep(1_000) }
      return all
    }
  }

  @Test(
    "work handed over one piece after another runs in that order, on one thread, not the caller's")
  func inOrderOnOneThread() {
    let worker = Worker(yieldsToKeys: false)
    let record = Record()
    for n in 0..<50 { worker.run { record.add(n) } }
    let seen = record.wait(for: 50)
    #expect(seen.map(\.0) == Array(0..<50))
    #expect(Set(seen.map(\.1)).count == 1)
    #expect(seen.first?.1 != UInt(pthread_self()))
    // Later work, after the thread has waited with nothing to do: the same thread.
    usleep(20_000)
    worker.run { record.add(50) }
    #expect(Set(record.wait(for: 51).map(\.1)).count == 1)
    worker.stop()
  }

  @Test("stopped, a worker still does the work already handed to it")
  func stopFinishesTheQueue() {
    let worker = Worker(yieldsToKeys: true)
    let record = Record()
    for n in 0..<5 {
      worker.run {
        usleep(2_000)
        record.add(n)
      }
    }
    worker.stop()
    #expect(record.wait(for: 5).map(\.0) == Array(0..<5))
  }
}

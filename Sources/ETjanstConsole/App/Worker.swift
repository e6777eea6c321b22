import ETjanstDomain
import Foundation

/// One thread that runs the work handed to it, in order, for as long as the console
/// runs. A thread per save opened Foundation's Swedish collator anew at every save (it
/// is kept per thread; ~10 ms of a region's edit, for the e-service name check), and
/// the look for another process's save started a thread every second.
final class Worker: @unchecked Sendable {
  // @unchecked: `queue` and `stopped` are read and written under `condition` only.
  private let condition = NSCondition()
  private var queue: [@Sendable () -> Void] = []
  private var stopped = false

  /// `yieldsToKeys`: the thread runs at a lower priority (`Background.yieldToKeys`).
  init(yieldsToKeys: Bool) {
    let thread = Thread { [self] in
      if yieldsToKeys { Background.yieldToKeys() }
      while let work = next() { work() }
    }
    thread.start()
  }

  private func next() -> (@Sendable () -> Void)? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !stopped { condition.wait() }
    return queue.isEmpty ? nil : queue.removeFirst()
  }

  func run(_ work: @escaping @Sendable () -> Void) {
    condition.lock()
    queue.append(work)
    condition.signal()
    condition.unlock()
  }

  /// The thread ends once the work already handed to it is done.
  func stop() {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
  }
}

/// The run loop's two workers, made when first needed (a console in memory, as most
/// tests run it, needs neither): saves at the priority of the keys, since the user
/// waits for them, and the housekeeping nobody waits for (the findings, the look for
/// another process's save) below it.
final class Workers {
  private var made: (saves: Worker?, housekeeping: Worker?)

  var saves: Worker {
    if let worker = made.saves { return worker }
    let worker = Worker(yieldsToKeys: false)
    // Its collator opened before the first save, not during it.
    worker.run { _ = SwedishCollation.compare("å", "ä") }
    made.saves = worker
    return worker
  }

  var housekeeping: Worker {
    if let worker = made.housekeeping { return worker }
    let worker = Worker(yieldsToKeys: true)
    made.housekeeping = worker
    return worker
  }

  deinit {
    made.saves?.stop()
    made.housekeeping?.stop()
  }
}

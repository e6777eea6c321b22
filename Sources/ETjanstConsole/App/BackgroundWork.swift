import Dispatch
import Foundation

/// Work the run loop hands to a background queue (reading the audit trail), and the
/// messages it left for the loop to deliver. Results are delivered on the loop's
/// thread, in order, so `update` stays the only code that changes the state.
///
/// `@unchecked Sendable`: `finished` and `pending` are only touched with `lock` held.
final class BackgroundWork: @unchecked Sendable {
  private let queue = DispatchQueue(label: "etjanst.background")
  private let group = DispatchGroup()
  private let lock = NSLock()
  private var finished: [UncheckedBox<Message>] = []
  private var pending = 0

  var isBusy: Bool {
    lock.lock()
    defer { lock.unlock() }
    return pending > 0 || !finished.isEmpty
  }

  func run(_ work: @escaping @Sendable () -> Message) {
    lock.lock()
    pending += 1
    lock.unlock()
    queue.async(group: group) { [self] in
      let message = work()
      lock.lock()
      finished.append(UncheckedBox(message))
      pending -= 1
      lock.unlock()
    }
  }

  func takeFinished() -> [Message] {
    lock.lock()
    defer { lock.unlock() }
    let messages = finished.map(\.value)
    finished = []
    return messages
  }

  func waitUntilIdle() { group.wait() }
}

/// Carries a value that is not Sendable to or from the background queue; the value
/// is used on one side at a time.
struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

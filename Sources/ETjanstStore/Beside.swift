import Foundation

/// Work run on another thread while the caller goes on; `value()` waits for it (the
/// first time; after that it gives the same value). When `apart` is false the work
/// runs in the first `value()` instead (not worth a thread). The load uses it for the
/// pre-scan and for the staff list read ahead, one on each core.
final class Beside<Value: Sendable>: @unchecked Sendable {
  // @unchecked: `result` is written once by the worker before `done` is signalled and
  // read only after waiting for it; `joined` and the in-place run are touched by the
  // caller's thread only.
  private let done = DispatchSemaphore(value: 0)
  private var result: Value?
  private var joined = false
  private let body: @Sendable () -> Value
  private let apart: Bool

  init(_ apart: Bool, _ body: @escaping @Sendable () -> Value) {
    self.body = body
    self.apart = apart
    guard apart else { return }
    Thread.detachNewThread { [self] in
      result = body()
      done.signal()
    }
  }

  func value() -> Value {
    if !joined {
      if apart { done.wait() } else { result = body() }
      joined = true
    }
    return result!
  }
}

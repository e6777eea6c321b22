import ETjanstDomain
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Every byte the command line writes goes through here, and so through the one
/// printable guard (`TextCleaning.printable`): a stored value, a file name or a
/// parser's message can carry ESC, OSC 52, BEL, U+009B or U+202E, and none of them
/// may reach the terminal. Line breaks are kept on standard output (tables, CSV and
/// reports are many lines); a message on standard error is one line each.
///
/// Standard output is written with write(2) from a buffer of its own rather than
/// through stdio: every write is checked, the first failure (a full disk, a closed
/// descriptor) is kept, and `finish` makes it the command's failure (exit 2), as a
/// Unix tool must (`etjanst list services > /dev/full`). stdio would report it only
/// through ferror on a `stdout` Swift 6 cannot touch, and drop it at exit.
enum Output {
  private struct State {
    var buffer: [UInt8] = []
    /// The first write that failed: errno's text. Nothing more is written after it.
    var failure: String?
  }

  private static let state = Mutex(State())
  /// A terminal is written to line by line (a person is watching); anything else
  /// in blocks.
  private static let toTerminal = isatty(STDOUT_FILENO) == 1
  private static let blockSize = 64 * 1024

  static func print(_ text: String, terminator: String = "\n") {
    write(TextCleaning.printable(text + terminator, keepingLineBreaks: true))
  }

  /// Text that has passed the printable guard already (a table rendered through it).
  private static func write(_ text: String) {
    state.withLock { state in
      guard state.failure == nil else { return }
      state.buffer.append(contentsOf: text.utf8)
      if toTerminal || state.buffer.count >= blockSize { drain(&state) }
    }
  }

  /// Whether a write has failed: a long listing stops early rather than format
  /// what can no longer be written.
  static var failed: Bool { state.withLock { $0.failure != nil } }

  /// Writes what is buffered; the failure, if any write failed.
  static func flush() -> String? {
    state.withLock { state in
      drain(&state)
      return state.failure
    }
  }

  private static func drain(_ state: inout State) {
    guard state.failure == nil else {
      state.buffer.removeAll()
      return
    }
    var written = 0
    state.buffer.withUnsafeBytes { bytes in
      while written < bytes.count {
        let n = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          state.failure = String(cString: strerror(errno))
          return
        }
        written += n
      }
    }
    state.buffer.removeAll(keepingCapacity: true)
  }

  /// The end of every command: what is buffered is written, and a write that failed
  /// ends the program with one line and exit 2, whatever the command's own status.
  static func finish(_ language: Language) {
    guard let failure = flush() else { return }
    error(
      LocalizedText(
        sv: "kan inte skriva till standard ut (\(failure))",
        en: "cannot write to standard output (\(failure))")(language))
    Foundation.exit(ExitStatus.cannotRun.rawValue)
  }

  /// `etjanst: message`, then each detail on a line of its own.
  static func error(_ message: String, details: [String] = []) {
    let lines = ["etjanst: " + message] + details
    let text = lines.map { TextCleaning.printable($0) + "\n" }.joined()
    FileHandle.standardError.write(Data(text.utf8))
  }
}

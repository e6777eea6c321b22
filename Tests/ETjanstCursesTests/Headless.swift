import ETjanstConsole
import ETjanstCurses
import Foundation

/// A `CursesTerminal` with no terminal behind it: keys come from a pipe the test
/// writes, the screen goes to a temporary file whose size counts the bytes sent.
final class Headless {
  let terminal: CursesTerminal
  private var keyboard: Int32
  private let keyboardEnd: Int32
  private let screenFD: Int32
  private let screenURL: URL

  init(term: String = "xterm-256color", width: Int = 80, height: Int = 24, color: Bool = true)
    throws
  {
    var ends: [Int32] = [0, 0]
    // Close-on-exec: a child (tmux in another test) must not hold the write end.
    guard pipe(&ends) == 0 else { throw POSIXError(.EIO) }
    for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    keyboardEnd = ends[0]
    keyboard = ends[1]
    screenURL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "etj-screen-\(UUID())")
    screenFD = open(screenURL.path, O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0o600)
    do {
      terminal = try CursesTerminal(
        termName: term, input: keyboardEnd, output: screenFD, allowColor: color)
    } catch {
      Glibc.close(ends[0])
      Glibc.close(ends[1])
      Glibc.close(screenFD)
      try? FileManager.default.removeItem(at: screenURL)
      throw error
    }
    // A file has no size: set one, and drop the .resize that comes with it.
    terminal.resize(width: width, height: height)
    while try terminal.readKey(timeout: .zero) != nil {}
  }

  deinit {
    terminal.close()
    if keyboard >= 0 { Glibc.close(keyboard) }
    Glibc.close(keyboardEnd)
    Glibc.close(screenFD)
    try? FileManager.default.removeItem(at: screenURL)
  }

  /// Writes `bytes` as if typed.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(keyboard, $0.baseAddress, $0.count) }
  }

  /// Ends the input, as when stdin closes or the session hangs up.
  func closeKeyboard() {
    Glibc.close(keyboard)
    keyboard = -1
  }

  /// Bytes sent to the "terminal" so far.
  var bytesWritten: Int {
    var info = stat()
    fstat(screenFD, &info)
    return Int(info.st_size)
  }

  /// Everything sent to the "terminal" so far.
  var output: Data { (try? Data(contentsOf: screenURL)) ?? Data() }

  /// Reads keys until `count` have come (or a read times out).
  func readKeys(_ count: Int, timeout: Duration = .seconds(2)) throws -> [Key] {
    var keys: [Key] = []
    while keys.count < count, let key = try terminal.readKey(timeout: timeout) { keys.append(key) }
    return keys
  }
}

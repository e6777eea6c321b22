import CNcursesw
import ETjanstConsole
import Foundation

extension CursesTerminal {
  /// Reads one key within `timeout`. Throws `TerminalClosed` when input has ended:
  /// at end of file wget_wch answers ERR at once, forever, so "ERR" alone cannot
  /// tell "no key yet" from "gone"; poll(2) on the descriptor can.
  public func readKey(timeout: Duration) throws -> Key? {
    guard screen != nil, let window = etj_stdscr() else { throw TerminalClosed() }
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
      let left = clock.now.duration(to: deadline)
      let milliseconds = max(
        0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
      wtimeout(window, Int32(clamping: milliseconds))
      var code: wint_t = 0
      let started = clock.now
      let status = wget_wch(window, &code)
      if status == ERR {
        if inputEnded(
          quickly: started.duration(to: clock.now) < .milliseconds(2) && milliseconds > 10)
        {
          throw TerminalClosed()
        }
        if clock.now >= deadline { return nil }
        continue  // interrupted by a signal, or an unfinished escape sequence
      }
      emptyReads = 0
      if let key = KeyDecoder.key(status: status, code: UInt32(code)) { return key }
      if clock.now >= deadline { return nil }
    }
  }

  /// Whether an ERR from wget_wch means the input is gone. A hung-up pipe or tty
  /// says so in poll's revents. A file or /dev/null at its end stays "readable"
  /// while yielding nothing, and some descriptors give no sign at all: there, a
  /// run of empty reads that returned at once although time was left decides.
  private func inputEnded(quickly: Bool) -> Bool {
    var entry = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
    let ready = poll(&entry, 1, 0)
    let revents = Int32(entry.revents)
    if ready > 0 && revents & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0 {
      return true
    }
    if ready > 0 && revents & Int32(POLLIN) != 0 {
      // Readable, yet ncurses got nothing: end of file (or a key that arrived
      // just now, which the next read returns and which resets the count).
      emptyReads += 1
      return emptyReads >= 3
    }
    if quickly {
      emptyReads += 1
      return emptyReads >= 50
    }
    emptyReads = 0
    return false
  }
}

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
      // A resize is followed here, not by ncurses (see `ResizeSignal`).
      if ResizeSignal.take() {
        followTTYSize()
        emptyReads = 0
        return .resize
      }
      // Rounded up: under a millisecond left, a timeout of 0 made this loop spin (a
      // wget_wch and a poll per turn) until the deadline.
      let left = clock.now.duration(to: deadline)
      let milliseconds = max(
        0,
        left.components.seconds * 1000
          + (left.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
      wtimeout(window, Int32(clamping: milliseconds))
      var code: wint_t = 0
      let started = clock.now
      let status = wget_wch(window, &code)
      if status == ERR {
        // Asked for a key already waiting, and none is: whether the input has ended
        // is the next wait's question (one poll less at every key).
        if timeout == .zero { return nil }
        if inputEnded(
          quickly: started.duration(to: clock.now) < .milliseconds(2) && milliseconds > 10)
        {
          throw TerminalClosed()
        }
        if clock.now >= deadline { return nil }
        continue  // interrupted by a signal, or an unfinished escape sequence
      }
      emptyReads = 0
      if status == KEY_CODE_YES && Int32(bitPattern: code) == KeyDecoder.pasteBegin {
        let (text, dropped) = try readPaste()
        return .paste(text, dropped: dropped)
      }
      if let key = KeyDecoder.key(status: status, code: UInt32(code)) { return key }
      if clock.now >= deadline { return nil }
    }
  }

  /// The text of a paste, up to its end marker, as it came (the widget cleans it),
  /// and how many characters past `Key.pasteLimit` were read and let go, so the
  /// terminal is ready for keys when the paste ends. A paste whose end marker never
  /// comes ends after a second with no input.
  ///
  /// Read from the descriptor in blocks, not through wget_wch: ncurses reads one
  /// byte per read(2) and per call, and a 1 MB paste took 18 s that way. ncurses
  /// has nothing of the paste yet (it reads a sequence byte by byte and stops where
  /// the start marker ends); what follows the end marker in the last block is
  /// given back to it (ungetch) for the keys after the paste.
  private func readPaste() throws -> (String, dropped: Int) {
    let marker = Array("\u{1B}[201~".utf8)
    let limit = Key.pasteLimit * 4  // bytes: every character fits in four
    var kept: [UInt8] = []
    var dropped = 0
    var carry: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 65_536)
    func take(_ bytes: ArraySlice<UInt8>) {
      let room = max(0, limit - kept.count)
      kept += bytes.prefix(room)
      // Characters let go are counted by their first bytes.
      for byte in bytes.dropFirst(room) where byte & 0xC0 != 0x80 { dropped += 1 }
    }
    while true {
      var entry = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, 1000)
      if ready < 0 && errno == EINTR { continue }
      if ready == 0 { break }  // a second without input: the end marker is lost
      let count = read(inputFD, &block, block.count)
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      if count <= 0 { throw TerminalClosed() }
      let data = carry + block[0..<count]
      if let at = Self.find(marker, in: data) {
        take(data[0..<at])
        // Keys typed after the paste: back to ncurses, last byte first.
        for byte in data[(at + marker.count)...].reversed() { ungetch(Int32(byte)) }
        break
      }
      // The marker may straddle two blocks: its length less one byte waits.
      let keep = min(marker.count - 1, data.count)
      take(data[0..<(data.count - keep)])
      carry = Array(data.suffix(keep))
    }
    var text = String(decoding: kept, as: UTF8.self)
    if text.count > Key.pasteLimit {
      dropped += text.count - Key.pasteLimit
      text = String(text.prefix(Key.pasteLimit))
    }
    return (text, dropped)
  }

  /// Where `needle` starts in `data`, found by memchr for its first byte.
  static func find(_ needle: [UInt8], in data: [UInt8]) -> Int? {
    data.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, let first = needle.first else { return nil }
      var from = 0
      while from + needle.count <= buffer.count,
        let hit = memchr(base + from, Int32(first), buffer.count - from)
      {
        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if at + needle.count <= buffer.count, memcmp(hit, needle, needle.count) == 0 { return at }
        from = at + 1
      }
      return nil
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

// The pty meter the benchmark runs with python3 (its pty module), so the same meter
// measures etjanst, tig and mc in one run.
let ptyMeterScript = #"""
  """A small pty meter: runs a program in an 80x24 pseudo-terminal and prints, as JSON,
  the time to its first frame, the time until the lists are shown ("ready": when the
  first frame holds the text PTYMETER_LOADING names, the end of the next frame's worth
  of output; else the first frame) and, for each press of the down key (once the screen
  has been still for SETTLED seconds), the time until the screen stopped changing and
  the bytes written.

  A frame is over when the program has written nothing for QUIET seconds; the time
  reported is that of the last byte before the pause, so the pause itself is not
  counted. Usage: python3 ptymeter.py PRESSES[/SPAN] PREKEYS [EDIT SAVE] -- COMMAND ARGS...
  SPAN presses of the down key, then SPAN of the up key, and so on (every press moves
  the highlight when SPAN is under the rows the list has); all down when not given.
  PREKEYS is sent once at the first byte of output (e.g. "2" to open a screen); ""
  for none.
  EDIT, when given, is sent after the presses (e.g. "e" and a letter typed into a form),
  then SAVE (e.g. Ctrl-S), and the time until the screen stopped changing after it
  said the edit was saved (one of the texts PTYMETER_SAVED names, split by "|") is
  reported as "edit": the edit saved and shown.

  Or, two programs with their presses taken in turn, so both meet the same seconds of
  the machine (a p99 is mostly the machine's: measured minutes apart, the two are not
  comparable): python3 ptymeter.py --pair PRESSES[/SPAN] PREKEYS_A DIR_A DIR_B -- A ARGS...
  -- B ARGS... Each press goes to one then the other (who goes first alternates), once
  both have shown their first full frame and been still; prints {"keys": [A's, B's]}.
  """
  import json, os, pty, select, signal, struct, sys, time, fcntl, termios

  QUIET = 0.15
  SETTLED = 1.0
  FULL = 200
  LOADING = os.environ.get("PTYMETER_LOADING", "").encode()
  SAVED = [s.encode() for s in os.environ.get("PTYMETER_SAVED", "").split("|") if s]
  DOWN = b"\x1bOB"
  UP = b"\x1bOA"


  def drain(fd, quiet, limit=30.0, on_first=None, seen=None):
      """Reads until `quiet` seconds pass without output; returns (bytes, time of last byte).
      The output is appended to `seen` when given."""
      total, last, start = 0, None, time.monotonic()
      while time.monotonic() - start < limit:
          ready, _, _ = select.select([fd], [], [], quiet)
          if not ready:
              if last is not None:
                  break
              continue
          try:
              chunk = os.read(fd, 65536)
          except OSError:
              break
          if not chunk:
              break
          if last is None and on_first:
              on_first()
          if seen is not None:
              seen.extend(chunk)
          total += len(chunk)
          last = time.monotonic()
      return total, last


  def settle(fd):
      """Reads whatever still comes until SETTLED seconds pass without output."""
      while select.select([fd], [], [], SETTLED)[0]:
          if drain(fd, QUIET)[1] is None:
              return


  def full_frame(fd, limit=60.0):
      """The time of the last byte of the next burst of at least FULL bytes (a frame's
      worth, not a status line's or a clock's change); None when none came."""
      start = time.monotonic()
      while time.monotonic() - start < limit:
          size, end = drain(fd, QUIET, limit=limit)
          if end is None:
              return None
          if size >= FULL:
              return end
      return None


  def spawn(command, folder=None):
      pid, fd = pty.fork()
      if pid == 0:
          if folder:
              os.chdir(folder)
          os.environ["TERM"] = "xterm-256color"
          os.environ["LINES"], os.environ["COLUMNS"] = "24", "80"
          os.execvp(command[0], command)
      fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
      return pid, fd


  def opened(fd, prekeys):
      """Waits for the first frame (PREKEYS sent at its first byte) and, when it says the
      program is still reading, for the full one; returns (first, last byte's time, start)."""
      started = time.monotonic()
      seen = bytearray()
      _, last = drain(fd, QUIET, on_first=lambda: prekeys and os.write(fd, prekeys), seen=seen)
      end = last
      if LOADING and LOADING in seen:
          end = full_frame(fd)
      return last, end, started


  def press(fd, n, span):
      """One press of ↓ or ↑ (SPAN of each in turn): the time until the screen is still."""
      sent = time.monotonic()
      os.write(fd, DOWN if (n // span) % 2 == 0 else UP)
      size, last = drain(fd, QUIET, limit=5.0)
      return ((last - sent) * 1000 if last else 0.0), size


  def stop(pid):
      os.kill(pid, signal.SIGTERM)
      try:
          os.waitpid(pid, 0)
      except OSError:
          pass


  def pair():
      presses, _, span = sys.argv[2].partition("/")
      presses = int(presses)
      span = int(span or presses)
      prekeys = sys.argv[3].encode()
      folders = sys.argv[4:6]
      first = sys.argv.index("--")
      second = sys.argv.index("--", first + 1)
      programs = [spawn(sys.argv[first + 1:second], folders[0] or None),
                  spawn(sys.argv[second + 1:], folders[1] or None)]
      for (pid, fd), keys in zip(programs, (prekeys, b"")):
          opened(fd, keys)
          settle(fd)
      for _, fd in programs:
          settle(fd)
      keys = [[], []]
      for n in range(presses):
          for i in ((0, 1) if n % 2 == 0 else (1, 0)):
              keys[i].append(press(programs[i][1], n, span)[0])
      for pid, _ in programs:
          stop(pid)
      print(json.dumps({"keys": keys}))


  def main():
      if sys.argv[1] == "--pair":
          return pair()
      presses, _, span = sys.argv[1].partition("/")
      presses = int(presses)
      span = int(span or presses)
      prekeys = sys.argv[2].encode()
      marker = sys.argv.index("--")
      edit = [a.encode() for a in sys.argv[3:marker]] if marker >= 5 else None
      command = sys.argv[marker + 1:]
      pid, fd = spawn(command)
      # PREKEYS go at the first byte of output, as a user's first key would: over a
      # store still being read, they wait for the lists. A first frame that says the
      # program is still reading (LOADING, from the environment) is followed by the
      # full one: "ready" is that one's last byte.
      last, end, started = opened(fd, prekeys)
      first = (last - started) * 1000 if last else None
      ready = (end - started) * 1000 if end else None
      settle(fd)
      keys, sizes = [], []
      for n in range(presses):
          took, size = press(fd, n, span)
          keys.append(took)
          sizes.append(size)
      edited = None
      if edit:
          os.write(fd, edit[0])
          drain(fd, QUIET)
          sent = time.monotonic()
          os.write(fd, edit[1])
          # The save runs in the background: the form's own answer may come first, so
          # the screen is read until it says the edit was saved (SAVED, from the
          # environment), then until it is still.
          seen = bytearray()
          last = None
          while time.monotonic() - sent < 10.0:
              _, end = drain(fd, QUIET, limit=10.0, seen=seen)
              last = end or last
              if not SAVED or end is None or any(s in seen for s in SAVED):
                  break
          edited = (last - sent) * 1000 if last else None
      rss = 0
      try:
          for line in open("/proc/%d/status" % pid):
              if line.startswith("VmHWM:"):
                  rss = int(line.split()[1]) // 1024
      except OSError:
          pass
      stop(pid)
      print(json.dumps({"first": first, "ready": ready, "keys": keys, "bytes": sizes, "peakMB": rss,
                        "edit": edited}))


  main()
  """#

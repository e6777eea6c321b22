// The pty meter the benchmark runs with python3 (its pty module), so the same meter
// measures etjanst, tig and mc in one run.
let ptyMeterScript = #"""
  """A small pty meter: runs a program in an 80x24 pseudo-terminal and prints, as JSON,
  the time to its first full frame and, for each press of the down key, the time until
  the screen stopped changing and the bytes written.

  A frame is over when the program has written nothing for QUIET seconds; the time
  reported is that of the last byte before the pause, so the pause itself is not
  counted. Usage: python3 ptymeter.py PRESSES PREKEYS [EDIT SAVE] -- COMMAND ARGS...
  PREKEYS is sent once after the first frame (e.g. "2" to open a screen); "" for none.
  EDIT, when given, is sent after the presses (e.g. "e" and a letter typed into a form),
  then SAVE (e.g. Ctrl-S), and the time until the screen stopped changing after SAVE is
  reported as "edit": the edit saved and shown.
  """
  import json, os, pty, select, signal, struct, sys, time, fcntl, termios

  QUIET = 0.15
  DOWN = b"\x1bOB"


  def drain(fd, quiet, limit=30.0):
      """Reads until `quiet` seconds pass without output; returns (bytes, time of last byte)."""
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
          total += len(chunk)
          last = time.monotonic()
      return total, last


  def main():
      presses = int(sys.argv[1])
      prekeys = sys.argv[2].encode()
      marker = sys.argv.index("--")
      edit = [a.encode() for a in sys.argv[3:marker]] if marker >= 5 else None
      command = sys.argv[marker + 1:]
      pid, fd = pty.fork()
      if pid == 0:
          os.environ["TERM"] = "xterm-256color"
          os.environ["LINES"], os.environ["COLUMNS"] = "24", "80"
          os.execvp(command[0], command)
      fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
      started = time.monotonic()
      _, last = drain(fd, QUIET)
      first = (last - started) * 1000 if last else None
      if prekeys:
          os.write(fd, prekeys)
          drain(fd, QUIET)
      keys, sizes = [], []
      for _ in range(presses):
          sent = time.monotonic()
          os.write(fd, DOWN)
          size, last = drain(fd, QUIET, limit=5.0)
          keys.append((last - sent) * 1000 if last else 0.0)
          sizes.append(size)
      edited = None
      if edit:
          os.write(fd, edit[0])
          drain(fd, QUIET)
          sent = time.monotonic()
          os.write(fd, edit[1])
          _, last = drain(fd, QUIET, limit=10.0)
          edited = (last - sent) * 1000 if last else None
      rss = 0
      try:
          for line in open("/proc/%d/status" % pid):
              if line.startswith("VmHWM:"):
                  rss = int(line.split()[1]) // 1024
      except OSError:
          pass
      os.kill(pid, signal.SIGTERM)
      try:
          os.waitpid(pid, 0)
      except OSError:
          pass
      print(json.dumps({"first": first, "keys": keys, "bytes": sizes, "peakMB": rss, "edit": edited}))


  main()
  """#

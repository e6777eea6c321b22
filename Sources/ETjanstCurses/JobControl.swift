@preconcurrency import CNcursesw
import Foundation

/// Ctrl-Z. In raw mode the key arrives as a key, not as SIGTSTP; the console
/// stops itself only where a shell with job control can bring it back. Without
/// one (`ssh -t HOST etjanst`, a bare `sh -c`, a tmux pane running the program
/// directly) the kernel discards a stop signal sent to an orphaned process group,
/// or nobody would ever send SIGCONT: the console would hang, so it says why not.
enum JobControl {
  /// True when our process group is the terminal's foreground group and our parent
  /// is a shell of the same session in another group (POSIX: the group is not
  /// orphaned, so a stop is delivered and the shell can `fg` it).
  static func canSuspend(terminal fd: Int32) -> Bool {
    let group = getpgrp()
    let parent = getppid()
    let parentGroup = getpgid(parent)
    return tcgetpgrp(fd) == group && parentGroup >= 0 && parentGroup != group
      && getsid(parent) == getsid(0)
  }
}

extension CursesTerminal {
  /// Leaves curses mode, stops the console's process group as the shell's Ctrl-Z
  /// would, and on SIGCONT (`fg`) takes the terminal back at its current size and
  /// repaints everything. False, and nothing happens, where there is no job control.
  public func suspendToShell() -> Bool {
    guard screen != nil, JobControl.canSuspend(terminal: inputFD) else { return false }
    bracketedPaste(false)
    def_prog_mode()
    endwin()
    fflush(nil)
    // ncurses' own SIGTSTP handler would leave curses mode a second time; the
    // default action stops the process, and `kill` returns once it is continued.
    let previous = signal(SIGTSTP, SIG_DFL)
    kill(0, SIGTSTP)
    signal(SIGTSTP, previous)
    reset_prog_mode()
    bracketedPaste(true)
    followTTYSize()
    curs_set(cursor == nil ? 0 : 1)
    clearok(etj_stdscr(), true)
    wrefresh(etj_stdscr())
    return true
  }
}

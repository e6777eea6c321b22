import Foundation

/// Runs a command in a detached tmux session for end-to-end tests: keys in, screen
/// out, exit status at the end. Each driver has its own server (`tmux -L`), so
/// tests can run in parallel, and the server is killed in deinit.
///
/// Waiting is done by polling the screen every 50 ms for the text a test expects,
/// never by sleeping a fixed time.
public final class Tmux {
  public struct Failure: Error, CustomStringConvertible {
    public let message: String
    /// The screen when the wait gave up, to see what the program showed instead.
    public let screen: [String]

    public var description: String {
      ([message, "--- screen ---"] + screen + ["--- end ---"]).joined(separator: "\n")
    }
  }

  public let socket: String
  public let session = "etj"
  private let directory: URL
  private var statusFile: URL { directory.appendingPathComponent("status") }
  private var configFile: URL { directory.appendingPathComponent("tmux.conf") }
  private var killed = false

  /// Starts `command` (a /bin/sh command line) in a `width` x `height` pane.
  /// `environment` is added for the command; `unset` removes variables (LANG, to
  /// try a server without a locale); `term` replaces tmux's TERM (tmux-256color),
  /// for example "vt100" or "linux".
  public init(
    command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:],
    unset: [String] = [], term: String? = nil
  ) throws {
    socket = "etj-\(getpid())-\(UUID().uuidString.prefix(8))"
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // remain-on-exit keeps the last screen readable after the command ends; no
    // status line, so the pane is exactly width x height.
    let config = """
      set -g remain-on-exit on
      set -g status off
      set -g default-terminal tmux-256color
      set -g history-limit 2000
      """
    try config.write(to: configFile, atomically: true, encoding: .utf8)

    // The status file is written only if the command returns to the shell (not
    // after `exec`), which is what waitForExit reads.
    let script = "\(command)\nprintf 'exit=%d\\n' $? > '\(statusFile.path)'\n"
    var env = ["/usr/bin/env"]
    // The machine's language settings would change the console's language (an
    // English LANG means English): tests say what they want, else they get none.
    let locale = ["LANG", "LC_ALL", "LC_MESSAGES"].filter { environment[$0] == nil }
    for name in Set(unset + locale).sorted() { env += ["-u", name] }
    if let term { env.append("TERM=\(term)") }
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      env.append("\(name)=\(value)")
    }
    // Several arguments after "--": tmux executes them directly, no quoting layer.
    try run(
      ["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "--"] + env + [
        "/bin/sh", "-c", script,
      ])
  }

  deinit { kill() }

  /// Sends tmux key names: "Enter", "Escape", "Up", "Tab", "BTab", "F1", "C-c", "PPage".
  public func send(keys: String...) throws {
    try run(["send-keys", "-t", session] + keys)
  }

  /// Types `text` literally (send-keys -l), å ä ö included.
  public func send(text: String) throws {
    try run(["send-keys", "-t", session, "-l", "--", text])
  }

  /// Pastes the file's text as a terminal does: bracketed (ESC [ 200 ~ ... ESC [
  /// 201 ~) when the program asked for bracketed paste, as keys otherwise.
  public func paste(file: String) throws {
    try run(["load-buffer", "-b", "etjpaste", file])
    try run(["paste-buffer", "-p", "-d", "-b", "etjpaste", "-t", session])
  }

  /// The pane's rows as text; with `attributes`, including escape sequences for
  /// colour and bold/reverse (capture-pane -e); with `history`, the rows scrolled
  /// off the top first (a dead pane's "Pane is dead" line can push one off).
  public func capture(attributes: Bool = false, history: Bool = false) throws -> [String] {
    let output = try run(
      ["capture-pane", "-p", "-t", session] + (attributes ? ["-e"] : [])
        + (history ? ["-S", "-"] : []))
    var lines = output.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Polls the screen every 50 ms until some row contains `text`; returns that
  /// screen, or throws with the last one. With `history`, the rows scrolled off the
  /// top count too: tmux 3.3 moves a pane's screen into its history when the command
  /// ends within moments of starting (seen with a bare `printf`; more often under
  /// load), so a refusal that exits at once is looked for there.
  @discardableResult
  public func waitFor(text: String, timeout: Duration = .seconds(10), history: Bool = false)
    throws -> [String]
  {
    try waitFor(timeout: timeout, "'\(text)' did not appear", history: history) {
      $0.contains { $0.contains(text) }
    }
  }

  /// Polls until one of `texts` is on the screen (for text that may be shown in more
  /// than one form, such as a time that gains its date after midnight).
  @discardableResult
  public func waitFor(anyOf texts: [String], timeout: Duration = .seconds(10)) throws -> [String] {
    try waitFor(timeout: timeout, "none of \(texts) appeared") { screen in
      screen.contains { row in texts.contains { row.contains($0) } }
    }
  }

  /// Polls until `condition` holds for the screen.
  @discardableResult
  public func waitFor(
    timeout: Duration = .seconds(10), _ what: String = "the screen did not match",
    history: Bool = false, _ condition: ([String]) -> Bool
  ) throws -> [String] {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var screen: [String] = []
    while true {
      screen = try capture(history: history)
      if condition(screen) { return screen }
      if clock.now >= deadline {
        throw Failure(message: "\(what) within \(timeout)", screen: screen)
      }
      usleep(50_000)
    }
  }

  /// The command's exit status once it has ended, else nil.
  public var exitStatus: Int32? {
    guard let text = try? String(contentsOf: statusFile, encoding: .utf8),
      let line = text.split(separator: "\n").first, line.hasPrefix("exit=")
    else { return nil }
    return Int32(line.dropFirst("exit=".count))
  }

  /// Waits (polling every 50 ms) for the command to end; returns its exit status.
  @discardableResult
  public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
      if let status = exitStatus { return status }
      if clock.now >= deadline {
        throw Failure(
          message: "the command did not exit within \(timeout)", screen: (try? capture()) ?? [])
      }
      usleep(50_000)
    }
  }

  /// Leaves the console with q. Away from the overview's top level it asks first
  /// ("Avsluta etjanst? j/n"), and j answers it (y does in English too).
  public func quitConsole(timeout: Duration = .seconds(10)) throws {
    try send(keys: "q")
    try waitFor(timeout: timeout, "neither the exit nor the quit question") { screen in
      exitStatus != nil
        || screen.contains { $0.contains("Avsluta etjanst?") || $0.contains("Quit etjanst?") }
    }
    if exitStatus == nil { try send(keys: "j") }
  }

  /// Resizes the pane; the program gets SIGWINCH.
  public func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Ends the server and the command with it. Safe to call more than once.
  public func kill() {
    guard !killed else { return }
    killed = true
    _ = try? run(["kill-server"])
    try? FileManager.default.removeItem(at: directory)
  }

  /// Runs one tmux command against this driver's server; returns its stdout.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    // Inside another tmux, TMUX would point the client at the outer server.
    environment["TMUX"] = nil
    // -u: UTF-8 whatever the locale says.
    let result = try spawnAndWait(
      ["tmux", "-u", "-L", socket, "-f", configFile.path] + arguments, environment: environment)
    guard result.status == 0 else {
      let message = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
      throw Failure(
        message: "tmux \(arguments.first ?? "") failed (\(result.status)): \(message)", screen: [])
    }
    return result.output
  }
}

/// posix_spawn and waitpid rather than Foundation's Process, for two reasons
/// measured here: a test thread of Swift Testing blocks nearly every signal, and a
/// child inherits that mask — the tmux server then ignores SIGTERM and SIGCHLD
/// and every program in it misses SIGWINCH; and Process.waitUntilExit hung on the
/// exited tmux client (a zombie nobody reaped). So the child starts with an empty
/// mask and default handlers, and we reap it ourselves.
public func spawnAndWait(_ argv: [String], environment: [String: String]) throws -> (
  status: Int32, output: String, errors: String
) {
  var out: [Int32] = [0, 0]
  var err: [Int32] = [0, 0]
  guard pipe(&out) == 0 else { throw POSIXError(.EMFILE) }
  guard pipe(&err) == 0 else {
    close(out[0])
    close(out[1])
    throw POSIXError(.EMFILE)
  }
  for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_adddup2(&actions, out[1], 1)
  posix_spawn_file_actions_adddup2(&actions, err[1], 2)
  // Descriptors of the test process (a headless terminal's pipe, say) must not
  // live on in the tmux server, or their readers never see end of file.
  closeFrom3(&actions)

  let cArguments = argv.map { strdup($0) } + [nil]
  let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    for pointer in cArguments { free(pointer) }
    for pointer in cEnvironment { free(pointer) }
  }
  var pid = pid_t()
  let spawned = withCleanSignals {
    posix_spawnp(&pid, argv[0], &actions, $0, cArguments, cEnvironment)
  }
  close(out[1])
  close(err[1])
  defer {
    close(out[0])
    close(err[0])
  }
  guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
  // The server daemonizes onto /dev/null, so both pipes end with the client.
  let output = readAll(out[0])
  let errors = readAll(err[0])
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  // Exited normally: the exit code; killed: 128 + the signal, as a shell says.
  let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return (code, output, errors)
}

private func readAll(_ fd: Int32) -> String {
  var data = [UInt8]()
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let n = read(fd, &buffer, buffer.count)
    if n > 0 {
      data += buffer[0..<n]
    } else if n < 0 && errno == EINTR {
      continue
    } else {
      break
    }
  }
  return String(decoding: data, as: UTF8.self)
}

/// posix_spawn_file_actions_addclosefrom_np (glibc 2.34) is declared only for
/// _GNU_SOURCE, which Swift's Glibc module does not set: look it up at run time.
private func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
  typealias CloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
  guard
    let symbol = dlsym(
      UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
  else { return }
  _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
}

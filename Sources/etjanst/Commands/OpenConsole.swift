import ArgumentParser
import ETjanstConsole
import ETjanstCurses
import ETjanstDomain
import ETjanstStore
import Foundation

/// The console itself: `etjanst [--demo] [--read-only] [--lang sv|en]`, the root
/// command's own run.
struct ConsoleLauncher {
  let storeOptions: StoreOptions
  let demo: Bool
  let readOnly: Bool
  let language: Language
  /// `--user LOGIN` from a key's forced command (see `KeyMode`).
  var keyUser: String? = nil

  func run() throws {
    if demo && keyUser != nil {
      throw Failure(
        sv: "--user gäller bara konsolen i SSH-nyckelläget, inte med --demo",
        en: "--user is only for the console in the SSH key mode, not with --demo")
    }
    let path: String
    var demoFolder: URL?
    if demo {
      let folder = try Self.privateTemporaryFolder()
      demoFolder = folder
      path = folder.appendingPathComponent("etjanst.plist").path
      try DemoStore.write(to: path, now: Date())
    } else {
      path = storeOptions.location.path
    }
    defer { if let demoFolder { try? FileManager.default.removeItem(at: demoFolder) } }
    try open(path)
  }

  /// A new folder for the demo store that only this user may use: mkdtemp makes it
  /// 0700 whatever the umask (FileManager's would be group-writable under umask 002,
  /// and the store's folder check would then refuse it).
  static func privateTemporaryFolder() throws -> URL {
    let template = FileManager.default.temporaryDirectory.appendingPathComponent(
      "etjanst-demo-XXXXXX"
    ).path
    var bytes = Array(template.utf8CString)
    guard let made = mkdtemp(&bytes) else {
      let reason = String(cString: strerror(errno))
      throw Failure(
        sv: "kan inte skapa en tillfällig mapp för demon i \(template) (\(reason))",
        en: "cannot make a temporary folder for the demo in \(template) (\(reason))")
    }
    return URL(fileURLWithPath: String(cString: made))
  }

  private func open(_ path: String) throws {
    let file = StoreFile(path: path)
    // In the SSH key mode the login comes from the key, and only if the key mode's
    // conditions hold; it is checked before anything else is read.
    let login = try keyUser.map { try KeyModeGate.login($0, file) } ?? SystemIdentity.currentLogin()
    if keyUser != nil && !file.exists { throw Failure(StoreError(path: path, .notFound)) }
    // A large store is read while the console's first frame shows, as tig draws
    // while `git log` still runs (a region's 41 MB take a third of a second); a
    // refusal then gives the terminal back and is one line on stderr all the same.
    if let bytes = Self.size(of: path), bytes > Self.readWhileShown {
      // The reading begins before the terminal is set up and the first frame drawn.
      let loaded = file.loadStarted()
      let terminal = try takeTerminal()
      defer { terminal.close() }
      let opening = Opening(
        bytes: bytes,
        read: {
          do { return try loaded() } catch { throw Failure(error) }
        },
        begin: { data in
          try state(data, user: try identify(in: data, login: login), terminal: terminal)
        })
      try Program(
        opening: opening, language: language, theme: Theme(useColor: terminal.useColor),
        terminal: terminal, backend: backend(file), clock: Date.init
      ).run()
      return
    }
    // A smaller store is read, and its user known, before the terminal is taken, so
    // a refusal is one plain line on stderr and no frame flashes.
    var loaded = file.exists ? try load(file, login) : nil
    let terminal = try takeTerminal()
    defer { terminal.close() }
    if loaded == nil {
      switch try FirstRun.ask(terminal, path: path, language: language) {
      case .quit: return
      case .demo: try DemoStore.write(to: path, now: Date())
      case .empty:
        let login = SystemIdentity.currentLogin()
        let first = User(login: login, name: login, role: .eCoordinator)
        // No name yet: the console's first form asks it (`SetUpForm`).
        do { try file.create(.standing(name: "", firstUser: first), by: login) } catch {
          throw Failure(error)
        }
      }
      loaded = try load(file, login)
    }
    guard let (data, user) = loaded else { return }
    let program = Program(
      state: state(data, user: user, terminal: terminal), terminal: terminal,
      backend: backend(file), clock: Date.init)
    try program.run()
  }

  /// Above this size the store is read while the console already shows.
  static let readWhileShown = 1 << 20

  /// The size of the file at `path`, nil when there is none (or it cannot be told:
  /// the reading then says why).
  static func size(of path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// The console's state for the store's data and its user.
  private func state(_ data: Municipality, user: User, terminal: CursesTerminal) -> AppState {
    var state = AppState(
      data: data, user: user, language: language, theme: Theme(useColor: terminal.useColor),
      forcedReadOnly: readOnly,
      // Never an editor in the key mode: it would be a shell as the store's account.
      hasExternalEditor: keyUser == nil && ExternalEditor.command != nil, now: Date())
    state.missingKeys = terminal.missingKeys
    StaffScreen.prepareForManager(&state)
    SetUpForm.openIfNeeded(&state)
    // Said once: without time-zone data every clock would silently be UTC.
    if let missing = LocalTime.missingZone { state.show(missing, .error) }
    return state
  }

  private func backend(_ file: StoreFile) -> FileBackend {
    FileBackend(file, externalEditor: keyUser == nil)
  }

  /// The terminal, or one line saying why not. `ssh HOST etjanst` gives the program
  /// no terminal and no TERM (ssh allocates one only for a login shell or with -t):
  /// the way out then is ssh -t, not a TERM value.
  private func takeTerminal() throws -> CursesTerminal {
    // A console drawn into a pipe or a file is escape codes nobody reads. (With no
    // terminal at all and no TERM, over SSH without -t, the line below says more.)
    let sshWithoutTerminal =
      isatty(STDIN_FILENO) == 0 && (ProcessInfo.processInfo.environment["TERM"] ?? "").isEmpty
    guard isatty(STDOUT_FILENO) == 1 || sshWithoutTerminal else {
      throw Failure(
        sv: "konsolen behöver en terminal på standard ut; för skript finns list, check och report",
        en: "the console needs a terminal on standard output; scripts have list, check and report")
    }
    do {
      return try CursesTerminal()
    } catch let error as TerminalSetupError {
      if error.reason == .termNotSet && isatty(STDIN_FILENO) == 0 {
        throw Failure(
          sv: "konsolen behöver en terminal; logga in med ssh -t VÄRD etjanst över SSH",
          en: "the console needs a terminal; over SSH, log in with ssh -t HOST etjanst")
      }
      throw Failure(error.message)
    }
  }

  private func load(_ file: StoreFile, _ login: String) throws -> (Municipality, User) {
    let data: Municipality
    do { data = try file.load() } catch { throw Failure(error) }
    return (data, try identify(in: data, login: login))
  }
}

extension Language: ExpressibleByArgument {
  /// English when the user's locale asks for it; Swedish otherwise.
  static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment)
    -> Language
  {
    let locale =
      [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
    return locale.hasPrefix("en") ? .english : .swedish
  }
}

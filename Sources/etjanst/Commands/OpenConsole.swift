import ArgumentParser
import ETjanstConsole
import ETjanstCurses
import ETjanstDomain
import ETjanstStore
import Foundation

/// The console itself: `etjanst [--demo] [--read-only] [--lang sv|en]`.
struct OpenConsole: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the console (the default when no subcommand is given).")

  @OptionGroup var storeOptions: StoreOptions

  @Flag(name: .long, help: "Open a throw-away copy of the demo data; the store is not touched.")
  var demo = false

  @Flag(name: .customLong("read-only"), help: "Open without the editing keys.")
  var readOnly = false

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try reporting {
      let path: String
      var demoFolder: URL?
      if demo {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
          "etjanst-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        demoFolder = folder
        path = folder.appendingPathComponent("etjanst.plist").path
        try DemoStore.write(to: path, now: Date())
      } else {
        path = storeOptions.location.path
      }
      defer { if let demoFolder { try? FileManager.default.removeItem(at: demoFolder) } }
      try open(path)
    }
  }

  private func open(_ path: String) throws {
    let language = languageOption.language
    let file = StoreFile(path: path)
    // A store that exists is read, and its user known, before the terminal is
    // taken, so a refusal is one plain line on stderr.
    var loaded = file.exists ? try load(file, language) : nil
    let terminal = try takeTerminal()
    defer { terminal.close() }
    if loaded == nil {
      switch try FirstRun.ask(terminal, path: path, language: language) {
      case .quit: return
      case .demo: try DemoStore.write(to: path, now: Date())
      case .empty:
        let login = SystemIdentity.currentLogin()
        let first = User(login: login, name: login, role: .eCoordinator)
        do { try file.create(.standing(firstUser: first), by: login) } catch {
          throw Failure(error)
        }
      }
      loaded = try load(file, language)
    }
    guard let (data, user) = loaded else { return }
    var state = AppState(
      data: data, user: user, language: language, theme: Theme(useColor: terminal.useColor),
      forcedReadOnly: readOnly, hasExternalEditor: ExternalEditor.command != nil, now: Date())
    StaffScreen.prepareForManager(&state)
    let program = Program(
      state: state, terminal: terminal, backend: FileBackend(file), clock: Date.init)
    try program.run()
  }

  /// The terminal, or one line saying why not. `ssh HOST etjanst` gives the program
  /// no terminal and no TERM (ssh allocates one only for a login shell or with -t):
  /// the way out then is ssh -t, not a TERM value.
  private func takeTerminal() throws -> CursesTerminal {
    do {
      return try CursesTerminal()
    } catch let error as TerminalSetupError {
      if error.reason == .termNotSet && isatty(STDIN_FILENO) == 0 {
        throw Failure("the console needs a terminal; over SSH, log in with ssh -t HOST etjanst")
      }
      // The description is a whole line already; reporting adds the "etjanst: ".
      let line = String(describing: error)
      throw Failure(line.hasPrefix("etjanst: ") ? String(line.dropFirst("etjanst: ".count)) : line)
    }
  }

  private func load(_ file: StoreFile, _ language: Language) throws -> (Municipality, User) {
    let data: Municipality
    do { data = try file.load() } catch { throw Failure(error) }
    return (data, try identify(in: data, language: language))
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

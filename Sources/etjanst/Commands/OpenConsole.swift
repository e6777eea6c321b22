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

  @Option(name: .long, help: "The console's language: sv or en (default: from LANG, else sv).")
  var lang: Language?

  func run() throws {
    try reporting {
      let path: String
      var demoFolder: URL?
      if demo {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("etjanst-demo-\(UUID().uuidString)")
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
    let language = lang ?? Language.fromEnvironment()
    let file = StoreFile(path: path)
    let terminal = try CursesTerminal()
    defer { terminal.close() }
    if !file.exists {
      switch try FirstRun.ask(terminal, path: path, language: language) {
      case .quit: return
      case .demo: try DemoStore.write(to: path, now: Date())
      case .empty:
        let login = SystemIdentity.currentLogin()
        let first = User(login: login, name: login, role: .eCoordinator)
        do { try file.create(.standing(firstUser: first), by: login) } catch { throw Failure(error) }
      }
    }
    let data: Municipality
    do { data = try file.load() } catch { throw Failure(error) }
    let user = try identify(in: data)
    var state = AppState(
      data: data, user: user, language: language, theme: Theme(useColor: terminal.useColor),
      forcedReadOnly: readOnly, hasExternalEditor: ExternalEditor.command != nil, now: Date())
    StaffScreen.prepareForManager(&state)
    let program = Program(state: state, terminal: terminal, backend: FileBackend(file), clock: Date.init)
    try program.run()
  }
}

extension Language: ExpressibleByArgument {
  /// English when the user's locale asks for it; Swedish otherwise.
  static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
    let locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
    return locale.hasPrefix("en") ? .english : .swedish
  }
}

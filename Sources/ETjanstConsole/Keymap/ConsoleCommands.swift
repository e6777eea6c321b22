import ETjanstDomain

/// The `:` command line's commands as data, like the keymap: the prompt, its
/// completion and the help overlay read this one table.
public struct ConsoleCommand {
  /// Names in both languages; a unique prefix of any is enough.
  public var names: [String]
  /// How the argument is written in help ("sv|en"), if it takes one.
  public var argument: String?
  public var help: LocalizedText
  public var edits: Bool
  public var run: (String, inout AppState) -> [Effect]

  public init(
    _ names: [String], argument: String? = nil, help: LocalizedText, edits: Bool = false,
    run: @escaping (String, inout AppState) -> [Effect]
  ) {
    self.names = names
    self.argument = argument
    self.help = help
    self.edits = edits
    self.run = run
  }

  public static var all: [ConsoleCommand] {
    ScreenID.allCases.map { screen in
      ConsoleCommand(
        screenNames(screen),
        help: LocalizedText(sv: "Gå till \(screen.title.sv)", en: "Go to \(screen.title.en)")
      ) { _, state in
        state.screen = screen
        return []
      }
    } + [
      ConsoleCommand(["språk", "lang"], argument: "sv|en", help: Texts.commandLanguage) {
        argument, state in
        switch argument.lowercased() {
        case "sv", "svenska", "swedish": state.language = .swedish
        case "en", "engelska", "english": state.language = .english
        default: state.show(Texts.commandLanguage, .error)
        }
        return []
      },
      ConsoleCommand(["hjälp", "help"], help: Texts.helpHelp) { _, state in
        state.overlays.append(HelpOverlay())
        return []
      },
      ConsoleCommand(["ångra", "undo"], help: Texts.helpUndo, edits: true) { _, state in
        GlobalKeys.undo(&state)
      },
      AdminView.command,
      TrailOverlay.command,
      ConsoleCommand(["avsluta", "quit", "q"], help: Texts.keyQuit) { _, _ in [.quit] },
    ]
  }

  static func screenNames(_ screen: ScreenID) -> [String] {
    switch screen {
    case .overview: return ["översikt", "overview"]
    case .catalogue: return ["e-tjänster", "tjänster", "services", "catalogue"]
    case .staff: return ["personal", "staff", "behörigheter", "access"]
    case .outages: return ["avbrott", "reservrutiner", "outages", "routines"]
    case .orders: return ["beställningar", "orders"]
    }
  }

  /// The command a typed line names: an exact name, else a prefix that fits one
  /// command only.
  public static func find(_ word: String, in commands: [ConsoleCommand]) -> ConsoleCommand? {
    let word = word.lowercased()
    guard !word.isEmpty else { return nil }
    if let exact = commands.first(where: { $0.names.contains(word) }) { return exact }
    let matches = commands.filter { $0.names.contains { $0.hasPrefix(word) } }
    return matches.count == 1 ? matches[0] : nil
  }
}

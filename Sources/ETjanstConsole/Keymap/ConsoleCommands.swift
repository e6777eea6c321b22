import ETjanstDomain

/// The `:` command line's names in both languages, in one table: whichever language
/// is shown, every name works; help lists the first name of the language shown.
public struct CommandNames: Sendable {
  public var sv: [String]
  public var en: [String]

  public init(sv: [String], en: [String]) {
    self.sv = sv
    self.en = en
  }

  /// Every name, Swedish first.
  public var all: [String] { sv + en }

  /// The name help shows in `language`.
  public func shown(in language: Language) -> String {
    (language == .swedish ? sv : en).first ?? all[0]
  }

  public static let overview = CommandNames(sv: ["översikt"], en: ["overview"])
  public static let catalogue = CommandNames(
    sv: ["e-tjänster", "tjänster", "katalog"], en: ["e-services", "services", "catalogue"])
  public static let staff = CommandNames(
    sv: ["personal", "behörigheter"], en: ["staff", "access"])
  public static let outages = CommandNames(
    sv: ["avbrott", "reservrutiner"], en: ["outages", "routines", "fallback"])
  public static let orders = CommandNames(sv: ["beställningar"], en: ["orders"])
  public static let language = CommandNames(sv: ["språk"], en: ["language", "lang"])
  public static let help = CommandNames(sv: ["hjälp"], en: ["help"])
  public static let undo = CommandNames(sv: ["ångra"], en: ["undo"])
  public static let settings = CommandNames(
    sv: ["inställningar"], en: ["settings", "admin"])
  public static let trail = CommandNames(
    sv: ["logg", "historik"], en: ["trail", "log", "history"])
  public static let quit = CommandNames(sv: ["avsluta"], en: ["quit", "q"])
  public static let quitPreference = CommandNames(sv: ["avslutning"], en: ["quitting"])

  static func screen(_ screen: ScreenID) -> CommandNames {
    switch screen {
    case .overview: return overview
    case .catalogue: return catalogue
    case .staff: return staff
    case .outages: return outages
    case .orders: return orders
    }
  }
}

/// The `:` command line's commands as data, like the keymap: the prompt, its
/// completion and the help overlay read this one table.
public struct ConsoleCommand {
  /// Names in both languages; a unique prefix of any is enough.
  public var names: CommandNames
  /// How the argument is written in help ("sv|en"), if it takes one.
  public var argument: String?
  public var help: LocalizedText
  public var edits: Bool
  public var run: (String, inout AppState) -> [Effect]

  public init(
    _ names: CommandNames, argument: String? = nil, help: LocalizedText, edits: Bool = false,
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
        CommandNames.screen(screen),
        help: LocalizedText(sv: "Gå till \(screen.title.sv)", en: "Go to \(screen.title.en)")
      ) { _, state in
        Navigation.show(screen, &state)
        return []
      }
    } + [
      ConsoleCommand(.language, argument: "sv|en", help: Texts.commandLanguage) {
        argument, state in
        switch argument.lowercased() {
        case "sv", "svenska", "swedish": state.language = .swedish
        case "en", "engelska", "english": state.language = .english
        default: state.show(Texts.commandLanguage, .error)
        }
        return []
      },
      ConsoleCommand(.help, help: Texts.helpHelp) { _, state in
        state.overlays.append(HelpOverlay())
        return []
      },
      ConsoleCommand(.undo, help: Texts.helpUndo, edits: true) { _, state in
        GlobalKeys.undo(&state)
      },
      AdminView.command,
      TrailOverlay.command,
      RequestsOverlay.command,
      AdminForms.quitPreferenceCommand,
      ConsoleCommand(.quit, help: Texts.keyQuit) { _, _ in [.quit] },
    ]
  }

  /// The command a typed line names: an exact name, else a prefix that fits one
  /// command only.
  public static func find(_ word: String, in commands: [ConsoleCommand]) -> ConsoleCommand? {
    let word = word.lowercased()
    guard !word.isEmpty else { return nil }
    if let exact = commands.first(where: { $0.names.all.contains(word) }) { return exact }
    let matches = commands.filter { $0.names.all.contains { $0.hasPrefix(word) } }
    return matches.count == 1 ? matches[0] : nil
  }
}

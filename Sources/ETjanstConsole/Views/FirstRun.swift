import ETjanstDomain

/// The first run of the console on a path with no store: demo data, or an empty
/// store with the guideline's standing data.
public enum FirstRun {
  public enum Choice: Sendable { case demo, empty, quit }

  public static func frame(width: Int, height: Int, path: String, language: Language, theme: Theme)
    -> Frame
  {
    var frame = Frame(width: width, height: height)
    let lines = ([Texts.firstRunNoStore(path), LocalizedText(verbatim: "")] + options.map(line))
      .flatMap { TextWidth.wrap($0(language), to: max(10, min(width, 76) - 4)) }
    let box = frame.bounds.centered(width: min(width, 76), height: lines.count + 2)
    let inner = Box.draw("etjanst", in: box, frame: &frame, theme: theme)
    for (i, line) in lines.prefix(inner.height).enumerated() {
      frame.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
    }
    return frame
  }

  /// The choices with their keys, the first of which the text names, and what each
  /// does: the text and `choice(for:)` both read this table, so a named key works.
  public static let options: [(choice: Choice, keys: [Key], text: LocalizedText)] = [
    (.demo, [.character("d"), .character("D")], Texts.firstRunDemo),
    (
      .empty, [.character("t"), .character("T"), .character("e"), .character("E")],
      Texts.firstRunEmpty
    ),
    (.quit, [.character("q"), .escape, .control("c"), .function(10)], Texts.firstRunQuit),
  ]

  /// An option as shown: its first key, then what it does.
  static func line(_ option: (choice: Choice, keys: [Key], text: LocalizedText)) -> LocalizedText {
    let key = option.keys[0].description
    return LocalizedText(sv: "\(key)  \(option.text.sv)", en: "\(key)  \(option.text.en)")
  }

  public static func choice(for key: Key) -> Choice? {
    options.first { $0.keys.contains(key) }?.choice
  }

  /// Shows the choice until one of its keys is pressed.
  public static func ask(_ terminal: any TerminalIO, path: String, language: Language) throws
    -> Choice
  {
    let theme = Theme(useColor: false)
    while true {
      let size = terminal.size
      terminal.hideCursor()
      terminal.present(
        frame(width: size.width, height: size.height, path: path, language: language, theme: theme))
      do {
        if let key = try terminal.readKey(timeout: .seconds(1)), let choice = choice(for: key) {
          return choice
        }
      } catch is TerminalClosed {
        return .quit
      }
    }
  }
}

extension Texts {
  static func firstRunNoStore(_ path: String) -> LocalizedText {
    LocalizedText(
      sv: "Det finns inget register i \(path). Hur vill du börja?",
      en: "There is no store at \(path). How do you want to start?")
  }
  static let firstRunDemo = LocalizedText(
    sv: "Demodata: en påhittad kommun att prova med",
    en: "Demo data: a made-up municipality to try")
  static let firstRunEmpty = LocalizedText(
    sv: "Tomt register med riktlinjens grunddata (du blir e-samordnare)",
    en: "Empty store with the guideline's standing data (you become the e-coordinator)")
  static let firstRunQuit = LocalizedText(sv: "Avsluta", en: "Quit")
}

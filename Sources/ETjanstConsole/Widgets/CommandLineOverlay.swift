import ETjanstDomain

/// The `:` prompt in the status line (as in vi, k9s and tig): a command from
/// `ConsoleCommand.all`, run with Enter; Tab completes a unique prefix.
public struct CommandLineOverlay: Overlay {
  var text = ""

  public init() {}

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    switch key {
    case .escape: return .closeOnly
    case .backspace:
      if text.isEmpty { return .closeOnly }
      text.removeLast()
    case .control("u"): text = ""
    case .tab:
      let word = text.split(separator: " ").first.map(String.init) ?? ""
      if let command = ConsoleCommand.find(word, in: ConsoleCommand.all), !text.contains(" ") {
        let name =
          command.names.all.first { $0.hasPrefix(word.lowercased()) }
          ?? command.names.shown(in: state.language)
        text = name + (command.argument == nil ? "" : " ")
      }
    case .character, .paste:
      // A command is short: what does not fit the filter's limit is not taken.
      let limit = TextInput.filterLimit
      guard
        let (piece, refused) = TextInput.insertion(
          key, multiline: false, count: text.count, limit: limit)
      else { break }
      text += piece
      if refused > 0 {
        let prompt = self
        return .close { state in
          state.overlays.append(prompt)
          state.show(TextInput.refusedNote(limit: limit, refused: refused), .error)
          return []
        }
      }
    case .enter:
      let line = TextCleaning.line(text)
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      guard let word = parts.first else { return .closeOnly }
      let argument = parts.count > 1 ? parts[1] : ""
      guard let command = ConsoleCommand.find(word, in: ConsoleCommand.all) else {
        return .close { state in
          state.show(Texts.unknownCommand(word), .error)
          return []
        }
      }
      return .close { state in
        if command.edits && state.readOnly {
          state.show(
            RuleViolation.readOnly(coordinator: state.data.contacts.eCoordinator).message, .error)
          return []
        }
        return command.run(argument, &state)
      }
    default: break
    }
    return .stay
  }

  /// Drawn over the status line, just above the key hints.
  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let y = area.maxY
    frame.clear(Rect(x: 0, y: y, width: frame.width, height: 1))
    frame.put(":" + text, x: 0, y: y, style: state.theme.style(.accent), maxWidth: frame.width)
  }

  public func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? {
    (min(state.width - 1, 1 + TextWidth.of(text)), area.maxY)
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [
      OverlayKey("Enter", Texts.ok), OverlayKey("Tab", Texts.complete),
      OverlayKey("Esc", Texts.cancel),
    ]
  }
}

import Foundation

extension Tmux {
  /// The first row of the screen that contains `text`, if any.
  public func row(containing text: String) throws -> String? {
    try capture().first { $0.contains(text) }
  }

  /// On a form whose focused field is a choice: presses Right until the row
  /// labelled `label` shows `option` ("◂ option ▸"), waiting for the row to change
  /// after each key. Throws when the choice comes round without it.
  public func choose(_ option: String, in label: String, tries: Int = 20) throws {
    for _ in 0..<tries {
      guard let row = try row(containing: label) else {
        throw Failure(message: "no form row labelled '\(label)'", screen: try capture())
      }
      if row.contains("◂ \(option) ▸") { return }
      try send(keys: "Right")
      try waitFor("the choice '\(label)' did not move") { screen in
        screen.first { $0.contains(label) } != row
      }
    }
    throw Failure(message: "'\(label)' never offered '\(option)'", screen: try capture())
  }
}

extension Tmux {
  /// Waits until one row holds every one of `parts`. A check of the screen is
  /// best made this way rather than on a screen already captured: curses may
  /// still be writing the rest of the frame when the first text appears.
  @discardableResult
  public func waitFor(row parts: String..., timeout: Duration = .seconds(10)) throws -> [String] {
    try waitFor(timeout: timeout, "no row with \(parts)") { screen in
      screen.contains { row in parts.allSatisfy { row.contains($0) } }
    }
  }
}

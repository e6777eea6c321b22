/// A key as the console understands it, decoded by the terminal layer. The console
/// never sees curses key codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete, insert
  case function(Int)
  /// Ctrl with a letter, lower-case: `.control("c")`.
  case control(Character)
  /// The terminal changed size; the new size comes with the message.
  case resize
  /// Text the terminal delivered as one paste (bracketed paste), as it came: a
  /// widget that takes it cleans it and bounds it. At most `pasteLimit` characters;
  /// `dropped` counts those the terminal layer read past that and let go, which
  /// the widget counts among what it did not take.
  case paste(String, dropped: Int = 0)

  /// The most characters a paste carries (every field's own limit is lower).
  public static let pasteLimit = 100_000

  /// How the key is written in the hint bar and the help overlay.
  public var description: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .backspace: return "Bksp"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .function(let n): return "F\(n)"
    case .control(let c): return "C-\(c.uppercased())"
    case .resize: return "Resize"
    case .paste: return "Paste"
    }
  }
}

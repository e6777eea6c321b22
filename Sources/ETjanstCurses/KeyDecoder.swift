import CNcursesw
import ETjanstConsole

/// Turns what wget_wch returns into a `Key`. Pure, so the mapping can be tested
/// without a screen. nil means "not a key the console knows" (ignored).
enum KeyDecoder {
  /// Codes of our own that ncurses returns for bracketed paste's markers,
  /// ESC [ 200 ~ and ESC [ 201 ~ (above ncurses' own codes, below its limit of 0xFFFF).
  static let pasteBegin: Int32 = 0x6100
  static let pasteEnd: Int32 = 0x6101
  static let pasteSequences: [(String, Int32)] = [
    ("\u{1B}[200~", pasteBegin), ("\u{1B}[201~", pasteEnd),
  ]

  /// `status` is wget_wch's return value (OK or KEY_CODE_YES), `code` what it stored.
  static func key(status: Int32, code: UInt32) -> Key? {
    status == KEY_CODE_YES ? functionKey(Int32(bitPattern: code)) : character(code)
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    // The keypad's corners, and Find/Select, are Home/End/PgUp/PgDn on some
    // terminals (linux console, PuTTY, rxvt).
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_HOME, KEY_A1, KEY_FIND: return .home
    case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: return .end
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    case KEY_RESIZE: return .resize
    default:
      // Shifted F-keys arrive as F13 and up; they are not F1..F12, so drop them.
      let n = code - etj_key_f(0)
      return (1...12).contains(n) ? .function(Int(n)) : nil
    }
  }

  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 27: return .escape
    case 9: return .tab
    case 10, 13: return .enter
    case 8, 127: return .backspace
    case 1...26:
      return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    case 0..<32, 0x80..<0xA0:
      // Ctrl-@ and Ctrl-\ ] ^ _, and C1 controls: nothing the console binds.
      return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }
}

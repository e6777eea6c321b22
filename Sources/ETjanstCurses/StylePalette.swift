@preconcurrency import CNcursesw
import ETjanstConsole

/// Maps a cell style to curses attributes and a colour pair, allocating pairs on
/// first use (a frame uses a handful of the 81 fg/bg combinations).
struct StylePalette {
  let useColor: Bool
  /// With use_default_colors, -1 is "the terminal's own colour"; without it we
  /// fall back to white on black.
  private let defaultColors: Bool
  private let maxPairs: Int
  private var pairs: [PairKey: Int16] = [:]
  private var cache: [CellStyle: (attr_t, Int16)] = [:]

  private struct PairKey: Hashable {
    var foreground: PaletteColor?
    var background: PaletteColor?
  }

  /// Call after newterm; starts colour only when asked and the terminal has it.
  init(colorWanted: Bool) {
    if colorWanted && has_colors() && start_color() == OK {
      useColor = true
      defaultColors = use_default_colors() == OK
      // Known only after start_color.
      maxPairs = Int(COLOR_PAIRS)
    } else {
      useColor = false
      defaultColors = false
      maxPairs = 0
    }
  }

  mutating func resolve(_ style: CellStyle) -> (attr_t, Int16) {
    if let hit = cache[style] { return hit }
    var attributes = etj_a_normal()
    if style.attributes.contains(.bold) { attributes |= etj_a_bold() }
    if style.attributes.contains(.reverse) { attributes |= etj_a_reverse() }
    if style.attributes.contains(.underline) { attributes |= etj_a_underline() }
    if style.attributes.contains(.dim) { attributes |= etj_a_dim() }
    let result = (attributes, pair(style.foreground, style.background))
    cache[style] = result
    return result
  }

  private mutating func pair(_ fg: PaletteColor?, _ bg: PaletteColor?) -> Int16 {
    guard useColor, fg != nil || bg != nil else { return 0 }
    let key = PairKey(foreground: fg, background: bg)
    if let pair = pairs[key] { return pair }
    let number = pairs.count + 1
    // Out of pairs (an 8-colour terminal has 64): plain beats a wrong colour.
    guard number < maxPairs else { return 0 }
    let fallbackFG = defaultColors ? -1 : Int16(COLOR_WHITE)
    let fallbackBG = defaultColors ? -1 : Int16(COLOR_BLACK)
    let foreground = fg.map { Int16($0.rawValue) } ?? fallbackFG
    let background = bg.map { Int16($0.rawValue) } ?? fallbackBG
    guard init_pair(Int16(number), foreground, background) == OK else { return 0 }
    pairs[key] = Int16(number)
    return Int16(number)
  }
}

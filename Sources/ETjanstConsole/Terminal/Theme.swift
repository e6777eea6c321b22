/// What each kind of text looks like. Views ask for a role; the theme decides the
/// colours, and under NO_COLOR only bold, reverse, underline and dim, so every state
/// that colour shows is also clear without it.
public struct Theme: Sendable, Equatable {
  public var useColor: Bool

  public init(useColor: Bool) { self.useColor = useColor }

  public enum Role: Sendable {
    case normal, title, tabActive, tabInactive, hintKey, hintLabel, selection
    case header, muted, ok, warning, danger, accent, border, input, inputFocused, flash
  }

  public func style(_ role: Role) -> CellStyle {
    switch role {
    case .normal: return .plain
    case .title: return color([.bold, .reverse], .white, .blue)
    case .tabActive: return color([.bold, .reverse], .black, .cyan)
    case .tabInactive: return .plain
    case .hintKey: return color([.bold], .cyan, nil)
    case .hintLabel: return .plain
    case .selection: return color([.reverse], .black, .cyan)
    case .header: return color([.bold, .underline], nil, nil)
    case .muted: return CellStyle([.dim])
    case .ok: return color([], .green, nil)
    case .warning: return color([.bold], .yellow, nil)
    case .danger: return color([.bold], .red, nil)
    case .accent: return color([.bold], .cyan, nil)
    case .border: return color([], .blue, nil)
    case .input: return CellStyle([.underline])
    case .inputFocused: return color([.reverse, .underline], nil, nil)
    case .flash: return color([.bold, .reverse], .black, .yellow)
    }
  }

  private func color(_ attributes: Attributes, _ fg: PaletteColor?, _ bg: PaletteColor?)
    -> CellStyle
  {
    useColor
      ? CellStyle(attributes.subtracting(bg == nil ? [] : .reverse), foreground: fg, background: bg)
      : CellStyle(attributes)
  }
}

/// A framed box for dialogs, drawn with line characters that ncurses passes through
/// on every UTF-8 terminal.
public enum Box {
  /// Clears `rect`, draws its border and title, and returns the inside.
  @discardableResult
  public static func draw(_ title: String, in rect: Rect, frame: inout Frame, theme: Theme) -> Rect {
    frame.clear(rect)
    let border = theme.style(.border)
    guard rect.width >= 2, rect.height >= 2 else { return rect }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    frame.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
    frame.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      frame.put("│", x: rect.x, y: y, style: border)
      frame.put("│", x: rect.maxX - 1, y: y, style: border)
    }
    if !title.isEmpty {
      frame.put(" \(title) ", x: rect.x + 2, y: rect.y, style: theme.style(.header), maxWidth: rect.width - 4)
    }
    return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
  }
}

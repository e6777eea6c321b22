import ETjanstDomain

/// What the overview remembers between frames.
public struct OverviewState {
  public init() {}
}

/// Översikt: the guideline's goals in figures and what needs attention.
public enum OverviewScreen: Screen {
  public static func bindings(_ state: AppState) -> [Binding] { [] }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let d = state.data
    let lines = [
      "\(state.t(Texts.tabCatalogue)): \(d.services.count)",
      "\(state.t(Texts.tabStaff)): \(d.staff.count)",
      "\(state.t(Texts.tabOrders)): \(d.orders.count)",
    ]
    for (i, line) in lines.enumerated() {
      frame.put(line, x: area.x + 2, y: area.y + 1 + i, maxWidth: area.width - 4)
    }
  }
}

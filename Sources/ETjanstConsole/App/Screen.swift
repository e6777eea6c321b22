import ETjanstDomain

/// One of the five screens. A screen is stateless code over its slice of
/// `AppState`: it binds keys, may take typing first (a live filter), and draws.
public protocol Screen {
  /// The screen's keys in its current mode (list, detail, board …).
  static func bindings(_ state: AppState) -> [Binding]
  /// Keys taken before the bindings, such as typing into a filter; nil when not taken.
  static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]?
  static func draw(_ state: AppState, into frame: inout Frame, area: Rect)
  /// A line for the status bar: counts, the active filter.
  static func status(_ state: AppState) -> String
  /// Where the text cursor is, when the screen takes typing.
  static func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)?
  /// A change this console sent was applied: a screen may follow what moved (an
  /// order that went on to the next step's column).
  static func didApply(_ change: Change, _ state: inout AppState)
  /// The screen's key or command was pressed: show the screen's list (closing an
  /// item open on it), keeping the list's filter and selection.
  static func showList(_ state: inout AppState)
  /// What the screen shows and its filters, not the selection: where a jump landed
  /// is told apart from where the user went from there (`Navigation`).
  static func location(_ state: AppState) -> String
}

extension Screen {
  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? { nil }
  public static func status(_ state: AppState) -> String { "" }
  public static func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? { nil }
  public static func didApply(_ change: Change, _ state: inout AppState) {}
}

extension ScreenID {
  /// The code behind each tab.
  public var view: any Screen.Type {
    switch self {
    case .overview: return OverviewScreen.self
    case .catalogue: return CatalogueScreen.self
    case .staff: return StaffScreen.self
    case .outages: return OutagesScreen.self
    case .orders: return OrdersScreen.self
    }
  }
}

import ETjanstDomain

/// The five screens of the console, in tab order (keys 1–5).
public enum ScreenID: Int, CaseIterable, Sendable {
  case overview = 1
  case catalogue
  case staff
  case outages
  case orders

  public var title: LocalizedText {
    switch self {
    case .overview: return Texts.tabOverview
    case .catalogue: return Texts.tabCatalogue
    case .staff: return Texts.tabStaff
    case .outages: return Texts.tabOutages
    case .orders: return Texts.tabOrders
    }
  }

  /// For narrow terminals, where the full titles do not fit on one line.
  public var shortTitle: LocalizedText {
    self == .outages ? Texts.tabOutagesShort : title
  }

  public var next: ScreenID { ScreenID(rawValue: rawValue % 5 + 1)! }
  public var previous: ScreenID { ScreenID(rawValue: (rawValue + 3) % 5 + 1)! }
}

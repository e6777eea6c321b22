import ETjanstDomain
import Foundation

/// What the overview remembers between frames.
public struct OverviewState {
  /// The list of findings.
  public var list = ListState()
  /// The administration (Inställningar), shown in place of the overview when open.
  public var admin = AdminState()
  public init() {}
}

/// Översikt: the guideline's goals in figures (section 2), what needs attention,
/// and whom to contact (section 5).
public enum OverviewScreen: Screen {
  public static func showList(_ state: inout AppState) { state.overview.admin.isOpen = false }

  public static func location(_ state: AppState) -> String {
    let o = state.overview
    return "\(o.admin.isOpen ? "\(o.admin.section)" : "")|\(o.list.filter)"
  }

  /// The findings the filter lets through, kept per filter and minute: a key, the
  /// frame and the status line each ask, and a region has some 2,000 findings.
  static func findings(_ state: AppState) -> [Finding] {
    let filter = state.overview.list.filter
    guard !filter.isEmpty else { return state.findings }
    let all = state.findings
    return state.derived("overview.findings", inputs: Both(filter, state.findingsVersion)) {
      all.filter { state.overview.list.matches(findingText($0, state)) }
    }
  }

  static func findingText(_ f: Finding, _ state: AppState) -> String {
    "\(f.section) \(f.subject) \(state.t(f.message))"
  }

  /// The screen a finding's section belongs to, where it is dealt with.
  static func screen(for section: String) -> ScreenID {
    switch section {
    case "4.1", "4.2": return .staff
    case "4.3": return .outages
    case "3", "6": return .orders
    default: return .catalogue
    }
  }

  /// Contacts along the bottom; above them the figures over the findings, which so
  /// take the whole width for their long texts; beside them only on a terminal wide
  /// enough for both when the findings are more than the rows below the figures.
  static func layout(_ state: AppState, _ area: Rect) -> (
    figures: Rect, contacts: Rect, findings: Rect
  ) {
    let (top, contacts) = area.splitBottom(3)
    let figuresHeight = 10
    if area.width >= 120, state.findings.count > top.height - figuresHeight - 1 {
      let (figures, findings) = top.splitLeft(62)
      return (
        figures, contacts,
        Rect(
          x: findings.x + 1, y: findings.y, width: findings.width - 1, height: findings.height - 1)
      )
    }
    let (figures, findings) = top.splitTop(figuresHeight)
    return (figures, contacts, findings)
  }

  static func page(_ state: AppState) -> Int {
    let area = Rect(x: 0, y: 2, width: state.width, height: state.height - 4)
    return max(1, layout(state, area).findings.height - 1)
  }

  public static func bindings(_ state: AppState) -> [Binding] {
    if state.overview.admin.isOpen { return AdminView.bindings(state) }
    // The findings' keys read the data only (whether there are requests to show).
    return Binding.kept("overview.bindings", state, inputs: 0) { findingsBindings(state) }
  }

  static func findingsBindings(_ state: AppState) -> [Binding] {
    ListKeys.bindings(
      \.overview.list, columns: { _ in 0 }, count: { findings($0).count }, page: page
    )
    .filter { !$0.keys.contains(.character("s")) && !$0.keys.contains(.character("S")) }
      + [
        Binding([.enter], label: OverviewTexts.keyGo, help: OverviewTexts.helpGo) { state in
          guard let finding = state.overview.list.pick(findings(state)) else { return [] }
          Navigation.jump(&state) { FindingJump.open(finding, &$0) }
          return []
        },
        AdminView.openBinding.doing(.settings),
        RequestsOverlay.openBinding(state),
      ]
  }

  public static func handleInput(_ key: Key, _ state: inout AppState) -> [Effect]? {
    if state.overview.admin.isOpen { return AdminView.handleInput(key, &state) }
    return ListKeys.filterInput(key, \.overview.list, &state)
  }

  public static func status(_ state: AppState) -> String {
    if state.overview.admin.isOpen { return AdminView.status(state) }
    if state.findingsPending { return state.t(OverviewTexts.lookingThrough) }
    let all = state.findings
    let shown = findings(state).count
    var parts = [state.t(OverviewTexts.attentionCount(shown, all.count))]
    if let filter = state.overview.list.filterShown {
      parts.append(state.t(Texts.filterShown(filter)))
    }
    return parts.joined(separator: " · ")
  }

  public static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    if state.overview.admin.isOpen { return AdminView.draw(state, into: &frame, area: area) }
    let parts = layout(state, area)
    // An empty store has no figures yet; it says what to set up first instead.
    if state.data.departments.isEmpty {
      drawGettingStarted(state, into: &frame, area: parts.figures)
    } else {
      drawFigures(state, into: &frame, area: parts.figures)
    }
    drawContacts(state, into: &frame, area: parts.contacts)
    let findings = drawRequests(state, into: &frame, area: parts.findings)
    drawFindings(state, into: &frame, area: findings)
  }

  /// The requests waiting for the e-coordinator's answer, first, oldest first, each
  /// with its age; returns the area left for the findings. Nothing when none wait.
  static func drawRequests(_ state: AppState, into frame: inout Frame, area: Rect) -> Rect {
    let open = state.data.openRequests
    guard !open.isEmpty, area.height > 6 else { return area }
    let shown = min(open.count, 3)
    let (top, rest) = area.splitTop(shown + 2)
    frame.put(
      " " + state.t(RequestTexts.waiting(open.count)), x: top.x, y: top.y,
      style: state.theme.style(.header), maxWidth: top.width)
    let names = state.data.displayNames()
    for (i, r) in open.prefix(shown).enumerated() {
      let days = Noun.day.count(state.data.daysWaiting(r, today: state.today))
      let line = [
        state.t(days), state.t(r.label), state.data.subject(of: r), names(r.sender),
      ].filter { !$0.isEmpty }.joined(separator: " · ")
      frame.put(
        line, x: top.x + 2, y: top.y + 1 + i, style: state.theme.style(.warning),
        maxWidth: top.width - 3)
    }
    return rest
  }

  static func drawFigures(_ state: AppState, into frame: inout Frame, area: Rect) {
    // Once per change of data, not per frame: the figures read every e-service and order.
    let g = state.derived("overview.goals", inputs: 0) { GoalFigures(state.data) }
    let theme = state.theme
    frame.put(
      " " + state.t(OverviewTexts.goalsTitle), x: area.x, y: area.y, style: theme.style(.header),
      maxWidth: area.width)
    let handling: String
    if let before = g.handlingDaysBefore, let after = g.handlingDaysAfter {
      handling =
        NumberText.decimal(before, state.language) + " → "
        + NumberText.decimal(after, state.language) + " " + state.t(OverviewTexts.days)
    } else {
      handling = "–"
    }
    var rows: [(LocalizedText, String, Theme.Role)] = [
      (
        OverviewTexts.published,
        state.t(OverviewTexts.externalInternal(g.publishedExternal, g.publishedInternal)), .normal
      ),
      (OverviewTexts.paperForms, "\(g.paperFormsReplaced)", .normal),
      (OverviewTexts.automated, "\(g.automated)", .normal),
      (OverviewTexts.digitalCases, "\(g.yearlyDigitalCases)", .normal),
      (OverviewTexts.handling, handling, .normal),
      (
        OverviewTexts.leadTime,
        g.medianOrderLeadDays.map { "\($0) " + state.t(OverviewTexts.days) } ?? "–", .normal
      ),
      (OverviewTexts.openOrders, "\(g.openOrders)", .normal),
      (
        OverviewTexts.offPlatform, g.offPlatform == 0 ? "0" : "\(g.offPlatform) !",
        g.offPlatform == 0 ? .ok : .warning
      ),
    ]
    // Once there are requests at all: how long they take, beside the goals.
    if !state.data.requests.isEmpty {
      rows.append((OverviewTexts.requestsDone, requestMedians(state), .normal))
    }
    let labelWidth = min(34, (rows.map { TextWidth.of(state.t($0.0)) }.max() ?? 0) + 2)
    for (i, row) in rows.enumerated() where i + 1 < area.height {
      let y = area.y + 1 + i
      frame.put(state.t(row.0), x: area.x + 2, y: y, maxWidth: labelWidth)
      // A value longer than its room (many departments' medians) ends with "…".
      let room = area.width - labelWidth - 3
      frame.put(
        TextWidth.shorten(row.1, to: room), x: area.x + 2 + labelWidth, y: y,
        style: theme.style(row.2 == .normal ? .accent : row.2), maxWidth: room)
    }
  }

  /// The median days from a request sent to done, per department, slowest first
  /// ("Samhällsbyggnadsförvaltningen 5, Vård och omsorg 1,5"; the unit is in the
  /// label, so a row cut short keeps it); a manager's
  /// data holds their own department's requests only.
  static func requestMedians(_ state: AppState) -> String {
    state.derived("overview.requestMedians", inputs: 0) {
      state.data.requestMediansText(state.language)
    }
  }

  static func drawGettingStarted(_ state: AppState, into frame: inout Frame, area: Rect) {
    frame.put(
      " " + state.t(AdminTexts.startTitle), x: area.x, y: area.y,
      style: state.theme.style(.header), maxWidth: area.width)
    for (i, line) in AdminTexts.startLines(state.keyNames).enumerated() where i + 1 < area.height {
      frame.put(
        state.t(line), x: area.x + 2, y: area.y + 1 + i,
        style: state.theme.style(i == 0 ? .accent : .normal),
        maxWidth: area.width - 3)
    }
  }

  static func drawContacts(_ state: AppState, into frame: inout Frame, area: Rect) {
    let c = state.data.contacts
    frame.put(
      " " + state.t(OverviewTexts.contactTitle), x: area.x, y: area.y,
      style: state.theme.style(.header), maxWidth: area.width)
    let cards = [
      (OverviewTexts.coordinator, c.eCoordinator),
      (OverviewTexts.systemAdministrator, c.systemAdministrator),
    ]
    for (i, (label, card)) in cards.enumerated() where i + 1 < area.height {
      let details = [card.name, card.phone, card.email].filter { !$0.isEmpty }.joined(
        separator: ", ")
      frame.put(
        "\(state.t(label)): \(details)", x: area.x + 2, y: area.y + 1 + i, maxWidth: area.width - 3)
    }
  }

  static func drawFindings(_ state: AppState, into frame: inout Frame, area: Rect) {
    let all = findings(state)
    let total = state.findings.count
    let table = Table<Finding>(
      columns: [
        Column(OverviewTexts.columnSeverity, width: 7, style: { role($0.severity) }) {
          state.t(marker($0.severity))
        },
        Column(OverviewTexts.columnSection, width: 4) { $0.section },
        Column(OverviewTexts.columnSubject, width: 18, priority: 1) { $0.subject },
        Column(OverviewTexts.columnMessage, width: 20, flexible: true) { state.t($0.message) },
      ],
      searchText: { findingText($0, state) })
    var list = state.overview.list
    list.sortColumn = -1
    let empty =
      state.findingsPending
      ? OverviewTexts.lookingThrough : total == 0 ? OverviewTexts.nothingNeedsAttention : nil
    table.draw(all, list: list, state: state, into: &frame, area: area, emptyText: empty)
  }

  static func role(_ s: Finding.Severity) -> Theme.Role {
    switch s {
    case .violation: return .danger
    case .warning: return .warning
    case .notice: return .muted
    }
  }

  static func marker(_ s: Finding.Severity) -> LocalizedText {
    switch s {
    case .violation: return OverviewTexts.violation
    case .warning: return OverviewTexts.warning
    case .notice: return OverviewTexts.notice
    }
  }
}

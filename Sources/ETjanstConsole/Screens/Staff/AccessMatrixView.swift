import ETjanstDomain

/// The access view: a department's staff × its e-services and document signing,
/// so a manager sees on one screen who can reach what. Flags what must not be:
/// access held by removed staff, leavers' access without a valid-to, access ending
/// under open cases, and e-services with no active case officer.
enum AccessMatrixView {
  static let nameWidth = 22
  static let statusWidth = 12
  static let signWidth = 4
  static let cellWidth = 3

  static func services(_ state: AppState) -> [EService] {
    state.data.servicesForAccessView(StaffScreen.department(state))
  }

  static func people(_ state: AppState) -> [StaffMember] {
    state.data.staff(in: StaffScreen.department(state))
  }

  /// How many e-service columns fit, and which are shown so the chosen one is. The
  /// table's scroll position ("12/40") and the chosen column's brackets ("[10]") take
  /// room of their own: counted here, so no column is drawn under them.
  static func window(_ state: AppState, width: Int) -> Range<Int> {
    let count = services(state).count
    let people = people(state).count  // the most rows a filter leaves
    let marker = TextWidth.of("\(people)/\(people)") + 2
    let brackets = max(0, "\(max(count, 1))".count + 2 - cellWidth)
    let fixed =
      1 + personWidth(state, room: width - 1 - marker - brackets - count * (cellWidth + 1)) + 1
      + marker + brackets
    let fit = max(1, (width - fixed) / (cellWidth + 1))
    let chosen = min(max(0, state.staffScreen.matrixColumn), max(0, count - 1))
    let start = min(max(0, chosen - fit + 1), max(0, count - fit))
    return start..<min(count, start + fit)
  }

  /// "●", "●!", "○" or "·": a cell that reads without colour.
  static func cell(_ p: StaffMember, _ service: EntityID<EService>, _ state: AppState) -> String {
    guard let grant = p.grant(for: service) else { return "·" }
    let mark = grant.isValid(on: state.today) ? "●" : "○"
    return state.data.accessFlag(p, service, on: state.today) == nil ? mark : mark + "!"
  }

  /// How wide the person's columns (name, status, signing) are, as `Table.fit` shares
  /// `room` by their content as every table does: whole while the room left beside every
  /// e-service's column holds them, else each at its declared width, and the e-services'
  /// columns take what is left.
  static func personWidth(_ state: AppState, room: Int) -> Int {
    let table = Table(columns: personColumns(state), searchText: { _ in "" })
    let content = state.derived(
      "access person columns",
      inputs: Both(StaffScreen.department(state), state.staffScreen.marked)
    ) { table.contentWidths(people(state)) }
    // The declared widths when the content is wider: the least the columns take.
    let least = table.fit(
      .max / 2, language: state.language,
      content: zip(content, table.columns).map { min($0, $1.width) })
    let floor = least.reduce(0) { $0 + $1.width } + least.count - 1
    let layout = table.fit(max(room, floor), language: state.language, content: content)
    return layout.reduce(0) { $0 + $1.width } + layout.count - 1
  }

  /// The columns about the person, before the e-services'.
  static func personColumns(_ state: AppState) -> [Column<StaffMember>] {
    let marked = state.staffScreen.marked
    let gutter = !marked.isEmpty
    return [
      // While anyone is marked every name has a gutter, "* " on the marked: seen
      // without colour, and the widths (which the table keeps by its headings) the same
      // whoever is marked. Sorted by the name alone.
      Column(
        gutter
          ? LocalizedText(sv: "  " + StaffTexts.name.sv, en: "  " + StaffTexts.name.en)
          : StaffTexts.name, width: nameWidth, sortKey: { .text($0.name) }
      ) {
        (gutter ? (marked.contains($0.id) ? "* " : "  ") : "") + $0.name
      },
      Column(
        StaffTexts.status, width: statusWidth,
        style: {
          $0.status == .removed || $0.isLeaving(on: state.today, state.data.settings)
            ? .warning : nil
        }
      ) {
        state.t(StaffTexts.status($0.status(on: state.today, state.data.settings)))
      },
      Column(
        StaffTexts.signing, width: signWidth,
        style: { $0.canSign && $0.status == .removed ? .danger : nil }
      ) {
        $0.canSign ? ($0.status == .removed ? "●!" : "●") : "·"
      },
    ]
  }

  static func table(_ state: AppState, width: Int) -> Table<StaffMember> {
    let all = services(state)
    let chosen = state.staffScreen.matrixColumn
    var columns = personColumns(state)
    let shown = window(state, width: width)
    for i in shown {
      let id = all[i].id
      let number = "\(i + 1)"
      columns.append(
        Column(
          LocalizedText(verbatim: i == chosen ? "[\(number)]" : number),
          width: i == chosen ? max(cellWidth, number.count + 2) : cellWidth,
          style: { p in
            cell(p, id, state).hasSuffix("!") ? .danger : (p.grant(for: id) == nil ? .muted : .ok)
          }
        ) {
          // As wide as `window` counts the column, so the table's fit keeps it so.
          TextWidth.pad(cell($0, id, state), to: cellWidth)
        })
    }
    // The e-services shown, the chosen one and the marked people change the cells.
    return Table(
      columns: columns,
      cellsRead: AnyHashable(Both(Both(shown, chosen), state.staffScreen.marked)),
      searchText: { "\($0.name) \($0.login)" })
  }

  static func rows(_ state: AppState) -> [StaffMember] {
    let list = state.staffScreen.matrix
    let department = StaffScreen.department(state)
    return state.derived(
      "access",
      inputs: Both(Both(list.order, department), state.width)
    ) { table(state, width: state.width).visibleRows(people(state), list) }
  }

  static func bindings(_ state: AppState) -> [Binding] {
    let count = services(state).count
    let columnKeys: [(Key, Int)] = [
      (.right, 1), (.character("l"), 1), (.left, -1), (.character("h"), -1),
    ]
    return [
      Binding([.enter], label: StaffTexts.keyOpen, help: StaffTexts.helpOpen) { state in
        guard let person = state.staffScreen.matrix.pick(rows(state)) else { return [] }
        StaffScreen.open(person, from: .access, &state)
        return []
      }
    ]
      + StaffScreen.departmentBinding(state) + [
        Binding(
          [.character(" ")], keysLabel: "␣", label: StaffTexts.keyCell, help: StaffTexts.helpCell,
          bar: false, edits: true, action: AccessMatrixCell.act),
        Binding(
          [.character("m")], label: StaffTexts.keyMark, help: StaffTexts.helpMark, edits: true,
          action: AccessMatrixColumn.mark),
        Binding(
          [.character("c")], label: StaffTexts.keyColumnAccess, help: StaffTexts.helpColumnAccess,
          edits: true, action: AccessMatrixColumn.act),
        Binding(
          [.character("a"), .character("q"), .escape], keysLabel: "a q", label: StaffTexts.keyBack,
          help: StaffTexts.helpAccess
        ) { state in
          state.staffScreen.mode = .list
          return []
        },
      ]
      + columnKeys.map { key, delta in
        Binding([key], keysLabel: "←→", label: StaffTexts.keyColumn, help: StaffTexts.helpColumn) {
          state in
          state.staffScreen.matrixColumn = min(
            max(0, state.staffScreen.matrixColumn + delta), max(0, count - 1))
          return []
        }.doing(.choose)
      }
      + ListKeys.bindings(
        \.staffScreen.matrix, columns: { _ in 3 }, count: { rows($0).count },
        page: { max(1, $0.height - 11) })
  }

  static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let theme = state.theme
    let all = services(state)
    let staff = people(state)
    let footer = footerLines(state, width: area.width - 2)
    let (head, rest) = area.splitTop(1)
    let (body, foot) = rest.splitBottom(min(footer.count, max(0, rest.height - 4)))
    let marked = AccessMatrixColumn.marked(state).count
    let markedText = marked > 0 ? " · " + state.t(StaffTexts.markedCount(marked)) : ""
    frame.put(
      " " + state.t(StaffTexts.accessHead(StaffScreen.departmentName(state), staff.count))
        + markedText,
      x: head.x, y: head.y, style: theme.style(.accent), maxWidth: head.width)
    table(state, width: area.width).draw(
      rows(state), list: state.staffScreen.matrix, state: state, into: &frame, area: body)
    if all.isEmpty {
      frame.put(
        state.t(StaffTexts.noServices), x: body.x + 1, y: body.maxY - 1, style: theme.style(.muted),
        maxWidth: body.width - 2)
    }
    for (i, line) in footer.prefix(foot.height).enumerated() {
      frame.put(
        line.text, x: foot.x + 1, y: foot.y + i, style: theme.style(line.role),
        maxWidth: foot.width - 2)
    }
  }

  /// Below the matrix: the chosen e-service and who holds it, the numbered
  /// e-services (with those nobody can handle), the flags, the legend.
  static func footerLines(_ state: AppState, width: Int) -> [(text: String, role: Theme.Role)] {
    let m = state.data
    let today = state.today
    let all = services(state)
    var out: [(String, Theme.Role)] = []
    if all.indices.contains(state.staffScreen.matrixColumn) {
      let s = all[state.staffScreen.matrixColumn]
      let holders = m.staff.filter { $0.grant(for: s.id) != nil }.sortedSwedish { $0.name }.map {
        p in
        let g = p.grant(for: s.id)!
        return p.name + (g.validTo.map { " (–\($0))" } ?? "")
          + (m.accessFlag(p, s.id, on: today) != nil ? " !" : "")
      }
      let names = holders.isEmpty ? state.t(StaffTexts.nobody) : holders.joined(separator: ", ")
      let flag = m.lacksActiveOfficer(s, on: today) ? "  " + state.t(StaffTexts.noOfficer) : ""
      let text =
        "[\(state.staffScreen.matrixColumn + 1)] " + state.t(StaffTexts.holders(s.name, names))
        + flag
      for line in TextWidth.wrap(text, to: width).prefix(2) {
        out.append((line, flag.isEmpty ? .normal : .danger))
      }
    }
    // The e-services of the columns on screen, by their numbers, in three lines at
    // most: names shortened evenly (each keeps its number and start) when all do not fit.
    let shown = window(state, width: width + 2)
    let label = state.t(StaffTexts.servicesLabel) + ": "
    func legend(_ nameWidth: Int?) -> [String] {
      let items = shown.map { i in
        let s = all[i]
        let name = nameWidth.map { TextWidth.truncate(s.name, to: $0) } ?? s.name
        return "\(i + 1) \(name)" + (m.lacksActiveOfficer(s, on: today) ? " !" : "")
      }
      return TextWidth.wrap(label + items.joined(separator: " · "), to: width)
    }
    if !shown.isEmpty {
      var lines = legend(nil)
      if lines.count > 3 {
        // Each item's share of three lines, less its number, separator and flag.
        let share = (3 * width - TextWidth.of(label)) / shown.count - 8
        lines = legend(max(6, share))
      }
      for line in lines.prefix(3) { out.append((line, .muted)) }
    }
    for flag in flags(state) {
      for line in TextWidth.wrap(flag, to: width).prefix(2) { out.append((line, .danger)) }
    }
    out.append((state.t(StaffTexts.legend(column: state.keyNames[.choose])), .muted))
    return out
  }

  /// One line per person with flagged access, in the department shown.
  static func flags(_ state: AppState) -> [String] {
    let m = state.data
    return people(state).compactMap { p in
      let flagged = p.grants.compactMap { g in
        m.accessFlag(p, g.service, on: state.today).map { (m.service(g.service)?.name ?? "?", $0) }
      }
      guard !flagged.isEmpty else { return nil }
      return "! \(p.name): "
        + flagged.map { "\($0.0) \(state.t(StaffTexts.flag($0.1)).dropFirst(2))" }.joined(
          separator: "; ")
    }
  }

  static func status(_ state: AppState) -> String {
    var table = table(state, width: state.width)
    table.columns[0].title = StaffTexts.name  // "sorted by Name", without the marks' gutter
    return ListKeys.status(
      table, shown: rows(state).count, total: people(state).count,
      list: state.staffScreen.matrix, state: state)
  }
}

import ETjanstDomain
import Foundation

/// One person on the Personal screen: details, the checklist that matters now
/// (offboarding for a leaver, onboarding otherwise), access and cases. Lines that
/// can be acted on (a step, an access, a case) are selectable with ↑↓.
enum StaffPersonView {
  /// What a selectable line stands for.
  enum Item: Equatable {
    case step(ChecklistStep)
    case grant(EntityID<EService>)
    case workCase(EntityID<Case>)
  }

  struct Line {
    var text: String
    var role: Theme.Role = .normal
    var item: Item?
    var indent = 1
  }

  static func person(_ state: AppState) -> StaffMember? {
    state.staffScreen.person.flatMap { state.data.staffMember($0) }
  }

  static func lines(_ p: StaffMember, _ state: AppState) -> [Line] {
    let m = state.data
    let today = state.today
    var out: [Line] = []
    out.append(
      Line(
        text:
          "\(p.name) (\(p.login)) · \(m.departmentName(p.department)) · \(state.t(StaffTexts.manager)): \(p.manager.isEmpty ? "–" : m.displayName(login: p.manager))",
        role: .header))
    out.append(
      Line(
        text:
          "\(state.t(StaffTexts.status)): \(state.t(StaffTexts.status(p.status(on: today, state.data.settings)))) · \(p.startDate)\(p.endDate.map { " – \($0)" } ?? "") · \(state.t(StaffTexts.signingLine(p.canSign)))"
      ))
    if let reason = p.removalOverride {
      out.append(Line(text: state.t(StaffTexts.overrideLine(reason)), role: .danger))
    }
    var lists: [(LocalizedText, Checklist)] = []
    let off = p.offboardingChecklist(on: today, state.data.settings)
    if let off { lists.append((StaffTexts.offboardingTitle, off)) }
    if let on = p.onboarding { lists.append((StaffTexts.onboardingTitle, on)) }
    for (title, list) in lists {
      out.append(Line(text: ""))
      // A finished onboarding folds to one line once the person is leaving.
      if list.isComplete && off != nil && title == StaffTexts.onboardingTitle {
        out.append(Line(text: "✓ " + state.t(StaffTexts.checklistDone(title, list)), role: .muted))
        continue
      }
      let overdue = list.isOverdue(on: today)
      out.append(
        Line(
          text: state.t(StaffTexts.checklistHead(title, list))
            + (overdue ? " · \(state.t(StaffTexts.overdue)) !" : ""),
          role: overdue ? .danger : .accent))
      for item in list.items {
        var text = (item.isDone ? "[x] " : "[ ] ") + state.t(StaffTexts.step(item.step))
        if !item.note.isEmpty { text += " (\(item.note))" }
        out.append(
          Line(text: text, role: item.isDone ? .ok : .normal, item: .step(item.step), indent: 2))
        // Who ticked it and when, with the offset, under the step: beside it, a long
        // step and a name left no room for the time at 80 columns.
        if item.isDone, let at = item.doneAt {
          let who = item.doneBy.map { m.displayName(login: $0) } ?? "?"
          out.append(Line(text: "\(who) \(Format.dateTime(at))", role: .muted, indent: 6))
        }
      }
    }
    out.append(Line(text: ""))
    out.append(Line(text: state.t(StaffTexts.accessTitle), role: .accent))
    if p.grants.isEmpty {
      out.append(Line(text: state.t(StaffTexts.noAccess), role: .muted, indent: 2))
    }
    // The name column takes what the dates and flags beside it leave (indent 2, a
    // margin, two spaces), measured, so a name is whole where its row has the room.
    let grants = p.grants.sortedSwedish(by: { m.service($0.service)?.name ?? "" }).map { g in
      let flag = m.accessFlag(p, g.service, on: today)
      var tail = "  \(g.validFrom)–\(g.validTo?.description ?? state.t(StaffTexts.untilFurther))"
      if let flag { tail += "  " + state.t(StaffTexts.flag(flag)) }
      return (grant: g, name: m.service(g.service)?.name ?? "?", tail: tail, flag: flag)
    }
    let grantWidth = nameColumn(
      grants.map(\.name), least: 20,
      room: state.width - 3 - (grants.map { TextWidth.of($0.tail) }.max() ?? 0))
    for (g, name, tail, flag) in grants {
      let text = TextWidth.pad(TextWidth.truncate(name, to: grantWidth), to: grantWidth) + tail
      out.append(
        Line(
          text: text, role: flag != nil ? .danger : (g.isValid(on: today) ? .normal : .muted),
          item: .grant(g.service), indent: 2))
    }
    let cases = m.cases(of: p.id)
    out.append(Line(text: ""))
    out.append(
      Line(text: state.t(StaffTexts.casesTitle(m.openCases(of: p.id).count)), role: .accent))
    if cases.isEmpty {
      out.append(Line(text: state.t(StaffTexts.noCases), role: .muted, indent: 2))
    }
    // The number and, after the name, the status and who it came from: measured, and
    // the name column takes what they leave (indent 2, a margin, the spaces between).
    let rows = cases.map { c in
      var tail = state.t(StaffTexts.caseStatus(c.status))
      if c.officer != p.id, let to = m.staffMember(c.officer) {
        tail += " → \(to.name)"
      } else if let from = c.transferredFrom, let who = m.staffMember(from) {
        tail += " (\(state.t(StaffTexts.transferredFrom(who.name))))"
      }
      return (case: c, name: m.service(c.service)?.name ?? "?", tail: tail)
    }
    let caseWidth = nameColumn(
      rows.map(\.name), least: 22,
      room: state.width - 3 - 15 - 2 - (rows.map { TextWidth.of($0.tail) }.max() ?? 0))
    for (c, name, tail) in rows {
      let mine = c.officer == p.id
      let text =
        TextWidth.pad(TextWidth.truncate(c.number, to: 14), to: 14) + " "
        + TextWidth.pad(TextWidth.truncate(name, to: caseWidth), to: caseWidth) + "  " + tail
      let open = mine && c.isOpen
      out.append(
        Line(
          text: text,
          role: open
            ? (p.isLeaving(on: state.today, state.data.settings) || p.status == .removed
              ? .warning : .normal) : .muted,
          item: .workCase(c.id), indent: 2))
    }
    return out
  }

  /// An e-service name column: as wide as the longest name, at least `least` and at most
  /// the `room` a wider screen leaves, so names are whole where the screen has the room.
  static func nameColumn(_ names: [String], least: Int, room: Int) -> Int {
    min(max(least, room), max(least, names.map { TextWidth.of($0) }.max() ?? 0))
  }

  static func items(_ state: AppState) -> [Item] {
    guard let p = person(state) else { return [] }
    return lines(p, state).compactMap(\.item)
  }

  static func selectedItem(_ state: AppState) -> Item? {
    let all = items(state)
    let i = min(max(0, state.staffScreen.personSelected), max(0, all.count - 1))
    return all.indices.contains(i) ? all[i] : nil
  }

  static func selectedCase(_ state: AppState) -> Case? {
    if case .workCase(let id) = selectedItem(state) { return state.data.cases[id: id] }
    return nil
  }

  // MARK: - Keys

  static func bindings(_ state: AppState) -> [Binding] {
    let move: [(Key, Int)] = [
      (.down, 1), (.character("j"), 1), (.up, -1), (.character("k"), -1), (.pageDown, 10),
      (.pageUp, -10), (.character("g"), -1000), (.character("G"), 1000), (.home, -1000),
      (.end, 1000),
    ]
    return [
      Binding([.enter], label: StaffTexts.keyTick, help: StaffTexts.helpTick, edits: true) {
        state in
        guard let p = person(state), case .step(let step) = selectedItem(state) else {
          state.show(StaffTexts.selectStep)
          return []
        }
        return [.perform(TickChecklistStep(person: p.id, step: step))]
      },
      Binding(
        [.character("c")], label: StaffTexts.keyClose, help: StaffTexts.helpClose, edits: true
      ) { state in
        guard let c = selectedCase(state) else {
          state.show(StaffTexts.selectCase)
          return []
        }
        return [.perform(CloseCase(c.id))]
      },
      Binding(
        [.character("t")], label: StaffTexts.keyTransfer, help: StaffTexts.helpTransfer, edits: true
      ) { state in
        StaffForms.transfer(&state)
      },
      Binding(
        [.character("T")], label: StaffTexts.keyTransferAll, help: StaffTexts.helpTransferAll,
        edits: true
      ) { state in
        StaffForms.transferAll(&state)
      },
      Binding(
        [.character("x")], label: StaffTexts.keyRemove, help: StaffTexts.helpRemove, edits: true
      ) { state in
        guard let p = person(state) else { return [] }
        // With cases open the rule refuses at once, listing them; no need to ask first.
        if !state.data.openCases(of: p.id).isEmpty {
          return [.perform(RemoveFromPlatform(person: p.id))]
        }
        state.overlays.append(
          ConfirmOverlay(
            title: StaffTexts.removeTitle(p.name), question: StaffTexts.removeQuestion(p.name),
            confirmLabel: StaffTexts.removeConfirm,
            effects: [.perform(RemoveFromPlatform(person: p.id))]))
        return []
      }.remedying(.removeFromPlatform),
      Binding(
        [.character("r")], label: StaffTexts.keyRemoveReason, help: StaffTexts.helpRemoveReason,
        bar: false, edits: true
      ) { state in
        StaffForms.removeWithReason(&state)
      },
      Binding(
        [.character("e")], label: StaffTexts.keyEdit, help: StaffTexts.helpEdit, bar: false,
        edits: true
      ) { state in
        StaffForms.edit(&state)
      },
      Binding(
        [.character("a")], label: StaffTexts.keyGrant, help: StaffTexts.helpGrant, bar: false,
        edits: true
      ) { state in
        StaffForms.grant(&state)
      }.remedying(.grantAccess),
      Binding(
        [.character("d")], label: StaffTexts.keyRevoke, help: StaffTexts.helpRevoke, bar: false,
        edits: true
      ) { state in
        guard let p = person(state), case .grant(let service) = selectedItem(state) else {
          state.show(StaffTexts.selectGrant)
          return []
        }
        let name = state.data.service(service)?.name ?? "?"
        state.overlays.append(
          ConfirmOverlay(
            title: StaffTexts.revokeTitle, question: StaffTexts.revokeQuestion(name, p.name),
            confirmLabel: StaffTexts.removeConfirm,
            effects: [.perform(RevokeAccess(person: p.id, service: service))]))
        return []
      },
      Binding(
        [.character("n")], label: StaffTexts.keyNewCase, help: StaffTexts.helpNewCase, bar: false,
        edits: true
      ) { state in
        StaffForms.newCase(&state)
      },
    ]
      + RequestForms.binding(
        state, "b", label: RequestTexts.keyRequestLeaver, help: RequestTexts.helpLeaver
      ) { state in
        guard let p = person(state) else { return [] }
        return RequestForms.leaver(p, &state)
      }
      + RequestForms.binding(
        state, "B", label: RequestTexts.keyRequestAccess, help: RequestTexts.helpAccess
      ) { state in
        guard let p = person(state) else { return [] }
        return RequestForms.access(p, &state)
      }
      + TrailOverlay.historyBinding(state) { state in
        person(state).map { ($0.name, $0.id.rawValue) }
      }
      + [
        Binding(
          [.character("q"), .escape], keysLabel: "q Esc", label: StaffTexts.keyBack,
          help: StaffTexts.helpBack
        ) { state in
          state.staffScreen.mode = state.staffScreen.returnMode
          return []
        }
      ]
      + move.map { key, delta in
        Binding([key], keysLabel: "↑↓", label: Texts.keyMove, help: Texts.helpMove, bar: false) {
          state in
          let count = items(state).count
          state.staffScreen.personSelected = min(
            max(0, state.staffScreen.personSelected + delta), max(0, count - 1))
          return []
        }
      }
  }

  // MARK: - Drawing

  static func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    guard let p = person(state) else {
      frame.put(
        " "
          + state.t(
            RuleViolation.notFound(LocalizedText(sv: "Medarbetaren", en: "The staff member"))
              .message), x: area.x, y: area.y, style: state.theme.style(.muted),
        maxWidth: area.width)
      return
    }
    let all = lines(p, state)
    let selectable = all.indices.filter { all[$0].item != nil }
    let chosen =
      selectable.isEmpty
      ? nil : selectable[min(max(0, state.staffScreen.personSelected), selectable.count - 1)]
    // A line longer than the screen wraps under itself (who ticked a step and when,
    // the nearest manager's name), its further rows indented; none is cut.
    var rows: [(line: Int, text: String, x: Int)] = []
    for (i, line) in all.enumerated() {
      let first = TextWidth.wrap(line.text, to: max(10, area.width - line.indent - 1)).first ?? ""
      rows.append((i, first, area.x + line.indent))
      let rest = String(line.text.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
      guard !rest.isEmpty else { continue }
      let indent = min(line.indent + 4, area.width / 2)
      for part in TextWidth.wrap(rest, to: max(10, area.width - indent - 1)) {
        rows.append((i, part, area.x + indent))
      }
    }
    // Keep the first two lines (who, status) in view; scroll the rest.
    let fixed = rows.filter { $0.line < 2 }.count
    let room = max(1, area.height - fixed)
    let rest = Array(rows.indices.dropFirst(fixed))
    let chosenRows = rest.filter { rows[$0].line == chosen }
    let position = chosenRows.last.flatMap { rest.firstIndex(of: $0) } ?? 0
    let first = min(max(0, position - room + 2), max(0, rest.count - room))
    let shown = Array(rows.indices.prefix(fixed)) + rest.dropFirst(first).prefix(room)
    for (y, r) in zip(area.y..<area.maxY, shown) {
      let row = rows[r]
      let line = all[row.line]
      if row.line == chosen {
        frame.clear(
          Rect(x: area.x, y: y, width: area.width, height: 1), style: state.theme.style(.selection))
        if row.x == area.x + line.indent {
          frame.put("›", x: area.x, y: y, style: state.theme.style(.selection))
        }
      }
      let role: Theme.Role = row.line == chosen ? .selection : line.role
      frame.put(
        row.text, x: row.x, y: y, style: state.theme.style(role),
        maxWidth: area.maxX - row.x - 1)
    }
  }

  static func status(_ state: AppState) -> String {
    guard let p = person(state) else { return "" }
    return "\(p.name) · \(state.t(StaffTexts.casesTitle(state.data.openCases(of: p.id).count)))"
  }
}

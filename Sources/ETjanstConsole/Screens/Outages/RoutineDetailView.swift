import ETjanstDomain

/// One department's fallback routine on a page of its own: where it is kept, who
/// is responsible, when it was reviewed and tested, the flags, then the steps.
enum RoutineDetailView {
  typealias X = OutagesTexts

  /// The page's lines for `width` columns, with the role each is drawn in.
  static func lines(_ d: Department, _ state: AppState, width: Int) -> [(
    text: String, role: Theme.Role
  )] {
    guard let r = d.fallbackRoutine else {
      let text = X.noRoutine(write: state.keyNames[.edit])
      return TextWidth.wrap(state.t(text), to: max(10, width)).map { ($0, .danger) }
    }
    let labelWidth =
      ([X.keptAt, X.responsible, X.lastReviewed, X.lastTested].map { TextWidth.of(state.t($0)) }
        .max() ?? 10) + 2
    func fact(_ label: LocalizedText, _ value: String) -> (String, Theme.Role) {
      (TextWidth.pad(state.t(label), to: labelWidth) + value, .normal)
    }
    var reviewed = Format.day(r.lastReviewed)
    if let due = r.reviewDue {
      reviewed += " (" + state.t(X.nextReview(due, months: r.reviewIntervalMonths)) + ")"
    }
    var out: [(String, Theme.Role)] = [
      fact(X.keptAt, r.location),
      fact(X.responsible, r.responsible),
      fact(X.lastReviewed, r.lastReviewed == nil ? state.t(X.never) : reviewed),
      fact(X.lastTested, r.lastTested.map(\.description) ?? state.t(X.never)),
    ]
    let flags = d.routineFlags(on: state.today)
    if !flags.isEmpty {
      out.append(
        (OutageTables.flagText(flags, state.language), OutageTables.flagRole(flags) ?? .warning))
    }
    out.append(("", .normal))
    out.append((state.t(X.steps), .header))
    for step in r.steps.split(separator: "\n", omittingEmptySubsequences: false) {
      out += TextWidth.wrap(String(step), to: max(10, width)).map { ($0, .normal) }
    }
    return out
  }

  static func draw(_ d: Department, _ state: AppState, into frame: inout Frame, area: Rect) {
    let inner = Box.draw(
      state.t(X.routineTitle(d.name)), in: area, frame: &frame, theme: state.theme)
    let all = lines(d, state, width: inner.width)
    let first = min(state.outagesScreen.detailScroll, max(0, all.count - inner.height))
    for (i, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
      frame.put(
        line.text, x: inner.x, y: inner.y + i, style: state.theme.style(line.role),
        maxWidth: inner.width)
    }
    if all.count > inner.height {
      let marker = " \(first + 1)–\(min(all.count, first + inner.height))/\(all.count) "
      frame.put(
        marker, x: area.maxX - TextWidth.of(marker) - 2, y: area.maxY - 1,
        style: state.theme.style(.muted))
    }
  }

  static func bindings(_ state: AppState, _ id: EntityID<Department>) -> [Binding] {
    let scroll: [(Key, Int)] = [
      (.down, 1), (.character("j"), 1), (.up, -1), (.character("k"), -1), (.pageDown, 10),
      (.pageUp, -10),
    ]
    return [
      Binding([.character("e")], label: X.keyEdit, help: X.helpEdit, edits: true) { s in
        guard let d = s.data.department(id) else { return [] }
        s.overlays.append(OutageForms.routine(d, s))
        return []
      }.doing(.edit),
      Binding([.character("E")], label: X.keyEditSteps, help: X.helpEditSteps, edits: true) { s in
        guard let d = s.data.department(id) else { return [] }
        guard let routine = d.fallbackRoutine else {
          s.overlays.append(OutageForms.routine(d, s))
          return []
        }
        let request = EditRequest(text: routine.steps, title: X.stepsEditorTitle) { text in
          var changed = routine
          changed.steps = text
          return SaveFallbackRoutine(department: id, routine: changed)
        }
        return EditRequest.open(request, &s)
      },
      Binding([.character("v")], label: X.keyReviewed, help: X.helpReviewed, edits: true) { s in
        guard var routine = s.data.department(id)?.fallbackRoutine else {
          s.show(X.noRoutineYet, .error)
          return []
        }
        routine.lastReviewed = s.today
        return [.perform(SaveFallbackRoutine(department: id, routine: routine))]
      },
      Binding([.character("q"), .escape], label: X.keyBack, help: X.keyBack) { s in
        s.outagesScreen.chosen = s.outagesScreen.back == .active ? nil : s.outagesScreen.back
        return []
      },
    ]
      + scroll.map { key, delta in
        Binding([key], keysLabel: "↑↓", label: X.keyScroll, bar: false) { s in
          // The page's box takes the screen's body less its border (see RootView).
          let count = s.data.department(id).map { lines($0, s, width: s.width - 4).count } ?? 0
          let last = max(0, count - (s.height - 6))
          s.outagesScreen.detailScroll = min(last, max(0, s.outagesScreen.detailScroll + delta))
          return []
        }
      }
  }
}

import ETjanstDomain
import Foundation

/// The outage under way, filling the screen: the clock beside the call to
/// Norrbottens e-nämnd with the number to call, the affected departments with
/// their routines, and how to resolve it. Late shows as words, not only colour.
enum ActiveOutageView {
  typealias X = OutagesTexts

  static func draw(_ outage: Outage, _ state: AppState, into frame: inout Frame, area: Rect) {
    let theme = state.theme
    let m = state.data
    let contactState = m.contactState(outage, at: state.now)
    let keys = state.keyNames
    let title = state.t(X.activeTitle(drill: outage.isDrill))
    let inner = Box.draw(title, in: area, frame: &frame, theme: theme)
    // The title in the danger role, so it stands out on a colour terminal too.
    frame.put(
      " \(title) ", x: area.x + 2, y: area.y,
      style: theme.style(outage.isDrill ? .warning : .danger))
    var y = inner.y
    func line(_ text: String, _ role: Theme.Role = .normal, x: Int? = nil) {
      let left = x ?? inner.x
      frame.put(text, x: left, y: y, style: theme.style(role), maxWidth: inner.maxX - left)
      y += 1
    }

    let start = X.clock(outage.start, today: state.today)
    let scope = state.t(X.scopeText(outage.scope, m))
    line(state.t(X.declared(start, by: outage.declaredBy)) + " · " + scope)
    line(state.t(X.observed(outage.observed.isEmpty ? "–" : outage.observed)), .muted)

    // Step 1: the call, with the clock beside it.
    let clock = Format.duration(outage.timeToContact ?? outage.elapsed(at: state.now))
    let clockWidth = TextWidth.of(clock) + 2
    frame.put(
      state.t(X.stepContact), x: inner.x, y: y, style: theme.style(.header),
      maxWidth: inner.width - clockWidth - 1)
    frame.put(
      " \(clock) ", x: inner.maxX - clockWidth, y: y,
      style: theme.style(contactState.isLate ? .danger : .accent).with([.reverse]))
    y += 1
    let admin = m.contacts.systemAdministrator
    line(
      [admin.name, admin.organisation].filter { !$0.isEmpty }.joined(separator: ", "),
      x: inner.x + 3)
    if admin.phone.isEmpty {
      line(state.t(X.noPhone), .warning, x: inner.x + 3)
    } else {
      var x = inner.x + 3
      x += frame.put(" \(state.t(X.phone)) \(admin.phone) ", x: x, y: y, style: theme.style(.flash))
      if !admin.email.isEmpty {
        frame.put("  " + admin.email, x: x, y: y, maxWidth: inner.maxX - x)
      }
      y += 1
    }
    let limit = m.outageContactLimitMinutes
    switch contactState {
    case .waiting(_, let remaining):
      let text = X.waiting(Format.duration(remaining), limit: limit, key: keys[.recordContact])
      line(state.t(text), .warning, x: inner.x + 3)
    case .late(let elapsed, _):
      let text = X.late(X.minutes(elapsed), limit: limit, key: keys[.recordContact])
      line(state.t(text), .danger, x: inner.x + 3)
    case .contacted(let after, let late):
      if let c = outage.contact {
        let text = X.contacted(
          c, at: X.clock(c.at, today: state.today), after: X.minutes(after), late: late)
        line(state.t(text), late ? .danger : .ok, x: inner.x + 3)
      }
    }
    y += 1

    // Step 2: the departments, each with its routine.
    let affected = m.affectedDepartments(outage)
    let told = affected.filter { outage.notice(for: $0.id) != nil }.count
    line(
      state.t(X.stepTell(told, affected.count, mark: keys[.markTold], open: keys[.open])), .header)
    let tableArea = Rect(
      x: inner.x - 1, y: y, width: inner.width + 1, height: max(2, inner.maxY - y - 1))
    OutageTables.told(state, outage).draw(
      OutageTables.toldRows(state, outage), list: state.outagesScreen.told, state: state,
      into: &frame,
      area: tableArea, emptyText: X.noDepartments)

    // Step 3: resolving, on the last row of the box.
    y = inner.maxY - 1
    line(state.t(X.stepResolve(keys[.resolveOutage])), .muted)
  }
}

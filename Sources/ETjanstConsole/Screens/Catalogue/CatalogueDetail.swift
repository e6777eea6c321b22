import ETjanstDomain

/// The detail view of one e-service: everything the catalogue keeps about it, its
/// flags explained in words, its reports and its status history. Built as lines so
/// it scrolls, and drawn from state only.
enum CatalogueDetail {
  typealias Line = (label: String, text: String, role: Theme.Role)
  /// The label column: as wide as the longest label in the language shown
  /// ("Personuppgiftsansvarig", "Personal-data controller"), at most 32.
  static func labelWidth(_ s: EService, _ state: AppState) -> Int {
    let labels = lines(s, state, width: 200, labelWidth: 24).filter { $0.role != .header }
    return min(32, (labels.map { TextWidth.of($0.label) }.max() ?? 22) + 2)
  }

  static func lines(_ s: EService, _ state: AppState, width: Int, labelWidth: Int) -> [Line] {
    let m = state.data
    let t = state.t
    var out: [Line] = []
    func row(_ label: T, _ text: String, _ role: Theme.Role = .normal) {
      let wrapped = TextWidth.wrap(
        text.isEmpty ? t(CatalogueTexts.notSet) : text, to: max(10, width - labelWidth))
      // A label longer than its column wraps beside the text rather than being cut.
      let labels = TextWidth.wrap(t(label), to: labelWidth - 1)
      for i in 0..<max(wrapped.count, labels.count) {
        out.append((i < labels.count ? labels[i] : "", i < wrapped.count ? wrapped[i] : "", role))
      }
    }
    func heading(_ text: String) {
      out.append(("", "", .normal))
      out.append((text, "", .header))
    }
    func yesNo(_ b: Bool) -> String { t(b ? Texts.yes : Texts.no) }
    func number(_ n: Int?) -> String { n.map(String.init) ?? t(CatalogueTexts.notSet) }

    out.append((s.name, "", .header))
    row(CatalogueTexts.department, m.departmentName(s.department))
    row(CatalogueTexts.audience, t(s.audience.label))
    row(CatalogueTexts.category, s.category)
    let since = s.statusSince.map(Format.dateTime) ?? ""
    row(
      CatalogueTexts.status,
      since.isEmpty ? t(s.status.label) : t(CatalogueTexts.since(t(s.status.label), since)),
      CatalogueTable.statusRole(s) ?? .normal)
    row(CatalogueTexts.platform, s.platform, s.isOnOpenEPlatform ? .normal : .warning)
    row(CatalogueTexts.flowFamily, s.flowFamilyID)
    row(CatalogueTexts.address, s.address)
    let flags = m.flags(of: s, today: state.today)
    if flags.isEmpty {
      row(CatalogueTexts.flags, t(CatalogueTexts.noFlags), .ok)
    }
    for (i, flag) in flags.enumerated() {
      row(
        i == 0 ? CatalogueTexts.flags : T(verbatim: ""),
        "\(t(flag.marker)) \(t(m.explain(flag, of: s)))", .warning)
    }

    heading(t(CatalogueTexts.roles))
    for role in ServiceRole.allCases {
      guard let person = s.roles[keyPath: role.keyPath] else {
        row(role.label, "")
        continue
      }
      let inactive = m.isInactive(person)
      row(
        role.label, m.personName(person) + (inactive ? " " + t(CatalogueTexts.inactive) : ""),
        inactive ? .warning : .normal)
    }

    heading(t(CatalogueTexts.service))
    row(CatalogueTexts.eLegitimation, yesNo(s.needsELegitimation))
    row(CatalogueTexts.signing, yesNo(s.needsSigning))
    row(CatalogueTexts.automated, yesNo(s.automated))
    row(CatalogueTexts.paperForms, s.paperFormsReplaced.joined(separator: "; "))
    row(CatalogueTexts.caseVolume, number(s.yearlyCaseVolume))
    row(
      CatalogueTexts.handlingTime,
      s.handlingDaysBefore == nil && s.handlingDaysAfter == nil
        ? "" : t(CatalogueTexts.handling(number(s.handlingDaysBefore), number(s.handlingDaysAfter)))
    )
    for (i, paragraph) in s.legalNote.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      row(i == 0 ? CatalogueTexts.legalNote : T(verbatim: ""), String(paragraph))
    }
    let overdue = s.isReviewOverdue(today: state.today)
    row(
      CatalogueTexts.lastReviewed,
      Format.day(s.lastReviewed) + ", "
        + t(CatalogueTexts.review(s.reviewIntervalMonths, due: Format.day(s.reviewDue))),
      overdue ? .warning : .normal)

    heading(t(CatalogueTexts.reports(open: s.openReports.count, total: s.reports.count)))
    if s.reports.isEmpty { out.append((t(CatalogueTexts.noReports), "", .muted)) }
    for r in s.reports.sorted(by: {
      ($0.isOpen ? 0 : 1, $1.reportedOn) < ($1.isOpen ? 0 : 1, $0.reportedOn)
    }) {
      let mark = t(r.isOpen ? CatalogueTexts.open : CatalogueTexts.resolved)
      row(
        T(verbatim: "\(mark) \(r.reportedOn)"),
        "\(t(r.kind.label)) \(t(CatalogueTexts.reportedBy(r.reportedBy))): \(r.text)",
        r.isOpen ? .warning : .normal)
      if let day = r.resolvedOn { row(T(verbatim: ""), "→ \(day): \(r.resolution)", .muted) }
    }

    heading(t(CatalogueTexts.statusHistory))
    for change in s.statusHistory.reversed() {
      let who = m.displayName(login: change.by)
      row(
        T(verbatim: Format.dateTime(change.at)),
        "\(t(change.status.label)) \(t(CatalogueTexts.byWhom(who)))"
          + (change.source.map { " · " + t(CatalogueTexts.source($0)) } ?? ""))
    }
    return out
  }

  /// The line of the reports' heading, where a jump to a report scrolls to.
  static func reportsLine(_ s: EService, _ state: AppState) -> Int {
    let all = lines(s, state, width: state.width - 2, labelWidth: labelWidth(s, state))
    let heading = state.t(
      CatalogueTexts.reports(open: s.openReports.count, total: s.reports.count))
    return all.firstIndex { $0.role == .header && $0.label == heading } ?? 0
  }

  static func draw(_ s: EService, _ state: AppState, into frame: inout Frame, area: Rect) {
    let labelWidth = labelWidth(s, state)
    let all = lines(s, state, width: area.width - 2, labelWidth: labelWidth)
    let top = min(state.catalogue.detailScroll, max(0, all.count - area.height))
    for (i, line) in all.dropFirst(top).prefix(area.height).enumerated() {
      let y = area.y + i
      if line.role == .header {
        frame.put(
          line.label, x: area.x + 1, y: y, style: state.theme.style(.header),
          maxWidth: area.width - 2)
        continue
      }
      frame.put(
        line.label, x: area.x + 1, y: y, style: state.theme.style(.accent), maxWidth: labelWidth - 1
      )
      frame.put(
        line.text, x: area.x + 1 + labelWidth, y: y, style: state.theme.style(line.role),
        maxWidth: area.width - labelWidth - 2)
    }
    if all.count > area.height {
      let marker = "\(top + 1)–\(min(all.count, top + area.height))/\(all.count)"
      frame.put(
        marker, x: area.maxX - TextWidth.of(marker) - 1, y: area.y, style: state.theme.style(.muted)
      )
    }
  }
}

import ETjanstDomain
import Foundation

/// The audit trail as a screen over the others (`:logg`, and `h` on a person or an
/// e-service for its own history): newest first, filtered as you type, read page by
/// page in the background so a trail of a million entries opens as fast as one of a
/// thousand. Enter shows one entry whole, every field with its old and new value.
public struct TrailOverlay: Overlay {
  public var title: LocalizedText
  /// The trail's part this screen shows: a person's or an e-service's history, and
  /// what the reader's role may see.
  var base: AuditQuery
  var list = ListState()
  var entries: [AuditEntry] = []
  var next: AuditCursor?
  /// The read this screen waits for; a page for any other read is stale.
  var waiting: TrailRead?
  var failure: String?
  var kind: String?

  static let pageSize = 200

  init(title: LocalizedText, base: AuditQuery) {
    self.title = title
    self.base = base
  }

  /// Opens the trail over the current screen and asks for its first page.
  public static func open(
    _ title: LocalizedText, entities: Set<String> = [], _ state: inout AppState
  ) -> [Effect] {
    guard state.visibility.seesAuditTrail else {
      state.show(Visibility.auditTrailClosed, .error)
      return []
    }
    var overlay = TrailOverlay(
      title: title, base: AuditQuery(entities: entities, viewer: state.visibility))
    let effects = overlay.reload()
    state.overlays.append(overlay)
    return effects
  }

  public static var command: ConsoleCommand {
    ConsoleCommand(.trail, help: TrailTexts.commandHelp) { _, state in
      open(TrailTexts.title, &state)
    }
  }

  /// The binding a person's or an e-service's view offers for its own history:
  /// `subject` names what is shown (its name and id), nil when nothing is. A user who
  /// may not read the trail is not offered it, and pressing it says why (`readsTrail`).
  static func historyBinding(
    _ state: AppState, bar: Bool = true,
    _ subject: @escaping (AppState) -> (name: String, id: String)?
  ) -> [Binding] {
    var binding = Binding(
      [.character("h")], label: TrailTexts.keyHistory, help: TrailTexts.keyHistoryHelp, bar: bar
    ) { state in
      guard let (name, id) = subject(state) else { return [] }
      return open(TrailTexts.history(name), entities: [id], &state)
    }
    binding.readsTrail = true
    return [binding]
  }

  var query: AuditQuery {
    var query = base
    query.words = list.filter.split(separator: " ").map(String.init)
    if let kind { query.kinds = [kind] }
    return query
  }

  /// Starts over with the current filter.
  mutating func reload() -> [Effect] {
    entries = []
    next = nil
    failure = nil
    list.selected = 0
    list.top = 0
    let read = TrailRead(query: query, cursor: nil, limit: Self.pageSize)
    waiting = read
    return [.readTrail(read)]
  }

  /// Reads on when the selection nears the end of what is loaded.
  mutating func readMoreIfNeeded(page: Int) -> [Effect] {
    guard waiting == nil, let next, list.selected + page >= entries.count else { return [] }
    let read = TrailRead(query: query, cursor: next, limit: Self.pageSize)
    waiting = read
    return [.readTrail(read)]
  }

  /// A page came back; returns more effects when the screen still wants more.
  mutating func received(_ read: TrailRead, _ result: Result<AuditPage, any Error>, page: Int)
    -> [Effect]
  {
    guard read == waiting else { return [] }
    waiting = nil
    switch result {
    case .success(let page):
      entries += page.entries
      next = page.next
    case .failure(let error):
      failure = TextCleaning.line(String(describing: error))
    }
    return readMoreIfNeeded(page: page)
  }

  static func page(_ state: AppState) -> Int { max(1, state.height - 8) }

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    let page = Self.page(state)
    let filter = list.filter
    if list.filterInput(key) {
      return list.filter == filter ? .stay : .stayAnd(reload())
    }
    if list.move(key, count: entries.count, page: page) {
      return .stayAnd(readMoreIfNeeded(page: page))
    }
    switch key {
    case .character("/"):
      list.openFilter()
      return .stay
    case .character("t"):
      kind = kind == nil ? entries[safe: list.selected]?.kind : nil
      return .stayAnd(reload())
    case .enter:
      guard let entry = entries[safe: list.selected] else { return .stay }
      let text = LocalizedText(
        sv: Self.describe(entry, .swedish), en: Self.describe(entry, .english))
      let trail = self
      return .close { state in
        state.overlays.append(trail)
        state.overlays.append(MessageOverlay(title: TrailTexts.entryTitle, text: text))
        return []
      }
    case .escape, .character("q"), .character("h"):
      if !list.filter.isEmpty || kind != nil, key == .escape {
        list.filter = ""
        kind = nil
        return .stayAnd(reload())
      }
      return .closeOnly
    default:
      return .stay
    }
  }

  /// One entry whole: when, who, what, and every field's old → new, one a line.
  static func describe(_ entry: AuditEntry, _ language: Language) -> String {
    let t = { (text: LocalizedText) in text(language) }
    var lines = [
      "\(t(TrailTexts.saved)): \(Format.dateTime(entry.at))",
      "\(t(TrailTexts.byLine)): \(entry.who)",
    ]
    if let kind = entry.kind {
      lines.append("\(t(TrailTexts.kindLine)): \(t(ChangeKind.label(kind)))")
    }
    lines += ["", entry.summary(language)]
    for subject in entry.subjects ?? [] {
      lines.append("")
      lines.append("\(subject.name) (\(subject.action.label(language)))")
      for field in subject.fields { lines.append("  " + field.text(language)) }
    }
    return lines.map { TextCleaning.printable($0) }.joined(separator: "\n")
  }

  /// Newest first as read; the columns in the reader's language.
  static func table(_ language: Language) -> Table<AuditEntry> {
    Table(
      columns: [
        Column(TrailTexts.saved, width: Format.dateTimeWidth) { Format.dateTime($0.at) },
        Column(TrailTexts.who, width: 18, priority: 2) { $0.name ?? $0.login },
        // What was done is the row's point: on a narrow screen the field details go
        // first (Enter shows them whole), never the summary.
        Column(TrailTexts.what, width: 36, priority: 1) { $0.summary(language) },
        Column(TrailTexts.changes, width: 30, flexible: true, priority: 3) {
          $0.details(language)
        },
      ],
      searchText: { $0.searchText })
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    var heading = state.t(title)
    if !list.filter.isEmpty || list.filtering { heading += " · /" + list.filter }
    if let kind { heading += " · " + state.t(TrailTexts.kindFilter(kind)) }
    let inner = Box.draw(
      heading, in: area, frame: &frame, theme: state.theme)
    let body = Rect(x: inner.x - 1, y: inner.y, width: inner.width + 2, height: inner.height - 1)
    // The entries are in the order they were read (newest first): no sort column.
    var shown = list
    shown.sortColumn = -1
    let empty = list.filter.isEmpty && kind == nil ? TrailTexts.empty : TrailTexts.emptyFiltered
    Self.table(state.language).draw(
      entries, list: shown, state: state, into: &frame, area: body,
      emptyText: waiting != nil && entries.isEmpty ? TrailTexts.reading : empty)
    let footer: String
    if let failure {
      footer = "\(state.t(TrailTexts.cannotRead)): \(failure)"
    } else if waiting != nil {
      footer = state.t(TrailTexts.reading)
    } else {
      footer = state.t(TrailTexts.count(entries.count, more: next != nil))
    }
    frame.put(
      footer, x: inner.x, y: inner.maxY - 1,
      style: state.theme.style(failure == nil ? .muted : .danger), maxWidth: inner.width)
  }

  public func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? { nil }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [
      OverlayKey("Enter", TrailTexts.keyOpen), OverlayKey("/", TrailTexts.keyFilter),
      OverlayKey("t", TrailTexts.keyKind), OverlayKey("q", TrailTexts.keyBack),
    ]
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

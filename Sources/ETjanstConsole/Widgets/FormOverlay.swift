import ETjanstDomain

/// A form in a dialog: fields on rows, a message beside the field a rule refused.
/// Submitting builds a domain command; the form stays open until the store has
/// applied it, so a refusal lands next to the field it concerns.
public struct FormOverlay: Overlay {
  public var title: LocalizedText
  public var fields: [FormField]
  public var focus = 0
  /// Messages per field key; "" is the form's own, shown at the bottom.
  public var errors: [String: LocalizedText] = [:]
  var cursor = 0
  var scroll = 0
  var awaiting = false
  let submit: (FormValues, AppState) throws -> any Command

  public init(
    title: LocalizedText, fields: [FormField],
    submit: @escaping (FormValues, AppState) throws -> any Command
  ) {
    self.title = title
    self.fields = fields
    self.submit = submit
    cursor = fields.first?.value.count ?? 0
  }

  public var values: FormValues { FormValues(fields: fields) }
  public var showsOwnFailures: Bool { true }

  // MARK: - Keys

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    guard !fields.isEmpty else { return .closeOnly }
    switch key {
    case .escape: return .closeOnly
    case .tab, .down: moveFocus(1)
    case .backTab, .up: moveFocus(-1)
    case .function(2), .control("s"): return trySubmit(state)
    case .enter:
      if case .multiline = fields[focus].kind { return editLong(state) }
      return trySubmit(state)
    default: edit(key)
    }
    return .stay
  }

  mutating func moveFocus(_ delta: Int) {
    focus = (focus + delta + fields.count) % fields.count
    cursor = fields[focus].value.count
  }

  mutating func edit(_ key: Key) {
    var field = fields[focus]
    switch field.kind {
    case .toggle:
      if [.character(" "), .left, .right].contains(key) {
        field.value = field.value == "true" ? "false" : "true"
      }
    case .choice(let options):
      guard !options.isEmpty else { return }
      let i = options.firstIndex { $0.value == field.value } ?? 0
      switch key {
      case .right, .character(" "): field.value = options[(i + 1) % options.count].value
      case .left: field.value = options[(i + options.count - 1) % options.count].value
      default: return
      }
    case .multiline:
      return
    default:
      var chars = Array(field.value)
      cursor = min(cursor, chars.count)
      switch key {
      case .character(let c):
        chars.insert(c, at: cursor)
        cursor += 1
      case .backspace where cursor > 0:
        chars.remove(at: cursor - 1)
        cursor -= 1
      case .delete where cursor < chars.count: chars.remove(at: cursor)
      case .left: cursor = max(0, cursor - 1)
      case .right: cursor = min(chars.count, cursor + 1)
      case .home, .control("a"): cursor = 0
      case .end, .control("e"): cursor = chars.count
      case .control("u"):
        chars = []
        cursor = 0
      default: return
      }
      field.value = String(chars)
    }
    fields[focus] = field
    errors[field.key] = nil
  }

  mutating func trySubmit(_ state: AppState) -> OverlayOutcome {
    errors = [:]
    do {
      let command = try submit(values, state)
      awaiting = true
      return .stayAnd([.perform(command)])
    } catch {
      show(error)
      return .stay
    }
  }

  /// Opens the focused long text in an editor; the result comes back into this form.
  mutating func editLong(_ state: AppState) -> OverlayOutcome {
    let form = self
    let index = focus
    let request = EditRequest(text: fields[index].value, title: fields[index].label) {
      text, state in
      guard let i = state.overlays.lastIndex(where: { $0 is FormOverlay }),
        var form = state.overlays[i] as? FormOverlay
      else { return [] }
      form.fields[index].value = text
      state.overlays[i] = form
      return []
    }
    return .close { state in
      state.overlays.append(form)
      return EditRequest.open(request, &state)
    }
  }

  mutating func show(_ error: any Error) {
    if let violation = error as? RuleViolation, let key = violation.field,
      let i = fields.firstIndex(where: { $0.key == key })
    {
      errors[key] = violation.message
      focus = i
      cursor = fields[i].value.count
    } else {
      errors[""] = Texts.describe(error)
    }
  }

  public mutating func commandFinished(_ result: Result<Change, any Error>) -> Bool {
    guard awaiting else { return false }
    awaiting = false
    switch result {
    case .success: return true
    case .failure(let error):
      show(error)
      return false
    }
  }

  // MARK: - Drawing

  func layout(_ area: Rect) -> (box: Rect, inner: Rect, labelWidth: Int) {
    let width = min(area.width - 2, 100)
    let rows = fields.count + errors.count + 2
    let box = area.centered(width: width, height: min(area.height, rows + 2))
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    let labelWidth = min(
      30, (fields.map { TextWidth.of($0.label.sv) + ($0.required ? 2 : 0) + 2 }.max() ?? 10))
    return (box, inner, labelWidth)
  }

  /// Rows of the form: each field, then its message if it has one.
  func rows(_ state: AppState) -> [(field: Int, error: LocalizedText?)] {
    var rows: [(Int, LocalizedText?)] = []
    for (i, field) in fields.enumerated() {
      rows.append((i, nil))
      if let error = errors[field.key] { rows.append((i, error)) }
    }
    return rows
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let (box, inner, labelWidth) = layout(area)
    Box.draw(state.t(title), in: box, frame: &frame, theme: state.theme)
    let theme = state.theme
    let all = rows(state)
    let visible = max(1, inner.height - 1)
    let focusRow = all.firstIndex { $0.field == focus && $0.error == nil } ?? 0
    let first = min(max(0, focusRow - visible + 2), max(0, all.count - visible))
    for (offset, row) in all.dropFirst(first).prefix(visible).enumerated() {
      let y = inner.y + offset
      let field = fields[row.field]
      let valueX = inner.x + labelWidth
      let valueWidth = inner.width - labelWidth
      if let error = row.error {
        frame.put(
          "! " + state.t(error), x: valueX, y: y, style: theme.style(.danger), maxWidth: valueWidth)
        continue
      }
      let focused = row.field == focus
      let label = state.t(field.label) + (field.required ? " *" : "")
      frame.put(
        label, x: inner.x, y: y, style: theme.style(focused ? .accent : .normal),
        maxWidth: labelWidth - 1)
      let shown = TextWidth.pad(field.display(state.language), to: valueWidth)
      frame.put(shown, x: valueX, y: y, style: theme.style(focused ? .inputFocused : .input))
    }
    let footer = inner.maxY - 1
    if let general = errors[""] {
      frame.put(
        "! " + state.t(general), x: inner.x, y: footer, style: theme.style(.danger),
        maxWidth: inner.width)
    } else {
      frame.put(
        state.t(Texts.formFooter), x: inner.x, y: footer, style: theme.style(.muted),
        maxWidth: inner.width)
    }
  }

  public func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? {
    guard fields.indices.contains(focus), fields[focus].takesTyping else { return nil }
    let (_, inner, labelWidth) = layout(area)
    let all = rows(state)
    let visible = max(1, inner.height - 1)
    let focusRow = all.firstIndex { $0.field == focus && $0.error == nil } ?? 0
    let first = min(max(0, focusRow - visible + 2), max(0, all.count - visible))
    let before = String(fields[focus].value.prefix(cursor))
    let x = inner.x + labelWidth + min(TextWidth.of(before), inner.width - labelWidth - 1)
    return (x, inner.y + focusRow - first)
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    [
      OverlayKey("Tab", Texts.next), OverlayKey("Enter", Texts.save),
      OverlayKey("Space ←→", Texts.choose),
      OverlayKey("Esc", Texts.cancel),
    ]
  }
}

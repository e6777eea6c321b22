import ETjanstDomain

/// A form in a dialog: fields on rows, a message beside the field a rule refused.
/// Submitting builds a domain command from the typed fields; the form stays open
/// until the store has applied it, so a refusal lands next to the field it names,
/// and a conflict (someone else changed the same field meanwhile) opens a choice.
public struct FormOverlay: Overlay {
  public var title: LocalizedText
  /// What the user should know before filling the form in (what the guideline asks
  /// of them), wrapped above the fields: a title is one line and is cut.
  public var note: LocalizedText?
  public var fields: [FormField]
  public var focus = 0
  /// Messages per field name; "" is the form's own, shown at the bottom.
  public var errors: [String: LocalizedText] = [:]
  /// The user's choice per field after a conflict: keep yours (true) or theirs.
  var resolutions: [String: (conflict: FieldConflict, keepYours: Bool)] = [:]
  var cursor = TextCursor()
  /// The focused field's length in characters, once counted (kept as keys change
  /// it, so the limit is checked without counting a long text on every key).
  var length: Int?
  /// The option under the cursor in a list of several choices.
  var optionCursor = 0
  var awaiting = false
  /// Who saved the change the last conflict met, when the store said.
  var conflictSavedBy: String?
  /// Nil from `submit`: nothing was changed, so nothing is sent.
  let submit: (FormValues, AppState) throws -> (any Command)?

  public init(
    title: LocalizedText, note: LocalizedText? = nil, fields: [FormField],
    submit: @escaping (FormValues, AppState) throws -> (any Command)?
  ) {
    self.title = title
    self.note = note
    self.fields = fields
    self.submit = submit
    cursor = .end(of: fields.first?.text ?? "")
  }

  public var values: FormValues { FormValues(fields: fields, resolutions: resolutions) }
  public var showsOwnFailures: Bool { true }
  /// True when the user has changed something that is not saved.
  public var hasUnsavedChanges: Bool { fields.contains(where: \.isChanged) }
  public var awaitsResult: Bool { awaiting }

  // MARK: - Keys

  public mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    guard !fields.isEmpty else { return .closeOnly }
    switch key {
    case .escape:
      if !fields[focus].filter.isEmpty {
        fields[focus].filter = ""
        return .stay
      }
      return QuestionOverlay.leaving(self)
    case .tab, .down: moveFocus(1)
    case .backTab, .up: moveFocus(-1)
    case .function(2), .control("s"): return trySubmit(state)
    case .enter:
      if case .multiline = fields[focus].kind { return editLong(state) }
      if !fields[focus].filter.isEmpty {
        if case .choices = fields[focus].kind {
          var field = fields[focus]
          if case .choices(var set) = field.content {
            let shown = field.filtered(state.language)
            if shown.indices.contains(optionCursor) { set.insert(shown[optionCursor]) }
            field.content = .choices(set)
          }
          fields[focus] = field
        }
        fields[focus].filter = ""
        optionCursor = 0
        return .stay
      }
      return trySubmit(state)
    default: edit(key, state.language)
    }
    return .stay
  }

  mutating func moveFocus(_ delta: Int) {
    fields[focus].filter = ""
    focus = (focus + delta + fields.count) % fields.count
    cursor = .end(of: fields[focus].text)
    length = nil
    optionCursor = 0
  }

  mutating func edit(_ key: Key, _ language: Language) {
    var field = fields[focus]
    let before = errors[field.name]
    errors[field.name] = nil
    switch field.kind {
    case .toggle:
      guard [.character(" "), .left, .right].contains(key), case .flag(let on) = field.content
      else {
        errors[field.name] = before
        return
      }
      field.content = .flag(!on)
    case .choice:
      guard pick(key, &field, language) else {
        errors[field.name] = before
        return
      }
    case .choices:
      guard tick(key, &field, language) else {
        errors[field.name] = before
        return
      }
    default:
      // In place: a long text is not copied on every key.
      if !type(key) { errors[field.name] = before }
      return
    }
    fields[focus] = field
  }

  /// A single choice: ←→ (and Space with no filter) step through the options that
  /// match what was typed; typing narrows them and selects the first match.
  mutating func pick(_ key: Key, _ field: inout FormField, _ language: Language) -> Bool {
    guard case .choice(let selected) = field.content else { return false }
    switch key {
    case .character(" ") where field.filter.isEmpty, .right, .left:
      let shown = field.filtered(language)
      guard !shown.isEmpty else { return false }
      let at = selected.flatMap { shown.firstIndex(of: $0) }
      let step = key == .left ? -1 : 1
      let next = at.map { ($0 + step + shown.count) % shown.count } ?? 0
      field.content = .choice(shown[next])
    case .character, .paste:
      guard narrow(key, &field) else { return false }
      if let first = field.filtered(language).first { field.content = .choice(first) }
    case .backspace where !field.filter.isEmpty:
      field.filter.removeLast()
      if let first = field.filtered(language).first, !field.filter.isEmpty {
        field.content = .choice(first)
      }
    default: return false
    }
    return true
  }

  /// What was typed or pasted, added to a list's filter up to its limit.
  mutating func narrow(_ key: Key, _ field: inout FormField) -> Bool {
    guard
      let (piece, refused) = TextInput.insertion(
        key, multiline: false, count: field.filter.count, limit: field.limit)
    else { return false }
    field.filter += piece
    errors[field.name] =
      refused > 0 ? TextInput.refusedNote(limit: field.limit, refused: refused) : nil
    return true
  }

  /// Several choices: typing narrows, ←→ move over the matches, Space (or Enter
  /// while narrowed) ticks one.
  mutating func tick(_ key: Key, _ field: inout FormField, _ language: Language) -> Bool {
    guard case .choices(var set) = field.content else { return false }
    let shown = field.filtered(language)
    switch key {
    case .character(" ") where !field.filter.isEmpty:
      field.filter.append(" ")
      optionCursor = 0
    case .character(" "):
      guard shown.indices.contains(optionCursor) else { return false }
      let i = shown[optionCursor]
      if set.contains(i) { set.remove(i) } else { set.insert(i) }
      field.content = .choices(set)
    case .right: optionCursor = shown.isEmpty ? 0 : (optionCursor + 1) % shown.count
    case .left: optionCursor = shown.isEmpty ? 0 : (optionCursor - 1 + shown.count) % shown.count
    case .character, .paste:
      guard narrow(key, &field) else { return false }
      optionCursor = 0
    case .backspace where !field.filter.isEmpty:
      field.filter.removeLast()
      optionCursor = 0
    default: return false
    }
    return true
  }

  /// Typing into a text field (a long text too: what is typed is kept inline, and
  /// Enter opens the editor on the whole text). A paste is one step; what does not
  /// fit the field's limit is refused with a note beside the field.
  mutating func type(_ key: Key) -> Bool {
    let limit = fields[focus].limit
    let multiline: Bool
    if case .multiline = fields[focus].kind { multiline = true } else { multiline = false }
    let count = length ?? fields[focus].text.count
    var cursor = self.cursor
    var note: LocalizedText?
    let taken: Bool = fields[focus].editText { text in
      cursor.offset = min(cursor.offset, text.utf8.count)
      if let (piece, refused) = TextInput.insertion(
        key, multiline: multiline, count: count, limit: limit)
      {
        cursor.insert(piece, &text)
        length = count + piece.count
        if refused > 0 { note = TextInput.refusedNote(limit: limit, refused: refused) }
        return true
      }
      let before = text.utf8.count
      guard cursor.edit(key, &text) else { return false }
      if text.utf8.count != before { length = text.isEmpty ? 0 : max(0, count - 1) }
      return true
    }
    self.cursor = cursor
    errors[fields[focus].name] = note
    return taken
  }

  mutating func trySubmit(_ state: AppState) -> OverlayOutcome {
    errors = [:]
    do {
      guard let command = try submit(values, state) else {
        return .close { state in
          state.show(Texts.nothingChanged)
          return []
        }
      }
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
    let request = EditRequest(text: fields[index].text, title: fields[index].label) {
      text, state in
      guard let i = state.overlays.lastIndex(where: { $0 is FormOverlay }),
        var form = state.overlays[i] as? FormOverlay
      else { return [] }
      form.fields[index].text = text
      form.cursor = .end(of: text)
      form.length = nil
      state.overlays[i] = form
      return []
    }
    return .close { state in
      state.overlays.append(form)
      return EditRequest.open(request, &state)
    }
  }

  mutating func show(_ error: any Error) {
    // The field the rule names, or else the one it names as part of a larger value
    // (a refusal of "fallbackRoutine.steps" lands on the routine form's "steps").
    if let violation = error as? RuleViolation, let field = violation.field,
      let i = fields.firstIndex(where: { $0.name == field })
        ?? fields.firstIndex(where: { field.hasSuffix("." + $0.name) })
    {
      let name = fields[i].name
      errors[name] = violation.message
      focus = i
      cursor = .end(of: fields[i].text)
      length = nil
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
      if let conflict = error as? EditConflict {
        for c in conflict.conflicts { resolutions[c.name] = (c, true) }
        conflictSavedBy = conflict.savedBy
        errors[""] = conflict.message
      } else {
        show(error)
      }
      return false
    }
  }

  /// The conflicts the user has still to decide, for `ConflictOverlay`.
  var openConflicts: [(conflict: FieldConflict, keepYours: Bool)] {
    fields.compactMap { resolutions[$0.name] }
  }

  // MARK: - Drawing

  /// The box, its inside and the label column, measured in the language shown (an
  /// English label or message measured by its Swedish words was cut, or its last
  /// lines fell below the box).
  func layout(_ area: Rect, _ language: Language) -> (box: Rect, inner: Rect, labelWidth: Int) {
    let width = min(area.width - 2, 100)
    let labelWidth = min(
      30,
      (fields.map { TextWidth.of($0.label(language)) + ($0.required ? 2 : 0) + 2 }.max() ?? 10))
    let valueWidth = max(10, width - 4 - labelWidth)
    let rows =
      fields.count + errors.values.reduce(0) { $0 + wrapped($1(language), valueWidth).count } + 2
      + noteLines(language, width - 4).count
    let box = area.centered(width: width, height: min(area.height, rows + 2))
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    return (box, inner, labelWidth)
  }

  /// The box's inside split: the note's lines at the top (at most all but two rows),
  /// and the rows below them for the fields and the footer.
  func inside(_ outer: Rect, _ language: Language) -> (note: [String], fields: Rect) {
    let note = Array(noteLines(language, outer.width).prefix(max(0, outer.height - 2)))
    return (
      note,
      Rect(
        x: outer.x, y: outer.y + note.count, width: outer.width,
        height: outer.height - note.count)
    )
  }

  /// The note's lines, with a blank line after them; none without a note.
  func noteLines(_ language: Language, _ width: Int) -> [String] {
    guard let note else { return [] }
    return TextWidth.wrap(note(language), to: max(4, width)) + [""]
  }

  func wrapped(_ text: String, _ width: Int) -> [String] {
    TextWidth.wrap("! " + text, to: max(4, width))
  }

  /// Rows of the form: each field, then its message (wrapped) if it has one.
  func rows(_ state: AppState, valueWidth: Int) -> [(field: Int, error: String?)] {
    var rows: [(Int, String?)] = []
    for (i, field) in fields.enumerated() {
      rows.append((i, nil))
      if let error = errors[field.name] {
        rows += wrapped(state.t(error), valueWidth).map { (i, $0) }
      }
    }
    return rows
  }

  /// The first row shown: the focused field and all of its message stay in view,
  /// with one row after them when there is one.
  static func top(_ rows: [(field: Int, error: String?)], focus: Int, visible: Int) -> Int {
    let end = rows.lastIndex { $0.field == focus } ?? 0
    return min(max(0, end - visible + 2), max(0, rows.count - visible))
  }

  public func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    let (box, outer, labelWidth) = layout(area, state.language)
    Box.draw(state.t(title), in: box, frame: &frame, theme: state.theme, over: area)
    let (note, inner) = inside(outer, state.language)
    for (i, line) in note.enumerated() {
      frame.put(line, x: outer.x, y: outer.y + i, maxWidth: outer.width)
    }
    let theme = state.theme
    let valueX = inner.x + labelWidth
    let valueWidth = inner.width - labelWidth
    let footerLines =
      errors[""].map { wrapped(state.t($0), inner.width) }
      ?? TextWidth.wrap(
        state.t(Texts.formFooter(KeyNames(overlayKeys: bindings(state)))), to: inner.width)
    let all = rows(state, valueWidth: valueWidth)
    let visible = max(1, inner.height - min(footerLines.count, max(1, inner.height / 2)))
    let first = Self.top(all, focus: focus, visible: visible)
    for (offset, row) in all.dropFirst(first).prefix(visible).enumerated() {
      let y = inner.y + offset
      let field = fields[row.field]
      if let error = row.error {
        frame.put(error, x: valueX, y: y, style: theme.style(.danger), maxWidth: valueWidth)
        continue
      }
      let focused = row.field == focus
      let label = state.t(field.label) + (field.required ? " *" : "")
      frame.put(
        label, x: inner.x, y: y, style: theme.style(focused ? .accent : .normal),
        maxWidth: labelWidth - 1)
      let shown = TextWidth.pad(
        TextWidth.truncate(display(field, focused: focused, state), to: valueWidth),
        to: valueWidth)
      frame.put(shown, x: valueX, y: y, style: theme.style(focused ? .inputFocused : .input))
    }
    let footerTop = inner.maxY - min(footerLines.count, inner.height - visible)
    for (i, line) in footerLines.prefix(inner.maxY - footerTop).enumerated() {
      frame.put(
        line, x: inner.x, y: footerTop + i,
        style: theme.style(errors[""] == nil ? .muted : .danger), maxWidth: inner.width)
    }
  }

  func display(_ field: FormField, focused: Bool, _ state: AppState) -> String {
    guard focused, case .choices(let set) = field.content else {
      return field.display(state.language)
    }
    let shown = field.filtered(state.language)
    guard shown.indices.contains(optionCursor) else { return field.display(state.language) }
    let i = shown[optionCursor]
    let mark = set.contains(i) ? "[x]" : "[ ]"
    let filter = field.filter.isEmpty ? "" : "/\(field.filter) "
    return "\(filter)◂ \(mark) \(field.options[i].label(state.language)) ▸  "
      + state.t(Texts.chosenCount(set.count))
  }

  public func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? {
    guard fields.indices.contains(focus), fields[focus].takesTyping else { return nil }
    let (_, outer, labelWidth) = layout(area, state.language)
    let inner = inside(outer, state.language).fields
    let valueWidth = inner.width - labelWidth
    let footer = errors[""].map { wrapped(state.t($0), inner.width).count } ?? 1
    let all = rows(state, valueWidth: valueWidth)
    let visible = max(1, inner.height - min(footer, max(1, inner.height / 2)))
    let focusRow = all.firstIndex { $0.field == focus && $0.error == nil } ?? 0
    let first = Self.top(all, focus: focus, visible: visible)
    let before = String(cursor.before(in: fields[focus].text))
    let x = inner.x + labelWidth + min(TextWidth.of(before), valueWidth - 1)
    return (x, inner.y + focusRow - first)
  }

  public func bindings(_ state: AppState) -> [OverlayKey] {
    // On a long text Enter opens the editor, and the form saves with Ctrl-S.
    let long =
      fields.indices.contains(focus)
      && { if case .multiline = fields[focus].kind { return true } else { return false } }()
    let save =
      long
      ? [
        OverlayKey("Enter", Texts.edit, does: .editField),
        OverlayKey("C-S", Texts.save, does: .save),
      ]
      : [OverlayKey("Enter", Texts.save, does: .save)]
    return [OverlayKey("Tab", Texts.next, does: .nextField)] + save + [
      OverlayKey("Space ←→", Texts.choose, does: .choose),
      OverlayKey("Esc", Texts.cancel, does: .cancel),
    ]
  }
}

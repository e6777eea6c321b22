import ETjanstDomain
import Foundation

/// The console's one update function: a message in, the state changed, effects
/// out. It never touches the file, the clock or the terminal (bubbletea's Update).
public enum App {
  public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .keyPressed(let key):
      return keyPressed(key, &state)
    case .resized(let width, let height):
      state.width = width
      state.height = height
      return [.redraw]
    case .clockTicked(let now):
      state.now = now
      if let flash = state.flash, flash.until <= now { state.flash = nil }
      return []
    case .storeChangedElsewhere(let data):
      state.data = data
      return []
    case .saveWaiting(let holder):
      state.show(Texts.waitingFor(holder: holder))
      return []
    case .commandFinished(let result):
      return commandFinished(result, &state)
    case .externalEditFinished(let text, let request):
      guard let text else { return [] }
      return request.apply(TextCleaning.multiline(text), &state)
    case .trailRead(let read, let result):
      // The trail screen that asked, wherever it is among the overlays.
      for index in state.overlays.indices.reversed() {
        guard var trail = state.overlays[index] as? TrailOverlay else { continue }
        let effects = trail.received(read, result, page: TrailOverlay.page(state))
        state.overlays[index] = trail
        return effects
      }
      return []
    }
  }

  /// Keys that quit from anywhere (asking once over unsaved changes), and the
  /// one that quits when the terminal is too small; texts name them from here.
  public static let alwaysQuitKeys: [Key] = [.control("c"), .function(10)]
  public static let tooSmallQuitKey = Key.character("q")

  private static func keyPressed(_ key: Key, _ state: inout AppState) -> [Effect] {
    if alwaysQuitKeys.contains(key) { return quit(&state) }
    if key == .control("l") { return [.redraw] }
    if state.sizeRefused {
      return key == tooSmallQuitKey ? [.quit] : []
    }
    // Every screen needs the lists: until they are read, a key waits (the status line
    // says how many do) and is done when they come (`Program.opened`).
    if var loading = state.loading {
      loading.heldKeys.append(key)
      state.loading = loading
      state.show(Texts.keysHeld(loading.heldKeys.count))
      return []
    }
    state.keysPressed += 1
    Navigation.disarmQuit(key, &state)
    if var top = state.overlays.popLast() {
      switch top.handle(key, state: state) {
      case .stay:
        state.overlays.append(top)
        return []
      case .stayAnd(let effects):
        state.overlays.append(top)
        return effects
      case .close(let then):
        return then(&state)
      }
    }
    let screen = state.screen.view
    if let effects = screen.handleInput(key, &state) { return effects }
    if Navigation.back(key, &state) { return [] }
    if let effects = Binding.dispatch(key, screen.bindings(state), &state) { return effects }
    return Binding.dispatch(key, GlobalKeys.bindings, &state) ?? []
  }

  /// Ctrl-C and F10 quit at once, unless a form has unsaved changes: then they ask,
  /// once ("Kasta ändringarna? j/n"); pressing either again while asked quits.
  private static func quit(_ state: inout AppState) -> [Effect] {
    if (state.overlays.last as? QuestionOverlay)?.quits == true { return [.quit] }
    let unsaved = state.overlays.contains { $0.hasUnsavedChanges }
    guard unsaved else { return [.quit] }
    var question = QuestionOverlay(Texts.discardChanges) { _ in [.quit] }
    question.quits = true
    state.overlays.append(question)
    return []
  }

  private static func commandFinished(_ result: Result<Change, any Error>, _ state: inout AppState)
    -> [Effect]
  {
    // A refusal naming its remedy names the key bound to it on this screen, in a
    // form's error line as in a dialog.
    var result = result
    if case .failure(let error) = result, var v = error as? RuleViolation, v.remedy != nil {
      v.message = Texts.describe(v, keys: state.screen.view.bindings(state))
      v.remedy = nil
      result = .failure(v)
    }
    if case .success(let change) = result {
      state.data = change.after
      if state.undoing != nil {
        state.show(Texts.undone(change.summary), .success)
      } else {
        state.undoStack.append(change)
        state.show(Texts.saved(change.summary), .success)
      }
      state.screen.view.didApply(change, &state)
    }
    // An undo that never reached the store (another save under way, or the wait given
    // up) stays to be undone.
    if let undone = state.undoing, case .failure(let error) = result,
      error is SaveBusy || error is SaveWaitCancelled
    {
      state.undoStack.append(undone)
    }
    state.undoing = nil
    // The result goes to the dialog that sent the command, which may lie under one
    // opened while the save ran in the background.
    if let i = state.overlays.lastIndex(where: \.awaitsResult) ?? state.overlays.indices.last {
      var target = state.overlays.remove(at: i)
      let close = target.commandFinished(result)
      if !close { state.overlays.insert(target, at: i) }
      if case .failure(let error) = result, error is EditConflict,
        let form = target as? FormOverlay, !form.openConflicts.isEmpty
      {
        state.overlays.append(ConflictOverlay(form.openConflicts, savedBy: form.conflictSavedBy))
        return []
      }
      if case .failure = result, target.showsOwnFailures { return [] }
    }
    if case .failure(let error) = result {
      state.overlays.append(
        MessageOverlay(
          title: Texts.refusedTitle,
          text: Texts.describe(error, keys: state.screen.view.bindings(state))))
    }
    return []
  }
}

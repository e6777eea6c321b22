import ETjanstDomain

/// Draws the whole console for a state: title, tabs, the screen, the status line,
/// the key hints and any dialogs on top. Pure: the same state gives the same frame.
public enum RootView {
  public static func render(_ state: AppState) -> Frame {
    render(state, reusing: Frame(width: 0, height: 0))
  }

  /// The frame for `state`, drawn in `spare`'s memory when no other frame shares it
  /// (`Frame.init(width:height:reusing:)`).
  public static func render(_ state: AppState, reusing spare: consuming Frame) -> Frame {
    // Too large: one line, allocated at the width it needs, never the terminal's.
    guard !state.isTooLarge else { return tooLarge(state) }
    var frame = Frame(width: state.width, height: state.height, reusing: consume spare)
    guard !state.isTooSmall else {
      drawTooSmall(state, into: &frame)
      return frame
    }
    let (title, rest) = frame.bounds.splitTop(1)
    let (tabs, body) = rest.splitTop(1)
    let (main, bottom) = body.splitBottom(2)
    if let loading = state.loading {
      drawLoading(state, loading, into: &frame, title: title, main: main, status: bottom)
      return frame
    }
    // The title and the tabs change with the data, the minute, the screen and the
    // size: drawn then, and copied at every other frame.
    func top() -> Frame {
      var top = Frame(width: state.width, height: 2)
      Chrome.drawTitle(state, into: &top, area: Rect(x: 0, y: 0, width: title.width, height: 1))
      Chrome.drawTabs(state, into: &top, area: Rect(x: 0, y: 1, width: tabs.width, height: 1))
      return top
    }
    let kept = state.derived(
      "chrome.top",
      inputs: Both(
        Both(FindingsMemo.minute(state.now), state.width), Both(state.readOnly, state.screen)),
      top)
    assert(kept == top(), "the title or the tabs read something their memo does not name")
    frame.copy(kept, x: 0, y: 0)
    state.screen.view.draw(state, into: &frame, area: main.inset(by: 0))
    Chrome.drawStatus(
      state, into: &frame, area: Rect(x: 0, y: bottom.y, width: bottom.width, height: 1))
    Chrome.drawHints(
      state, into: &frame, area: Rect(x: 0, y: bottom.y + 1, width: bottom.width, height: 1))
    for overlay in state.overlays {
      overlay.draw(state, into: &frame, area: main)
    }
    return frame
  }

  /// The rows between the tabs and the status line: where a screen and its dialogs
  /// are drawn (a dialog that scrolls reads its page size from it).
  public static func mainArea(_ state: AppState) -> Rect {
    Rect(x: 0, y: 2, width: state.width, height: state.height - 4)
  }

  /// Where the terminal's cursor belongs, or nil to hide it.
  public static func cursor(_ state: AppState) -> (x: Int, y: Int)? {
    guard !state.sizeRefused else { return nil }
    let main = mainArea(state)
    if let top = state.overlays.last { return top.cursor(state, area: main) }
    return state.screen.view.cursor(state, area: main)
  }

  /// The first frame over a store still being read: the program's name and the time,
  /// the tabs, what is being read, and how many keys wait for it.
  private static func drawLoading(
    _ state: AppState, _ loading: Loading, into frame: inout Frame, title: Rect, main: Rect,
    status: Rect
  ) {
    let style = state.theme.style(.title)
    frame.clear(title, style: style)
    frame.put(" etjanst", x: title.x, y: title.y, style: style)
    let time = "\(Chrome.time(state.now)) "
    frame.put(time, x: title.maxX - TextWidth.of(time), y: title.y, style: style)
    Chrome.drawTabs(state, into: &frame, area: Rect(x: 0, y: 1, width: state.width, height: 1))
    let lines = [
      state.t(Texts.loadingStore(bytes: loading.bytes)), state.t(Texts.keysWaitWhileLoading),
    ]
    let top = main.y + max(0, (main.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let shown = TextWidth.shorten(line, to: main.width - 2)
      frame.put(
        shown, x: main.x + max(1, (main.width - TextWidth.of(shown)) / 2), y: top + i,
        style: state.theme.style(i == 0 ? .accent : .muted))
    }
    if let flash = state.flash {
      frame.put(
        " " + TextWidth.shorten(state.t(flash.text), to: status.width - 1), x: status.x,
        y: status.y, style: state.theme.style(.accent))
    }
  }

  private static func tooLarge(_ state: AppState) -> Frame {
    let line = state.t(Texts.tooLarge(state.width, state.height))
    var frame = Frame(width: min(TextWidth.of(line), AppState.maximumWidth), height: 1)
    frame.put(line, x: 0, y: 0, style: state.theme.style(.warning))
    return frame
  }

  private static func drawTooSmall(_ state: AppState, into frame: inout Frame) {
    let lines = TextWidth.wrap(
      state.t(Texts.tooSmall(state.width, state.height)), to: max(1, state.width - 2))
    let top = max(0, (state.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let x = max(0, (state.width - TextWidth.of(line)) / 2)
      frame.put(line, x: x, y: top + i, style: state.theme.style(.warning))
    }
  }
}

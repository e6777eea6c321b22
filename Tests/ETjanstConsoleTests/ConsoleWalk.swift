import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport

/// Every screen, part and dialog a user reaches with the keys the keymap binds:
/// from each screen, every bound key is pressed, and from what it opens every key
/// again, up to `depth` presses; one stop per distinct picture. Movement and
/// sorting keys are left out (they only move within the same picture), and so are
/// quitting, suspending and switching screens (each screen is a start of its own).
struct ConsoleWalk {
  struct Stop {
    var name: String
    var state: AppState
  }

  static let skipped: Set<Key> = [
    .character("q"), .function(10), .control("c"), .control("z"), .control("l"),
    .character("1"), .character("2"), .character("3"), .character("4"), .character("5"),
    .tab, .backTab, .character("s"), .character("S"), .character("u"),
    .up, .character("j"), .character("k"), .pageDown, .pageUp, .control("d"), .control("u"),
    .character("g"), .character("G"), .home, .end,
  ]

  /// Keys pressed inside a dialog: next field, saving an unchanged form (which
  /// shows the form's error lines), the other button.
  static let dialogKeys: [Key] = [.tab, .enter, .right, .down]

  static func stops(
    _ data: Municipality, user: User = Fixtures.coordinator, depth: Int = 3,
    extra: [(String, [Key])] = [], language: Language = .swedish
  ) -> [Stop] {
    let d = ConsoleDriver(data, user: user, width: 100, height: 30, language: language)
    let start = d.program.stateForTesting
    var seen = Set<String>()
    var out: [Stop] = []
    func visit(_ name: String, _ state: AppState) -> Bool {
      let picture = RootView.render(state).lines.joined(separator: "\n")
      guard seen.insert(picture).inserted else { return false }
      out.append(Stop(name: name, state: state))
      return true
    }
    func press(_ key: Key, from state: AppState) -> AppState {
      d.program.stateForTesting = state
      d.backend.data = state.data
      d.press(key)
      return d.program.stateForTesting
    }
    var queue: [(String, AppState, Int)] = []
    for screen in ScreenID.allCases {
      let s = press(.character(Character("\(screen.rawValue)")), from: start)
      if visit("\(screen)", s) { queue.append(("\(screen)", s, 0)) }
    }
    for (name, keys) in extra {
      var s = start
      for key in keys { s = press(key, from: s) }
      if visit(name, s) { queue.append((name, s, 0)) }
    }
    while !queue.isEmpty {
      let (name, state, level) = queue.removeFirst()
      guard level < depth else { continue }
      let keys: [Key]
      if let top = state.overlays.last {
        // A dialog: a few of its keys, and only from where it opened.
        guard !(top is HelpOverlay), level < depth else { continue }
        keys = dialogKeys
      } else {
        var bound: [Key] = []
        for b in state.screen.view.bindings(state) + [GlobalKeys.bindings.last!] {
          for key in b.keys where !skipped.contains(key) && !bound.contains(key) {
            bound.append(key)
          }
        }
        keys = bound + [.character("?"), .character(":")]
      }
      for key in keys {
        let next = press(key, from: state)
        let stop = "\(name) \(key.description)"
        if visit(stop, next) { queue.append((stop, next, level + 1)) }
      }
    }
    return out
  }

  /// `stop` drawn at a size and in a language.
  static func frame(_ stop: Stop, width: Int, height: Int, language: Language) -> Frame {
    var state = stop.state
    state.width = width
    state.height = height
    state.language = language
    return RootView.render(state)
  }

  /// Every stop of every world that `include` keeps, in Swedish and English at 80×24
  /// and 100×30: `body` gets where it is ("demo staff Enter english 80×24") and
  /// the state to draw.
  static func pictures(
    where include: (Stop) -> Bool = { _ in true }, _ body: (String, AppState) -> Void
  ) throws {
    for (world, walk) in try worlds() {
      for stop in walk where include(stop) {
        for language in [Language.swedish, .english] {
          for (w, h) in [(80, 24), (100, 30)] {
            var state = stop.state
            state.width = w
            state.height = h
            state.language = language
            body("\(world) \(stop.name) \(language) \(w)×\(h)", state)
          }
        }
      }
    }
  }

  /// Problems ("where: what") with each what once, as a report of at most 80 lines.
  static func report(_ problems: [String]) -> (count: Int, text: String) {
    var seen = Set<String>()
    let distinct = problems.filter {
      seen.insert(String($0.split(separator: ":", maxSplits: 1).last ?? "")).inserted
    }
    return (
      distinct.count, "\(distinct.count) problems:\n" + distinct.prefix(80).joined(separator: "\n")
    )
  }

  /// The worlds the walks start from: the demo, the demo with an outage under way,
  /// the demo as a manager sees it, and a store with nothing in it yet.
  static func worlds() throws -> [(String, [Stop])] {
    let demo = try Fixtures.demo
    let outage = try OutagesScreenTests.withOutage(minutesAgo: 30)
    return [
      ("demo", stops(demo, extra: [("overview i", [.character("i")])])),
      ("outage", stops(outage, depth: 2)),
      ("manager", stops(demo, user: VisibilityFixtures.demoManager(demo), depth: 2)),
      (
        "empty",
        stops(
          Municipality.standing(name: "Övertorneå kommun", firstUser: Fixtures.coordinator),
          depth: 2,
          extra: [("overview i", [.character("i")])])
      ),
    ]
  }
}

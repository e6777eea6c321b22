import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Every key a text names comes from the keymap where the text is shown, and is
/// bound there to what the text says it does.
@Suite struct KeyNamesTests {
  /// Key names written into a text by hand, once the keys named from the keymap
  /// (marked ⟦…⟧ while a `KeyMentionLog` listens) are taken out.
  static func handWritten(_ line: String, _ language: Language) -> [String] {
    let unmarked = line.replacing(try! Regex(#"⟦[^⟧]*(⟧|$)"#), with: " ")
    let ns = unmarked as NSString
    let all = NSRange(location: 0, length: ns.length)
    var found: [String] = []
    let named = try! NSRegularExpression(
      pattern:
        #"(?<![\w-])(Enter|Esc|Tab|Space|Mellanslag|Bksp|Backspace|PgUp|PgDn|Ctrl-\w|C-[A-Z]|S-Tab|F\d{1,2})(?![\w-])|←\s?→|↑\s?↓"#
    )
    found += named.matches(in: unmarked, range: all).map { ns.substring(with: $0.range) }
    // A single letter used as a key: "t markerar", "(F bakåt)", "Tryck n", "with q".
    let letter = try! NSRegularExpression(
      pattern:
        #"(?<![\w\-'’./:])(?<!\d )((?:Tryck|tryck|Press|press) )?(\()?([A-Za-z])(?=[ :)])"#
    )
    for m in letter.matches(in: unmarked, range: all) {
      let key = ns.substring(with: m.range(at: 3))
      let pre = m.range(at: 1).location != NSNotFound
      let paren = m.range(at: 2).location != NSNotFound
      let afterStart = m.range.location + m.range.length
      let after = ns.substring(from: afterStart).prefix(3)
      // Words of one letter (Swedish "i", English "a" and "I", in either language,
      // as the data is Swedish), and days ("22 d").
      if ["i", "a", "I"].contains(key) && !pre { continue }
      // A flag ("G R P", "R was due for review") or an initial is not a key: a key
      // in lower case is followed by a word in lower case or closes a parenthesis;
      // one in upper case stands after "press" or "(".
      let lower = key.first!.isLowercase
      let verb = (after.dropFirst().first?.isLowercase ?? false) || after.hasPrefix(")")
      if !pre && !((lower || paren) && verb) { continue }
      found.append(key)
    }
    return found
  }

  @Test("the scanner finds keys written by hand and leaves words of one letter alone")
  func scanner() {
    #expect(
      Self.handWritten("2. Informera · t markerar, Enter visar rutinen", .swedish) == [
        "Enter", "t",
      ])
    #expect(Self.handWritten("Tryck n för att lägga till", .swedish) == ["n"])
    #expect(Self.handWritten("Tryck i för Inställningar", .swedish) == ["i"])
    #expect(Self.handWritten("Press n to add · (F backwards)", .english) == ["n", "F"])
    #expect(Self.handWritten("ärenden i steget, a case in a row", .swedish).isEmpty)
    #expect(Self.handWritten("ärenden i steget, a case in a row", .english).isEmpty)
    #expect(Self.handWritten("Ansökan om bistånd   G R P   e-tjänst", .swedish).isEmpty)
    #expect(Self.handWritten("⟦t⟧ markerar, ⟦Enter⟧ visar · ⟦Ctrl-S", .swedish).isEmpty)
    #expect(Self.handWritten("22 d i steget · var 12:e månad", .swedish).isEmpty)
    #expect(Self.handWritten("Flaggor  R was due for review", .english).isEmpty)
    #expect(Self.handWritten("ersätter: Tillbuds (P 12) · med H │ with a reason", .english).isEmpty)
    #expect(Self.handWritten("undo with u during the session", .english) == ["u"])
    #expect(Self.handWritten("Välj först (↑↓). ←→ byter", .swedish) == ["↑↓", "←→"])
  }

  /// Whether `mention`, named in a text drawn for `state`, is bound there to the
  /// action the text says.
  static func bound(_ mention: KeyMention, in state: AppState) -> Bool {
    if mention.action == .keepFilter || mention.action == .clearFilter {
      // The keys that end typing into a filter, from the table the filter reads.
      let key = mention.action == .keepFilter ? ListState.keepFilterKey : ListState.clearFilterKey
      return mention.text == key.description
    }
    guard let key = mention.key else {
      if mention.action == .quit { return mention.text == App.tooSmallQuitKey.description }
      // A dialog's key: the keys of the dialog the text is in do it.
      return state.overlays.contains { overlay in
        overlay.bindings(state).contains { $0.key == mention.text && $0.does == mention.action }
      }
    }
    // A key of the screen, as the screen takes it when no dialog is open.
    var s = state
    s.overlays = []
    var copy = s
    if s.screen.view.handleInput(key, &copy) != nil { return false }
    let binding =
      s.screen.view.bindings(s).first { $0.keys.contains(key) }
      ?? GlobalKeys.bindings.first { $0.keys.contains(key) }
    guard let binding, !(binding.edits && s.readOnly) else { return false }
    return binding.does == mention.action
  }

  @Test(
    "every screen, part and dialog, in Swedish and English at 80×24 and 100×30: each key a text names is bound there to what it says, and no text names a key by hand"
  )
  func everyTextNamesBoundKeys() throws {
    var problems: [String] = []
    var mentions = 0
    var pictures = 0
    try ConsoleWalk.pictures { at, state in
      pictures += 1
      let log = KeyMentionLog()
      let frame = KeyMentionLog.listen(log) { RootView.render(state) }
      mentions += log.mentions.count
      for m in log.mentions where !Self.bound(m, in: state) {
        problems.append("\(at): '\(m.text)' is not bound to \(m.action)")
      }
      for line in frame.lines {
        let keys = Self.handWritten(line, state.language)
        if !keys.isEmpty {
          problems.append(
            "\(at): \(keys) by hand in '\(line.trimmingCharacters(in: .whitespaces))'")
        }
      }
    }
    #expect(pictures > 400, "the walk drew \(pictures) pictures")
    #expect(mentions > 0)
    let report = ConsoleWalk.report(problems)
    #expect(report.count == 0, "\(report.text)")
  }

  @Test(
    "every screen, part and dialog, the demo's e-coordinator's and a manager's, in Swedish and English: no two keys in the hint bar say the same word"
  )
  func hintLabelsDistinct() throws {
    var problems: [String] = []
    try ConsoleWalk.pictures { at, state in
      var keysOf: [String: Set<String>] = [:]
      for hint in Chrome.hints(state) { keysOf[hint.label, default: []].insert(hint.key) }
      for (label, keys) in keysOf where keys.count > 1 {
        problems.append("\(at): \(keys.sorted()) all say '\(label)'")
      }
    }
    let report = ConsoleWalk.report(problems)
    #expect(report.count == 0, "\(report.text)")
  }

  @Test("the outage line on every other screen names the key to the outage screen from the keymap")
  func outageBannerKey() throws {
    let d = ConsoleDriver(try OutagesScreenTests.withOutage(minutesAgo: 5))
    d.press(.character("2"))
    let log = KeyMentionLog()
    _ = KeyMentionLog.listen(log) { RootView.render(d.state) }
    let mention = try #require(log.mentions.first { $0.action == .screenOutages })
    #expect(mention.key == .character("4") && Self.bound(mention, in: d.state))
    #expect(d.frame.line(22).contains("· 4"), "\(d.frame.line(22))")
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// A paste arrives as one key and lands in one step, cleaned and bounded; typing
/// into a long field costs the same per key as into a short one; a terminal too
/// large to draw gets one line, not a frame of its size.
@Suite struct PasteTests {
  typealias F = CatalogueFixtures

  func form(_ d: ConsoleDriver) -> FormOverlay? { d.state.overlays.last as? FormOverlay }

  func focus(_ d: ConsoleDriver, _ name: String) {
    while let f = form(d), f.fields[f.focus].name != name { d.press(.tab) }
  }

  /// A new e-service's form with the focus on its name.
  func newService() throws -> ConsoleDriver {
    let d = ConsoleDriver(F.municipality())
    d.press(.character("2"), .character("n"))
    focus(d, EService.Fields.name.name)
    _ = try #require(form(d))
    return d
  }

  @Test("a paste of 1 MB into a one-line field: the field holds its limit, a note says the rest")
  func megabytePasteIsBounded() throws {
    let d = try newService()
    let paste = String(repeating: "abcdefghij", count: 100_000)
    let clock = ContinuousClock()
    let took = clock.measure { d.press(.paste(paste)) }
    print("a 1 MB paste into a form field took \(took)")
    let f = try #require(form(d))
    #expect(f.fields[f.focus].text == String(paste.prefix(TextInput.lineLimit)))
    let refused = paste.count - TextInput.lineLimit
    #expect(
      f.errors[f.fields[f.focus].name]?.sv.contains("\(refused) tecken togs inte emot") == true)
    #expect(d.frame.contains("\(refused)"), "\(d.frame.lines.joined(separator: "\n"))")
    // A key right after is handled: it is refused too (the field is full) and the
    // next editing key works.
    d.press(.backspace)
    #expect(form(d)?.fields[f.focus].text.count == TextInput.lineLimit - 1)
  }

  @Test("a paste into a one-line field is cleaned: line breaks, tabs and controls")
  func pasteIsCleaned() throws {
    let d = try newService()
    d.press(.paste("Bygg\r\nlov\t\u{1B}[31m\u{202E}x"))
    let f = try #require(form(d))
    #expect(f.fields[f.focus].text == "Bygg lov \u{FFFD}[31mx")
  }

  @Test("a paste in the middle of a text goes in at the cursor, and the cursor after it")
  func pasteAtCursor() throws {
    let d = try newService()
    d.type("ac")
    d.press(.left, .paste("b"), .character("!"))
    let f = try #require(form(d))
    #expect(f.fields[f.focus].text == "ab!c")
  }

  @Test("typing a long text up to its limit stays linear; the limit holds and is said")
  func longTypingIsLinear() throws {
    let d = try newService()
    focus(d, EService.Fields.legalNote.name)
    let clock = ContinuousClock()
    let short = clock.measure { for _ in 0..<2_000 { d.press(.character("a")) } }
    let rest = TextInput.multilineLimit - 2_000
    let long = clock.measure { for _ in 0..<rest { d.press(.character("a")) } }
    print("typing: first 2,000 characters \(short), next \(rest) \(long)")
    let f = try #require(form(d))
    #expect(f.fields[f.focus].text.count == TextInput.multilineLimit)
    d.press(.character("b"))
    #expect(form(d)?.fields[f.focus].text.count == TextInput.multilineLimit)
    #expect(form(d)?.errors[EService.Fields.legalNote.name] != nil)
  }

  @Test("the console's editor takes a paste of lines in one step, bounded")
  func editorTakesPaste() throws {
    var editor = TextAreaOverlay(
      EditRequest(text: "ett\ntvå", title: LocalizedText(verbatim: "t")) { _, _ in [] })
    let state = ConsoleDriver(F.municipality()).state
    _ = editor.handle(.down, state: state)
    _ = editor.handle(.end, state: state)
    _ = editor.handle(.paste("\rtre\rfyra"), state: state)
    _ = editor.handle(.character("!"), state: state)
    #expect(editor.text == "ett\ntvå\ntre\nfyra!")
    _ = editor.handle(.paste(String(repeating: "x\r", count: 30_000)), state: state)
    #expect(editor.text.count == TextInput.multilineLimit)
    #expect(editor.note != nil)
  }

  @Test("a list's filter takes a paste as one line, bounded and said")
  func filterTakesPaste() throws {
    let d = ConsoleDriver(F.municipality())
    d.press(.character("2"), .character("/"))
    d.press(.paste("Bygg\nlov"))
    #expect(d.state.catalogue.list.filter == "Bygg lov")
    d.press(.paste(String(repeating: "y", count: 1_000)))
    #expect(d.state.catalogue.list.filter.count == TextInput.filterLimit)
    #expect(d.state.flash != nil)
  }

  @Test("a terminal of 10000×10000 gets one line saying it is too large; q quits")
  func tooLargeIsOneLine() throws {
    let d = ConsoleDriver(F.municipality())
    d.resize(10_000, 10_000)
    let frame = d.frame
    #expect(frame.height == 1)
    #expect(frame.width <= AppState.maximumWidth)
    #expect(frame.lines[0].contains("för stor (10000×10000)"), "\(frame.lines)")
    d.resize(AppState.maximumWidth, AppState.maximumHeight)
    #expect(!d.state.sizeRefused)
  }
}

import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Label columns sized from the longest label in the language shown: nothing cut in
/// English ("Personal-data controlle", "Manag…") or Swedish, at 80×24 and 100×30.
@Suite struct LabelWidthTests {
  static let forms: [(name: String, keys: [Key])] = [
    ("new e-service", [.character("2"), .character("n")]),
    ("edit e-service", [.character("2"), .character("e")]),
    ("new staff member", [.character("3"), .character("n")]),
    ("new order", [.character("5"), .character("n")]),
    ("contacts", [.character("i"), .character("e")]),
  ]

  @Test("every form's labels whole, in both languages, at 80×24 and 100×30")
  func formLabels() throws {
    for language in Language.allCases {
      for (width, height) in [(80, 24), (100, 30)] {
        for form in Self.forms {
          let d = ConsoleDriver(try Fixtures.demo, width: width, height: height, language: language)
          for key in form.keys { d.press(key) }
          let last = d.state.overlays.last
          let overlay = try #require(
            last as? FormOverlay ?? (last as? OrderIntakeOverlay)?.form, "\(form.name): no form")
          // Tab through the form so every field has been in view.
          var text = ""
          for _ in overlay.fields {
            text += d.frame.lines.joined(separator: "\n")
            d.press(.tab)
          }
          for field in overlay.fields {
            let label = field.label(language)
            #expect(
              text.contains(label), "\(language) \(width)×\(height) \(form.name): '\(label)' cut")
          }
        }
      }
    }
  }

  @Test("the e-service's detail and the contacts: every label whole")
  func detailLabels() throws {
    for language in Language.allCases {
      for (width, height) in [(80, 24), (100, 30)] {
        let d = ConsoleDriver(try Fixtures.demo, width: width, height: height, language: language)
        d.press(.character("2"), .enter)
        var seen = ""
        for _ in 0..<6 {
          seen += d.frame.lines.joined(separator: "\n")
          d.press(.pageDown)
        }
        for role in ServiceRole.allCases {
          #expect(seen.contains(role.label(language) + " "), "\(language) \(width): \(role)")
        }
        let c = ConsoleDriver(try Fixtures.demo, width: width, height: height, language: language)
        c.press(.character("i"))
        let contacts = c.frame.lines.joined(separator: "\n")
        for label in [AdminTexts.name, AdminTexts.organisation, AdminTexts.phone, AdminTexts.email]
        {
          #expect(contacts.contains(label(language) + " "), "\(language) \(width): \(label.en)")
        }
      }
    }
  }
}

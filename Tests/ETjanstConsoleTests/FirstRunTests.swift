import ETjanstConsole
import ETjanstDomain
import Foundation
import Testing

/// The first run's choice: every key its text names opens what that line says.
@Suite struct FirstRunTests {
  @Test("each line names a key that makes its choice, in both languages")
  func namedKeysWork() {
    for language in Language.allCases {
      let frame = FirstRun.frame(
        width: 80, height: 24, path: "/tmp/etjanst.plist", language: language,
        theme: Theme(useColor: false))
      let text = frame.lines.joined(separator: "\n")
      for option in FirstRun.options {
        let described = option.text(language)
        let line = frame.lines.first { $0.contains(String(described.prefix(20))) }
        let shown = try? #require(line, "\(language): '\(described)' not shown in\n\(text)")
        // The line begins (inside the box) with the key, two spaces, then the text.
        let named = shown.flatMap {
          $0.split(separator: "│").dropFirst().first?.trimmingCharacters(in: .whitespaces)
            .split(separator: " ").first
        }
        let key = named.flatMap { $0.count == 1 ? Key.character($0.first!) : nil }
        #expect(key.flatMap(FirstRun.choice(for:)) == option.choice, "\(language): \(shown ?? "")")
      }
    }
  }
}

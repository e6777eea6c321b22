import Foundation
import Testing

@testable import ETjanstDomain

/// The trail's kinds of change as people read and type them.
@Suite struct ChangeKindTests {
  /// The package's Sources folder (this file is Tests/ETjanstDomainTests/…).
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

  /// Every name in `folders` that matches `pattern`'s first group.
  static func names(_ pattern: String, in folders: [String]) throws -> Set<String> {
    let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    var found = Set<String>()
    for folder in folders {
      let root = sources.appendingPathComponent(folder)
      let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
      for file in files ?? [] where file.hasSuffix(".swift") {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        let range = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: range) {
          if let name = Range(match.range(at: 1), in: text) { found.insert(String(text[name])) }
        }
      }
    }
    return found
  }

  @Test(
    "every command the store records, and every entity an edit names, has a word in both languages")
  func everyKindHasAWord() throws {
    let commands = try Self.names(
      #"^(?:public )?struct (\w+)(?:<[^>]*>)?: Command\b"#,
      in: ["ETjanstDomain", "ETjanstStore"])
    #expect(commands.count > 40, "\(commands)")
    for command in commands.subtracting(["EditFields"]).sorted() {
      let word = ChangeKind.label(command)
      #expect(word.sv != command && word.en != command, "\(command) has no word")
    }
    let entities = try Self.names(#"^extension (\w+): FieldedEntity\b"#, in: ["ETjanstDomain"])
    #expect(entities.contains("EService"), "\(entities)")
    for entity in entities.sorted() {
      let kind = "EditFields<\(entity)>"
      #expect(ChangeKind.label(kind).sv.hasPrefix("Ändrade "), "\(kind) has no word")
    }
    #expect(ChangeKind.label("CreateStore").sv == "Skapade registret")
  }

  @Test("--kind takes a kind's word in either language, a part of it, or its name")
  func kindsByWord() {
    #expect(ChangeKind.kinds(named: "Gav behörighet") == ["GrantAccess"])
    #expect(ChangeKind.kinds(named: "granted access") == ["GrantAccess"])
    #expect(ChangeKind.kinds(named: "GrantAccess") == ["GrantAccess"])
    #expect(
      ChangeKind.kinds(named: "ändrade e-tjänst") == ["EditFields<EService>", "EditEService"])
    let access = ChangeKind.kinds(named: "behörighet")
    #expect(access.isSuperset(of: ["GrantAccess", "RevokeAccess"]), "\(access)")
    #expect(ChangeKind.kinds(named: "no such thing").isEmpty)
    // A name this version does not know (a later version's line) is taken as it is.
    #expect(ChangeKind.kinds(named: "SomethingNew") == ["SomethingNew"])
    #expect(ChangeKind.kinds(named: "trollade").isEmpty)
    #expect(ChangeKind.kinds(named: "  ").isEmpty)
    // A kind from a later version reads as its name.
    #expect(ChangeKind.label("SomethingNew").sv == "SomethingNew")
  }
}

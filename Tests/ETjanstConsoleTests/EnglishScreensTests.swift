import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// In English, no Swedish word is left on any screen, part or dialog. The console is
/// walked over the demo with every text of its data that could carry Swedish replaced
/// by "Item N", so whatever Swedish a picture shows comes from the console's own texts.
@Suite struct EnglishScreensTests {
  let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Words of the console's Swedish texts that are not also English words.
  static let swedishWords: Set<String> = [
    "och", "inte", "att", "som", "med", "till", "eller", "ingen", "inga", "alla", "visa",
    "sparad", "sparas", "tillbaka", "sortera", "filtrera", "avsluta", "kommun", "rutin",
    "rutiner", "avbrott", "klar", "klara", "datum", "namn", "ny", "nytt", "chef", "dag",
    "dagar", "vecka", "ja", "nej", "saknas", "finns", "sida", "rad", "kategori", "adress",
    "flaggor", "ansvar", "plattform", "signering", "lagkrav", "steg", "kommentar", "avtal",
    "granskning", "granskad", "publicerad", "utkast", "avslutad", "aktiv", "slutar",
    "borttagen", "introduktion", "tills", "vidare", "tomt", "kommandorad", "rita", "om",
    "vid", "efter", "innan", "utan", "sedan", "nu", "idag", "vem", "hur", "logg", "loggen",
    "kontakt", "kontakter", "avdelning", "tjanst", "tjanster", "ansok", "flytta", "rulla",
    "stang", "spara", "avbryt", "ta", "bort", "byt", "lagg", "markera", "markerar", "skriver",
    "hittills", "st", "sorterat", "ej", "giltig", "personer", "anvandare", "roll",
  ]

  static let swedishLetters = Set("åäöÅÄÖ")

  /// Names that stay Swedish in English, as the guideline's own: the region's body
  /// (Norrbottens e-nämnd, "the e-nämnd"), the platform e-service orders come in by,
  /// and the three letters that end the Swedish alphabet (how `s` sorts).
  static let names = [
    "Norrbottens e-nämnd", "e-nämnd", "E-nämnd", "Beställning av e-tjänst", "Z Å Ä Ö",
  ]

  static func withoutNames(_ line: String) -> String {
    names.reduce(line) { $0.replacingOccurrences(of: $1, with: "") }
  }

  /// The Swedish in `text`: a letter of its own or a word from the list.
  static func swedish(in text: String) -> [String] {
    var found: [String] = []
    if text.contains(where: { swedishLetters.contains($0) }) { found.append("å/ä/ö") }
    for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
      if swedishWords.contains(String(word)) { found.append(String(word)) }
    }
    return found
  }

  /// The demo with every string that `swedish(in:)` flags replaced by "Item N" (the
  /// same text by the same replacement, so what refers to a name still agrees).
  static func neutralDemo() throws -> Municipality {
    let encoded = try JSONEncoder().encode(try Fixtures.demo)
    var replacements: [String: String] = [:]
    func neutral(_ value: Any) -> Any {
      switch value {
      case let text as String:
        guard !swedish(in: text).isEmpty else { return text }
        if let known = replacements[text] { return known }
        let replacement = "Item \(replacements.count + 1)"
        replacements[text] = replacement
        return replacement
      case let list as [Any]: return list.map(neutral)
      case let object as [String: Any]:
        // Keys in order, so "Item N" numbers the same texts alike in every run.
        var out: [String: Any] = [:]
        for key in object.keys.sorted() { out[key] = neutral(object[key]!) }
        return out
      default: return value
      }
    }
    let object = neutral(try JSONSerialization.jsonObject(with: encoded))
    return try JSONDecoder().decode(
      Municipality.self, from: try JSONSerialization.data(withJSONObject: object))
  }

  @Test("every screen, part and dialog in English at 80×24 and 100×30: no Swedish word")
  func noSwedishLeft() throws {
    let demo = try Self.neutralDemo()
    #expect(Self.swedish(in: demo.name).isEmpty)
    let stops = ConsoleWalk.stops(
      demo, extra: [("overview i", [.character("i")])], language: .english)
    #expect(stops.count > 100, "\(stops.count) stops")
    var problems: [String] = []
    for stop in stops {
      for (w, h) in [(80, 24), (100, 30)] {
        let frame = ConsoleWalk.frame(stop, width: w, height: h, language: .english)
        for line in frame.lines {
          let found = Self.swedish(in: Self.withoutNames(line))
          if !found.isEmpty {
            problems.append("\(stop.name) \(w)×\(h): \(found.joined(separator: ",")) in '\(line)'")
          }
        }
      }
    }
    let report = ConsoleWalk.report(problems)
    #expect(report.count == 0, "\(report.count) lines with Swedish:\n\(report.text)")
  }

  @Test("each screen has an English golden at 100×30, over the neutral demo")
  func englishGoldens() throws {
    let demo = try Self.neutralDemo()
    let places: [(String, [Key])] = [
      ("overview", [.character("1")]), ("catalogue", [.character("2")]),
      ("catalogue-detail", [.character("2"), .enter]), ("staff", [.character("3")]),
      ("staff-person", [.character("3"), .enter]), ("outages", [.character("4")]),
      ("orders", [.character("5")]), ("settings", [.character("i")]),
      ("help", [.character("2"), .character("?")]),
    ]
    for (name, keys) in places {
      let d = ConsoleDriver(demo, width: 100, height: 30, language: .english)
      for key in keys { d.press(key) }
      #expect(d.frame.lines.allSatisfy { Self.swedish(in: Self.withoutNames($0)).isEmpty })
      Golden.assertFrame(d.frame, named: "en-\(name)-100x30", in: goldenDir)
    }
  }

  @Test("every table's headings whole in both languages at 80×24 and 100×30")
  func tableHeadingsWhole() throws {
    let demo = try Fixtures.demo
    // The access matrix is left out: its headings are numbers, and "…" there says
    // that more e-services lie to the right.
    let tables: [[Key]] = [
      [.character("2")], [.character("3")], [.character("4")], [.character("5"), .character("v")],
    ]
    for language in Language.allCases {
      for (w, h) in [(80, 24), (100, 30)] {
        for keys in tables {
          let d = ConsoleDriver(demo, width: w, height: h, language: language)
          for key in keys { d.press(key) }
          // The heading row is the one with the sort arrow.
          let heading = d.frame.lines.first { $0.contains("↑") || $0.contains("↓") } ?? ""
          #expect(!heading.isEmpty, "\(language) \(w) \(keys)")
          #expect(!heading.contains("…"), "\(language) \(w) \(keys): '\(heading)'")
        }
      }
    }
  }
}

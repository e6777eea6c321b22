import ETjanstResources
import Foundation
import Testing

@testable import ETjanstDomain

@Suite struct SwedishCollationTests {
  @Test("Swedish order: … Z Å Ä Ö, case-insensitive")
  func order() {
    let sorted = [
      "Örnsköldsvik", "Ängelholm", "Åre", "Zinkgruvan", "avesta", "Övertorneå", "Älvsbyn",
    ]
    .sortedSwedish { $0 }
    #expect(
      sorted == [
        "avesta", "Zinkgruvan", "Åre", "Älvsbyn", "Ängelholm", "Örnsköldsvik", "Övertorneå",
      ])
  }

  @Test("search keeps å ä ö apart from a and o")
  func search() {
    #expect(SwedishCollation.contains("Bygglov för Åre", "åre"))
    #expect(!SwedishCollation.contains("Bygglov", "å"))
    #expect(!SwedishCollation.contains("Ansökan", "ansokan"))
    #expect(SwedishCollation.contains("ANSÖKAN", "ansökan"))
  }

  /// The locale's case-insensitive search, which the folded shortcut must agree with.
  static func byLocale(_ haystack: String, _ needle: String) -> Bool {
    needle.isEmpty
      || haystack.range(
        of: needle, options: [.caseInsensitive], locale: Locale(identifier: "sv_SE")) != nil
  }

  @Test("the search's shortcut agrees with the locale's search, capitals and å ä ö included")
  func searchShortcutAgrees() throws {
    var haystacks = [
      "Bygglov för Åre", "ÄLVSBYN", "Övertorneå kommun", "Ansökan om ekonomiskt bistånd",
      "Élise Öberg-Ängström", "Müller", "x × y", "naïve café", "Straße", "e-tjänst\u{AD}er",
      "tab\there", "µg", "Ærø", "ÿ", "",
    ]
    for value in UInt32(0x20)...0xFF {
      if let scalar = Unicode.Scalar(value) { haystacks.append("Ab\(scalar)Cd") }
    }
    var compared = 0
    for haystack in haystacks {
      var needles = ["a", "å", "Å", "ö", "O", "ss", "ß", "µ", "×", "é", "E", " ", "\u{AD}"]
      let characters = Array(haystack)
      for start in stride(from: 0, to: characters.count, by: 2) {
        for length in 1...3 where start + length <= characters.count {
          let part = String(characters[start..<(start + length)])
          needles += [part, part.uppercased(), part.lowercased()]
        }
      }
      for needle in needles {
        #expect(
          SwedishCollation.contains(haystack, needle) == Self.byLocale(haystack, needle),
          "\(haystack) / \(needle)")
        compared += 1
      }
    }
    #expect(compared > 2000)
  }

  @Test("a key kept from before is the key made afresh, also past the cache's bound")
  func keptKeys() {
    let texts = (0..<35_000).map { "Åsa \($0 % 7 == 0 ? "Öberg" : "Berg") \($0)" }
    for text in texts + texts.prefix(2_000) + ["", "ÅÄÖ", "åäö"] {
      #expect(SwedishCollation.key(text) == SwedishCollation.makeKey(text), "\(text)")
    }
  }

  @Test("numbers sort by value")
  func numbers() {
    #expect(["SOC 10", "SOC 9", "SOC 100"].sortedSwedish { $0 } == ["SOC 9", "SOC 10", "SOC 100"])
  }
}

@Suite struct DayTests {
  @Test("parses YYYY-MM-DD and refuses impossible dates")
  func parsing() {
    #expect(Day("2026-02-28") == Day(year: 2026, month: 2, day: 28))
    #expect(Day("2026-02-29") == nil)
    #expect(Day("2026-2-3") == nil)
    #expect(Day("igår") == nil)
  }

  @Test("arithmetic across months and years")
  func arithmetic() {
    let d = Day(year: 2026, month: 12, day: 30)
    #expect(d.adding(days: 3) == Day(year: 2027, month: 1, day: 2))
    #expect(d.adding(months: 2) == Day(year: 2027, month: 2, day: 28))
    #expect(d.days(until: Day(year: 2027, month: 1, day: 29)) == 30)
  }

  @Test("a day is the Stockholm calendar day, whatever the server's zone")
  func stockholm() {
    // 23:30 UTC on 31 Dec is already 1 Jan in Sweden.
    let date = ISO8601DateFormatter().date(from: "2026-12-31T23:30:00Z")!
    #expect(Day(date) == Day(year: 2027, month: 1, day: 1))
  }

  @Test("encodes as a plain YYYY-MM-DD string")
  func coding() throws {
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .xml
    let data = try encoder.encode(["d": Day(year: 2026, month: 11, day: 27)])
    let back = try PropertyListDecoder().decode([String: Day].self, from: data)
    #expect(back["d"] == Day(year: 2026, month: 11, day: 27))
    #expect(String(decoding: data, as: UTF8.self).contains("<string>2026-11-27</string>"))
  }
}

@Suite struct SwedishCollationKeyTests {
  /// Names and titles as the store holds them, and the cases that are easy to get wrong.
  static func corpus() throws -> [String] {
    let demo = try DemoData.load(today: DemoData.Reference.day)
    let region = Synthetic.municipality(
      Synthetic.Size(departments: 100, services: 120, staff: 120, cases: 0),
      coordinator: User(login: "x", name: "X", role: .eCoordinator),
      now: Date(timeIntervalSince1970: 1e9))
    var words =
      demo.services.map(\.name) + demo.staff.map(\.name) + demo.departments.map(\.name)
      + region.services.map(\.name) + region.staff.map(\.name) + region.departments.map(\.name)
    words += [
      "", " ", "a", "A", "å", "Å", "ä", "æ", "ö", "ø", "o", "z", "y", "ü", "é", "e", "è",
      "Ångström",
      "Åsa Öberg", "Asa Oberg", "Åsa", "Ärende", "Öppen", "Zorn", "Wallin", "Vallin", "SOC 9",
      "SOC 10", "SOC 100", "SOC 009", "2026/0412", "2026/412", "a-b", "a b", "ab", "a,b", "(x)",
      "x–y", "Ölands", "Oland", "Ödeshög", "Müller", "Myller", "Mueller", "Ğ", "日本", "Ω",
      "Ansökan om bygglov", "Ansökan om bygglov – Kiruna", "Ansökan om bygglov, Kiruna",
    ]
    return words
  }

  @Test("the collation key orders like the sv_SE collator")
  func keyAgreesWithCollator() throws {
    let words = Array(Set(try Self.corpus())).sorted()
    var disagreements: [String] = []
    for a in words {
      for b in words where a < b {
        let collator = SwedishCollation.compare(a, b)
        let (ka, kb) = (SwedishCollation.key(a), SwedishCollation.key(b))
        let keyed: ComparisonResult =
          ka < kb ? .orderedAscending : kb < ka ? .orderedDescending : .orderedSame
        // The collator ignores case; the key may then keep them apart or equal.
        if collator != .orderedSame && keyed != collator {
          disagreements.append("\(a) | \(b): collator \(collator.rawValue), key \(keyed.rawValue)")
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
  }
}

import Foundation
import Testing

@testable import ETjanstDomain

/// Days are read and written without the calendar in the common form; these check that
/// the shortcut gives the calendar's answer, so it changes no day a store holds.
@Suite struct DayParsingTests {
  /// Every month and day number 0–32 of years around the leap rules' edges and the
  /// Julian/Gregorian change, and strings that are not plain days.
  static func texts() -> [String] {
    var texts: [String] = []
    let years = [1, 1500, 1582, 1583, 1600, 1700, 1899, 1900, 2000, 2024, 2026, 2100, 2400, 9999]
    for year in years {
      for month in 0...13 {
        for day in 0...32 {
          let y = String(year)
          let text =
            String(repeating: "0", count: 4 - y.count) + y + "-"
            + (month < 10 ? "0\(month)" : "\(month)") + "-" + (day < 10 ? "0\(day)" : "\(day)")
          texts.append(text)
        }
      }
    }
    texts += [
      " 2026-02-28", "2026-02-28 ", "2026-2-28", "2026-02-2", "+026-02-28", "2026/02/28",
      "２０２６-02-28", "2026-02-28T", "", "----------", "2026-0a-28", "-2026-02-2",
    ]
    return texts
  }

  @Test("the plain YYYY-MM-DD shortcut agrees with the calendar")
  func shortcutAgreesWithTheCalendar() {
    var compared = 0
    for text in Self.texts() {
      #expect(Day(text) == Day(byCalendar: text), "\(text)")
      if case .other = Day.plain(text) {} else { compared += 1 }
    }
    // The shortcut answered most of them (not everything fell through to the calendar).
    #expect(compared > 4000)
  }

  @Test("a day is written as String(format:) wrote it")
  func description() {
    for (y, m, d) in [
      (2026, 11, 27), (1, 1, 1), (999, 12, 31), (9999, 9, 9), (-5, 1, 2), (12345, 1, 1),
    ] {
      let day = Day(year: y, month: m, day: d)
      #expect(day.description == String(format: "%04d-%02d-%02d", y, m, d))
    }
  }
}

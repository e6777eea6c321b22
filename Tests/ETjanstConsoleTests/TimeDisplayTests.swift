import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// Every time of day the console shows is Stockholm's local time with its offset.
@Suite struct TimeDisplayTests {
  static let places: [(name: String, keys: [Key])] = [
    ("overview", []), ("catalogue detail", [.character("2"), .enter]),
    ("staff person", [.character("3"), .enter]), ("outages", [.character("4")]),
    ("outage detail", [.character("4"), .enter]), ("orders", [.character("5")]),
    ("order detail", [.character("5"), .enter]),
    ("trail", [.character(":"), .character("l"), .character("o"), .character("g"), .enter]),
  ]

  @Test("no time of day without its offset, on any screen, winter or summer")
  func everyTimeHasItsOffset() throws {
    let bare = try Regex(#"\d{4}-\d\d-\d\d \d\d:\d\d(?! [+-]\d\d:\d\d)"#)
    let summer = Day(year: 2026, month: 7, day: 1).start.addingTimeInterval(14 * 3600)
    for now in [Fixtures.now, summer] {
      for place in Self.places {
        for width in [100, 160] {
          let d = ConsoleDriver(try Fixtures.demo, width: width, height: 30, now: now)
          for key in place.keys { d.press(key) }
          for line in d.frame.lines {
            #expect(line.firstMatch(of: bare) == nil, "\(place.name) \(width): \(line)")
          }
        }
      }
    }
  }

  @Test("the header says the time with its offset: +01:00 in winter, +02:00 in summer")
  func headerOffset() {
    let d = ConsoleDriver(Fixtures.small(), width: 100, height: 30)
    #expect(d.frame.line(0).contains("2026-11-27 10:00 +01:00"), "\(d.frame.line(0))")
    let summer = Day(year: 2026, month: 7, day: 1).start.addingTimeInterval(14 * 3600)
    let s = ConsoleDriver(Fixtures.small(), width: 100, height: 30, now: summer)
    #expect(s.frame.line(0).contains("2026-07-01 14:00 +02:00"), "\(s.frame.line(0))")
    #expect(Format.clock(summer) == "14:00")
  }
}

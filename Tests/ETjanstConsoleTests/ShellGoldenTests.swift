import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// Golden frames of the console's frame over the demo data: the overview and help,
/// at 80×24 and 132×43, with and without colour.
@Suite struct ShellGoldenTests {
  static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  @Test(
    "overview at 80×24 and 132×43, colour and NO_COLOR", arguments: [(80, 24), (132, 43)],
    [true, false])
  func overview(size: (Int, Int), color: Bool) throws {
    let d = ConsoleDriver(try Fixtures.demo, width: size.0, height: size.1, color: color)
    Golden.assertFrame(
      d.frame, named: "shell-overview-\(size.0)x\(size.1)\(color ? "" : "-nocolor")",
      in: Self.goldenDir)
  }

  @Test("help over the catalogue at 80×24")
  func help() throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(.character("2"), .character("?"))
    Golden.assertFrame(d.frame, named: "shell-help-catalogue-80x24", in: Self.goldenDir)
  }

  @Test("a terminal that is too small")
  func tooSmall() throws {
    let d = ConsoleDriver(try Fixtures.demo, width: 70, height: 20)
    Golden.assertFrame(d.frame, named: "shell-too-small-70x20", in: Self.goldenDir)
  }

  @Test("NO_COLOR frames use no colour at all")
  func noColorHasNoColor() throws {
    for screen in ScreenID.allCases {
      let d = ConsoleDriver(try Fixtures.demo, color: false)
      d.press(.character(Character(String(screen.rawValue))))
      let colored = d.frame.cells.filter {
        $0.style.foreground != nil || $0.style.background != nil
      }
      #expect(colored.isEmpty, "\(screen) uses colour under NO_COLOR")
    }
  }
}

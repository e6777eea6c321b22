import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

/// What one selection move changes in the console's own screen: the row that loses
/// the highlight, the row that gets it, and the digits of the position counter. The
/// terminal is sent only what changed, so a view that repaints more (a status line
/// rewritten, a whole list redrawn) costs bytes on every key and fails here.
@Suite struct RepaintTests {
  /// Cells that differ between two frames of the same size.
  static func changedCells(_ a: Frame, _ b: Frame) -> [(x: Int, y: Int)] {
    var changed: [(x: Int, y: Int)] = []
    for y in 0..<a.height {
      for x in 0..<a.width where a[x, y] != b[x, y] { changed.append((x, y)) }
    }
    return changed
  }

  /// The list screens. (The orders board is left out: a card move there also shows
  /// the newly selected card's details in the pane below, by design.)
  @Test(arguments: ["1", "2", "3", "4"])
  func oneDownChangesTwoRowsAndTheCounter(screen: Character) throws {
    let d = ConsoleDriver(try Fixtures.demo)
    d.press(.character(screen))
    d.press(.down)
    let before = d.frame
    d.press(.down)
    let after = d.frame
    let changed = Self.changedCells(before, after)
    var perRow: [Int: Int] = [:]
    for cell in changed { perRow[cell.y, default: 0] += 1 }
    #expect(perRow.count >= 2, "screen \(screen): the highlight did not move")
    // The two rows of the highlight, and at most a counter's few digits elsewhere.
    #expect(perRow.count <= 3, "screen \(screen): rows \(perRow.keys.sorted()) changed")
    #expect(perRow.values.filter { $0 > 6 }.count <= 2, "screen \(screen): \(perRow)")
    #expect(changed.count <= 2 * after.width + 6, "screen \(screen): \(changed.count) cells")
  }
}

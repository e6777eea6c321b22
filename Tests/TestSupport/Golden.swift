import ETjanstConsole
import Foundation
import Testing

/// Golden frames: a frame as plain text plus a grid of its styles, in a file named
/// after the test. Re-record with `ETJANST_RECORD_GOLDEN=1 swift test`, then read
/// the diff before committing it; never edit a golden by hand.
public enum Golden {
  public static var recording: Bool {
    ProcessInfo.processInfo.environment["ETJANST_RECORD_GOLDEN"] == "1"
  }

  /// The frame as the golden file holds it.
  public static func render(_ frame: Frame) -> String {
    var styles: [CellStyle: Character] = [.plain: "."]
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var grid: [String] = []
    for y in 0..<frame.height {
      var row = ""
      for x in 0..<frame.width {
        let style = frame[x, y].style
        if styles[style] == nil {
          styles[style] = letters[min(styles.count - 1, letters.count - 1)]
        }
        row.append(styles[style]!)
      }
      grid.append(row)
    }
    let legend = styles.filter { $0.key != .plain }.sorted { $0.value < $1.value }.map {
      "\($0.value) = \(describe($0.key))"
    }
    return (frame.lines + ["--- styles"] + grid + ["--- legend"] + legend).joined(separator: "\n")
      + "\n"
  }

  static func describe(_ style: CellStyle) -> String {
    var parts: [String] = []
    if style.attributes.contains(.bold) { parts.append("bold") }
    if style.attributes.contains(.reverse) { parts.append("reverse") }
    if style.attributes.contains(.underline) { parts.append("underline") }
    if style.attributes.contains(.dim) { parts.append("dim") }
    if let fg = style.foreground { parts.append("fg=\(fg)") }
    if let bg = style.background { parts.append("bg=\(bg)") }
    return parts.joined(separator: " ")
  }

  /// Compares `frame` with `<directory>/<name>.txt`, or writes it when recording.
  public static func assertFrame(
    _ frame: Frame, named name: String, in directory: URL,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    assertText(render(frame), named: name, in: directory, sourceLocation: sourceLocation)
  }

  /// Compares `actual` with `<directory>/<name>.txt`, or writes it when recording.
  public static func assertText(
    _ actual: String, named name: String, in directory: URL,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    if recording {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "No golden file \(url.path); record it with ETJANST_RECORD_GOLDEN=1 and read it.",
        sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let diff = zip(a.indices, zip(a, e)).filter { $0.1.0 != $0.1.1 }.prefix(8).map {
        "line \($0.0 + 1):\n  expected: \($0.1.1)\n  actual:   \($0.1.0)"
      }
      Issue.record(
        "Frame differs from \(name).txt:\n\(diff.joined(separator: "\n"))\n(line counts \(e.count)/\(a.count))",
        sourceLocation: sourceLocation)
    }
  }
}

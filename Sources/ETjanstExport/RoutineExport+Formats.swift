import ETjanstDomain
import Foundation

// MARK: - Plain text

extension Document {
  func text() -> String {
    var out = [title, String(repeating: "=", count: title.count), subtitle, ""]
    for d in departments {
      out += ["", d.name, String(repeating: "-", count: d.name.count)]
      if d.fallbackRoutine == nil {
        out.append(missing)
      } else {
        out += facts(d).map { "\($0.label): \($0.value)" }
        out += ["", stepsHeading + ":"]
        out += steps(d).flatMap { Self.wrap($0, width: 78) }
      }
      out += ["", contactsHeading + ":"]
      out += contacts.flatMap { Self.wrap("\($0.label): \($0.text)", width: 78) }
    }
    return out.map { TextCleaning.printable($0, keepingLineBreaks: true) }.joined(separator: "\n")
      + "\n"
  }

  /// Words onto lines of at most `width` characters; continuation lines indented.
  static func wrap(_ line: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      if !current.isEmpty, current.count + 1 + word.count > width {
        lines.append(current)
        current = "   " + word
      } else {
        current += (current.isEmpty ? "" : " ") + word
      }
    }
    lines.append(current)
    return lines
  }

}

// MARK: - Markdown

extension Document {
  func markdown() -> String {
    let e = Self.markdownEscaped
    var out = ["# \(e(title))", "", "_\(e(subtitle))_"]
    for d in departments {
      out += ["", "## \(e(d.name))", ""]
      if d.fallbackRoutine == nil {
        out.append("**\(e(missing))**")
      } else {
        out += facts(d).map { "- **\(e($0.label)):** \(e($0.value))" }
        out += ["", "### \(e(stepsHeading))", ""]
        // One paragraph per line, so the steps keep their lines when rendered.
        for (i, step) in steps(d).enumerated() {
          if i > 0 { out.append("") }
          out.append(e(step))
        }
      }
      out += ["", "### \(e(contactsHeading))", ""]
      out += contacts.map { "- **\(e($0.label)):** \(e($0.text))" }
    }
    return out.map { TextCleaning.printable($0, keepingLineBreaks: true) }.joined(separator: "\n")
      + "\n"
  }

  /// Backslash before the characters Markdown gives a meaning inside a line, and
  /// before a line's leading heading, quote or bullet marker, so stored text shows
  /// as written (no links, raw HTML or emphasis). A leading "1." stays a list.
  static func markdownEscaped(_ s: String) -> String {
    var out = ""
    for c in s {
      if "\\`*_[]<>|~".contains(c) || (out.isEmpty && "#+->=".contains(c)) { out.append("\\") }
      out.append(c)
    }
    return out
  }
}

// MARK: - HTML

extension Document {
  func html() -> String {
    let e = Self.htmlEscaped
    let lang = language == .swedish ? "sv" : "en"
    var out = [
      "<!DOCTYPE html>",
      "<html lang=\"\(lang)\">",
      "<head>",
      "<meta charset=\"utf-8\"/>",
      "<title>\(e(title)) – \(e(m.name))</title>",
      "<style>",
      "body { font-family: sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.4; }",
      ".flag { font-weight: bold; border: 2px solid; padding: 0.2em 0.5em; }",
      ".contacts { border: 1px solid; padding: 0.5em 1em; }",
      "dt { font-weight: bold; float: left; clear: left; width: 10em; }",
      "dd { margin-left: 11em; }",
      "@media print { section.department { page-break-before: always; } }",
      "</style>",
      "</head>",
      "<body>",
      "<h1>\(e(title))</h1>",
      "<p>\(e(subtitle))</p>",
    ]
    for d in departments {
      out.append("<section class=\"department\">")
      out.append("<h2>\(e(d.name))</h2>")
      if d.fallbackRoutine == nil {
        out.append("<p class=\"flag\">\(e(missing))</p>")
      } else {
        out.append("<dl>")
        for fact in facts(d) { out.append("<dt>\(e(fact.label))</dt><dd>\(e(fact.value))</dd>") }
        out.append("</dl>")
        out.append("<h3>\(e(stepsHeading))</h3>")
        out.append("<div class=\"steps\">")
        out += steps(d).map { "<p>\(e($0))</p>" }
        out.append("</div>")
      }
      out.append("<div class=\"contacts\">")
      out.append("<h3>\(e(contactsHeading))</h3>")
      out += contacts.map { "<p><strong>\(e($0.label)):</strong> \(e($0.text))</p>" }
      out.append("</div>")
      out.append("</section>")
    }
    out += ["</body>", "</html>"]
    return out.joined(separator: "\n") + "\n"
  }

  /// Text for HTML content and attribute values: & < > " ' as entities, and any
  /// control character (which XML forbids) as U+FFFD.
  static func htmlEscaped(_ s: String) -> String {
    var out = ""
    for c in TextCleaning.printable(s, keepingLineBreaks: true).replacingOccurrences(
      of: "\n", with: " ")
    {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}

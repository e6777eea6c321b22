import ArgumentParser
import ETjanstDomain

/// A command name that is not one (`etjanst lsit`, `etjanst help lsit`), said in one
/// line with the nearest names, as git does ("did you mean"). swift-argument-parser
/// calls the first an unexpected argument and answers the second with the main help
/// and exit 0, so both are looked for before it parses.
struct UnknownCommand: Error {
  /// The name as typed, and the command it was looked for under ("etjanst services").
  let typed: String
  let under: String
  let suggestions: [String]

  var message: LocalizedText {
    let near = suggestions.map { "'\($0)'" }
    return LocalizedText(
      sv: "'\(typed)' är inget kommando under \(under)"
        + (near.isEmpty
          ? "; se '\(under) --help'" : "; menade du \(near.joined(separator: " eller "))?"),
      en: "'\(typed)' is not a command of \(under)"
        + (near.isEmpty
          ? "; see '\(under) --help'" : "; did you mean \(near.joined(separator: " or "))?"))
  }

  /// Options before a subcommand that take a value: their value is not a command name.
  static let valueOptions: Set<String> = [
    "--store", "--lang", "--user", "--wait", "--authorized-keys", "--generate-completion-script",
  ]

  /// The unknown name among `arguments`, if the first word that is not an option is
  /// not a subcommand where one is expected (at the top, under `services`, `keys`, …;
  /// and for `help`, every word after it).
  static func find(_ arguments: [String], root: any ParsableCommand.Type) -> UnknownCommand? {
    var subcommands = root.configuration.subcommands
    var path = [root._commandName]
    var words = arguments[...]
    var helping = false
    while let word = words.popFirst() {
      if word == "--" { return nil }
      if word.hasPrefix("-") {
        if valueOptions.contains(word) { _ = words.popFirst() }
        continue
      }
      if path.count == 1 && word == "help" && !helping {
        helping = true
        continue
      }
      guard !subcommands.isEmpty else { return nil }
      // Plain loops over the names: closures over the existential metatypes crashed
      // this compiler (Swift 6.3.1, SILGen).
      var names: [String] = []
      var next: [any ParsableCommand.Type]?
      for command in subcommands {
        let configuration = command.configuration
        let name = command._commandName
        names.append(name)
        if name == word || configuration.aliases.contains(word) {
          next = configuration.subcommands
        }
      }
      if let next {
        subcommands = next
        path.append(word)
        continue
      }
      if path.count == 1 { names.append("help") }
      return UnknownCommand(
        typed: word, under: path.joined(separator: " "), suggestions: nearest(word, in: names))
    }
    return nil
  }

  /// The names nearest `typed`: those at the smallest edit distance (a swap of two
  /// neighbours counts one, so "lsit" is next to "list"), if it is at most 2 and
  /// under half the word; else those it begins.
  static func nearest(_ typed: String, in names: [String]) -> [String] {
    let scored = names.map { ($0, distance(typed, $0)) }
    if let best = scored.map(\.1).min(), best <= 2, best * 2 < max(typed.count, 2) {
      return scored.filter { $0.1 == best }.map(\.0)
    }
    return typed.isEmpty ? [] : names.filter { $0.hasPrefix(typed) }
  }

  /// Optimal string alignment distance (Levenshtein with adjacent transpositions).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}

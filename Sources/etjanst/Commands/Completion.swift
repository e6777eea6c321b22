import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// Shell completion from the store: the departments and logins the user may see,
/// for the options and arguments that take them. The shell asks while a line is
/// being typed, so it reads the store read-only and says nothing: any problem (no
/// store, a broken one, an unknown login) completes nothing.
enum StoreCompletion {
  /// Department names (`--department`).
  static let departments = CompletionKind.custom { words, _, prefix in
    names(words, prefix) { m in m.departments.map(\.name) }
  }

  /// Logins of staff and users (`extract PERSON`, `list audit --person`, `keys add LOGIN`).
  static let logins = CompletionKind.custom { words, _, prefix in
    names(words, prefix) { m in m.staff.map(\.login) + m.users.map(\.login) }
  }

  private static func names(
    _ words: [String], _ prefix: String, _ pick: (Municipality) -> [String]
  ) -> [String] {
    let store = words.indices.dropLast().first { words[$0] == "--store" }.map { words[$0 + 1] }
    let file = StoreFile(location: StoreLocation.resolve(explicit: store))
    guard let whole = try? file.load(), let user = try? identify(in: whole) else { return [] }
    let seen = Visibility(user).scoped(whole)
    // One word each for the shell: names with spaces are offered whole, quoted by it.
    return Array(Set(pick(seen).filter { !$0.isEmpty && $0.hasPrefix(prefix) })).sorted()
      .map { TextCleaning.line($0) }
  }
}

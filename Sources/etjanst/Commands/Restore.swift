import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst restore [--list | N]`: the store's backups, and putting one back.
struct Restore: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the store's backups, or restore backup N (1 is the newest).")

  @Flag(name: .long, help: "List the backups, newest first (the default).")
  var list = false

  @Argument(help: "The backup to restore, as numbered by --list.")
  var number: Int?

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reporting {
      let (file, _, user) = try storeOptions.load()
      let backups = file.backups()
      guard let number, !list else {
        if backups.isEmpty { Output.print("No backups of \(file.path) yet.") }
        for (i, b) in backups.enumerated() {
          Output.print(
            "\(i + 1)  \(ISO8601DateFormatter().string(from: b.date))  \(b.size) bytes  \(b.name)")
        }
        return
      }
      guard backups.indices.contains(number - 1) else {
        throw Failure(
          "there is no backup \(number); \(backups.count) exist (see etjanst restore --list)")
      }
      do {
        try file.restore(backups[number - 1], actor: Actor(user), now: Date())
      } catch {
        throw Failure(error)
      }
      Output.print("Restored \(backups[number - 1].name); the state it replaced is now a backup.")
    }
  }
}

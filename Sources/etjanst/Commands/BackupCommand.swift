import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst backup --to DIR`: a consistent copy of the store and its trail for an
/// off-host backup tool (restic, borg, rsync) to pick up.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the store and its trail into a folder, for an off-host backup to pick up.",
    discussion: """
      The copy is made under the store's lock (no save comes between the store and its \
      trail), read back and compared, and named etjanst-<UTC time>-<save id>.plist and \
      .audit, 0600. The folder is noted beside the store, so gallring can name the copies \
      it cannot reach. Put one back with etjanst restore --from FILE.
      """)

  @Option(
    name: .long, help: ArgumentHelp("The folder to write the copy in.", valueName: "folder"),
    completion: .directory)
  var to: String

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var lockWait: LockWaitOption
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      try OutputTarget.requireFolder(to, for: "--to " + to)
      // Only the e-coordinator copies the whole store (a manager sees a department).
      let (file, m, user) = try storeOptions.load()
      guard user.role == .eCoordinator else {
        throw Failure(RuleViolation.readOnly(coordinator: m.contacts.eCoordinator).message)
      }
      lockWait.apply(to: file, language)
      let copy: StoreCopy
      do {
        copy = try file.copy(to: to, now: Date())
      } catch {
        throw Failure(error)
      }
      Output.print(copy.store)
      if let trail = copy.trail { Output.print(trail) }
    }
  }
}

import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst share --group NAME`: shared mode, so several e-coordinators, each with
/// their own login and all in group NAME, can save to one store.
struct Share: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Share the store with a group of e-coordinators: folder 2770, files 0660, all in the group.")

  @Option(name: .long, help: "The group whose members may save (they must be users in the store).")
  var group: String

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  @OptionGroup var lockWait: LockWaitOption

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let (file, _, user) = try storeOptions.load()
      lockWait.apply(to: file, language)
      try file.share(group: group, actor: Actor(user), now: Date())
      Output.print(
        language == .swedish
          ? "Registret delas nu med gruppen \(group): mappen 2770, filerna 0660."
          : "The store is now shared with the group \(group): folder 2770, files 0660.")
    }
  }
}

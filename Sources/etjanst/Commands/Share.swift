import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst share --group NAME`: shared mode, so several e-coordinators, each with
/// their own login and all in group NAME, can save to one store.
/// `etjanst share --managers NAME`: group mode for managers, who read the store
/// (0640 in group NAME) and file requests in its drop folder (1730 in the group).
struct Share: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Share the store: with e-coordinators (--group: folder 2770, files 0660) or managers (--managers: store 0640, a drop folder for requests).",
    discussion: """
      --managers GROUP, run by the store's owner: the store becomes 0640 in GROUP, its \
      folder 0710, and STORE.requests/ a drop folder (1730 in GROUP) where managers \
      leave requests: they can create files there but not list, read, change or remove \
      anyone else's. The e-coordinator's next command takes them into the store.
      """)

  @Option(name: .long, help: "The group whose members may save (they must be users in the store).")
  var group: String?

  @Option(
    name: .long,
    help: "The managers' group: it reads the store and files requests (its members must be users).")
  var managers: String?

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  @OptionGroup var lockWait: LockWaitOption

  func validate() throws {
    if (group == nil) == (managers == nil) {
      throw ValidationError("give exactly one of --group and --managers")
    }
  }

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let (file, _, user) = try storeOptions.load()
      lockWait.apply(to: file, language)
      if let managers {
        try file.share(managers: managers, actor: Actor(user), now: Date())
        Output.print(
          language == .swedish
            ? "Chefsgruppen \(managers) läser nu registret (0640) och lämnar begäranden i \(file.requestDrop.path) (1730)."
            : "The managers' group \(managers) now reads the store (0640) and leaves requests in \(file.requestDrop.path) (1730)."
        )
        return
      }
      let group = group ?? ""
      try file.share(group: group, actor: Actor(user), now: Date())
      Output.print(
        language == .swedish
          ? "Registret delas nu med gruppen \(group): mappen 2770, filerna 0660."
          : "The store is now shared with the group \(group): folder 2770, files 0660.")
    }
  }
}

import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst restore [--list | N]`: the store's backups, and putting one back.
struct Restore: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the store's backups, or restore backup N (1 is the newest) or a copy.",
    discussion: """
      Backups beside the store are kept by age: every save of the last hour, the newest of \
      each hour for two days, of each day for a month, of each month for a year. \
      --from FILE puts back a copy etjanst backup --to wrote (or any store file), through \
      the same checks and lock; the state it replaces becomes a backup.
      """)

  @Flag(name: .long, help: "List the backups, newest first (the default).")
  var list = false

  @Argument(help: "The backup to restore, as numbered by --list.")
  var number: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Restore this copy of the store (from etjanst backup --to).", valueName: "file"),
    completion: .file(extensions: ["plist"]))
  var from: String?

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  @OptionGroup var lockWait: LockWaitOption

  func run() throws {
    let language = languageOption.language
    let sv = language == .swedish
    try reporting(language) {
      let (file, _, user) = try storeOptions.load()
      lockWait.apply(to: file, language)
      if let from {
        guard number == nil, !list else {
          throw Failure(
            sv: "--from tar ingen säkerhetskopia N och inget --list",
            en: "--from takes no backup number N and no --list")
        }
        try file.restore(fromFile: from, actor: Actor(user), now: Date())
        let name = URL(fileURLWithPath: from).lastPathComponent
        Output.print(
          sv
            ? "Återställde \(name); läget den ersatte är nu en säkerhetskopia."
            : "Restored \(name); the state it replaced is now a backup.")
        return
      }
      // A folder the user may not read (a manager, with the store shared 0640) is
      // said to be so: "no backups" or "0 exist" would not be true.
      let backups: [Backup]
      do throws(StoreError) {
        backups = try file.readBackups()
      } catch {
        let reason: String
        if case .cannotRead(let detail) = error.problem {
          reason = detail
        } else {
          reason = "\(error)"
        }
        throw Failure(
          sv: "säkerhetskopiorna i \(error.path) kan inte läsas (\(reason)); "
            + "be e-samordnaren, som äger filen",
          en: "the backups in \(error.path) cannot be read (\(reason)); "
            + "ask the e-coordinator, who owns the file")
      }
      guard let number, !list else {
        if backups.isEmpty {
          Output.print(
            TextCleaning.printable(
              sv ? "Inga säkerhetskopior av \(file.path) än." : "No backups of \(file.path) yet."))
        }
        for (i, b) in backups.enumerated() {
          // Local time with its offset: a person reads this list.
          let line =
            "\(i + 1)  \(LocalTime.text(b.date))  \(b.size) \(sv ? "byte" : "bytes")  \(b.name)"
          Output.print(TextCleaning.printable(line))
        }
        return
      }
      guard backups.indices.contains(number - 1) else {
        throw Failure(
          sv: "det finns ingen säkerhetskopia \(number); \(backups.count) finns "
            + "(se etjanst restore --list)",
          en: "there is no backup \(number); \(backups.count) exist (see etjanst restore --list)")
      }
      try file.restore(backups[number - 1], actor: Actor(user), now: Date())
      Output.print(
        TextCleaning.printable(
          sv
            ? "Återställde \(backups[number - 1].name); läget den ersatte är nu en säkerhetskopia."
            : "Restored \(backups[number - 1].name); the state it replaced is now a backup."))
    }
  }
}

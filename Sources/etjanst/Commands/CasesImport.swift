import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst cases import FILE.csv`: cases from an Open ePlatform export, all rows or
/// none, through the same rules and lock as the console.
struct Cases: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Cases from an Open ePlatform export.", subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Import cases from CSV (case number, e-service, officer login, status); a bad row stops the whole file."
    )

    @Argument(help: "The CSV file (- for standard input).", completion: .file())
    var file: String

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var lockWait: LockWaitOption

    func run() throws {
      let language = languageOption.language
      try reporting(language) {
        let (store, m, user) = try storeOptions.load()
        lockWait.apply(to: store, language)
        let text = try CommandInput.text(file)
        let rows: [ImportedCase]
        do {
          rows = try CaseImport.parse(text, m)
        } catch let error as CaseImportError {
          throw Failure(file: file, error)
        }
        try store.perform(ImportCases(rows, source: file), actor: Actor(user), now: Date())
        let count = Noun.case.count(rows.count)
        Output.print(
          language == .swedish ? "Importerade \(count.sv)." : "Imported \(count.en).")
      }
    }
  }
}

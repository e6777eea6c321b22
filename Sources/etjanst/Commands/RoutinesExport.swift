import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst routines export`: every department's fallback routine (guideline 4.3)
/// with whom to call, to print or put on a shared drive, so it can be read when the
/// platform cannot.
struct Routines: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The departments' fallback routines (guideline 4.3).", subcommands: [Export.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write the fallback routines with the e-service board's and the e-coordinator's contacts, to print."
    )

    @Option(name: .long, help: "Markdown, HTML or plain text.")
    var format: RoutineExportFormat

    @Option(
      name: .long, help: "Only this department (name, a unique part of it, or id).",
      completion: StoreCompletion.departments)
    var department: String?

    @Option(
      name: .long, help: "Write to this file (created 0600) instead of standard output (-).",
      completion: .file())
    var output: String?

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let language = languageOption.language
      try reporting(language) {
        let target = try OutputTarget(output)
        let (file, m, _) = try storeOptions.load()
        let text = try RoutineExport.render(
          m, format: format, department: department.map(TextCleaning.line), today: Day(Date()),
          language: language)
        // Contacts' names and numbers: a file is 0600 from the start (OutputFile); - is standard output.
        try target.write(text, sparing: file)
      }
    }
  }
}

extension RoutineExportFormat: ExpressibleByArgument {}

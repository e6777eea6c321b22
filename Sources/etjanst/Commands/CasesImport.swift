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
      abstract: "Import cases from CSV; a bad row stops the whole file.",
      discussion: """
        Columns by header name, in any order and case, Swedish or English (the platform's own \
        labels; README, Your first day): case number, e-service (by name, flow family id or \
        id), officer (a login) and status (ongoing, or closed: Avslutad, Avslutat). A file \
        without a header row is read in that order. Other columns are named and ignored. An \
        open case's officer must hold case-officer access to its e-service today and not be \
        removed (4.1, 4.2). A case number already known is updated; one already as the file \
        says is left alone, so a second run changes nothing.
        """)

    @OptionGroup var options: SetupImportOptions

    func run() throws {
      let language = options.language.language
      try reporting(language) {
        let (store, m, user) = try options.store.load()
        options.lockWait.apply(to: store, language)
        let input = try CommandInput.importText(options.file)
        let progress = ProgressLine.start(language)
        defer { progress?.stop() }
        let plan: CaseImportPlan
        do {
          plan = try withImportProgress(progress) {
            try CaseImport.parse(input.text, m, today: Day(Date()))
          }
        } catch let error as CaseImportError {
          throw Failure(file: options.file, error)
        }
        let command = ImportCases(plan.rows, source: options.file)
        let now = Date()
        progress?.follow(store, rows: plan.rows.count, dryRun: options.dryRun)
        if !plan.rows.isEmpty {
          if options.dryRun {
            try store.tryOut(command, actor: Actor(user), now: now)
          } else {
            try store.perform(command, actor: Actor(user), now: now)
          }
        }
        progress?.stop()
        var lines = ImportReport.preamble(
          note: input.note, columns: plan.columns, ignored: plan.ignored, dryRun: options.dryRun,
          language)
        let sv = language == .swedish
        func count(_ n: Int) -> String {
          let noun = Noun.case.count(n)
          return sv ? noun.sv : noun.en
        }
        if !plan.rows.isEmpty {
          let counts =
            sv
            ? "\(plan.added) nya, \(plan.changed) ändrade"
            : "\(plan.added) new, \(plan.changed) changed"
          lines.append(
            options.dryRun
              ? (sv
                ? "Skulle importera \(count(plan.rows.count)): \(counts)."
                : "Would import \(count(plan.rows.count)): \(counts).")
              : (sv
                ? "Importerade \(count(plan.rows.count)): \(counts)."
                : "Imported \(count(plan.rows.count)): \(counts)."))
        }
        if plan.unchanged > 0 {
          lines.append(
            sv
              ? "Finns redan som i filen: \(count(plan.unchanged))."
              : "Already as the file says: \(count(plan.unchanged)).")
        }
        lines += ImportReport.closing(
          changedNothing: plan.rows.isEmpty, dryRun: options.dryRun, language)
        for line in lines { Output.print(TextCleaning.printable(line)) }
      }
    }
  }
}

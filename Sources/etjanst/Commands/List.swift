import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst list KIND`: a kind of record as a table, CSV or JSON.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List services, staff, access, cases, orders, routines, outages or the audit trail.")

  @Argument(help: "What to list.")
  var kind: ListKind

  @Option(name: .long, help: "A table for people, CSV for spreadsheets, JSON for scripts.")
  var format: ExportFormat = .table

  @Flag(name: .long, help: "Every column in the table (the default table fits 100 columns).")
  var wide = false

  @Option(name: .long, help: "Only rows containing every word of TEXT.")
  var filter: String?

  @Option(name: .long, help: "Only this department (name, a unique part of it, or id).")
  var department: String?

  @Option(name: .long, help: "Orders only: those in this step (1-5) of guideline 6.")
  var step: Int?

  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let (file, m, user) = try storeOptions.load()
      let options = ListOptions(
        filter: filter.map(TextCleaning.line), department: department.map(TextCleaning.line),
        step: step, today: Day(Date()), language: language)
      // What a manager may list is decided by Visibility: `m` is already their
      // department's; asking for another department's people says so.
      let visibility = Visibility(user)
      if case .export(let k) = kind, [.staff, .access, .cases, .orders].contains(k),
        let own = visibility.department, let asked = try options.departmentID(in: m),
        !visibility.sees(department: asked)
      {
        throw Failure(
          sv: "en chef listar \(k.rawValue) för sin egen förvaltning (\(m.departmentName(own)))",
          en:
            "a manager lists \(k.rawValue) of their own department only (\(m.departmentName(own)))"
        )
      }
      if kind == .audit && !visibility.seesAuditTrail {
        throw Failure(
          sv: "granskningsloggen namnger alla som ändrat något; fråga e-samordnaren",
          en: "the audit trail names everyone who changed anything; ask the e-coordinator")
      }
      let table: ExportTable
      switch kind {
      case .audit:
        let entries = try file.auditEntries()
        table = ExportTable(
          columns: ["at", "login", "what"],
          rows: entries.map {
            [.time($0.at), .text($0.login), .text(language == .swedish ? $0.sv : $0.en)]
          }
        ).filtered(options.filter)
      case .export(let exportKind):
        table = try exportKind.table(m, options)
      }
      Output.print(try format.render(table, language: language, wide: wide), terminator: "")
    }
  }
}

/// The kinds of `list`: the export tables plus the store's audit trail.
enum ListKind: ExpressibleByArgument, CaseIterable, Equatable {
  case export(ExportKind)
  case audit

  static var allCases: [ListKind] { ExportKind.allCases.map(ListKind.export) + [.audit] }

  init?(argument: String) {
    if argument == "audit" {
      self = .audit
    } else if let kind = ExportKind(rawValue: argument) {
      self = .export(kind)
    } else {
      return nil
    }
  }

  var defaultValueDescription: String { "services" }

  static var allValueStrings: [String] { ExportKind.allCases.map(\.rawValue) + ["audit"] }
}

extension ExportFormat: ExpressibleByArgument {}

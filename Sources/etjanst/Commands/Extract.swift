import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst extract PERSON [--format md|json]`: a register extract (GDPR article 15)
/// of one person, in Swedish or English.
struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "A register extract (GDPR art. 15): all the store and its audit trail hold about one person.")

  @Argument(help: "The person: a login, or a staff id.", completion: StoreCompletion.logins)
  var person: String

  @Option(name: .long, help: "md (Markdown, for the person) or json.")
  var format: ExtractFormat = .md

  @Option(
    name: .long, help: "Write to FILE (created 0600) rather than standard output (-).",
    completion: .file())
  var output: String?

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: LanguageOption

  enum ExtractFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
  }

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let target = try OutputTarget(output)
      // The store as this user may see it: a manager extracts their own staff only.
      let (file, m, user) = try storeOptions.load()
      let key = TextCleaning.line(person)
      let visibility = Visibility(user)
      var trail: [AuditEntry]?
      if visibility.seesAuditTrail {
        var query = RegisterExtract.trailQuery(key, in: m)
        query.viewer = visibility
        do {
          trail = try file.auditPage(query, limit: Int.max).entries.reversed()
        } catch {
          throw Failure(error)
        }
      }
      guard
        let extract = RegisterExtract.make(
          key, in: m, trail: trail, language: language, now: Date())
      else {
        throw Failure(
          sv:
            "ingen person med inloggningen eller id:t '\(key)' finns i registret\(visibility.seesEverything ? "" : " för din förvaltning")",
          en:
            "no person with the login or id '\(key)' is in the store\(visibility.seesEverything ? "" : " for your department")"
        )
      }
      let text =
        format == .json
        ? try RegisterExtractFormat.json(extract)
        : RegisterExtractFormat.markdown(extract, language)
      // Personal data: a file is 0600 from the start (OutputFile), never
      // one of the store's own files; - is standard output.
      try target.write(text, sparing: file)
    }
  }
}
